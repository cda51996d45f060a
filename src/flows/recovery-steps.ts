import type { BookingOutcome } from '../core/outcomes.js';
import { compensate, draftAndConfirm } from './make-booking.js';
import type { BookingDeps } from './ports.js';
import type { ScheduleRecord } from './schedule-record.js';

/**
 * With the event on record, the booking is finished (draft, then confirmed; or rolled back if the
 * draft fails). Without it the process may have died while Google made it: roll back by its id.
 */
export async function runClaimedRecovery(deps: BookingDeps, record: ScheduleRecord, expectedEventId: string): Promise<BookingOutcome> {
  const b = record.booking;
  if (b.state !== 'booking') return { kind: 'gone' };
  if (b.eventId && b.eventLink) return draftAndConfirm(deps, record, b.slot, { id: b.eventId, htmlLink: b.eventLink });
  return compensate(deps, record, expectedEventId, 'the bot restarted in the middle of booking');
}
