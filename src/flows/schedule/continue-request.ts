import type { SlackUserRef } from '../../core/identity.js';
import type { ProposalOutcome } from '../../core/outcomes.js';
import type { Interaction, PendingRequest } from '../connect/pending.js';
import type { ScheduleDeps } from '../deps.js';
import { ownedBy } from './record.js';
import { searchSlots } from './search.js';

/** Continue after connecting: the same request, run again for its owner only. */
export async function continueRequest(deps: ScheduleDeps, user: SlackUserRef, requestId: string, at: Interaction): Promise<ProposalOutcome> {
  const record = await deps.store.get(requestId);
  if (!record || record.booking.state !== 'open') return { kind: 'gone' };
  if (!ownedBy(record, user)) return { kind: 'not-yours' };
  const outcome = await searchSlots(deps, record, at);
  // Only a request that came back from waiting can have a pending entry to clear.
  if (outcome.kind !== 'needs-connection') await deps.store.deletePending(record.id);
  return outcome;
}

/** The user came back from connecting Google: run the waiting request again, as its owner. */
export async function resumeSchedule(deps: ScheduleDeps, pending: PendingRequest): Promise<ProposalOutcome> {
  return continueRequest(deps, pending.owner, pending.id, { channelId: pending.channelId, responseUrl: pending.responseUrl });
}
