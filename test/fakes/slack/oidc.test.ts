import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../fakes/slack/browser.js';
import { PEOPLE, startWorld } from '../../../fakes/world/harness.js';
import { LeakError } from '../../../fakes/world/leak-check.js';
import { FakeSlack, SESSION_COOKIE, type FakeSlackUser } from '../../../fakes/slack/web-api.js';

const TEAM = 'T0TEAM';
const BOT_TOKEN = 'xoxb-oidc-bot-token';
const REDIRECT = 'http://127.0.0.1:9/auth/slack/callback';
const alice: FakeSlackUser = { id: 'U0ALICE', name: 'alice', realName: 'Alice Anders', email: 'alice@example.test', tz: 'UTC' };
const bob: FakeSlackUser = { id: 'U0BOB', name: 'bob', tz: 'UTC' };
const gone: FakeSlackUser = { id: 'U0GONE', name: 'gone', tz: 'UTC', deleted: true };
const robot: FakeSlackUser = { id: 'U0ROBOT', name: 'robot', tz: 'UTC', isBot: true };
const grid: FakeSlackUser = {
  id: 'W0GRID',
  teamId: 'T0GRIDWS',
  name: 'gina',
  realName: 'Gina Grid',
  email: 'gina@corp.test',
  tz: 'UTC',
  enterprise: { id: 'E0CORP', name: 'Corp', domain: 'corp' },
};

let slack: FakeSlack;
const api = (token?: string): WebClient => new WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
const slackError = (error: string) => ({ data: expect.objectContaining({ ok: false, error }) });

function authorizeUrl(p: Record<string, string> = {}): string {
  const q = new URLSearchParams({ response_type: 'code', scope: 'openid email profile', client_id: slack.clientId, redirect_uri: REDIRECT, state: 'st-1', nonce: 'n-1', ...p });
  return `${slack.url}/openid/connect/authorize?${q.toString()}`;
}

/** Signs `user` in (cookie dance), opens the authorize url and stops at the redirect back; returns the code. */
async function codeFor(user: FakeSlackUser, params: Record<string, string> = {}, browser = new TestBrowser(user.name)): Promise<string> {
  await browser.open(slack.signInUrl(user.id));
  const page = await browser.open(authorizeUrl(params), { stopBefore: (u) => u.origin !== slack.url });
  expect(page.status).toBe(302);
  return new URL(page.location ?? '').searchParams.get('code') ?? '';
}

beforeAll(async () => {
  slack = await FakeSlack.start({
    botToken: BOT_TOKEN,
    teamId: TEAM,
    teamName: 'Acme',
    teamDomain: 'acme',
    users: [alice, bob, gone, robot, grid],
    redirectUrls: ['http://127.0.0.1:9/auth/slack/'],
  });
});
afterAll(async () => slack.stop());

describe('Sign in with Slack on the fake', () => {
  it('publishes discovery and its signing key', async () => {
    const conf = (await (await fetch(`${slack.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(conf).toMatchObject({
      issuer: slack.url,
      authorization_endpoint: `${slack.url}/openid/connect/authorize`,
      token_endpoint: `${slack.apiUrl}openid.connect.token`,
      userinfo_endpoint: `${slack.apiUrl}openid.connect.userInfo`,
      jwks_uri: `${slack.url}/openid/connect/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = (await (await fetch(`${slack.url}/openid/connect/keys`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', kid: expect.any(String), n: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('signed-in browser: authorize redirects with a code; the token exchange gives a verifiable id_token', async () => {
    const browser = new TestBrowser('alice');
    const signin = await browser.open(slack.signInUrl(alice.id));
    expect(signin.status).toBe(200);
    expect(browser.cookie(slack.url, SESSION_COOKIE)).toBeDefined();
    const page = await browser.open(authorizeUrl(), { stopBefore: (u) => u.origin !== slack.url });
    expect(page.status).toBe(302);
    const back = new URL(page.location ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';
    expect(code).toMatch(/^\d+\.\d+\.[0-9a-f]{64}$/);
    expect(slack.browserVisits.at(-1)).toMatchObject({ path: '/openid/connect/authorize', status: 302, signedInAs: { teamId: TEAM, userId: alice.id } });

    const res = await api().openid.connect.token({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: REDIRECT, grant_type: 'authorization_code' });
    expect(res).toMatchObject({ ok: true, token_type: 'Bearer', access_token: expect.stringMatching(/^xoxp-/) });
    const idToken = String(res.id_token);
    const accessToken = String(res.access_token);
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });

    const keys = createRemoteJWKSet(new URL(`${slack.url}/openid/connect/keys`));
    const { payload } = await jwtVerify(idToken, keys, { issuer: slack.url, audience: slack.clientId, algorithms: ['RS256'] });
    const claims: JWTPayload & Record<string, unknown> = payload;
    expect(claims).toMatchObject({
      sub: alice.id,
      'https://slack.com/user_id': alice.id,
      'https://slack.com/team_id': TEAM,
      'https://slack.com/team_name': 'Acme',
      'https://slack.com/team_domain': 'acme',
      nonce: 'n-1',
      email: alice.email,
      email_verified: true,
      name: 'Alice Anders',
      given_name: 'Alice',
      family_name: 'Anders',
      locale: 'en-US',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
    expect(claims.auth_time).toBeLessThanOrEqual(claims.iat ?? 0);
    expect(claims.at_hash).toBe(createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url'));
    expect(claims).not.toHaveProperty('https://slack.com/enterprise_id');

    const info = await api(accessToken).openid.connect.userInfo();
    expect(info).toMatchObject({ ok: true, sub: alice.id, 'https://slack.com/user_id': alice.id, 'https://slack.com/team_id': TEAM, email: alice.email });
    expect(info).not.toHaveProperty('nonce');

    const exchange = slack.oidcCalls().find((c) => c.method === 'openid.connect.token' && c.args.code === code);
    expect(exchange).toMatchObject({ clientAuth: 'client_secret_post', args: { client_id: slack.clientId, redirect_uri: REDIRECT } });
    expect(JSON.stringify(slack.oidcCalls().map((c) => c.args))).not.toContain(slack.clientSecret);
    expect(slack.oidcCalls().at(-1)).toMatchObject({ method: 'openid.connect.userInfo', token: accessToken });
    expect(slack.mintedSecrets()).toEqual(expect.arrayContaining([accessToken, idToken]));
  });

  it('scopes decide the claims: openid alone gives only who it is', async () => {
    const code = await codeFor(alice, { scope: 'openid', nonce: '' });
    const res = await api().openid.connect.token({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: REDIRECT });
    const [, body = ''] = String(res.id_token).split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: alice.id, 'https://slack.com/team_id': TEAM });
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('name');
    expect(claims.nonce).toBe('');
  });

  it('not signed in: a sign-in page, no redirect, no code; its links sign in and carry on', async () => {
    const browser = new TestBrowser('stranger');
    const page = await browser.open(authorizeUrl(), { stopBefore: (u) => u.origin !== slack.url });
    expect(page.status).toBe(200);
    expect(page.location).toBeUndefined();
    expect(page.body).toContain('Sign in to Slack');
    expect(page.body).not.toContain(gone.id);
    expect(page.body).not.toContain(robot.id);
    expect(slack.browserVisits.at(-1)).toMatchObject({ path: '/openid/connect/authorize', status: 200 });
    expect(slack.browserVisits.at(-1)).not.toHaveProperty('signedInAs');

    const href = /href="([^"]*user=U0BOB[^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(href).toContain('/fake/signin?');
    const done = await browser.open(new URL(href, slack.url).toString(), { stopBefore: (u) => u.origin !== slack.url });
    expect(done.status).toBe(302);
    expect(done.hops.map((h) => new URL(h.url).pathname)).toEqual(['/fake/signin', '/openid/connect/authorize']);
    expect(new URL(done.location ?? '').searchParams.get('code')).toBeTruthy();
    expect(slack.browserVisits.at(-1)).toMatchObject({ signedInAs: { userId: bob.id } });
  });

  it('a session can be handed to a browser without the page, and is all authorize trusts', async () => {
    const res = await fetch(authorizeUrl(), { redirect: 'manual', headers: { cookie: slack.signIn(bob.id) } });
    expect(res.status).toBe(302);
    const forged = await fetch(authorizeUrl(), { redirect: 'manual', headers: { cookie: `${SESSION_COOKIE}=made-up` } });
    expect(forged.status).toBe(200);
    const query = await fetch(`${authorizeUrl()}&user=${alice.id}&team=${TEAM}`, { redirect: 'manual' });
    expect(query.status).toBe(200);

    const browser = new TestBrowser('bob');
    browser.setCookie(slack.url, slack.signIn(bob.id));
    const page = await browser.open(authorizeUrl(), { stopBefore: (u) => u.origin !== slack.url });
    expect(page.status).toBe(302);
    await browser.open(`${slack.url}/fake/signout`);
    expect(browser.cookie(slack.url, SESSION_COOKIE)).toBeUndefined();
    expect((await browser.open(authorizeUrl(), { stopBefore: () => true })).status).toBe(200);
  });

  it('refuses bad authorize requests with a page, never a redirect', async () => {
    const headers = { cookie: slack.signIn(alice.id) };
    const cases: Array<[Record<string, string>, string]> = [
      [{ client_id: '999.999' }, 'invalid_client_id'],
      [{ redirect_uri: '' }, 'bad_redirect_uri'],
      [{ redirect_uri: 'http://127.0.0.1:9/elsewhere' }, 'bad_redirect_uri'],
      [{ redirect_uri: 'http://evil.test/auth/slack/callback' }, 'bad_redirect_uri'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'email profile' }, 'invalid_scope'],
      [{ scope: 'openid chat:write' }, 'invalid_scope'],
    ];
    for (const [params, error] of cases) {
      const res = await fetch(authorizeUrl(params), { redirect: 'manual', headers });
      expect(res.status, error).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain(error);
    }
    // Below a configured Redirect URL is fine; state is passed through only when given.
    const q = new URLSearchParams({ response_type: 'code', scope: 'openid', client_id: slack.clientId, redirect_uri: 'http://127.0.0.1:9/auth/slack/other' });
    const ok = await fetch(`${slack.url}/openid/connect/authorize?${q.toString()}`, { redirect: 'manual', headers });
    expect(ok.status).toBe(302);
    expect(new URL(ok.headers.get('location') ?? '').searchParams.has('state')).toBe(false);
  });

  it('openid.connect.token refuses like Slack: client, secret, grant, code, redirect_uri', async () => {
    const code = await codeFor(alice);
    const token = (args: Record<string, string>) => api().apiCall('openid.connect.token', args);
    const good = { client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: REDIRECT };
    await expect(token({ ...good, client_id: '999.999' })).rejects.toMatchObject(slackError('invalid_client_id'));
    await expect(token({ ...good, client_secret: 'wrong' })).rejects.toMatchObject(slackError('bad_client_secret'));
    await expect(token({ ...good, grant_type: 'password' })).rejects.toMatchObject(slackError('invalid_grant_type'));
    await expect(token({ ...good, redirect_uri: 'http://127.0.0.1:9/auth/slack/other' })).rejects.toMatchObject(slackError('bad_redirect_uri'));
    const { redirect_uri: _r, ...noRedirect } = good;
    await expect(token(noRedirect)).rejects.toMatchObject(slackError('bad_redirect_uri'));
    await expect(token({ ...good, code: 'nope' })).rejects.toMatchObject(slackError('invalid_code'));
    // Refusals did not use the code up; the first exchange does.
    await expect(token(good)).resolves.toMatchObject({ ok: true });
    await expect(token(good)).rejects.toMatchObject(slackError('invalid_code'));

    const late = await codeFor(alice);
    slack.expireOidcCodes();
    await expect(token({ ...good, code: late })).rejects.toMatchObject(slackError('invalid_code'));
    expect(JSON.stringify(slack.calls.map((c) => c.args))).not.toContain(slack.clientSecret);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const code = await codeFor(bob);
    const basic = Buffer.from(`${encodeURIComponent(slack.clientId)}:${encodeURIComponent(slack.clientSecret)}`).toString('base64');
    const res = await fetch(`${slack.apiUrl}openid.connect.token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, redirect_uri: REDIRECT, grant_type: 'authorization_code' }).toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, id_token: expect.any(String) });
    expect(slack.callsTo('openid.connect.token').at(-1)).toMatchObject({ clientAuth: 'client_secret_basic' });
    const wrong = Buffer.from(`${slack.clientId}:nope`).toString('base64');
    const refused = await fetch(`${slack.apiUrl}openid.connect.token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${wrong}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code, redirect_uri: REDIRECT }).toString(),
    });
    expect(await refused.json()).toMatchObject({ ok: false, error: 'bad_client_secret' });
  });

  it('userInfo takes only a Sign in with Slack user token; that token is no bot token', async () => {
    await expect(api().openid.connect.userInfo()).rejects.toMatchObject(slackError('not_authed'));
    await expect(api('xoxp-made-up').openid.connect.userInfo()).rejects.toMatchObject(slackError('invalid_auth'));
    await expect(api(BOT_TOKEN).openid.connect.userInfo()).rejects.toMatchObject(slackError('not_allowed_token_type'));
    const code = await codeFor(bob);
    const { access_token } = await api().openid.connect.token({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: REDIRECT });
    await expect(api(access_token).chat.postMessage({ channel: alice.id, text: 'hi' })).rejects.toMatchObject(slackError('invalid_auth'));
    const info = await api(access_token).openid.connect.userInfo();
    expect(info).toMatchObject({ ok: true, sub: bob.id, name: 'bob' });
    expect(info).not.toHaveProperty('email'); // bob hides his email
  });

  it('Enterprise Grid members get the enterprise claims; team= picks the workspace', async () => {
    const browser = new TestBrowser('gina');
    await browser.open(slack.signInUrl(grid.id));
    const other = await browser.open(authorizeUrl({ team: TEAM }), { stopBefore: (u) => u.origin !== slack.url });
    expect(other.status).toBe(200); // signed in to another workspace than the one asked for
    const code = await codeFor(grid, { team: 'T0GRIDWS' }, browser);
    const res = await api().openid.connect.token({ client_id: slack.clientId, client_secret: slack.clientSecret, code, redirect_uri: REDIRECT });
    const { payload } = await jwtVerify(String(res.id_token), createRemoteJWKSet(new URL(`${slack.url}/openid/connect/keys`)), { issuer: slack.url, audience: slack.clientId });
    expect(payload).toMatchObject({
      sub: grid.id,
      'https://slack.com/team_id': 'T0GRIDWS',
      'https://slack.com/enterprise_id': 'E0CORP',
      'https://slack.com/enterprise_name': 'Corp',
      'https://slack.com/enterprise_domain': 'corp',
    });
    expect((await api(BOT_TOKEN).users.info({ user: grid.id })).user).toMatchObject({ enterprise_user: { enterprise_id: 'E0CORP' } });
  });

  it('nobody signs in as a deactivated user or a bot', async () => {
    for (const u of [gone, robot]) {
      const page = await new TestBrowser().open(slack.signInUrl(u.id));
      expect(page.status).toBe(400);
    }
    expect(() => slack.signIn('U0NOBODY')).toThrow();
  });
});

describe('TestBrowser', () => {
  let other: Server;
  let otherUrl = '';
  beforeAll(async () => {
    other = createServer((req, res) => {
      if (req.url === '/set') {
        res.writeHead(302, { Location: '/show', 'Set-Cookie': ['app=1; Path=/; HttpOnly', 'scoped=2; Path=/deep'] });
        return res.end();
      }
      res.end(`cookie: ${req.headers.cookie ?? ''}`);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((r) => other.close(() => r())));

  it('keeps cookies per host, not per port, honours Path, and follows redirects across origins', async () => {
    const browser = new TestBrowser();
    const page = await browser.open(`${otherUrl}/set`);
    expect(page.hops.map((h) => h.status)).toEqual([302, 200]);
    expect(page.body).toBe('cookie: app=1');
    expect(browser.cookieHeader(`${otherUrl}/deep/x`)).toBe('app=1; scoped=2');
    await browser.open(slack.signInUrl(alice.id));
    // Same host, another port: a browser sends the fake Slack's cookie to the app too.
    expect((await browser.open(`${otherUrl}/show`)).body).toContain(`${SESSION_COOKIE}=`);
    const viaSlack = await browser.open(`${slack.url}/fake/signin?${new URLSearchParams({ user: alice.id, next: '//evil.test/' }).toString()}`);
    expect(viaSlack.status).toBe(200); // next must be a path on the fake's own origin
  });
});

describe("the world's leak check", () => {
  it('knows every user token and id_token the Slack fake minted, and its client secret', async () => {
    const world = await startWorld();
    let stopped = false;
    try {
      const browser = new TestBrowser('olivia');
      await browser.open(world.slack.signInUrl(PEOPLE.organizer.id));
      const q = new URLSearchParams({ response_type: 'code', scope: 'openid', client_id: world.slack.clientId, redirect_uri: REDIRECT });
      const page = await browser.open(`${world.slack.url}/openid/connect/authorize?${q.toString()}`, { stopBefore: (u) => u.origin !== world.slack.url });
      const code = new URL(page.location ?? '').searchParams.get('code') ?? '';
      const client = new WebClient(undefined, { slackApiUrl: world.slack.apiUrl, retryConfig: { retries: 0 } });
      const res = await client.openid.connect.token({ client_id: world.slack.clientId, client_secret: world.slack.clientSecret, code, redirect_uri: REDIRECT });
      const idToken = String(res.id_token);
      // The exchange itself is no leak: the secret is not recorded and the tokens are in no request.
      world.capture(() => `signed in; id_token=${idToken}; secret=${world.slack.clientSecret}`);
      stopped = true;
      const err = await world.stop().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LeakError);
      expect((err as Error).message).toContain(idToken.slice(0, 12));
      expect((err as Error).message).toContain(world.slack.clientSecret.slice(0, 12));
      expect((err as Error).message).not.toContain(String(res.access_token).slice(0, 12));
    } finally {
      if (!stopped) await world.stop();
    }
  });
});
