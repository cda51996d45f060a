import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackUserRef } from '../../../core/identity.js';
import { buildGone } from '../../../core/messages/notices.js';
import type { Rendered } from '../../../core/messages/render.js';
import type { Interaction } from '../../../flows/pending-requests.js';
import type { FlowDeps } from '../../../flows/ports.js';
import { guarded } from '../guard.js';
import { flowDeps, type ListenerDeps } from '../listener-deps.js';
import { ActionPayload, interactionOf, userOfAction } from '../payloads.js';
import { sendReply } from '../reply.js';

/**
 * The shape every button listener shares: ack first, read the payload and the button's value,
 * then do the work as the user who clicked (never as whoever the button was made for).
 */
export function buttonListener<V>(
  listener: string,
  decode: (value: string | undefined) => V | undefined,
  work: (deps: FlowDeps, user: SlackUserRef, value: V, at: Interaction) => Promise<Rendered>,
) {
  return (deps: ListenerDeps) =>
    async ({ ack, body, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const payload = ActionPayload.safeParse(body);
      const user = payload.success ? userOfAction(payload.data) : undefined;
      await guarded({ listener, user, log: deps.log, respond, inflight: deps.inflight }, async () => {
        const value = payload.success ? decode(payload.data.actions[0]?.value) : undefined;
        if (!payload.success || !user || value === undefined) {
          await sendReply(respond, { reply: buildGone(), placement: 'beside' });
          return;
        }
        await sendReply(respond, await work(flowDeps(deps, client), user, value, interactionOf(payload.data)));
      });
    };
}
