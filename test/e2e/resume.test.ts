import { afterEach, describe, expect, it } from 'vitest';
import { signState } from '../../src/core/auth-state.js';
import { loadConfig } from '../../src/config.js';
import { ConnectorStatus } from '../../fakes/scalekit/server.js';
import { PEOPLE, identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;
const clock = { offset: 0 };
afterEach(async () => h.stop());

async function start() {
  clock.offset = 0;
  h = await startHarness({ now: () => Date.now() + clock.offset });
}

async function prompt() {
  const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
  const p = await reply(h, cmd.responseUrl);
  const link = (label: string) => p.buttons.find((b) => b.text.endsWith(label))?.url ?? '';
  return { responseUrl: cmd.responseUrl, calendar: link('Google Calendar'), gmail: link('Gmail') };
}

/** Follows the consent link to the bot's /auth/verify without following the redirect itself. */
async function verifyUrlOf(link: string): Promise<URL> {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('authorization that resumes by itself', () => {
  it('resumes the waiting /schedule once both services are connected, without retyping', async () => {
    await start();
    const p = await prompt();
    const first = await fetch(p.calendar);
    const firstPage = await first.text();
    expect(first.status).toBe(200);
    expect(firstPage).toContain('Google Calendar is now connected');
    expect(firstPage).toContain('Still needed: Gmail');
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    const second = await fetch(p.gmail);
    expect(await second.text()).toContain('Your request is carrying on in Slack');
    const proposal = await reply(h, p.responseUrl, 2);
    expect(proposal.replaceOriginal).toBe(true);
    expect(proposal.text).toContain('Free times for Kickoff');
    expect(h.scalekit.account('gmail', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('turns away a tampered, replayed or expired state and activates nothing', async () => {
    await start();
    const p = await prompt();
    const url = await verifyUrlOf(p.calendar);
    const state = url.searchParams.get('state') ?? '';

    const tampered = new URL(url);
    tampered.searchParams.set('state', `${state.slice(0, -2)}${state.endsWith('A') ? 'B' : 'A'}x`);
    expect((await fetch(tampered)).status).toBe(400);

    const secret = loadConfig(h.env).authStateSecret;
    const expired = new URL(url);
    expired.searchParams.set('state', signState(secret, { t: 'T0TEAM', u: organizer.id, p: '-', c: 'calendar' }, Date.now() - 2 * 60 * 60_000));
    const expiredRes = await fetch(expired);
    expect(expiredRes.status).toBe(400);
    expect(await expiredRes.text()).toContain('not valid');

    expect(h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(0);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);

    expect((await fetch(url)).status).toBe(200);
    const replay = await fetch(url);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
    expect(h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(1);
  });

  it('a state naming another user cannot activate that user’s account', async () => {
    await start();
    const p = await prompt();
    const url = await verifyUrlOf(p.calendar);
    const secret = loadConfig(h.env).authStateSecret;
    url.searchParams.set('state', signState(secret, { t: 'T0TEAM', u: PEOPLE.mallory.id, p: '-', c: 'calendar' }, Date.now()));
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);
    expect(h.scalekit.account('googlecalendar', identifierOf(PEOPLE.mallory.id))?.status).not.toBe(ConnectorStatus.ACTIVE);
  });

  it('after the response_url has expired, the resumed proposal goes to the user’s DM', async () => {
    await start();
    const p = await prompt();
    clock.offset = 31 * 60_000;
    await fetch(p.calendar);
    await fetch(p.gmail);
    const dm = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === organizer.id, 8_000);
    expect(JSON.stringify(dm.args.blocks)).toContain('Book');
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);
    expect(allText({ text: String(dm.args.text), blocks: [], replaceOriginal: false, buttons: [], raw: {} })).toContain('Kickoff');
  });
});

describe('a request cancelled while it waited', () => {
  it('does not come back when the user connects afterwards', async () => {
    await start();
    const p = await prompt();
    const cancel = await click(h, organizer, button(await reply(h, p.responseUrl), 'Cancel'));
    expect((await reply(h, cancel.responseUrl)).text).toContain('Cancelled');
    await fetch(p.calendar);
    const last = await fetch(p.gmail);
    expect(await last.text()).toContain('Gmail is now connected');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
