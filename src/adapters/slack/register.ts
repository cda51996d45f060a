import type { App } from '@slack/bolt';
import { ACTION } from '../../core/messages/actions.js';
import { cancelMeeting } from './actions/cancel-meeting.js';
import { cancelProposal } from './actions/cancel-proposal.js';
import { continueRequest } from './actions/continue-request.js';
import { moreTimes } from './actions/more-times.js';
import { openLink } from './actions/open-link.js';
import { pickSlot } from './actions/pick-slot.js';
import { scheduleCommand } from './commands/schedule.js';
import type { ListenerDeps } from './listener-deps.js';

export type Registrar = Pick<App, 'command' | 'action'>;

/** The one list of what the bot listens to. */
export function registerListeners(app: Registrar, deps: ListenerDeps): void {
  app.command('/schedule', scheduleCommand(deps));
  app.action(ACTION.pickSlot, pickSlot(deps));
  app.action(ACTION.moreTimes, moreTimes(deps));
  app.action(ACTION.continueRequest, continueRequest(deps));
  app.action(ACTION.cancelProposal, cancelProposal(deps));
  app.action(ACTION.cancelMeeting, cancelMeeting(deps));
  app.action(ACTION.openLink, openLink());
}
