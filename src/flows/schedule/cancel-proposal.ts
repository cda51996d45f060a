import type { SlackUserRef } from '../../core/identity.js';
import type { ProposalOutcome } from '../../core/outcomes.js';
import type { ScheduleDeps } from '../deps.js';
import { ownedBy, type ScheduleRecord } from './record.js';

/** Closes a proposal nobody booked from. */
export async function cancelProposal(deps: ScheduleDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const result = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: ProposalOutcome } => {
    if (!ownedBy(record, user)) return { result: { kind: 'not-yours' } };
    if (record.booking.state !== 'open') return { result: { kind: 'gone' } };
    return { next: { ...record, booking: { state: 'cancelled' } }, result: { kind: 'closed' } };
  });
  // A request cancelled while it waited for Google must not come back after the user connects.
  if (result?.kind === 'closed') await deps.store.deletePending(requestId);
  return result ?? { kind: 'gone' };
}
