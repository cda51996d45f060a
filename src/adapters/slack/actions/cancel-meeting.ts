import { decodeRequest } from '../../../core/messages/actions.js';
import { renderCancel } from '../../../core/messages/render.js';
import { cancelMeeting as cancelFlow } from '../../../flows/schedule/cancel-meeting.js';
import { scheduleButton } from './button-listener.js';

export const cancelMeeting = scheduleButton('action:cancel_meeting', decodeRequest, async (deps, user, v) => renderCancel(await cancelFlow(deps, user, v.r)));
