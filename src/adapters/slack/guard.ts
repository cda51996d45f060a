import { randomBytes } from 'node:crypto';
import type { SlackUserRef } from '../../core/identity.js';
import { buildInternalError } from '../../core/messages/notices.js';
import { buildStoreUnavailable } from '../../core/messages/store-notice.js';
import type { Reply } from '../../core/messages/types.js';
import type { Logger } from '../../flows/ports/index.js';
import type { Inflight } from '../../inflight.js';
import { isServiceError } from '../../flows/ports/index.js';
import { isStoreUnavailable } from '../store/store-error.js';
import type { Respond } from './response-url.js';

function describe(e: unknown): Record<string, unknown> {
  if (isServiceError(e)) return { error: e.message, service: e.service, operation: e.operation, problem: e.problem, status: e.status };
  if (e instanceof Error) return { error: `${e.name}: ${e.message}` };
  return { error: String(e) };
}

/**
 * The one error wrapper every listener's work runs in: the log gets the context (never a token),
 * the user gets a message with a reference they can quote (saying so when it is the bot's own
 * database that is out of reach), and shutdown waits for the work.
 */
export async function guarded(
  ctx: {
    listener: string;
    user?: SlackUserRef | undefined;
    log: Logger;
    respond?: Respond | undefined;
    inflight?: Inflight;
    /** For events, which have no response_url: how to reach the user who wrote. */
    tell?: ((reply: Reply) => Promise<unknown>) | undefined;
  },
  work: () => Promise<void>,
): Promise<void> {
  try {
    await (ctx.inflight ? ctx.inflight.run(work) : work());
  } catch (e) {
    const reference = randomBytes(4).toString('hex');
    ctx.log.error('listener failed', { listener: ctx.listener, team: ctx.user?.teamId, user: ctx.user?.userId, reference, ...describe(e) });
    const reply = isStoreUnavailable(e) ? buildStoreUnavailable(reference) : buildInternalError(reference);
    const told = ctx.respond ? ctx.respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks }) : ctx.tell?.(reply);
    await told?.catch((err: unknown) => {
      ctx.log.warn('could not tell the user about a failure', { listener: ctx.listener, reference, ...describe(err) });
    });
  }
}
