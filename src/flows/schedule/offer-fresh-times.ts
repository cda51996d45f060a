import type { BookingOutcome } from '../../core/outcomes.js';
import type { Interaction } from '../connect/pending.js';
import type { ScheduleDeps } from '../deps.js';
import { searchSlots } from './search.js';

type SlotTaken = Extract<BookingOutcome, { kind: 'slot-taken' }>;

/**
 * The picked time was taken meanwhile: the same request is searched again, with the clashing
 * bookings counted as busy even before their events reach Google, and the fresh times go with
 * the answer.
 */
export async function offerFreshTimes(deps: ScheduleDeps, taken: SlotTaken, at: Interaction): Promise<BookingOutcome> {
  const record = await deps.store.get(taken.requestId);
  if (record?.booking.state !== 'open') return taken;
  return { ...taken, fresh: await searchSlots(deps, record, at, taken.busy) };
}
