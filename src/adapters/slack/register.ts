import type { App } from '@slack/bolt';
import { ACTION } from '../../core/messages/actions.js';
import { cancelMeeting } from './actions/cancel-meeting.js';
import { cancelProposal } from './actions/cancel-proposal.js';
import { continueRequest } from './actions/continue-request.js';
import { disconnect } from './actions/disconnect.js';
import { editPrefs } from './actions/edit-prefs.js';
import { homeInbox } from './actions/home-inbox.js';
import { inboxContinue, inboxMore } from './actions/inbox-buttons.js';
import { moreTimes } from './actions/more-times.js';
import { openLink } from './actions/open-link.js';
import { pickSlot } from './actions/pick-slot.js';
import { type ActionListener, routeActions } from './actions/route-actions.js';
import { scheduleCommand } from './commands/schedule.js';
import { appMention } from './events/app-mention.js';
import { directMessage } from './events/direct-message.js';
import { appHomeOpened } from './events/app-home-opened.js';
import type { SlackDeps } from './deps.js';
import { savePrefs } from './views/save-prefs.js';
import { PREFS_FORM } from '../../core/prefs-form.js';

export type Registrar = Pick<App, 'command' | 'action' | 'event' | 'view'>;

/** What each button the bot sends does, by action_id. */
export function actionRoutes(deps: SlackDeps): Record<(typeof ACTION)[keyof typeof ACTION], ActionListener> {
  return {
    [ACTION.pickSlot]: pickSlot(deps),
    [ACTION.moreTimes]: moreTimes(deps),
    [ACTION.continueRequest]: continueRequest(deps),
    [ACTION.cancelProposal]: cancelProposal(deps),
    [ACTION.cancelMeeting]: cancelMeeting(deps),
    [ACTION.openLink]: openLink(),
    [ACTION.disconnect]: disconnect(deps),
    [ACTION.editPrefs]: editPrefs(deps),
    [ACTION.homeInbox]: homeInbox(deps),
    [ACTION.inboxContinue]: inboxContinue(deps),
    [ACTION.inboxMore]: inboxMore(deps),
  };
}

/** The one list of what the bot listens to. */
export function registerListeners(app: Registrar, deps: SlackDeps): void {
  app.command('/schedule', scheduleCommand(deps));
  app.action({ type: 'block_actions' }, routeActions(actionRoutes(deps)));
  app.event('app_home_opened', appHomeOpened(deps));
  app.view(PREFS_FORM.callbackId, savePrefs(deps));
  app.event('message', directMessage(deps));
  app.event('app_mention', appMention(deps));
}
