import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { guarded } from '../guard.js';
import { userOfEventBody } from '../event-user.js';
import { publishHome } from '../home/publish-home.js';
import type { SlackDeps } from '../deps.js';

/** Opening the Home tab shows the user's connections and preferences as they are now. */
export const appHomeOpened =
  (deps: SlackDeps) =>
  async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const user = userOfEventBody(body, event.user);
    if (!user) return;
    await guarded({ listener: 'event:app_home_opened', user, log: deps.log, inflight: deps.inflight }, () => publishHome(deps, client, user));
  };
