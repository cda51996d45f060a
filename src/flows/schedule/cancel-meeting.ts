import type { SlackUserRef } from '../../core/identity.js';
import type { CancelOutcome } from '../../core/outcomes.js';
import type { ScheduleDeps } from '../deps.js';
import { ownedBy } from './record.js';
import { withGrant } from '../connect/with-grant.js';

/** Deletes a booked meeting's event (attendees are told) and its draft. */
export async function cancelMeeting(deps: ScheduleDeps, user: SlackUserRef, requestId: string): Promise<CancelOutcome> {
  const record = await deps.store.get(requestId);
  if (!record || record.booking.state !== 'booked') return { kind: 'gone' };
  if (!ownedBy(record, user)) return { kind: 'not-yours' };
  const { eventId, draftId } = record.booking;

  const [event, draft] = await Promise.all([
    withGrant(deps.grants, { user }, 'calendar', (token) => deps.calendar.deleteEvent(token, eventId)),
    withGrant(deps.grants, { user }, 'gmail', (token) => deps.gmail.deleteDraft(token, draftId)),
  ]);
  if (event.kind === 'missing') return { kind: 'needs-connection', requestId, missing: [event.missing] };
  if (event.kind === 'failed') return { kind: 'failed', failure: event.failure };
  if (draft.kind !== 'ok') deps.log.warn('draft not deleted on cancel', { requestId, outcome: draft.kind });

  await deps.store.update(requestId, (r) => ({
    next: { ...r, generation: r.generation + 1, booking: { state: 'cancelled' } },
    result: undefined,
  }));
  return { kind: 'cancelled', title: record.request.title, draftRemoved: draft.kind === 'ok' && draft.value };
}
