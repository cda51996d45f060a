import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorStatus } from '../../fakes/scalekit/server.js';
import { GOOGLE_SCOPES } from '../../fakes/token-registry.js';
import { PEOPLE, identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { connectThroughBrowser } from '../support/connect-steps.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.stop());

describe('connecting Google through Scalekit', () => {
  it('a first-time user gets their own Connect links, connects, continues and books', async () => {
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const prompt = await reply(h, cmd.responseUrl);
    expect(allText(prompt)).toContain('Connect Google Calendar');
    expect(allText(prompt)).toContain('Connect Gmail');
    const links = prompt.buttons.filter((b) => b.url !== undefined);
    expect(links).toHaveLength(2);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    // Slack still sends an action for a link button; it is acked and nothing else happens
    const linkClick = await click(h, organizer, links[0]!);
    expect(linkClick.status).toBe(200);

    // Each button is the bot's own link, made without asking Scalekit; the browser signs in with Slack first
    expect(h.scalekit.calls.filter((c) => c.method === 'getMagicLinkForConnectedAccount')).toHaveLength(0);
    const browser = h.browser('olivia');
    for (const link of links) {
      expect(link.url).toMatch(new RegExp(`^${h.env.PUBLIC_URL}/connect/start\\?c=`));
      const { page } = await connectThroughBrowser(h, organizer, browser, link.url!);
      expect(page.status).toBe(200);
      expect(new URL(page.url).pathname).toBe('/auth/verify');
    }
    expect(h.slack.browserVisits.filter((v) => v.path === '/openid/connect/authorize')).toHaveLength(1);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);
    expect(h.scalekit.account('gmail', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);

    const cont = await click(h, organizer, button(prompt, 'Continue'));
    const proposal = await reply(h, cont.responseUrl);
    expect(proposal.text).toContain('Free times for Kickoff');
    const pick = await click(h, organizer, button(proposal, 'Book'));
    expect((await reply(h, pick.responseUrl)).text).toContain('Booked: Kickoff');
    expect(h.google.events(organizer.email)).toHaveLength(1);
  });

  it('asks only for the connector that is missing', async () => {
    h.connect(organizer.id, ['googlecalendar']);
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const prompt = await reply(h, cmd.responseUrl);
    expect(allText(prompt)).toContain('Connect Gmail');
    expect(allText(prompt)).not.toContain('Google Calendar');
    expect(h.google.requests).toHaveLength(0);
  });

  it.each([
    [ConnectorStatus.EXPIRED, 'has expired', 'Reconnect Google Calendar'],
    [ConnectorStatus.DISCONNECTED, 'was removed', 'Reconnect Google Calendar'],
    [ConnectorStatus.PENDING_VERIFICATION, 'waiting for you to finish', 'Connect Google Calendar'],
  ])('status %s gets its own message and a way back', async (status, words, buttonText) => {
    h.connect(organizer.id);
    h.scalekit.setStatus('googlecalendar', identifierOf(organizer.id), status);
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const prompt = await reply(h, cmd.responseUrl);
    expect(allText(prompt)).toContain(words);
    expect(button(prompt, buttonText).url).toContain('/connect/start?c=');
    expect(h.google.requests).toHaveLength(0);
  });

  it('survives a 401 by fetching a fresh token once', async () => {
    h.connect(organizer.id);
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 401 });
    const before = h.scalekit.calls.filter((c) => c.method === 'getConnectedAccountAuth').length;
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const proposal = await reply(h, cmd.responseUrl);
    expect(proposal.text).toContain('Free times for Kickoff');
    const calendarLookups = h.scalekit.calls.filter((c) => c.method === 'getConnectedAccountAuth' && c.connector === 'googlecalendar');
    expect(calendarLookups.length).toBe(2);
    expect(h.scalekit.calls.filter((c) => c.method === 'getConnectedAccountAuth').length - before).toBe(3);
  });

  it('a 401 that survives the refetch gets a reconnect prompt', async () => {
    h.connect(organizer.id);
    const grant = h.scalekit.currentGrant('googlecalendar', identifierOf(organizer.id))!;
    h.registry.invalidate(grant.accessToken);
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const prompt = await reply(h, cmd.responseUrl);
    expect(allText(prompt)).toContain('turned down your Google Calendar access');
    expect(button(prompt, 'Reconnect Google Calendar').url).toContain('/connect/start?c=');
  });

  it('a grant without the compose scope is named, and no event is left behind', async () => {
    h.connect(organizer.id, ['googlecalendar']);
    h.scalekit.activate('gmail', identifierOf(organizer.id), [GOOGLE_SCOPES.gmailReadonly]);
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const proposal = await reply(h, cmd.responseUrl);
    const pick = await click(h, organizer, button(proposal, 'Book'));
    const failed = await reply(h, pick.responseUrl);
    expect(allText(failed)).toContain('removed the calendar event');
    expect(allText(failed)).toContain('gmail.compose');
    expect(button(failed, 'Reconnect Gmail').url).toContain('/connect/start?c=');
    expect(h.google.events(organizer.email).every((e) => e.deleted)).toBe(true);
  });

  it('an admin policy block says only the admin can change it', async () => {
    h.connect(organizer.id);
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 403, reason: 'domainPolicy' });
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const prompt = await reply(h, cmd.responseUrl);
    expect(allText(prompt)).toContain('administrator');
    expect(prompt.buttons.filter((b) => b.url !== undefined)).toHaveLength(0);
  });
});
