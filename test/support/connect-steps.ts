import type { FakeScalekit } from '../../fakes/scalekit/server.js';
import type { Page, TestBrowser } from '../../fakes/slack/browser.js';
import type { FakeSlack, FakeSlackUser } from '../../fakes/slack/web-api.js';

/** What following a Connect button needs: Slack's fake (to sign in) and Scalekit's (whose consent page it is). */
export interface ConnectSide {
  slack: FakeSlack;
  scalekit: FakeScalekit;
}

export interface Connected {
  /** The last page: the bot's /auth/verify answer, or wherever the journey stopped. */
  page: Page;
  /** The Scalekit authorization link the bot redirected to, if it got that far. */
  magicLink?: string | undefined;
}

const isMagicLink = (scalekit: FakeScalekit) => (u: URL) => u.origin === new URL(scalekit.url).origin && u.pathname.startsWith('/magic/');

/**
 * Opens a Connect (or Reconnect) button the way `person`'s own browser does: the bot's Connect link
 * → Slack's authorize page, where the browser is signed in to Slack as `person` → the bot's sign-in
 * callback → the Connect link again → Scalekit's authorization link ("consent", choosing
 * `googleEmail` when given) → the bot's /auth/verify. A browser already signed in to the bot skips
 * the Slack hops.
 */
export async function connectThroughBrowser(h: ConnectSide, person: FakeSlackUser, browser: TestBrowser, connectUrl: string, opts: { googleEmail?: string } = {}): Promise<Connected> {
  if (browser.cookie(h.slack.url, 'fake_slack_session') === undefined) browser.setCookie(h.slack.url, h.slack.signIn(person.id, person.teamId));
  const toConsent = await browser.open(connectUrl, { stopBefore: isMagicLink(h.scalekit) });
  if (toConsent.location === undefined) return { page: toConsent };
  const consent = new URL(toConsent.location);
  if (opts.googleEmail !== undefined) consent.searchParams.set('email', opts.googleEmail);
  return { page: await browser.open(consent.toString()), magicLink: toConsent.location };
}

/** Only the first hops: opens a Connect link and stops before Scalekit's authorization link. */
export async function openConnectLink(h: ConnectSide, person: FakeSlackUser, browser: TestBrowser, connectUrl: string): Promise<Page> {
  if (browser.cookie(h.slack.url, 'fake_slack_session') === undefined) browser.setCookie(h.slack.url, h.slack.signIn(person.id, person.teamId));
  return browser.open(connectUrl, { stopBefore: isMagicLink(h.scalekit) });
}
