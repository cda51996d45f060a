import { eventIdFor } from '../../core/event-id.js';
import type { BookingOutcome } from '../../core/outcomes.js';
import { withGrant } from '../connect/with-grant.js';
import type { BookingDeps } from '../deps.js';
import { draftAndConfirm, draftProbeFor } from './draft-step.js';
import { withStep, type ScheduleRecord } from './record.js';
import { compensate, finishRollBack } from './roll-back.js';

export interface Recovered {
  record: ScheduleRecord;
  outcome: BookingOutcome;
}

/**
 * Finishes or rolls back bookings whose process died: an event already made gets its draft (or
 * is deleted if that fails); a booking that died before its event was recorded is rolled back,
 * deleting the event in case Google made it; a roll-back left unfinished (Google was down, or the
 * process died in it) is tried again, every sweep, until nothing is left. Only bookings that ended
 * are returned, so the owner hears of each once.
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
      const claimed = { ...r, booking: { ...r.booking, claimedAt: now } };
      // A roll-back is retried every sweep while Google is down: its retries are not journalled.
      const next = r.booking.undo ? claimed : withStep(claimed, 'recovered', now);
      return { next, result: next };
    });
    if (!taken || taken.booking.state !== 'booking') continue;
    try {
      const outcome = await runClaimedRecovery(deps, taken, eventIdFor(taken.id, taken.generation, taken.booking.slot.start));
      if (outcome) done.push({ record: taken, outcome });
    } catch (e) {
      deps.log.error('could not recover a booking', { requestId: id, error: String(e) });
    }
  }
  // Each pass is visible at debug, so that an operator (or a test) can tell recovery is running.
  deps.log.debug('booking recovery pass', { stale: ids.length, recovered: done.length });
  return done;
}

/**
 * A roll-back on record is finished. With the event on record the booking goes forward (the draft,
 * looked for first since the process may have died after Gmail made it; or rolled back if the
 * event is gone meanwhile). Without it the process may have died while Google made it: roll back
 * by its id. Undefined: Google could not be asked; the next sweep tries again.
 */
async function runClaimedRecovery(deps: BookingDeps, record: ScheduleRecord, expectedEventId: string): Promise<BookingOutcome | undefined> {
  const b = record.booking;
  if (b.state !== 'booking') return { kind: 'gone' };
  if (b.undo) return finishRollBack(deps, record);
  if (!b.eventId || !b.eventLink) return compensate(deps, record, { eventId: expectedEventId }, 'the bot restarted in the middle of booking');
  const event = { id: b.eventId, htmlLink: b.eventLink, meetLink: b.meetLink };
  const found = await withGrant(deps.grants, { user: record.owner }, 'calendar', (token) => deps.calendar.getEvent(token, event.id));
  if (found.kind !== 'ok') return undefined;
  if (found.value.kind === 'live') return draftAndConfirm(deps, record, b.slot, event, { lookFirst: true });
  return compensate(deps, record, { eventId: event.id, draft: draftProbeFor(record, b.slot, event) }, 'the booking could not be finished before the bot restarted');
}
