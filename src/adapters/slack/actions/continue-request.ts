import { decodeRequest } from '../../../core/messages/actions.js';
import { renderProposal } from '../../../core/messages/render.js';
import { continueRequest as continueFlow } from '../../../flows/schedule/continue-request.js';
import { scheduleButton } from './button-listener.js';

export const continueRequest = scheduleButton('action:continue', decodeRequest, async (deps, user, v, at) => renderProposal(await continueFlow(deps, user, v.r, at)));
