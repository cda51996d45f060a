import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseInboxAsk } from '../../../core/inbox/ask.js';
import { renderInbox } from '../../../core/messages/inbox-notices.js';
import type { Reply } from '../../../core/messages/types.js';
import type { InboxDelivery } from '../../../flows/inbox-ports.js';
import { summarizeInbox } from '../../../flows/summarize-inbox.js';
import { deliverTo } from '../events/deliver.js';
import { guarded } from '../guard.js';
import { inboxDeps } from '../inbox-deps.js';
import type { ListenerDeps } from '../listener-deps.js';
import { ActionPayload, userOfAction } from '../payloads.js';

const DEFAULT_ASK = parseInboxAsk('summarize my unread email');

/** App Home's "Summarize unread": the summary goes to the user's DM with the bot, seen by them alone. */
export const homeInbox =
  (deps: ListenerDeps) =>
  async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = ActionPayload.safeParse(body);
    const user = payload.success ? userOfAction(payload.data) : undefined;
    if (!user || DEFAULT_ASK.kind !== 'inbox') return;
    const delivery: InboxDelivery = { kind: 'dm', channelId: user.userId };
    const tell = (reply: Reply) => deliverTo(client, user, delivery, reply);
    await guarded({ listener: 'action:home_inbox', user, log: deps.log, inflight: deps.inflight, tell }, async () => {
      await tell(renderInbox(await summarizeInbox(inboxDeps(deps, client), user, DEFAULT_ASK.ask, delivery)).reply);
    });
  };
