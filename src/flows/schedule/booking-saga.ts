import { buildDraftRaw, gmailDraftLink } from '../../core/draft-email.js';
import { eventIdFor } from '../../core/event-id.js';
import type { Interval } from '../../core/intervals.js';
import type { Booked, BookingOutcome, MissingGrant } from '../../core/outcomes.js';
import { spreadOverDays } from '../../core/spread-over-days.js';
import { keepPending, type Interaction } from '../connect/pending.js';
import type { BookingDeps } from '../deps.js';
import type { CreatedEvent, TokenLookup } from '../ports/index.js';
import { withStep, type ScheduleRecord } from './record.js';
import { bookedView, viewOf } from './view.js';
import { lookupBoth, withGrant, type GrantScope } from '../connect/with-grant.js';

/** Event first (its id derived from the request, so a retry lands on the same event), then the draft. */
export async function makeBooking(deps: BookingDeps, record: ScheduleRecord, slot: Interval, at: Interaction): Promise<BookingOutcome> {
  const who: GrantScope = { user: record.owner, resumeId: record.id };
  const grants = await lookupBoth(deps.grants, who);
  if (grants.kind === 'failed') return { kind: 'failed', failure: grants.failure };
  if (grants.kind === 'missing') return needsConnection(deps, record, at, grants.missing);

  const organizer = record.organizer;
  if (!organizer) return { kind: 'gone' };
  const created = await withGrant(
    deps.grants,
    who,
    'calendar',
    (token) =>
      deps.calendar.insertEvent(token, {
        id: eventIdFor(record.id, record.generation, slot.start),
        title: record.request.title,
        description: 'Scheduled from Slack.',
        slot,
        zone: organizer.zone,
        attendees: record.attendees.map((a) => a.email),
      }),
    grants.calendar,
  );
  if (created.kind === 'missing') return needsConnection(deps, record, at, [created.missing]);
  if (created.kind === 'failed') return { kind: 'failed', failure: created.failure };
  const event = created.value;
  await deps.store.update(record.id, (r) => ({
    next: r.booking.state === 'booking' ? withStep({ ...r, booking: { ...r.booking, eventId: event.id, eventLink: event.htmlLink } }, 'event-created', deps.now(), event.id) : r,
    result: undefined,
  }));
  return draftAndConfirm(deps, record, slot, event, grants.gmail);
}

async function needsConnection(deps: BookingDeps, record: ScheduleRecord, at: Interaction, missing: MissingGrant[]): Promise<BookingOutcome> {
  await keepPending(deps, { id: record.id, kind: 'schedule', owner: record.owner, at, waitingFor: missing.map((m) => m.connector), payload: record.id });
  return { kind: 'needs-connection', requestId: record.id, missing };
}

/** The second half of a booking; also what start-up recovery runs for an event left without its draft. */
export async function draftAndConfirm(deps: BookingDeps, record: ScheduleRecord, slot: Interval, event: CreatedEvent, gmailToken?: TokenLookup): Promise<BookingOutcome> {
  const organizer = record.organizer;
  const raw = buildDraftRaw({
    to: record.attendees.map((a) => a.email),
    title: record.request.title,
    slot,
    zone: organizer?.zone ?? 'UTC',
    eventLink: event.htmlLink,
    organizerName: organizer?.name ?? '',
    attendees: record.attendees,
  });
  let reason: string;
  let missingGmail: MissingGrant | undefined;
  try {
    const draft = await withGrant(deps.grants, { user: record.owner, resumeId: record.id }, 'gmail', (token) => deps.gmail.createDraft(token, raw), gmailToken);
    if (draft.kind === 'ok') {
      const booked = { state: 'booked' as const, slot, eventId: event.id, eventLink: event.htmlLink, draftId: draft.value.draftId, draftLink: gmailDraftLink(draft.value.messageId, organizer?.email) };
      const at = deps.now();
      await deps.store.update(record.id, (r) => ({ next: withStep(withStep({ ...r, booking: booked }, 'draft-created', at), 'confirmed', at), result: undefined }));
      return { kind: 'booked', booking: bookedView(record, booked) };
    }
    if (draft.kind === 'missing') missingGmail = draft.missing;
    reason = draft.kind === 'missing' ? 'Gmail did not accept your access for the draft' : draft.failure.kind === 'rate-limited' ? 'Gmail is rate-limiting the draft' : 'Gmail is not answering, so there is no draft';
  } catch (e) {
    deps.log.error('draft creation failed', { requestId: record.id, error: String(e) });
    reason = 'Gmail answered the draft with an error';
  }
  return compensate(deps, record, event.id, reason, missingGmail);
}

/** Takes the event away again, so that no meeting exists without its follow-up. */
export async function compensate(deps: BookingDeps, record: ScheduleRecord, eventId: string, reason: string, missing?: MissingGrant): Promise<BookingOutcome> {
  let removed = false;
  try {
    removed = (await withGrant(deps.grants, { user: record.owner }, 'calendar', (token) => deps.calendar.deleteEvent(token, eventId))).kind === 'ok';
  } catch (e) {
    deps.log.error('could not remove the event after a failed draft', { requestId: record.id, eventId, error: String(e) });
  }
  if (!removed) deps.log.error('orphaned calendar event left after a failed draft', { requestId: record.id, eventId });
  await deps.store.update(record.id, (r) => ({
    next: withStep({ ...r, generation: r.generation + 1, booking: { state: 'open' } }, 'compensated', deps.now(), eventId),
    result: undefined,
  }));
  const fresh = await deps.store.get(record.id);
  const now = deps.now();
  const slots = fresh && removed ? spreadOverDays(fresh.candidates.filter((c) => c.start >= now && fresh.shown.includes(c.start)), fresh.organizer?.zone ?? 'UTC') : [];
  const retry = fresh && slots.length > 0 ? viewOf(fresh, slots, false) : undefined;
  return { kind: 'draft-failed', requestId: record.id, title: record.request.title, reason, eventRemoved: removed, retry, missing };
}
