import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFS_FORM } from '../../src/core/prefs-form.js';
import { buttonsIn } from '../../fakes/slack/signed-client.js';
import { mention, PEOPLE, startHarness, TEAM, type Harness } from '../../fakes/world/harness.js';
import { allText, reply, schedule } from '../support/slack-steps.js';

const { organizer, bob } = PEOPLE;
let h: Harness;

/** "next tuesday" is never today: the Tuesday after today, in the organizer's zone. */
function nextTuesdayAt(hour: number): DateTime {
  const today = DateTime.now().setZone(organizer.tz).startOf('day');
  return today.plus({ days: (2 - today.weekday + 7) % 7 || 7 }).set({ hour });
}
const iso = (d: DateTime) => d.toUTC().toISO() ?? '';

beforeEach(async () => {
  h = await startHarness();
  h.connect(organizer.id);
});
afterEach(async () => h.stop());

async function askFor11(): Promise<string> {
  const cmd = await schedule(h, organizer, `${mention(bob)} Review 1 hour next tuesday at 11am`);
  return allText(await reply(h, cmd.responseUrl));
}

async function savePrefs(values: Record<string, Record<string, unknown>>) {
  const payload = {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: organizer.id, team_id: TEAM, username: organizer.name, name: organizer.name },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: h.slack.newTriggerId(),
    view: { id: 'V0PREFS', type: 'modal', callback_id: PREFS_FORM.callbackId, state: { values }, hash: 'h', private_metadata: '' },
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return h.sim.postRaw(body, { 'content-type': 'application/x-www-form-urlencoded', ...h.sim.signHeaders(body) });
}

describe('the calendars that count', () => {
  it('a calendar selected in Google Calendar makes its busy time busy', async () => {
    const at = nextTuesdayAt(11);
    h.google.addSecondaryCalendar(organizer.email, { summary: 'Team rota', selected: true, accessRole: 'reader', busy: [{ start: iso(at), end: iso(at.plus({ hours: 1 })) }] });
    expect(await askFor11()).toMatch(/You asked for .*, but Olivia Organizer is busy then/);
  });

  it('App Home lists the other calendars, and the choice saved there is what counts', async () => {
    const at = nextTuesdayAt(11);
    const holidays = h.google.addSecondaryCalendar(organizer.email, { summary: 'Holidays', selected: false, busy: [{ start: iso(at), end: iso(at.plus({ hours: 1 })) }] });
    expect(await askFor11()).toContain('the time you asked for, is free for everyone');

    await h.sim.event({ type: 'app_home_opened', user: organizer.id, tab: 'home' });
    const home = await h.slack.waitForCall('views.publish');
    const edit = buttonsIn((home.args.view as { blocks?: unknown[] }).blocks ?? []).find((b) => b.text === 'Edit preferences');
    await h.sim.clickButton({ user: organizer, actionId: edit?.actionId ?? '', home: true });
    const opened = await h.slack.waitForCall('views.open');
    expect(JSON.stringify(opened.args.view)).toContain('Holidays');

    const saved = await savePrefs({
      [PREFS_FORM.start]: { value: { type: 'timepicker', selected_time: '09:00' } },
      [PREFS_FORM.end]: { value: { type: 'timepicker', selected_time: '17:00' } },
      [PREFS_FORM.days]: { value: { type: 'checkboxes', selected_options: [1, 2, 3, 4, 5].map((d) => ({ value: String(d) })) } },
      [PREFS_FORM.duration]: { value: { type: 'static_select', selected_option: { value: '30' } } },
      [PREFS_FORM.zone]: { value: { type: 'plain_text_input', value: null } },
      [PREFS_FORM.calendars]: { value: { type: 'multi_static_select', selected_options: [{ value: holidays }] } },
    });
    expect(saved.status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('views.publish').length >= 2);
    expect(await askFor11()).toMatch(/You asked for .*, but Olivia Organizer is busy then/);
  });
});
