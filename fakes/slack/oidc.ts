import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeSlackUser, SlackResult } from './types.js';

/**
 * Sign in with Slack (OpenID Connect) as Slack serves it: the browser pages on Slack's origin
 * (`/openid/connect/authorize`, `/openid/connect/keys`, discovery) and the two Web API methods
 * (`openid.connect.token`, `openid.connect.userInfo`). A browser is "signed in to Slack" by a
 * cookie on the fake's origin, set by `GET /fake/signin`. See fakes/README.md for the sources.
 */

export const SESSION_COOKIE = 'fake_slack_session';
export const OIDC_SCOPES = ['openid', 'email', 'profile'] as const;

export interface OidcOptions {
  clientId: string;
  clientSecret: string;
  /** Redirect URLs configured for the app; undefined: any http(s) redirect_uri is accepted. */
  redirectUrls?: readonly string[];
  /** How long an authorization code can be exchanged. */
  codeTtlMs: number;
  /** exp − iat of an id_token. */
  idTokenTtlSec: number;
}

/** What the Slack fake knows that OIDC needs: its origin and its people. */
export interface OidcDirectory {
  origin(): string;
  apiUrl(): string;
  user(id: string): FakeSlackUser | undefined;
  users(): FakeSlackUser[];
  team(teamId: string): { id: string; name: string; domain: string };
  defaultTeamId(): string;
}

/** A browser request to one of the fake's pages, as recorded in `fake.browserVisits`. */
export interface BrowserVisit {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  location?: string;
  /** Who the browser was signed in to Slack as (by its session cookie), if anyone. */
  signedInAs?: { teamId: string; userId: string };
}

/** How a token request authenticated the client. */
export interface ClientAuth {
  /** Bearer token (Authorization header or `token` field). */
  token?: string;
  /** HTTP Basic client credentials (client_secret_basic). */
  basic?: { id: string; secret: string };
}

interface Session {
  teamId: string;
  userId: string;
  authTime: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  teamId: string;
  userId: string;
  authTime: number;
  expiresAt: number;
}

interface UserToken {
  teamId: string;
  userId: string;
  scopes: string[];
}

interface Keys {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');
const nowSec = (): number => Math.floor(Date.now() / 1000);
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(res: ServerResponse, status: number, title: string, bodyHtml: string, headers: Record<string, string> = {}): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${bodyHtml}</body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(html);
}

function json(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function cookiesOf(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** `redirect_uri` matches a configured Redirect URL exactly, or is below it (same origin, path under it). */
function redirectAllowed(uri: URL, configured: readonly string[] | undefined): boolean {
  if (configured === undefined) return true;
  return configured.some((c) => {
    const base = new URL(c);
    if (base.origin !== uri.origin) return false;
    if (`${uri.pathname}${uri.search}` === `${base.pathname}${base.search}`) return true;
    const dir = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return base.search === '' && uri.pathname.startsWith(dir);
  });
}

export class SlackOidc {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly visits: BrowserVisit[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly userTokens = new Map<string, UserToken>();
  private readonly minted: string[] = [];
  private keyMaterial: Keys | undefined;
  private readonly emailVerifiedAt = nowSec() - 86_400;

  constructor(
    private readonly opts: OidcOptions,
    private readonly dir: OidcDirectory,
  ) {
    this.clientId = opts.clientId;
    this.clientSecret = opts.clientSecret;
  }

  /** Every user token and id_token handed out: none may appear in a log or a Slack message. */
  mintedSecrets(): readonly string[] {
    return this.minted;
  }

  /** A session as if the browser had signed in to Slack; the value of the cookie `SESSION_COOKIE`. */
  newSession(userId: string, teamId?: string): string {
    const user = this.dir.user(userId);
    if (user === undefined) throw new Error(`no Slack user ${userId}`);
    const team = teamId ?? user.teamId ?? this.dir.defaultTeamId();
    if (team !== (user.teamId ?? this.dir.defaultTeamId())) throw new Error(`${userId} is not a member of ${team}`);
    const sid = randomBytes(18).toString('base64url');
    this.sessions.set(sid, { teamId: team, userId, authTime: nowSec() });
    return sid;
  }

  /** Makes every authorization code issued so far expire. */
  expireCodes(): void {
    for (const c of this.codes.values()) c.expiresAt = Date.now() - 1;
  }

  jwks(): { keys: Array<Record<string, unknown>> } {
    return { keys: [this.keys().jwk] };
  }

  discovery(): Record<string, unknown> {
    const origin = this.dir.origin();
    return {
      issuer: origin,
      authorization_endpoint: `${origin}/openid/connect/authorize`,
      token_endpoint: `${this.dir.apiUrl()}openid.connect.token`,
      userinfo_endpoint: `${this.dir.apiUrl()}openid.connect.userInfo`,
      jwks_uri: `${origin}/openid/connect/keys`,
      scopes_supported: [...OIDC_SCOPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'auth_time', 'iss'],
      claims_parameter_supported: false,
      request_parameter_supported: false,
      request_uri_parameter_supported: true,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    };
  }

  /** Answers the browser pages; false when `path` is not one of them. */
  handlePage(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const route: Record<string, () => BrowserVisit> = {
      '/openid/connect/authorize': () => this.authorize(req, res, url),
      '/openid/connect/keys': () => (json(res, this.jwks()), this.visit(req, url, 200)),
      '/.well-known/openid-configuration': () => (json(res, this.discovery()), this.visit(req, url, 200)),
      '/fake/signin': () => this.signInPage(req, res, url),
      '/fake/signout': () => this.signOutPage(req, res, url),
    };
    const handler = route[url.pathname];
    if (handler === undefined) return false;
    this.visits.push(handler());
    return true;
  }

  /** Web API `openid.connect.token`. */
  token(args: Record<string, unknown>, auth: ClientAuth): SlackResult {
    const fail = (error: string): SlackResult => ({ ok: false, error });
    const str = (k: string): string | undefined => (typeof args[k] === 'string' ? (args[k] as string) : undefined);
    const clientId = auth.basic?.id ?? str('client_id');
    const secret = auth.basic?.secret ?? str('client_secret');
    if (clientId !== this.clientId) return fail('invalid_client_id');
    if (secret !== this.clientSecret) return fail('bad_client_secret');
    const grant = str('grant_type');
    if (grant === 'refresh_token') return fail('invalid_refresh_token');
    if (grant !== undefined && grant !== 'authorization_code') return fail('invalid_grant_type');
    const codeValue = str('code');
    const code = codeValue === undefined ? undefined : this.codes.get(codeValue);
    if (code === undefined || codeValue === undefined || code.clientId !== clientId || code.expiresAt <= Date.now()) return fail('invalid_code');
    if (str('redirect_uri') !== code.redirectUri) return fail('bad_redirect_uri');
    this.codes.delete(codeValue);

    const accessToken = `xoxp-${randomBytes(5).readUInt32BE()}-${randomBytes(5).readUInt32BE()}-${randomBytes(24).toString('hex')}`;
    this.userTokens.set(accessToken, { teamId: code.teamId, userId: code.userId, scopes: code.scopes });
    const iat = nowSec();
    const claims: Record<string, unknown> = {
      iss: this.dir.origin(),
      sub: code.userId,
      aud: clientId,
      exp: iat + this.opts.idTokenTtlSec,
      iat,
      auth_time: code.authTime,
      ...(code.nonce !== undefined ? { nonce: code.nonce } : {}),
      at_hash: b64url(createHash('sha256').update(accessToken).digest().subarray(0, 16)),
      ...this.claims(code.userId, code.teamId, code.scopes),
    };
    const idToken = this.signJwt(claims);
    this.minted.push(accessToken, idToken);
    return { ok: true, access_token: accessToken, token_type: 'Bearer', id_token: idToken };
  }

  /** Web API `openid.connect.userInfo` with the user token from `openid.connect.token`. */
  userInfo(token: string | undefined): SlackResult {
    if (token === undefined || token === '') return { ok: false, error: 'not_authed' };
    const t = this.userTokens.get(token);
    if (t === undefined) return { ok: false, error: 'invalid_auth' };
    const user = this.dir.user(t.userId);
    if (user === undefined || user.deleted === true) return { ok: false, error: 'account_inactive' };
    return { ok: true, ...this.claims(t.userId, t.teamId, t.scopes) };
  }

  isUserToken(token: string): boolean {
    return this.userTokens.has(token);
  }

  /** The claims Slack puts in both the id_token and userInfo, by granted scope. */
  private claims(userId: string, teamId: string, scopes: readonly string[]): Record<string, unknown> {
    const user = this.dir.user(userId);
    const team = this.dir.team(teamId);
    const out: Record<string, unknown> = {
      sub: userId,
      'https://slack.com/user_id': userId,
      'https://slack.com/team_id': teamId,
    };
    if (user?.enterprise !== undefined) {
      out['https://slack.com/enterprise_id'] = user.enterprise.id;
      out['https://slack.com/enterprise_name'] = user.enterprise.name;
      out['https://slack.com/enterprise_domain'] = user.enterprise.domain;
    }
    if (scopes.includes('email') && user?.email !== undefined) {
      out.email = user.email;
      out.email_verified = true;
      out.date_email_verified = this.emailVerifiedAt;
    }
    if (scopes.includes('profile') && user !== undefined) {
      const real = user.realName ?? user.name;
      const [given = '', ...rest] = real.split(' ');
      out.name = real;
      out.given_name = given;
      out.family_name = rest.join(' ');
      out.picture = `${this.dir.origin()}/fake/avatars/${userId}_512.png`;
      out.locale = 'en-US';
      out['https://slack.com/user_image_512'] = out.picture;
      out['https://slack.com/team_name'] = team.name;
      out['https://slack.com/team_domain'] = team.domain;
    }
    return out;
  }

  private keys(): Keys {
    if (this.keyMaterial === undefined) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const kid = randomBytes(8).toString('hex');
      const { n, e } = publicKey.export({ format: 'jwk' });
      this.keyMaterial = { kid, privateKey, jwk: { kty: 'RSA', e, n, kid, alg: 'RS256', use: 'sig' } };
    }
    return this.keyMaterial;
  }

  private signJwt(claims: Record<string, unknown>): string {
    const { kid, privateKey } = this.keys();
    const input = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
  }

  private session(req: IncomingMessage): Session | undefined {
    const sid = cookiesOf(req).get(SESSION_COOKIE);
    return sid === undefined ? undefined : this.sessions.get(sid);
  }

  private visit(req: IncomingMessage, url: URL, status: number, location?: string): BrowserVisit {
    const s = this.session(req);
    return {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status,
      ...(location !== undefined ? { location } : {}),
      ...(s !== undefined ? { signedInAs: { teamId: s.teamId, userId: s.userId } } : {}),
    };
  }

  private authorize(req: IncomingMessage, res: ServerResponse, url: URL): BrowserVisit {
    const q = url.searchParams;
    const refuse = (error: string, text: string): BrowserVisit => {
      page(res, 400, 'Something went wrong', `<p id="error" data-error="${escapeHtml(error)}">${escapeHtml(text)}</p><p><code>${escapeHtml(error)}</code></p>`);
      return this.visit(req, url, 400);
    };
    if (q.get('client_id') !== this.clientId) return refuse('invalid_client_id', 'This app is not known to Slack.');
    const redirect = q.get('redirect_uri') ?? '';
    let redirectUrl: URL;
    try {
      redirectUrl = new URL(redirect);
    } catch {
      return refuse('bad_redirect_uri', 'redirect_uri is missing or is not a URL.');
    }
    if (!/^https?:$/.test(redirectUrl.protocol) || !redirectAllowed(redirectUrl, this.opts.redirectUrls)) {
      return refuse('bad_redirect_uri', 'redirect_uri did not match any configured Redirect URL.');
    }
    if (q.get('response_type') !== 'code') return refuse('unsupported_response_type', 'response_type must be code.');
    const scopes = (q.get('scope') ?? '').split(/[\s,]+/).filter((s) => s !== '');
    if (!scopes.includes('openid') || scopes.some((s) => !(OIDC_SCOPES as readonly string[]).includes(s))) {
      return refuse('invalid_scope', 'Invalid permissions requested: Sign in with Slack takes openid, and optionally email and profile.');
    }
    const wantedTeam = q.get('team') ?? undefined;
    const s = this.session(req);
    const signedIn = s !== undefined && (wantedTeam === undefined || wantedTeam === s.teamId) ? s : undefined;
    if (signedIn === undefined) {
      const next = `${url.pathname}${url.search}`;
      const people = this.dir
        .users()
        .filter((u) => u.isBot !== true && u.deleted !== true && (wantedTeam === undefined || (u.teamId ?? this.dir.defaultTeamId()) === wantedTeam))
        .map((u) => {
          const team = u.teamId ?? this.dir.defaultTeamId();
          const href = `/fake/signin?${new URLSearchParams({ team, user: u.id, next }).toString()}`;
          return `<li><a href="${escapeHtml(href)}">${escapeHtml(u.realName ?? u.name)}</a> (${escapeHtml(team)})</li>`;
        })
        .join('');
      page(res, 200, 'Sign in to Slack', `<p id="signin-required">You need to sign in to your workspace to continue.</p><p>Fake Slack: sign in as</p><ul>${people}</ul>`);
      return this.visit(req, url, 200);
    }
    const user = this.dir.user(signedIn.userId);
    if (user === undefined || user.deleted === true) {
      page(res, 403, 'Account deactivated', '<p>This account has been deactivated.</p>');
      return this.visit(req, url, 403);
    }
    const code = `${nowSec()}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(32).toString('hex')}`;
    const nonce = q.get('nonce') ?? undefined;
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri: redirect,
      scopes,
      ...(nonce !== undefined ? { nonce } : {}),
      teamId: signedIn.teamId,
      userId: signedIn.userId,
      authTime: signedIn.authTime,
      expiresAt: Date.now() + this.opts.codeTtlMs,
    });
    const back = new URL(redirectUrl);
    back.searchParams.set('code', code);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    res.writeHead(302, { Location: back.toString(), 'Cache-Control': 'no-store' });
    res.end();
    return this.visit(req, url, 302, back.toString());
  }

  private signInPage(req: IncomingMessage, res: ServerResponse, url: URL): BrowserVisit {
    const userId = url.searchParams.get('user') ?? '';
    const teamId = url.searchParams.get('team') ?? undefined;
    const next = url.searchParams.get('next');
    const user = this.dir.user(userId);
    const team = teamId ?? user?.teamId ?? this.dir.defaultTeamId();
    if (user === undefined || user.isBot === true || user.deleted === true || team !== (user.teamId ?? this.dir.defaultTeamId())) {
      page(res, 400, 'Cannot sign in', `<p>No active person ${escapeHtml(userId)} in workspace ${escapeHtml(team)}.</p>`);
      return this.visit(req, url, 400);
    }
    const sid = this.newSession(userId, team);
    const cookie = `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`;
    // Only a path on this origin: the fake is no open redirector.
    if (next !== null && next.startsWith('/') && !next.startsWith('//')) {
      res.writeHead(302, { Location: next, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' });
      res.end();
      return { ...this.visit(req, url, 302, next), signedInAs: { teamId: team, userId } };
    }
    page(res, 200, 'Signed in', `<p id="signed-in">Signed in to ${escapeHtml(team)} as ${escapeHtml(user.realName ?? user.name)}.</p>`, { 'Set-Cookie': cookie });
    return { ...this.visit(req, url, 200), signedInAs: { teamId: team, userId } };
  }

  private signOutPage(req: IncomingMessage, res: ServerResponse, url: URL): BrowserVisit {
    const visit = this.visit(req, url, 200);
    const sid = cookiesOf(req).get(SESSION_COOKIE);
    if (sid !== undefined) this.sessions.delete(sid);
    page(res, 200, 'Signed out', '<p id="signed-out">Signed out of Slack.</p>', { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` });
    return visit;
  }
}
