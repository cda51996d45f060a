import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { PREFS_FORM } from '../../src/core/prefs-form.js';
import { ConnectorStatus } from '../../fakes/scalekit/server.js';
import { buttonsIn } from '../../fakes/slack/signed-client.js';
import { PEOPLE, identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { connectThroughBrowser } from '../support/connect-steps.js';
import { prefsForm, submitPrefs } from '../support/prefs-steps.js';
import { reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.stop());

async function openHome(eventId?: string, retryNum?: number) {
  return h.sim.event({ type: 'app_home_opened', user: organizer.id, tab: 'home' }, { ...(eventId ? { eventId } : {}), ...(retryNum ? { retryNum } : {}) });
}
const published = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === organizer.id);
const lastHome = () => JSON.stringify(published().at(-1)?.args.view ?? {});
const homeButtons = () => buttonsIn((published().at(-1)?.args.view as { blocks?: unknown[] } | undefined)?.blocks ?? []);

describe('App Home', () => {
  it('shows each connector’s status with Connect, Reconnect and Disconnect', async () => {
    h.connect(organizer.id, ['googlecalendar']);
    await openHome();
    await h.slack.waitForCall('views.publish');
    expect(lastHome()).toContain('Connected');
    expect(lastHome()).toContain('Not connected');
    expect(homeButtons().map((b) => b.text)).toEqual(expect.arrayContaining(['Disconnect', 'Connect Gmail', 'Edit preferences']));

    h.scalekit.setStatus('googlecalendar', identifierOf(organizer.id), ConnectorStatus.EXPIRED);
    await openHome();
    await h.slack.waitFor((r) => r.kind === 'call' && r.method === 'views.publish' && published().length === 2);
    expect(lastHome()).toContain('Expired');
    const reconnect = homeButtons().find((b) => b.text === 'Reconnect Google Calendar')?.url ?? '';
    expect(reconnect).toMatch(new RegExp(`^${h.env.PUBLIC_URL}/connect/start\\?c=`));
    // publishing the Home tab makes no authorization link; opening the button does, for its owner
    expect(h.scalekit.calls.filter((c) => c.method === 'getMagicLinkForConnectedAccount')).toHaveLength(0);
    const { page } = await connectThroughBrowser(h, organizer, h.browser('olivia'), reconnect);
    expect(page.body).toContain('Google Calendar is now connected');
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);
  });

  it('Disconnect removes the connected account at Scalekit and the tab says so', async () => {
    h.connect(organizer.id);
    await openHome();
    await h.slack.waitForCall('views.publish');
    const disconnect = homeButtons().find((b) => b.text === 'Disconnect')!;
    await h.sim.clickButton({ user: organizer, actionId: disconnect.actionId, value: disconnect.value!, home: true });
    await h.slack.waitFor(() => published().length === 2);
    expect(h.scalekit.calls.filter((c) => c.method === 'deleteConnectedAccount')).toHaveLength(1);
    const connection = disconnect.value === 'gmail' ? 'gmail' : 'googlecalendar';
    expect(h.scalekit.account(connection, identifierOf(organizer.id))?.status).not.toBe(ConnectorStatus.ACTIVE);
    expect(lastHome()).toContain('Not connected');
  });

  it('handles an event Slack delivers again (same event_id) only once', async () => {
    const first = await openHome('Ev0SAME');
    const again = await openHome('Ev0SAME', 1);
    expect([first.status, again.status]).toEqual([200, 200]);
    await h.slack.waitForCall('views.publish');
    await new Promise((r) => setTimeout(r, 300));
    expect(published()).toHaveLength(1);
  });

  it('preferences: bad input is shown in the form and changes nothing; good input is used by /schedule', async () => {
    h.connect(organizer.id);
    await openHome();
    await h.slack.waitForCall('views.publish');
    const edit = homeButtons().find((b) => b.text === 'Edit preferences')!;
    await h.sim.clickButton({ user: organizer, actionId: edit.actionId, home: true });
    const opened = await h.slack.waitForCall('views.open');
    expect(JSON.stringify(opened.args.view)).toContain(PREFS_FORM.callbackId);

    const bad = await submitPrefs(h, organizer, prefsForm('17:00', '09:00', [], '45', 'Mars/Olympus'));
    const errors = (JSON.parse(bad.body) as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual([PREFS_FORM.days, PREFS_FORM.end, PREFS_FORM.zone].sort());
    expect(await h.database.query('select * from user_prefs')).toHaveLength(0);

    const good = await submitPrefs(h, organizer, prefsForm('15:00', '18:00', [1, 2, 3, 4, 5], '45', 'Asia/Kolkata'));
    expect(good.status).toBe(200);
    await h.slack.waitFor(() => published().length === 2);
    expect(lastHome()).toContain('15:00–18:00');

    const cmd = await schedule(h, organizer, `${mention(alice)} Planning`);
    const proposal = await reply(h, cmd.responseUrl);
    expect(proposal.text).toContain('Free times for Planning');
    expect(JSON.stringify(proposal.blocks)).toContain('(45 min)');
    expect(JSON.stringify(proposal.blocks)).toContain('Asia/Kolkata');
    for (const b of proposal.buttons.filter((x) => x.text === 'Book')) {
      const start = DateTime.fromMillis((JSON.parse(b.value!) as { s: number }).s, { zone: 'Asia/Kolkata' });
      const minutes = start.hour * 60 + start.minute;
      expect(minutes).toBeGreaterThanOrEqual(15 * 60);
      expect(minutes + 45).toBeLessThanOrEqual(18 * 60);
    }
  });
});
