import { buildPrefsModal } from '../../../core/messages/prefs-modal.js';
import { calendarChoices } from '../../../flows/home/home.js';
import { homeDeps } from '../deps.js';
import { slackDirectory } from '../directory.js';
import { homeAction } from './home-action.js';

/** How long the form waits for Google's calendar list: the trigger_id lasts 3 s. */
const CALENDARS_WAIT_MS = 1_500;

/** Opens the preferences form; the trigger_id lasts 3 s, so this does no more than it must first. */
export const editPrefs = homeAction('action:edit_prefs', async (deps, { client, user, triggerId }) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CALENDARS_WAIT_MS);
  });
  // Without the list in time the form leaves the calendars out, and the earlier choice stands.
  const calendars = Promise.race([calendarChoices(homeDeps(deps, client), user).catch(() => undefined), late]).finally(() => clearTimeout(timer));
  const [prefs, me, choices] = await Promise.all([deps.store.getPrefs(user), slackDirectory(client).person(user.userId), calendars]);
  await client.views.open({ trigger_id: triggerId, view: buildPrefsModal(prefs, me.kind === 'person' ? me.zone : 'UTC', choices ?? []) });
});
