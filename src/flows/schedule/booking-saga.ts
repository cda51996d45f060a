import { eventIdFor } from '../../core/event-id.js';
import type { Interval } from '../../core/intervals.js';
import type { BookingOutcome, MissingGrant } from '../../core/outcomes.js';
import { keepPending, type Interaction } from '../connect/pending.js';
import type { BookingDeps } from '../deps.js';
import { withStep, type ScheduleRecord } from './record.js';
import { lookupBoth, withGrant, type GrantScope } from '../connect/with-grant.js';
import { draftAndConfirm } from './draft-step.js';
import { rollBack } from './roll-back.js';
import { checkSlot } from './slot-check.js';

/**
 * Checks the time is still free, then the event (its id derived from the request, so a retry lands
 * on the same event), then the draft. A `slot-taken` answer carries no fresh times yet: the caller,
 * which can look people up, adds them.
 */
export async function makeBooking(deps: BookingDeps, record: ScheduleRecord, slot: Interval, at: Interaction): Promise<BookingOutcome> {
  const who: GrantScope = { user: record.owner, resumeId: record.id };
  const grants = await lookupBoth(deps.grants, who);
  if (grants.kind === 'failed') return { kind: 'failed', failure: grants.failure };
  if (grants.kind === 'missing') return needsConnection(deps, record, at, grants.missing);

  const organizer = record.organizer;
  if (!organizer) return { kind: 'gone' };
  const check = await checkSlot(deps, record, slot, grants.calendar);
  if (check.kind === 'taken') return { kind: 'slot-taken', requestId: record.id, title: record.request.title, busy: check.busy };
  if (check.kind === 'missing') return needsConnection(deps, record, at, [check.missing]);
  if (check.kind === 'failed') return { kind: 'failed', failure: check.failure };

  const eventId = eventIdFor(record.id, record.generation, slot.start);
  const created = await withGrant(
    deps.grants,
    who,
    'calendar',
    (token) =>
      deps.calendar.insertEvent(token, {
        id: eventId,
        title: record.request.title,
        description: 'Scheduled from Slack.',
        slot,
        zone: organizer.zone,
        attendees: record.attendees.map((a) => a.email),
        meet: organizer.prefs?.meet ?? true,
      }),
    grants.calendar,
  );
  if (created.kind === 'missing') return needsConnection(deps, record, at, [created.missing]);
  if (created.kind === 'failed') {
    // An outage may hide an event Google made: take it away by its id before the pick is free again.
    if (created.failure.kind === 'unavailable') await rollBack(deps, record, { eventId }, 'Google Calendar did not confirm the event');
    return { kind: 'failed', failure: created.failure };
  }
  const event = created.value;
  await deps.store.update(record.id, (r) => ({
    next:
      r.booking.state === 'booking'
        ? withStep({ ...r, booking: { ...r.booking, eventId: event.id, eventLink: event.htmlLink, meetLink: event.meetLink } }, 'event-created', deps.now(), event.id)
        : r,
    result: undefined,
  }));
  return draftAndConfirm(deps, record, slot, event, { gmailToken: grants.gmail, lookFirst: false });
}

async function needsConnection(deps: BookingDeps, record: ScheduleRecord, at: Interaction, missing: MissingGrant[]): Promise<BookingOutcome> {
  await keepPending(deps, { id: record.id, kind: 'schedule', owner: record.owner, at, waitingFor: missing.map((m) => m.connector), payload: record.id });
  return { kind: 'needs-connection', requestId: record.id, missing };
}
