import type { SlackUserRef } from '../core/identity.js';
import type { CancelOutcome, ProposalOutcome } from '../core/outcomes.js';
import type { FlowDeps } from './ports.js';
import { ownedBy, type ScheduleRecord } from './schedule-record.js';
import { withGrant } from './with-grant.js';

/** Deletes a booked meeting's event (attendees are told) and its draft. */
export async function cancelMeeting(deps: FlowDeps, user: SlackUserRef, requestId: string): Promise<CancelOutcome> {
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

/** Closes a proposal nobody booked from. */
export async function cancelProposal(deps: FlowDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const result = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: ProposalOutcome } => {
    if (!ownedBy(record, user)) return { result: { kind: 'not-yours' } };
    if (record.booking.state !== 'open') return { result: { kind: 'gone' } };
    return { next: { ...record, booking: { state: 'cancelled' } }, result: { kind: 'closed' } };
  });
  // A request cancelled while it waited for Google must not come back after the user connects.
  if (result?.kind === 'closed') await deps.store.deletePending(requestId);
  return result ?? { kind: 'gone' };
}
