import { parseInboxAsk } from '../../../core/inbox/ask.js';
import { renderInbox } from '../../../core/messages/inbox-notices.js';
import type { Reply } from '../../../core/messages/types.js';
import { summarizeInbox } from '../../../flows/inbox/summarize.js';
import { deliverTo } from '../deliver.js';
import { inboxDeps } from '../deps.js';
import { homeAction } from './home-action.js';

const DEFAULT_ASK = parseInboxAsk('summarize my unread email');

/** App Home's "Summarize unread": the summary goes to the user's DM with the bot, seen by them alone. */
export const homeInbox = homeAction(
  'action:home_inbox',
  async (deps, { client, user }) => {
    if (DEFAULT_ASK.kind !== 'inbox') return;
    const delivery = { kind: 'dm', channelId: user.userId } as const;
    await deliverTo(client, user, delivery, renderInbox(await summarizeInbox(inboxDeps(deps, client), user, DEFAULT_ASK.ask, user.userId)).reply);
  },
  (client, user) => (reply: Reply) => deliverTo(client, user, { kind: 'dm', channelId: user.userId }, reply),
);
