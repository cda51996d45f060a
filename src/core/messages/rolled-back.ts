import type { BookingOutcome } from '../outcomes.js';
import { buildProposal } from './proposal.js';
import { MAX_TITLE, shown } from './text.js';
import { context, section, type Reply } from './types.js';

/** A roll-back that had failed (and was reported so) finished later, on one of the bot's retries. */
export function buildRolledBack(o: Extract<BookingOutcome, { kind: 'rolled-back' }>): Reply {
  const text = `Cleaned up after booking ${shown(o.title, MAX_TITLE)}`;
  const head = section(`:broom: Google answers again, and I’ve cleaned up after the booking of *${shown(o.title, MAX_TITLE)}* that failed: no calendar event or draft of it is left.`);
  if (!o.retry) return { text, blocks: [head] };
  return { text, blocks: [head, context('You can pick a time again:'), ...buildProposal(o.retry).blocks.slice(1, 49)] };
}
