import type { BookingOutcome, CancelOutcome, ProposalOutcome } from '../outcomes.js';
import { buildConfirmation, buildDraftFailed, buildMeetingCancelled } from './booking.js';
import { buildConnectPrompt } from './connect.js';
import { buildGone, buildNotYours, buildProposalCancelled, buildServiceFailure } from './notices.js';
import { buildNoSlots, buildProposal } from './proposal.js';
import { buildRolledBack } from './rolled-back.js';
import { buildSlotTaken } from './slot-taken.js';
import type { Reply } from './types.js';
import { buildUsage } from './usage.js';

/**
 * How a reply lands: replacing the message whose button was pressed, or beside it. A reply
 * meant for someone who pressed another person's button never replaces that person's message.
 */
export type Placement = 'replace' | 'beside' | 'none';
export interface Rendered {
  reply?: Reply;
  placement: Placement;
}

export function renderProposal(o: ProposalOutcome): Rendered {
  switch (o.kind) {
    case 'slots':
      return { reply: buildProposal(o.view), placement: 'replace' };
    case 'no-slots':
      return { reply: buildNoSlots(o.title, o.whenText, o.unseen, o.reason, o.minutes), placement: 'replace' };
    case 'needs-connection':
      return { reply: buildConnectPrompt(o.requestId, o.missing), placement: 'replace' };
    case 'bad-input':
      return { reply: buildUsage(o.reason), placement: 'replace' };
    case 'failed':
      return { reply: buildServiceFailure(o.failure), placement: 'replace' };
    case 'gone':
      return { reply: buildGone(), placement: 'replace' };
    case 'not-yours':
      return { reply: buildNotYours(), placement: 'beside' };
    case 'closed':
      return { reply: buildProposalCancelled(), placement: 'replace' };
  }
}

export function renderBooking(o: BookingOutcome): Rendered {
  switch (o.kind) {
    case 'booked':
      return { reply: buildConfirmation(o.booking), placement: 'replace' };
    case 'draft-failed':
      return { reply: buildDraftFailed(o), placement: 'replace' };
    case 'slot-taken':
      return { reply: buildSlotTaken(o.title, o.fresh ? renderProposal(o.fresh).reply : undefined), placement: 'replace' };
    case 'rolled-back':
      return { reply: buildRolledBack(o), placement: 'replace' };
    case 'needs-connection':
      return { reply: buildConnectPrompt(o.requestId, o.missing), placement: 'replace' };
    case 'failed':
      return { reply: buildServiceFailure(o.failure), placement: 'beside' };
    case 'in-progress':
      return { placement: 'none' };
    case 'gone':
      return { reply: buildGone(), placement: 'beside' };
    case 'not-yours':
      return { reply: buildNotYours(), placement: 'beside' };
  }
}

export function renderCancel(o: CancelOutcome): Rendered {
  switch (o.kind) {
    case 'cancelled':
      return { reply: buildMeetingCancelled(o.title, o.draftRemoved), placement: 'replace' };
    case 'needs-connection':
      return { reply: buildConnectPrompt(o.requestId, o.missing), placement: 'beside' };
    case 'failed':
      return { reply: buildServiceFailure(o.failure), placement: 'beside' };
    case 'gone':
      return { reply: buildGone(), placement: 'beside' };
    case 'not-yours':
      return { reply: buildNotYours(), placement: 'beside' };
  }
}
