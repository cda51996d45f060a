import { buildDraftRaw, gmailDraftLink } from '../core/draft-email.js';
import { eventIdFor } from '../core/event-id.js';
import type { SlackUserRef } from '../core/identity.js';
import type { Interval } from '../core/intervals.js';
import type { BookingOutcome, MissingGrant, ServiceFailure } from '../core/outcomes.js';
import { spreadOverDays } from '../core/pick-proposals.js';
import type { FlowDeps, TokenLookup } from './ports.js';
import { viewOf } from './propose-slots.js';
import { isServiceError } from './service-error.js';
import { ownedBy, type ScheduleRecord } from './schedule-record.js';
import { lookupToken, missingGrant, withGrant } from './with-grant.js';

/** A claim older than this is taken to belong to a booking that died; its event id is reused. */
export const CLAIM_LEASE_MS = 2 * 60_000;

type Claim =
  | { kind: 'claimed'; record: ScheduleRecord; slot: Interval }
  | { kind: 'done'; outcome: BookingOutcome };

/**
 * Books one picked slot: event first (with an id derived from the request, so retries and double
 * clicks land on the same event), then the draft; if the draft can't be made, the event goes.
 */
export async function bookSlot(deps: FlowDeps, user: SlackUserRef, requestId: string, slotStart: number): Promise<BookingOutcome> {
  const now = deps.now();
  const claim = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: Claim } => {
    if (!ownedBy(record, user)) return { result: { kind: 'done', outcome: { kind: 'not-yours' } } };
    const b = record.booking;
    if (b.state === 'booked') return { result: { kind: 'done', outcome: { kind: 'booked', booking: bookedView(record, b) } } };
    if (b.state === 'booking' && now - b.claimedAt < CLAIM_LEASE_MS) return { result: { kind: 'done', outcome: { kind: 'in-progress' } } };
    if (b.state === 'cancelled') return { result: { kind: 'done', outcome: { kind: 'gone' } } };
    const slot = record.candidates.find((c) => c.start === slotStart && record.shown.includes(c.start));
    if (!slot || slot.start < now) return { result: { kind: 'done', outcome: { kind: 'gone' } } };
    const next: ScheduleRecord = { ...record, booking: { state: 'booking', claimedAt: now, slot } };
    return { next, result: { kind: 'claimed', record: next, slot } };
  });
  if (!claim) return { kind: 'gone' };
  if (claim.kind === 'done') return claim.outcome;
  try {
    const outcome = await book(deps, claim.record, claim.slot);
    if (outcome.kind !== 'booked' && outcome.kind !== 'draft-failed') await release(deps, requestId, false);
    return outcome;
  } catch (e) {
    // An id that Google holds as a deleted event can never be booked again: move past it.
    await release(deps, requestId, isServiceError(e) && e.problem === 'gone');
    throw e;
  }
}

async function release(deps: FlowDeps, requestId: string, eventWasCreated: boolean): Promise<void> {
  await deps.store.update(requestId, (r) => ({
    next: { ...r, generation: eventWasCreated ? r.generation + 1 : r.generation, booking: { state: 'open' } },
    result: undefined,
  }));
}

async function book(deps: FlowDeps, record: ScheduleRecord, slot: Interval): Promise<BookingOutcome> {
  const user = record.owner;
  const [calendarToken, gmailToken] = await Promise.all([lookupToken(deps.grants, user, 'calendar'), lookupToken(deps.grants, user, 'gmail')]);
  const failure = [calendarToken, gmailToken].find((t): t is ServiceFailure => t.kind !== 'token' && t.kind !== 'missing');
  if (failure) return { kind: 'failed', failure };
  const missing: MissingGrant[] = await Promise.all(
    ([['calendar', calendarToken], ['gmail', gmailToken]] as const).flatMap(([c, t]) =>
      t.kind === 'missing' ? [missingGrant(deps.grants, user, c, t.problem)] : [],
    ),
  );
  if (missing.length > 0) return { kind: 'needs-connection', requestId: record.id, missing };

  const organizer = record.organizer;
  if (!organizer) return { kind: 'gone' };
  const attendees = record.attendees.map((a) => a.email);
  const draftInput = { to: attendees, title: record.request.title, slot, zone: organizer.zone, eventLink: '', organizerName: organizer.name };
  const created = await withGrant(deps.grants, user, 'calendar', (token) =>
    deps.calendar.insertEvent(token, {
      id: eventIdFor(record.id, record.generation, slot.start),
      title: record.request.title,
      description: 'Scheduled from Slack.',
      slot,
      zone: organizer.zone,
      attendees,
    }),
    calendarToken as TokenLookup,
  );
  if (created.kind === 'missing') return { kind: 'needs-connection', requestId: record.id, missing: [created.missing] };
  if (created.kind === 'failed') return { kind: 'failed', failure: created.failure };
  const event = created.value;
  await deps.store.update(record.id, (r) => ({
    next: r.booking.state === 'booking' ? { ...r, booking: { ...r.booking, eventId: event.id, eventLink: event.htmlLink } } : r,
    result: undefined,
  }));

  const raw = buildDraftRaw({ ...draftInput, eventLink: event.htmlLink });
  let draftProblem: string;
  let missingGmail: MissingGrant | undefined;
  try {
    const draft = await withGrant(deps.grants, user, 'gmail', (token) => deps.gmail.createDraft(token, raw), gmailToken as TokenLookup);
    if (draft.kind === 'ok') {
      const booked = { state: 'booked' as const, slot, eventId: event.id, eventLink: event.htmlLink, draftId: draft.value.draftId, draftLink: gmailDraftLink(draft.value.messageId) };
      await deps.store.update(record.id, (r) => ({ next: { ...r, booking: booked }, result: undefined }));
      return { kind: 'booked', booking: bookedView(record, booked) };
    }
    if (draft.kind === 'missing') missingGmail = draft.missing;
    draftProblem = draft.kind === 'missing' ? 'Gmail did not accept your access' : draft.failure.kind === 'rate-limited' ? 'Gmail is rate-limiting requests' : 'Gmail is not answering';
  } catch (e) {
    deps.log.error('draft creation failed', { requestId: record.id, error: String(e) });
    draftProblem = 'Gmail answered with an error';
  }
  return compensate(deps, record, event.id, draftProblem, missingGmail);
}

async function compensate(
  deps: FlowDeps,
  record: ScheduleRecord,
  eventId: string,
  reason: string,
  missing: MissingGrant | undefined,
): Promise<BookingOutcome> {
  let removed = false;
  try {
    const deleted = await withGrant(deps.grants, record.owner, 'calendar', (token) => deps.calendar.deleteEvent(token, eventId));
    removed = deleted.kind === 'ok';
  } catch (e) {
    deps.log.error('could not remove the event after a failed draft', { requestId: record.id, eventId, error: String(e) });
  }
  if (!removed) deps.log.error('orphaned calendar event left after a failed draft', { requestId: record.id, eventId });
  await release(deps, record.id, true);
  const fresh = await deps.store.get(record.id);
  const now = deps.now();
  const retry = fresh && removed ? retryView(fresh, now) : undefined;
  return { kind: 'draft-failed', requestId: record.id, title: record.request.title, reason, eventRemoved: removed, retry, missing };
}

function retryView(record: ScheduleRecord, now: number) {
  const zone = record.organizer?.zone ?? 'UTC';
  const slots = spreadOverDays(record.candidates.filter((c) => c.start >= now && record.shown.includes(c.start)), zone);
  return slots.length > 0 ? viewOf(record, slots, false) : undefined;
}

function bookedView(record: ScheduleRecord, b: { slot: Interval; eventLink: string; draftLink: string }) {
  return { requestId: record.id, title: record.request.title, slot: b.slot, zone: record.organizer?.zone ?? 'UTC', eventLink: b.eventLink, draftLink: b.draftLink };
}

