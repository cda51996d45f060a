import { eventIdFor } from '../../core/event-id.js';
import type { BookingOutcome } from '../../core/outcomes.js';
import { compensate, draftAndConfirm } from './booking-saga.js';
import type { BookingDeps } from '../deps.js';
import { withStep, type ScheduleRecord } from './record.js';

export interface Recovered {
  record: ScheduleRecord;
  outcome: BookingOutcome;
}

/**
 * Finishes or rolls back bookings whose process died: an event already made gets its draft (or
 * is deleted if that fails); a booking that died before its event was recorded is rolled back,
 * deleting the event in case Google made it.
 */
export async function recoverBookings(deps: BookingDeps): Promise<Recovered[]> {
  // Staleness is the store's call, on its clock: ours may run ahead of the instance that holds the lease.
  const ids = await deps.store.takeUnfinished(deps.bookingLeaseMs);
  const done: Recovered[] = [];
  for (const id of ids) {
    const now = deps.now();
    const taken = await deps.store.update(id, (r): { next?: ScheduleRecord; result: ScheduleRecord | undefined } => {
      // The store handed this claim to us alone; the booking may have finished in between.
      if (r.booking.state !== 'booking') return { result: undefined };
      const next = withStep({ ...r, booking: { ...r.booking, claimedAt: now } }, 'recovered', now);
      return { next, result: next };
    });
    if (!taken || taken.booking.state !== 'booking') continue;
    try {
      done.push({ record: taken, outcome: await runClaimedRecovery(deps, taken, eventIdFor(taken.id, taken.generation, taken.booking.slot.start)) });
    } catch (e) {
      deps.log.error('could not recover a booking', { requestId: id, error: String(e) });
    }
  }
  // Each pass is visible at debug, so that an operator (or a test) can tell recovery is running.
  deps.log.debug('booking recovery pass', { stale: ids.length, recovered: done.length });
  return done;
}

/**
 * With the event on record, the booking is finished (draft, then confirmed; or rolled back if the
 * draft fails). Without it the process may have died while Google made it: roll back by its id.
 */
async function runClaimedRecovery(deps: BookingDeps, record: ScheduleRecord, expectedEventId: string): Promise<BookingOutcome> {
  const b = record.booking;
  if (b.state !== 'booking') return { kind: 'gone' };
  if (b.eventId && b.eventLink) return draftAndConfirm(deps, record, b.slot, { id: b.eventId, htmlLink: b.eventLink });
  return compensate(deps, record, expectedEventId, 'the bot restarted in the middle of booking');
}
