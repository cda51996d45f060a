import type { SlackUserRef } from '../../core/identity.js';
import type { ProposalOutcome } from '../../core/outcomes.js';
import type { ScheduleRequest } from '../../core/parse-schedule.js';
import { describeWhen } from '../../core/when.js';
import type { ScheduleDeps } from '../deps.js';
import type { ScheduleRecord } from './record.js';
import { searchSlots } from './search.js';

export interface ProposeInput {
  owner: SlackUserRef;
  channelId: string;
  responseUrl: string;
  request: ScheduleRequest;
}

/** A new /schedule. */
export async function proposeSlots(deps: ScheduleDeps, input: ProposeInput): Promise<ProposalOutcome> {
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
