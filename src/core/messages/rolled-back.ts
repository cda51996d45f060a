import type { BookingOutcome } from '../outcomes.js';
import { buildProposal } from './proposal.js';
import { escapeText } from './text.js';
import { context, section, type Reply } from './types.js';

/** A roll-back that had failed (and was reported so) finished later, on one of the bot's retries. */
export function buildRolledBack(o: Extract<BookingOutcome, { kind: 'rolled-back' }>): Reply {
  const text = `Cleaned up after booking ${escapeText(o.title)}`;
  const head = section(`:broom: Google answers again, and I’ve cleaned up after the booking of *${escapeText(o.title)}* that failed: no calendar event or draft of it is left.`);
  if (!o.retry) return { text, blocks: [head] };
  return { text, blocks: [head, context('You can pick a time again:'), ...buildProposal(o.retry).blocks.slice(1)] };
}
