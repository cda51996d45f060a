import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { connectThroughBrowser } from '../support/connect-steps.js';
import { dm, nthCall, shown } from '../support/inbox-steps.js';

const { organizer } = PEOPLE;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.google.addMessage(organizer.email, { from: 'Boss <boss@acme.test>', subject: 'Quarterly numbers', snippet: 'Please look', date: new Date(Date.now() - 3_600_000) });
});
afterEach(async () => h.stop());

describe('inbox asks that wait for Gmail, and App Home', () => {
  it('a DM ask waiting for Gmail resumes by itself once the user has connected it', async () => {
    h.connect(organizer.id, ['googlecalendar']);
    const prompt = await dm(h, organizer, 'any unread email?');
    const link = prompt.buttons.find((b) => b.url !== undefined)?.url;
    expect(link).toContain('/connect/start?c=');
    const { page } = await connectThroughBrowser(h, organizer, h.browser('olivia'), link!);
    expect(page.body).toContain('Gmail is now connected');
    const summary = await nthCall(h, 'chat.postMessage', (c) => c.args.channel === h.slack.dmChannelOf(organizer.id), 2);
    expect(shown(summary)).toContain('Quarterly numbers');
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('App Home’s Summarize unread sends the summary to the user’s DM', async () => {
    h.connect(organizer.id);
    await h.sim.event({ type: 'app_home_opened', user: organizer.id, tab: 'home' });
    const home = await h.slack.waitForCall('views.publish');
    const blocks = (home.args.view as { blocks: unknown[] }).blocks;
    expect(JSON.stringify(blocks)).toContain('Summarize unread');
    await h.sim.clickButton({ user: organizer, actionId: 'home.summarize_unread', home: true });
    const summary = await nthCall(h, 'chat.postMessage', (c) => c.args.channel === organizer.id || c.args.channel === h.slack.dmChannelOf(organizer.id));
    expect(shown(summary)).toContain('Quarterly numbers');
  });
});
