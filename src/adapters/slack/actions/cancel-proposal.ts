import { decodeRequest } from '../../../core/messages/actions.js';
import { renderProposal } from '../../../core/messages/render.js';
import { cancelProposal as cancelFlow } from '../../../flows/schedule/cancel-proposal.js';
import { scheduleButton } from './button-listener.js';

export const cancelProposal = scheduleButton('action:cancel_proposal', decodeRequest, async (deps, user, v) => renderProposal(await cancelFlow(deps, user, v.r)));
