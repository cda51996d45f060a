import type { WebClient } from '@slack/web-api';
import { parseInboxAsk } from '../../../core/inbox/ask.js';
import type { SlackUserRef } from '../../../core/identity.js';
import { buildInboxHelp, renderInbox } from '../../../core/messages/inbox-notices.js';
import type { Reply } from '../../../core/messages/types.js';
import { summarizeInbox } from '../../../flows/inbox/summarize.js';
import { guarded } from '../guard.js';
import { inboxDeps } from '../deps.js';
import type { SlackDeps } from '../deps.js';
import { deliverTo, type AskDelivery } from '../deliver.js';

export interface Ask {
  user: SlackUserRef;
  text: string;
  delivery: AskDelivery;
}

/**
 * A DM or a mention: a mail request gets the asker's summary, anything else the help. Events
 * Slack delivers again are already dropped by the `onceEvents` middleware.
 */
export async function handleAsk(deps: SlackDeps, client: WebClient, listener: string, ask: Ask): Promise<void> {
  const tell = (reply: Reply) => deliverTo(client, ask.user, ask.delivery, reply);
  await guarded({ listener, user: ask.user, log: deps.log, inflight: deps.inflight, tell }, async () => {
    const parsed = parseInboxAsk(ask.text);
    if (parsed.kind === 'help') {
      await tell(buildInboxHelp());
      return;
    }
    const outcome = await summarizeInbox(inboxDeps(deps, client), ask.user, parsed.ask, ask.delivery.channelId);
    await tell(renderInbox(outcome).reply);
    // The outcome's kind only: never a subject, a sender or a token.
    deps.log.info('answered an inbox ask', { listener, team: ask.user.teamId, user: ask.user.userId, outcome: outcome.kind, via: ask.delivery.kind });
  });
}
