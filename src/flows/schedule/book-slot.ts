import type { SlackUserRef } from '../../core/identity.js';
import type { Interval } from '../../core/intervals.js';
import type { BookingOutcome } from '../../core/outcomes.js';
import { makeBooking } from './booking-saga.js';
import { bookedView } from './view.js';
import type { Interaction } from '../connect/pending.js';
import type { BookingDeps, ScheduleDeps } from '../deps.js';
import { isServiceError } from '../ports/index.js';
import { offerFreshTimes } from './offer-fresh-times.js';
import { ownedBy, withStep, type ScheduleRecord } from './record.js';
import { sharePeople } from './slot-check.js';

type Claim = { kind: 'claimed'; record: ScheduleRecord; slot: Interval } | { kind: 'taken'; busy: Interval[]; title: string } | { kind: 'done'; outcome: BookingOutcome };

/**
 * Books one picked slot. The claim is a row lock plus a lease kept alive while the booking runs,
 * so a double click or a second instance sees it, and a dead process's claim can be taken over.
 * The store stamps the lease with its own clock on every write (`claimedAt` is only a note).
 * Claims take turns in the store: a time one of the same people is booking or has booked is
 * refused here, before anything reaches Google.
 */
export async function bookSlot(deps: ScheduleDeps, user: SlackUserRef, requestId: string, slotStart: number, at: Interaction): Promise<BookingOutcome> {
  const now = deps.now();
  const pickedIn = (record: ScheduleRecord) => record.candidates.find((c) => c.start === slotStart && record.shown.includes(c.start));
  const claim = await deps.store.claim(requestId, pickedIn, (record, overlapping): { next?: ScheduleRecord; result: Claim } => {
    if (!ownedBy(record, user)) return { result: { kind: 'done', outcome: { kind: 'not-yours' } } };
    const b = record.booking;
    if (b.state === 'booked') return { result: { kind: 'done', outcome: { kind: 'booked', booking: bookedView(record, b) } } };
    if (b.state === 'booking') return { result: { kind: 'done', outcome: { kind: 'in-progress' } } };
    if (b.state === 'cancelled') return { result: { kind: 'done', outcome: { kind: 'gone' } } };
    const slot = pickedIn(record);
    if (!slot || slot.start < now) return { result: { kind: 'done', outcome: { kind: 'gone' } } };
    const busy = overlapping.filter((o) => sharePeople(record, o)).flatMap((o) => ('slot' in o.booking ? [o.booking.slot] : []));
    if (busy.length > 0) return { result: { kind: 'taken', busy, title: record.request.title } };
    const next = withStep({ ...record, booking: { state: 'booking', claimedAt: now, slot, responseUrl: at.responseUrl } }, 'claimed', now);
    return { next, result: { kind: 'claimed', record: next, slot } };
  });
  if (!claim) return { kind: 'gone' };
  if (claim.kind === 'done') return claim.outcome;
  if (claim.kind === 'taken') return offerFreshTimes(deps, { kind: 'slot-taken', requestId, title: claim.title, busy: claim.busy }, at);
  const outcome = await runClaimed(deps, claim.record, claim.slot, at);
  return outcome.kind === 'slot-taken' ? offerFreshTimes(deps, outcome, at) : outcome;
}

/** Runs a claimed booking with its lease renewed, and lets go of the claim if it did not finish. */
export async function runClaimed(deps: BookingDeps, record: ScheduleRecord, slot: Interval, at: Interaction): Promise<BookingOutcome> {
  const stop = keepLease(deps, record.id);
  try {
    const outcome = await makeBooking(deps, record, slot, at);
    if (outcome.kind !== 'booked' && outcome.kind !== 'draft-failed') await release(deps, record.id, false);
    return outcome;
  } catch (e) {
    // An id that Google holds as a deleted event can never be booked again: move past it.
    await release(deps, record.id, isServiceError(e) && e.problem === 'gone');
    throw e;
  } finally {
    stop();
  }
}

/** Lets go of a claim that is still plain: a roll-back left on the record is recovery's to finish. */
export async function release(deps: BookingDeps, requestId: string, eventWasCreated: boolean): Promise<void> {
  await deps.store.update(requestId, (r) => ({
    next: r.booking.state === 'booking' && !r.booking.undo ? { ...r, generation: eventWasCreated ? r.generation + 1 : r.generation, booking: { state: 'open' } } : r,
    result: undefined,
  }));
}

/** Rewrites the booking now and then: each write renews the lease by the store's clock. */
function keepLease(deps: BookingDeps, requestId: string): () => void {
  const timer = setInterval(
    () => {
      deps.store
        .update(requestId, (r) => (r.booking.state === 'booking' ? { next: { ...r, booking: { ...r.booking, claimedAt: deps.now() } }, result: undefined } : { result: undefined }))
        .catch((e: unknown) => deps.log.warn('could not renew a booking lease', { requestId, error: String(e) }));
    },
    Math.max(50, Math.floor(deps.bookingLeaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
