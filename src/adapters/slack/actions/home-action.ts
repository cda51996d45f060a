import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../../core/identity.js';
import type { Reply } from '../../../core/messages/types.js';
import { guarded } from '../guard.js';
import type { SlackDeps } from '../deps.js';
import { ActionPayload, userOfAction } from '../payloads.js';

export interface HomeClick {
  client: WebClient;
  user: SlackUserRef;
  value: string | undefined;
  triggerId: string;
}

/**
 * An App Home button: ack, then work as the user who clicked. Home clicks carry no response_url,
 * so a failure reaches the user through `tell` when the button has one.
 */
export function homeAction(
  listener: string,
  work: (deps: SlackDeps, click: HomeClick) => Promise<void>,
  tell?: (client: WebClient, user: SlackUserRef) => (reply: Reply) => Promise<unknown>,
) {
  return (deps: SlackDeps) =>
    async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const payload = ActionPayload.safeParse(body);
      const user = payload.success ? userOfAction(payload.data) : undefined;
      if (!payload.success || !user) return;
      const click = { client, user, value: payload.data.actions[0]?.value, triggerId: body.trigger_id };
      await guarded({ listener, user, log: deps.log, inflight: deps.inflight, tell: tell?.(client, user) }, () => work(deps, click));
    };
}
