import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { MAX_BUTTON_VALUE } from '../../../core/inbox/cursor.js';
import type { SlackUserRef } from '../../../core/identity.js';
import { decodeRequest } from '../../../core/messages/actions.js';
import { buildInboxGone, renderInbox } from '../../../core/messages/inbox-notices.js';
import type { Rendered } from '../../../core/messages/render.js';
import type { InboxDeps } from '../../../flows/inbox-ports.js';
import { continueInbox, moreInbox } from '../../../flows/summarize-inbox.js';
import { guarded } from '../guard.js';
import { inboxDeps } from '../inbox-deps.js';
import type { ListenerDeps } from '../listener-deps.js';
import { ActionPayload, interactionOf, userOfAction } from '../payloads.js';
import { sendReply } from '../reply.js';

/**
 * The inbox buttons' shared shape (like `buttonListener`, on the inbox deps): ack first, then
 * act as the person who clicked, whose identity the flows compare with the button's owner.
 */
function inboxButton<V>(
  listener: string,
  decode: (value: string | undefined) => V | undefined,
  work: (deps: InboxDeps, user: SlackUserRef, value: V, channelId: string) => Promise<Rendered>,
) {
  return (deps: ListenerDeps) =>
    async ({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const payload = ActionPayload.safeParse(body);
      const user = payload.success ? userOfAction(payload.data) : undefined;
      await guarded({ listener, user, log: deps.log, respond, inflight: deps.inflight }, async () => {
        const value = payload.success ? decode(payload.data.actions[0]?.value) : undefined;
        if (!payload.success || !user || value === undefined) {
          await sendReply(respond, { reply: buildInboxGone(), placement: 'beside' });
          return;
        }
        await sendReply(respond, await work(inboxDeps(deps, client), user, value, interactionOf(payload.data).channelId));
      });
    };
}

const decodeCursor = (value: string | undefined) => (value !== undefined && value.length > 0 && value.length <= MAX_BUTTON_VALUE ? value : undefined);

/** Continue on an inbox connect prompt: the summary replaces the prompt. */
export const inboxContinue = inboxButton('action:inbox_continue', decodeRequest, async (deps, user, v) =>
  renderInbox(await continueInbox(deps, user, v.r), 'replace'),
);

/** Show more: the next page arrives beside the one already read. */
export const inboxMore = inboxButton('action:inbox_more', decodeCursor, async (deps, user, v, channelId) =>
  renderInbox(await moreInbox(deps, user, v, channelId), 'beside'),
);
