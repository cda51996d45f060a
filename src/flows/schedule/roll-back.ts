import type { DraftProbe } from '../../core/draft-probe.js';
import type { SlackUserRef } from '../../core/identity.js';
import type { BookingOutcome, MissingGrant, ProposalView } from '../../core/outcomes.js';
import { spreadOverDays } from '../../core/spread-over-days.js';
import { withGrant } from '../connect/with-grant.js';
import type { BookingDeps } from '../deps.js';
import { withStep, type ScheduleRecord } from './record.js';
import { viewOf } from './view.js';

/** What a failed booking may have left at Google: its event by id, and its draft if one may exist. */
export interface UndoPlan {
  eventId: string;
  draft?: DraftProbe | undefined;
}

/**
 * Rolls a claimed booking back. When Google cannot be reached, what is left stays on the record
 * (`undo`) and recovery retries it until it is gone. A process that dies half-way leaves the
 * booking as it was: recovery reads the event again and goes forward or rolls back from there.
 */
export async function rollBack(deps: BookingDeps, record: ScheduleRecord, plan: UndoPlan, reason: string): Promise<Undone> {
  const undone = await undoAtGoogle(deps, record.owner, plan);
  if (undone.event && undone.draft) {
    await reopen(deps, record.id, plan.eventId);
    return undone;
  }
  deps.log.error('orphaned event or draft left after a failed booking; recovery will retry', {
    requestId: record.id,
    eventId: plan.eventId,
    eventLeft: !undone.event,
    draftLeft: !undone.draft,
  });
  const undo = { eventId: plan.eventId, reason, ...(plan.draft ? { draft: plan.draft } : {}) };
  await deps.store.update(record.id, (r) => ({
    next: r.booking.state === 'booking' ? withStep({ ...r, booking: { ...r.booking, undo } }, 'roll-back-failed', deps.now(), plan.eventId) : r,
    result: undefined,
  }));
  return undone;
}

/** The draft step failed: the event goes again, so that no meeting exists without its follow-up. */
export async function compensate(deps: BookingDeps, record: ScheduleRecord, plan: UndoPlan, reason: string, missing?: MissingGrant): Promise<BookingOutcome> {
  const undone = await rollBack(deps, record, plan, reason);
  // Times are offered again only once nothing is left: until then the request waits for recovery.
  const retry = undone.event && undone.draft ? await retryView(deps, record.id) : undefined;
  return { kind: 'draft-failed', requestId: record.id, title: record.request.title, reason, eventRemoved: undone.event, retry, missing };
}

/**
 * Recovery's turn at a roll-back left on the record. Undefined while Google still fails (the
 * claim lapses and the next sweep tries again); once nothing is left, the owner is told, once.
 */
export async function finishRollBack(deps: BookingDeps, record: ScheduleRecord): Promise<BookingOutcome | undefined> {
  const b = record.booking;
  if (b.state !== 'booking' || !b.undo) return undefined;
  const undone = await undoAtGoogle(deps, record.owner, b.undo);
  if (!undone.event || !undone.draft) return undefined;
  await reopen(deps, record.id, b.undo.eventId);
  return { kind: 'rolled-back', requestId: record.id, title: record.request.title, retry: await retryView(deps, record.id) };
}

/** Which of the two is known to be gone. */
export interface Undone {
  event: boolean;
  draft: boolean;
}

/** Deleting is idempotent at Google: an event that reads cancelled or missing, and a draft not found, are gone. */
async function undoAtGoogle(deps: BookingDeps, owner: SlackUserRef, plan: UndoPlan): Promise<Undone> {
  const attempt = async (what: string, run: () => Promise<{ kind: string }>): Promise<boolean> => {
    try {
      return (await run()).kind === 'ok';
    } catch (e) {
      deps.log.error(`could not remove the ${what} of a failed booking`, { eventId: plan.eventId, error: String(e) });
      return false;
    }
  };
  const event = await attempt('event', () =>
    withGrant(deps.grants, { user: owner }, 'calendar', async (token) => {
      if ((await deps.calendar.getEvent(token, plan.eventId)).kind === 'live') await deps.calendar.deleteEvent(token, plan.eventId);
    }),
  );
  const probe = plan.draft;
  const draft = !probe
    ? true
    : await attempt('draft', () =>
        withGrant(deps.grants, { user: owner }, 'gmail', async (token) => {
          const found = await deps.gmail.findDraft(token, probe);
          if (found) await deps.gmail.deleteDraft(token, found.draftId);
        }),
      );
  return { event, draft };
}

/** The booking is open again under the next generation: a deleted event keeps its id for ever. */
async function reopen(deps: BookingDeps, requestId: string, eventId: string): Promise<void> {
  await deps.store.update(requestId, (r) => ({
    next: r.booking.state === 'booking' ? withStep({ ...r, generation: r.generation + 1, booking: { state: 'open' } }, 'compensated', deps.now(), eventId) : r,
    result: undefined,
  }));
}

async function retryView(deps: BookingDeps, requestId: string): Promise<ProposalView | undefined> {
  const fresh = await deps.store.get(requestId);
  const now = deps.now();
  if (!fresh) return undefined;
  const slots = spreadOverDays(
    fresh.candidates.filter((c) => c.start >= now && fresh.shown.includes(c.start)),
    fresh.organizer?.zone ?? 'UTC',
  );
  return slots.length > 0 ? viewOf(fresh, slots, false) : undefined;
}
