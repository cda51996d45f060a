import { afterEach, describe, expect, it } from 'vitest';
import { signState } from '../../src/core/auth-state.js';
import { loadConfig } from '../../src/config.js';
import { ConnectorStatus } from '../../fakes/scalekit/server.js';
import { PEOPLE, identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { connectThroughBrowser, openConnectLink } from '../support/connect-steps.js';
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

const olivia = () => h.browser('olivia');

/** The owner signs in, consents, and stops just before the bot's /auth/verify: its URL. */
async function verifyUrlOf(browser: ReturnType<typeof olivia>, link: string): Promise<URL> {
  const toConsent = await openConnectLink(h, organizer, browser, link);
  const back = await browser.open(toConsent.location ?? '', { stopBefore: (u) => u.pathname === '/auth/verify' });
  expect(back.status).toBe(302);
  return new URL(back.location ?? '');
}

const connect = async (browser: ReturnType<typeof olivia>, link: string) => (await connectThroughBrowser(h, organizer, browser, link)).page;

describe('authorization that resumes by itself', () => {
  it('resumes the waiting /schedule once both services are connected, without retyping', async () => {
    await start();
    const p = await prompt();
    const browser = olivia();
    const first = await connect(browser, p.calendar);
    expect(first.status).toBe(200);
    expect(first.body).toContain('Google Calendar is now connected');
    expect(first.body).toContain('Still needed: Gmail');
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    const second = await connect(browser, p.gmail);
    expect(second.body).toContain('Your request is carrying on in Slack');
    const proposal = await reply(h, p.responseUrl, 2);
    // The prompt answered a slash command, whose response_url can only add a message (bolt-js#2287).
    expect(proposal.replaceOriginal).toBe(false);
    expect(proposal.text).toContain('Free times for Kickoff');
    expect(h.scalekit.account('gmail', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('turns away a tampered, replayed or expired state and activates nothing', async () => {
    await start();
    const p = await prompt();
    const browser = olivia();
    const url = await verifyUrlOf(browser, p.calendar);
    const state = url.searchParams.get('state') ?? '';

    const tampered = new URL(url);
    tampered.searchParams.set('state', `${state.slice(0, -2)}${state.endsWith('A') ? 'B' : 'A'}x`);
    expect((await browser.open(tampered.toString())).status).toBe(400);

    const secret = loadConfig(h.env).authStateSecret;
    const expired = new URL(url);
    expired.searchParams.set('state', signState(secret, { t: 'T0TEAM', u: organizer.id, p: '-', c: 'calendar' }, Date.now() - 2 * 60 * 60_000));
    const expiredRes = await browser.open(expired.toString());
    expect(expiredRes.status).toBe(400);
    expect(expiredRes.body).toContain('not valid');

    expect(h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(0);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);

    expect((await browser.open(url.toString())).status).toBe(200);
    // Scalekit's auth request is single-use: the replay reaches it and is turned down there
    const replay = await browser.open(url.toString());
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('already used');
    expect(h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(2);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.ACTIVE);
  });

  it('a state naming another user cannot activate that user’s account', async () => {
    await start();
    const p = await prompt();
    const browser = olivia();
    const url = await verifyUrlOf(browser, p.calendar);
    const secret = loadConfig(h.env).authStateSecret;
    url.searchParams.set('state', signState(secret, { t: 'T0TEAM', u: PEOPLE.mallory.id, p: '-', c: 'calendar' }, Date.now()));
    // olivia's browser, signed in as olivia, cannot speak for mallory
    const res = await browser.open(url.toString());
    expect(res.status).toBe(403);
    expect(h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(0);
    expect(h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);
    expect(h.scalekit.account('googlecalendar', identifierOf(PEOPLE.mallory.id))?.status).not.toBe(ConnectorStatus.ACTIVE);
  });

  it('after the response_url has expired, the resumed proposal goes to the user’s DM', async () => {
    await start();
    const p = await prompt();
    clock.offset = 31 * 60_000;
    const browser = olivia();
    await connect(browser, p.calendar);
    await connect(browser, p.gmail);
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
    const browser = olivia();
    await connect(browser, p.calendar);
    const last = await connect(browser, p.gmail);
    expect(last.body).toContain('Gmail is now connected');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
