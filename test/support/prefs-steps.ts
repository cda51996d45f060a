import type { FakeSlackUser } from '../../fakes/slack/types.js';
import { TEAM, type Harness } from '../../fakes/world/harness.js';
import { PREFS_FORM } from '../../src/core/prefs-form.js';

/** Saves the preferences modal as `user`, exactly as Slack posts a view submission. */
export async function submitPrefs(h: Harness, user: FakeSlackUser, values: Record<string, Record<string, unknown>>) {
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: user.id, team_id: TEAM, username: user.name, name: user.name },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: h.slack.newTriggerId(),
    view: { id: 'V0PREFS', type: 'modal', callback_id: PREFS_FORM.callbackId, state: { values }, hash: 'h', private_metadata: '' },
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return h.sim.postRaw(body, { 'content-type': 'application/x-www-form-urlencoded', ...h.sim.signHeaders(body) });
}

/** The form's state values for the fields every submission has. */
export const prefsForm = (start: string, end: string, days: number[], minutes: string, zone: string | null) => ({
  [PREFS_FORM.start]: { value: { type: 'timepicker', selected_time: start } },
  [PREFS_FORM.end]: { value: { type: 'timepicker', selected_time: end } },
  [PREFS_FORM.days]: { value: { type: 'checkboxes', selected_options: days.map((d) => ({ value: String(d) })) } },
  [PREFS_FORM.duration]: { value: { type: 'static_select', selected_option: { value: minutes } } },
  [PREFS_FORM.zone]: { value: { type: 'plain_text_input', value: zone } },
});
