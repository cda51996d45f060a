import { buildPrefsModal } from '../../../core/messages/prefs-modal.js';
import { slackDirectory } from '../directory.js';
import { homeAction } from './home-action.js';

/** Opens the preferences form; the trigger_id lasts 3 s, so this does no more than it must first. */
export const editPrefs = homeAction('action:edit_prefs', async (deps, { client, user, triggerId }) => {
  const [prefs, me] = await Promise.all([deps.store.getPrefs(user), slackDirectory(client).person(user.userId)]);
  await client.views.open({ trigger_id: triggerId, view: buildPrefsModal(prefs, me.kind === 'person' ? me.zone : 'UTC') });
});
