import { decodeRequest } from '../../../core/messages/actions.js';
import { renderProposal } from '../../../core/messages/render.js';
import { moreTimes as moreTimesFlow } from '../../../flows/schedule/more-times.js';
import { scheduleButton } from './button-listener.js';

export const moreTimes = scheduleButton('action:more_times', decodeRequest, async (deps, user, v) => renderProposal(await moreTimesFlow(deps, user, v.r)));
