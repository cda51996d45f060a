import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../../core/identity.js';
import { buildGone } from '../../../core/messages/notices.js';
import type { Rendered } from '../../../core/messages/render.js';
import type { Reply } from '../../../core/messages/types.js';
import type { Interaction } from '../../../flows/connect/pending.js';
import type { ScheduleDeps } from '../../../flows/deps.js';
import { guarded } from '../guard.js';
import { scheduleDeps, type SlackDeps } from '../deps.js';
import { ActionPayload, interactionOf, userOfAction } from '../payloads.js';
import { sendReply } from '../deliver.js';
import { respondTo } from '../response-url.js';

export interface ButtonOptions<D> {
  /** The flow deps for this request; the workspace's client comes with it. */
  depsFor: (deps: SlackDeps, client: WebClient) => D;
  /** What a click with a missing or unreadable value is told. */
  gone: () => Reply;
}

const SCHEDULE_BUTTONS: ButtonOptions<ScheduleDeps> = { depsFor: scheduleDeps, gone: buildGone };

/**
 * The shape every message button's listener shares: ack first, read the payload and the button's
 * value, then do the work as the user who clicked (never as whoever the button was made for).
 */
export function buttonListener<V, D>(
  listener: string,
  decode: (value: string | undefined) => V | undefined,
  work: (deps: D, user: SlackUserRef, value: V, at: Interaction) => Promise<Rendered>,
  options: ButtonOptions<D>,
) {
  return (deps: SlackDeps) =>
    async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const payload = ActionPayload.safeParse(body);
      const user = payload.success ? userOfAction(payload.data) : undefined;
      const respond = respondTo(body.response_url);
      await guarded({ listener, user, log: deps.log, respond, inflight: deps.inflight }, async () => {
        const value = payload.success ? decode(payload.data.actions[0]?.value) : undefined;
        if (!payload.success || !user || value === undefined) {
          await sendReply(respond, { reply: options.gone(), placement: 'beside' });
          return;
        }
        await sendReply(respond, await work(options.depsFor(deps, client), user, value, interactionOf(payload.data)));
      });
    };
}

/** A button of the scheduling messages: its work runs on the scheduling flows' deps. */
export function scheduleButton<V>(
  listener: string,
  decode: (value: string | undefined) => V | undefined,
  work: (deps: ScheduleDeps, user: SlackUserRef, value: V, at: Interaction) => Promise<Rendered>,
) {
  return buttonListener(listener, decode, work, SCHEDULE_BUTTONS);
}
