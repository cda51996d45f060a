import type { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREFS_FORM } from '../../src/core/prefs-form.js';
import { buttonsIn } from '../../fakes/slack/signed-client.js';
import { mention, PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { nextTuesdayAt } from '../support/dates.js';
import { prefsForm, submitPrefs } from '../support/prefs-steps.js';
import { allText, reply, schedule } from '../support/slack-steps.js';

const { organizer, bob } = PEOPLE;
let h: Harness;

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

describe('the calendars that count', () => {
  it('a calendar selected in Google Calendar makes its busy time busy', async () => {
    const at = nextTuesdayAt(organizer.tz, 11);
    h.google.addSecondaryCalendar(organizer.email, { summary: 'Team rota', selected: true, accessRole: 'reader', busy: [{ start: iso(at), end: iso(at.plus({ hours: 1 })) }] });
    expect(await askFor11()).toMatch(/You asked for .*, but Olivia Organizer is busy then/);
  });

  it('App Home lists the other calendars, and the choice saved there is what counts', async () => {
    const at = nextTuesdayAt(organizer.tz, 11);
    const holidays = h.google.addSecondaryCalendar(organizer.email, { summary: 'Holidays', selected: false, busy: [{ start: iso(at), end: iso(at.plus({ hours: 1 })) }] });
    expect(await askFor11()).toContain('the time you asked for, is free for everyone');

    await h.sim.event({ type: 'app_home_opened', user: organizer.id, tab: 'home' });
    const home = await h.slack.waitForCall('views.publish');
    const edit = buttonsIn((home.args.view as { blocks?: unknown[] }).blocks ?? []).find((b) => b.text === 'Edit preferences');
    await h.sim.clickButton({ user: organizer, actionId: edit?.actionId ?? '', home: true });
    const opened = await h.slack.waitForCall('views.open');
    expect(JSON.stringify(opened.args.view)).toContain('Holidays');

    const saved = await submitPrefs(h, organizer, {
      ...prefsForm('09:00', '17:00', [1, 2, 3, 4, 5], '30', null),
      [PREFS_FORM.calendars]: { value: { type: 'multi_static_select', selected_options: [{ value: holidays }] } },
    });
    expect(saved.status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('views.publish').length >= 2);
    expect(await askFor11()).toMatch(/You asked for .*, but Olivia Organizer is busy then/);
  });
});
