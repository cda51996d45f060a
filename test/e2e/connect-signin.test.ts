import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorStatus } from '../../fakes/scalekit/server.js';
import type { TestBrowser } from '../../fakes/slack/browser.js';
import { PEOPLE, identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { connectThroughBrowser, openConnectLink } from '../support/connect-steps.js';
import { reply, schedule } from '../support/slack-steps.js';

/** Who is at the browser when a Connect button is opened (CONTRACT.md "Who is at the browser"). */

const { organizer, alice, mallory } = PEOPLE;
let h: Harness;
const clock = { offset: 0 };
afterEach(async () => h.stop());

async function start(env: Record<string, string> = {}) {
  clock.offset = 0;
  h = await startHarness({ now: () => Date.now() + clock.offset }, env);
}

/** Olivia asks for a meeting with Gmail already connected: one Connect button, for Calendar. */
async function calendarPrompt() {
  h.connect(organizer.id, ['gmail']);
  const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
  const prompt = await reply(h, cmd.responseUrl);
  const url = prompt.buttons.find((b) => b.text === 'Connect Google Calendar')?.url;
  if (url === undefined) throw new Error('no Connect Google Calendar button');
  return { responseUrl: cmd.responseUrl, url };
}

const verifyCalls = () => h.scalekit.calls.filter((c) => c.method === 'verifyConnectedAccountUser');
const magicLinksOf = (userId: string) => h.scalekit.magicLinks().filter((l) => l.identifier === identifierOf(userId));
const calendarStatus = () => h.scalekit.account('googlecalendar', identifierOf(organizer.id))?.status;
const isSlackAuthorize = (u: URL) => u.origin === new URL(h.slack.url).origin && u.pathname === '/openid/connect/authorize';

/** Olivia's browser, stopped just before the bot's /auth/verify: that URL. */
async function verifyUrlOf(browser: TestBrowser, connectUrl: string): Promise<string> {
  const toConsent = await openConnectLink(h, organizer, browser, connectUrl);
  const back = await browser.open(toConsent.location ?? '', { stopBefore: (u) => u.pathname === '/auth/verify' });
  if (back.location === undefined) throw new Error(`no return to /auth/verify: ${back.status}`);
  return back.location;
}

describe('opening a Connect button', () => {
  it('signs the owner in with Slack, sends them to a fresh Scalekit link, and the request resumes by itself', async () => {
    await start();
    const p = await calendarPrompt();
    expect(p.url.startsWith(`${h.env.PUBLIC_URL}/connect/start?c=`)).toBe(true);
    expect(magicLinksOf(organizer.id)).toHaveLength(0);

    const browser = h.browser('olivia');
    const { page, magicLink } = await connectThroughBrowser(h, organizer, browser, p.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Google Calendar is now connected');
    // bot → Slack's authorize (signed in as Olivia) → the bot's callback → the Connect link → Scalekit → /auth/verify
    const path = browser.history.map((hop) => new URL(hop.url).pathname.replace(/^\/magic\/.*/, '/magic/…'));
    expect(path).toEqual(['/connect/start', '/openid/connect/authorize', '/auth/slack/callback', '/connect/start', '/magic/…', '/auth/verify']);
    const authorize = h.slack.browserVisits.find((v) => v.path === '/openid/connect/authorize');
    expect(authorize?.signedInAs?.userId).toBe(organizer.id);
    expect(authorize?.query).toMatchObject({ response_type: 'code', client_id: h.slack.clientId, redirect_uri: `${h.env.PUBLIC_URL}/auth/slack/callback` });
    expect(authorize?.query.scope?.split(' ')).toContain('openid');
    expect(authorize?.query.nonce).toBeTruthy();
    expect(magicLink).toBe(magicLinksOf(organizer.id).at(-1)?.url);
    expect(h.slack.oidcCalls().map((c) => c.method)).toEqual(['openid.connect.token']);

    const session = browser.cookie(h.env.PUBLIC_URL ?? '', 'scheduler_session');
    expect(session).toBeTruthy();
    const proposal = await reply(h, p.responseUrl, 2);
    expect(proposal.text).toContain('Free times for Kickoff');
    expect(calendarStatus()).toBe(ConnectorStatus.ACTIVE);
  });

  it('someone else signed in: the "belongs to someone else" page, nothing made or activated, and the owner’s button still works', async () => {
    await start();
    const p = await calendarPrompt();
    const googleBefore = h.google.requests.length;

    const theirs = await openConnectLink(h, mallory, h.browser('mallory'), p.url);
    expect(theirs.status).toBe(403);
    expect(theirs.body).toContain('This Connect link belongs to someone else');
    expect(theirs.body).toContain('Use your own Connect button in Slack');
    expect(theirs.body).not.toContain(organizer.id);
    expect(theirs.body).not.toContain(organizer.email);
    expect(h.scalekit.calls.filter((c) => c.identifier === identifierOf(organizer.id) && c.method !== 'getConnectedAccountAuth')).toHaveLength(0);
    expect(magicLinksOf(organizer.id)).toHaveLength(0);
    expect(magicLinksOf(mallory.id)).toHaveLength(0);
    expect(h.google.requests.length).toBe(googleBefore);
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    const { page } = await connectThroughBrowser(h, organizer, h.browser('olivia'), p.url);
    expect(page.body).toContain('Google Calendar is now connected');
    expect((await reply(h, p.responseUrl, 2)).text).toContain('Free times for Kickoff');
  });

  it('a forwarded Scalekit link coming back in someone else’s browser activates nothing and leaves the owner’s return working', async () => {
    await start();
    const p = await calendarPrompt();
    const olivia = h.browser('olivia');
    const toConsent = await openConnectLink(h, organizer, olivia, p.url);
    const forwarded = toConsent.location ?? '';
    expect(forwarded.startsWith(`${h.scalekit.url}/magic/`)).toBe(true);
    const googleBefore = h.google.requests.length;

    // Mallory opens the forwarded link and consents with her own Google account
    const malloryBrowser = h.browser('mallory');
    malloryBrowser.setCookie(h.slack.url, h.slack.signIn(mallory.id));
    const atVerify = await malloryBrowser.open(`${forwarded}?email=${encodeURIComponent(mallory.email)}`, { stopBefore: isSlackAuthorize });
    // not signed in to the bot: through Sign in with Slack, then back to the same return
    expect(new URL(atVerify.url).pathname).toBe('/auth/verify');
    const theirs = await malloryBrowser.open(atVerify.location ?? '');
    expect(theirs.status).toBe(403);
    expect(theirs.body).toContain('This Connect link belongs to someone else');
    expect(new URL(theirs.url).pathname).toBe('/auth/verify');
    expect(verifyCalls()).toHaveLength(0);
    expect(calendarStatus()).toBe(ConnectorStatus.PENDING_VERIFICATION);
    expect(h.google.requests.length).toBe(googleBefore);
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    // the owner's own button, again: a new link, her own Google account, and the request resumes
    h.registry.linkIdentity(identifierOf(organizer.id), organizer.email);
    const { page } = await connectThroughBrowser(h, organizer, olivia, p.url);
    expect(page.body).toContain('Google Calendar is now connected');
    expect((await reply(h, p.responseUrl, 2)).text).toContain('Free times for Kickoff');
    expect(new Set(h.google.requests.slice(googleBefore).map((r) => r.email))).toEqual(new Set([organizer.email]));
  });

  it('the owner’s return opened by someone else is refused without using it up; the owner’s visit then works', async () => {
    await start();
    const p = await calendarPrompt();
    const verifyUrl = await verifyUrlOf(h.browser('olivia'), p.url);

    const malloryBrowser = h.browser('mallory');
    await openConnectLink(h, mallory, malloryBrowser, p.url); // signs Mallory in to the bot
    const theirs = await malloryBrowser.open(verifyUrl);
    expect(theirs.status).toBe(403);
    expect(verifyCalls()).toHaveLength(0);
    expect(calendarStatus()).toBe(ConnectorStatus.PENDING_VERIFICATION);

    const mine = await connectThroughBrowser(h, organizer, h.browser('olivia, another tab'), p.url);
    expect(mine.page.status).toBe(200);
    expect(calendarStatus()).toBe(ConnectorStatus.ACTIVE);
  });
});

describe('the session cookie', () => {
  it('a forged or tampered cookie is nobody: the browser is sent to sign in with Slack, nothing else happens', async () => {
    await start();
    const p = await calendarPrompt();
    const malloryBrowser = h.browser('mallory');
    await openConnectLink(h, mallory, malloryBrowser, p.url);
    const real = malloryBrowser.cookie(h.env.PUBLIC_URL ?? '', 'scheduler_session') ?? '';
    const [body, sig] = real.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const asOlivia = (payload: Record<string, unknown>, signature: string) => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;

    for (const forged of [asOlivia({ ...claims, u: organizer.id }, sig), asOlivia({ t: 'T0TEAM', u: organizer.id, x: Date.now() + 60_000 }, 'AAAA'), 'garbage']) {
      const b = h.browser('forger');
      b.setCookie(h.env.PUBLIC_URL ?? '', `scheduler_session=${forged}; Path=/`);
      const res = await b.open(p.url, { stopBefore: isSlackAuthorize });
      expect(res.status).toBe(302);
      expect(isSlackAuthorize(new URL(res.location ?? ''))).toBe(true);
    }
    expect(magicLinksOf(organizer.id)).toHaveLength(0);
    expect(verifyCalls()).toHaveLength(0);
  });

  it('lasts 30 minutes: an expired cookie, presented again, means signing in again', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const first = await openConnectLink(h, organizer, browser, p.url);
    expect(first.location?.startsWith(`${h.scalekit.url}/magic/`)).toBe(true);
    const cookie = browser.cookie(h.env.PUBLIC_URL ?? '', 'scheduler_session') ?? '';
    expect(cookie).not.toBe('');

    clock.offset = 31 * 60_000;
    const replayed = h.browser('replayed cookie');
    replayed.setCookie(h.env.PUBLIC_URL ?? '', `scheduler_session=${cookie}; Path=/`);
    const res = await replayed.open(p.url, { stopBefore: isSlackAuthorize });
    expect(isSlackAuthorize(new URL(res.location ?? ''))).toBe(true);
    expect(magicLinksOf(organizer.id)).toHaveLength(1);
  });

  it('is HttpOnly, SameSite=Lax, path /, 30 minutes; a replayed sign-in callback signs no one in', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const res = await openConnectLink(h, organizer, browser, p.url);
    const callback = res.hops.find((hop) => new URL(hop.url).pathname === '/auth/slack/callback');
    expect(callback?.status).toBe(302);
    const raw = await fetch(callback?.url ?? '', { redirect: 'manual' });
    // the code and state were used: another browser replaying the callback gets no session
    expect(raw.status).toBe(400);
    expect(raw.headers.getSetCookie().some((c) => c.startsWith('scheduler_session='))).toBe(false);
    const again = await browser.open(callback?.url ?? '');
    expect(again.status).toBe(400);

    // the cookie itself, as the bot set it
    const fresh = h.browser('fresh');
    fresh.setCookie(h.slack.url, h.slack.signIn(organizer.id));
    const toCallback = await fresh.open(p.url, { stopBefore: (u) => u.pathname === '/auth/slack/callback' });
    const back = await fetch(toCallback.location ?? '', { redirect: 'manual', headers: { cookie: fresh.cookieHeader(toCallback.location ?? '') } });
    const set = back.headers.getSetCookie().find((c) => c.startsWith('scheduler_session=')) ?? '';
    expect(set).toMatch(/; Path=\/;/);
    expect(set).toMatch(/Max-Age=1800/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).not.toMatch(/Secure/); // PUBLIC_URL is http here
  });
});

describe('failures on the way back', () => {
  it('Scalekit down at verify: nothing is used up, and the same button works once it answers again', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    h.scalekit.failVerifyUnavailable(4);
    const down = await connectThroughBrowser(h, organizer, browser, p.url);
    expect(down.page.status).toBe(503);
    expect(down.page.body).toContain('did not answer');
    expect(calendarStatus()).toBe(ConnectorStatus.PENDING_VERIFICATION);
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    const again = await connectThroughBrowser(h, organizer, browser, p.url);
    expect(again.page.status).toBe(200);
    expect(again.magicLink).not.toBe(down.magicLink);
    expect(calendarStatus()).toBe(ConnectorStatus.ACTIVE);
    expect((await reply(h, p.responseUrl, 2)).text).toContain('Free times for Kickoff');
  }, 40_000);

  it('Scalekit down at verify: reloading the same return works once it answers again', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const verifyUrl = await verifyUrlOf(browser, p.url);
    h.scalekit.failVerifyUnavailable(4);
    expect((await browser.open(verifyUrl)).status).toBe(503);
    const reload = await browser.open(verifyUrl);
    expect(reload.status).toBe(200);
    expect(reload.body).toContain('Google Calendar is now connected');
  }, 40_000);

  it('never serves an expired Scalekit link: each opening of the button makes a fresh one', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const first = await openConnectLink(h, organizer, browser, p.url);
    h.scalekit.expireMagicLink(first.location ?? '');
    expect((await fetch(first.location ?? '')).status).toBe(410);

    const { page, magicLink } = await connectThroughBrowser(h, organizer, browser, p.url);
    expect(magicLink).not.toBe(first.location);
    expect(page.status).toBe(200);
    expect(calendarStatus()).toBe(ConnectorStatus.ACTIVE);
  });

  it('two returns with the same state at once: one connects, the request resumes once', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const verifyUrl = await verifyUrlOf(browser, p.url);
    const [a, b] = await Promise.all([browser.open(verifyUrl), browser.open(verifyUrl)]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect((await reply(h, p.responseUrl, 2)).text).toContain('Free times for Kickoff');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(2);
  });
});

describe('the Google account must be the Slack profile’s (REQUIRE_MATCHING_GOOGLE_EMAIL)', () => {
  it('on (the default): another Google account is disconnected again, with a page saying why; the right one then works', async () => {
    await start();
    const p = await calendarPrompt();
    const browser = h.browser('olivia');
    const wrong = await connectThroughBrowser(h, organizer, browser, p.url, { googleEmail: 'olivia.private@gmail.test' });
    expect(wrong.page.status).toBe(403);
    expect(wrong.page.body).toContain('Use the Google account of your Slack profile');
    expect(wrong.page.body).toContain('olivia.private@gmail.test');
    expect(wrong.page.body).toContain(organizer.email);
    expect(calendarStatus()).toBeUndefined();
    expect(h.google.requests.filter((r) => r.operation === 'calendars.get').map((r) => r.email)).toEqual(['olivia.private@gmail.test']);
    expect(h.google.requests.filter((r) => r.operation !== 'calendars.get')).toHaveLength(0);
    expect(h.slack.responsesTo(p.responseUrl)).toHaveLength(1);

    const right = await connectThroughBrowser(h, organizer, browser, p.url, { googleEmail: organizer.email });
    expect(right.page.body).toContain('Google Calendar is now connected');
    expect((await reply(h, p.responseUrl, 2)).text).toContain('Free times for Kickoff');
  });

  it('checks Gmail by its profile address', async () => {
    await start();
    h.connect(organizer.id, ['googlecalendar']);
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Kickoff`);
    const url = (await reply(h, cmd.responseUrl)).buttons.find((b) => b.text === 'Connect Gmail')?.url ?? '';
    const wrong = await connectThroughBrowser(h, organizer, h.browser('olivia'), url, { googleEmail: 'someone@else.test' });
    expect(wrong.page.status).toBe(403);
    expect(h.google.requests.filter((r) => r.operation === 'getProfile').map((r) => r.email)).toEqual(['someone@else.test']);
    expect(h.scalekit.account('gmail', identifierOf(organizer.id))).toBeUndefined();
  });

  it('off: the other Google account is kept', async () => {
    await start({ REQUIRE_MATCHING_GOOGLE_EMAIL: 'false' });
    const p = await calendarPrompt();
    const { page } = await connectThroughBrowser(h, organizer, h.browser('olivia'), p.url, { googleEmail: 'olivia.private@gmail.test' });
    expect(page.status).toBe(200);
    expect(calendarStatus()).toBe(ConnectorStatus.ACTIVE);
    expect(h.google.requests.filter((r) => r.operation === 'calendars.get')).toHaveLength(0);
  });
});
