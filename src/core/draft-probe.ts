import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Gmail's drafts.create has no idempotency key: a create whose answer was lost may have made the
 * draft, and creating again makes a second. So every draft carries a Message-ID of the bot's own,
 * derived from the same inputs as the event id (one booking attempt, one id), and a draft is looked
 * for by it before any create is repeated.
 */
export const MESSAGE_ID_DOMAIN = 'scheduler.invalid';

/** `<sched-<request>-<generation>-<slot>@scheduler.invalid>`; `.invalid` (RFC 2606) is no one else's domain. */
export function draftMessageId(requestId: string, generation: number, slotStart: number): string {
  // Message-ID's left part allows only "atext" and dots; an id with other characters is hashed.
  const id = /^[A-Za-z0-9_-]{1,64}$/.test(requestId) ? requestId : createHash('sha256').update(requestId).digest('hex').slice(0, 32);
  return `<sched-${id}-${generation}-${slotStart.toString(36)}@${MESSAGE_ID_DOMAIN}>`;
}

/**
 * What identifies one booking's draft at Gmail. Gmail is not documented to keep a client's
 * Message-ID on drafts; if it replaced it, the draft is still found by its subject, a recipient and
 * its age, and recognised by the event link in its body, which no other draft carries.
 */
export const DraftProbe = z.object({
  messageId: z.string(),
  subject: z.string(),
  to: z.string(),
  /** Epoch ms before the draft could have been made. */
  since: z.number(),
  /** Text only this draft's body holds: the event link. */
  marker: z.string(),
});
export type DraftProbe = z.infer<typeof DraftProbe>;
