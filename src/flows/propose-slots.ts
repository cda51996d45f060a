import type { SlackUserRef } from '../core/identity.js';
import type { ProposalOutcome } from '../core/outcomes.js';
import type { ScheduleRequest } from '../core/parse-schedule.js';
import { spreadOverDays } from '../core/pick-proposals.js';
import { describeWhen } from '../core/when.js';
import type { PendingRequest } from './pending.js';
import type { Interaction } from './pending-requests.js';
import type { FlowDeps } from './ports.js';
import { ownedBy, type ScheduleRecord } from './schedule-record.js';
import { viewOf } from './schedule-view.js';
import { searchSlots } from './search-slots.js';

export interface ProposeInput {
  owner: SlackUserRef;
  channelId: string;
  responseUrl: string;
  request: ScheduleRequest;
}

/** A new /schedule. */
export async function proposeSlots(deps: FlowDeps, input: ProposeInput): Promise<ProposalOutcome> {
  const record: ScheduleRecord = {
    id: deps.newId(),
    owner: input.owner,
    channelId: input.channelId,
    responseUrl: input.responseUrl,
    createdAt: deps.now(),
    request: input.request,
    attendees: [],
    whenText: describeWhen(input.request.when),
    candidates: [],
    shown: [],
    unseen: [],
    generation: 0,
    booking: { state: 'open' },
    journal: [],
  };
  return searchSlots(deps, record, { channelId: input.channelId, responseUrl: input.responseUrl });
}

/** Continue after connecting: the same request, run again for its owner only. */
export async function continueRequest(deps: FlowDeps, user: SlackUserRef, requestId: string, at: Interaction): Promise<ProposalOutcome> {
  const record = await deps.store.get(requestId);
  if (!record || record.booking.state !== 'open') return { kind: 'gone' };
  if (!ownedBy(record, user)) return { kind: 'not-yours' };
  const outcome = await searchSlots(deps, record, at);
  // Only a request that came back from waiting can have a pending entry to clear.
  if (outcome.kind !== 'needs-connection') await deps.store.deletePending(record.id);
  return outcome;
}

/** The user came back from connecting Google: run the waiting request again, as its owner. */
export async function resumeSchedule(deps: FlowDeps, pending: PendingRequest): Promise<ProposalOutcome> {
  return continueRequest(deps, pending.owner, pending.id, { channelId: pending.channelId, responseUrl: pending.responseUrl });
}

/** The next page of times for the same request. */
export async function moreTimes(deps: FlowDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const now = deps.now();
  const result = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: ProposalOutcome } => {
    if (!ownedBy(record, user)) return { result: { kind: 'not-yours' } };
    if (record.booking.state !== 'open') return { result: { kind: 'gone' } };
    const zone = record.organizer?.zone ?? 'UTC';
    const future = record.candidates.filter((c) => c.start >= now);
    const page = spreadOverDays(future, zone, record.shown);
    if (page.length === 0) return { result: { kind: 'no-slots', title: record.request.title, whenText: record.whenText, unseen: record.unseen } };
    const shown = [...record.shown, ...page.map((s) => s.start)];
    const next = { ...record, shown };
    return { next, result: { kind: 'slots', view: viewOf(next, page, spreadOverDays(future, zone, shown).length > 0) } };
  });
  return result ?? { kind: 'gone' };
}
