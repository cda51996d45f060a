import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import type { SlackUserRef } from '../../core/identity.js';
import { seal, unseal } from '../../core/signed-token.js';
import { clearCookie, setCookie } from './cookies.js';

export const SLACK_CALLBACK_PATH = '/auth/slack/callback';
/** Each sign-in's browser binding lives in a cookie of its own, so two tabs signing in at once both work. */
const BINDING_COOKIE_PREFIX = 'scheduler_signin_';
/** How long a person has on Slack's sign-in page. */
const SIGN_IN_TTL_MS = 10 * 60_000;
/** Only these pages of the bot are ever continued to after signing in: no open redirect. */
const NEXT = /^\/(connect\/start|auth\/verify)\?[\w.~%=&*+-]*$/;

const State = z.object({ i: z.string().regex(/^[\w-]{16}$/), h: z.string().min(40).max(50), n: z.string().regex(NEXT).max(3000), x: z.number().int() });

const TokenAnswer = z.union([z.object({ ok: z.literal(true), id_token: z.string().min(1) }), z.object({ ok: z.literal(false), error: z.string() })]);

const SlackClaims = z.object({
  nonce: z.string(),
  'https://slack.com/team_id': z.string().min(1),
  'https://slack.com/user_id': z.string().min(1),
  'https://slack.com/enterprise_id': z.string().min(1).optional(),
});

export interface SignInSettings {
  /** SLACK_URL: Slack's pages, its OpenID keys, and the id_token's issuer (its origin). */
  slackUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  publicUrl: string;
  /** Signs the state carried through Slack. */
  stateKey: string;
  /** True the first time a key is seen: each sign-in's state is used once. */
  once: (key: string, expiresAt: number) => Promise<boolean>;
  now: () => number;
  timeoutMs?: number;
}

export type SignInResult =
  | { kind: 'signed-in'; user: SlackUserRef; next: string; cookies: string[] }
  | { kind: 'cancelled'; cookies: string[] }
  | { kind: 'refused'; why: string; cookies: string[] }
  | { kind: 'unavailable'; why: string; cookies: string[] };

export interface SlackSignIn {
  /** Where to send a browser to sign in with Slack before `next` (a path of the bot), and the cookie binding it. */
  begin(next: string, hint?: SlackUserRef): { location: string; cookie: string };
  /** The browser is back from Slack at the callback. */
  finish(query: URLSearchParams, cookies: ReadonlyMap<string, string>): Promise<SignInResult>;
}

const hash = (s: string) => createHash('sha256').update(s).digest('base64url');

/**
 * Sign in with Slack (OpenID Connect, authorization code flow). Who signed in is read from the
 * id_token that `openid.connect.token` returns, checked with jose against Slack's published keys
 * (signature, issuer, audience, expiry, nonce), rather than asked of `openid.connect.userInfo`:
 * the token comes straight from Slack over TLS in the same exchange, so this needs no second
 * round trip and still checks a signature; the user token itself is never used or kept.
 */
export function slackSignIn(s: SignInSettings): SlackSignIn {
  const redirectUri = `${s.publicUrl}${SLACK_CALLBACK_PATH}`;
  const secure = s.publicUrl.startsWith('https:');
  const issuer = new URL(s.slackUrl).origin;
  // One key set per process: jose keeps the keys and fetches again only for an unknown key id.
  const keys = createRemoteJWKSet(new URL(`${s.slackUrl}/openid/connect/keys`), { timeoutDuration: s.timeoutMs ?? 10_000, cacheMaxAge: 60 * 60_000 });
  const bindingCookie = (id: string) => `${BINDING_COOKIE_PREFIX}${id}`;
  const cookieScope = { path: SLACK_CALLBACK_PATH, secure };

  async function exchange(code: string): Promise<{ ok: true; idToken: string } | { ok: false; result: 'refused' | 'unavailable'; why: string }> {
    let body: unknown;
    try {
      const res = await fetch(`${s.apiUrl}openid.connect.token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: s.clientId, client_secret: s.clientSecret, code, redirect_uri: redirectUri, grant_type: 'authorization_code' }).toString(),
        signal: AbortSignal.timeout(s.timeoutMs ?? 10_000),
      });
      if (!res.ok) return { ok: false, result: 'unavailable', why: `openid.connect.token HTTP ${res.status}` };
      body = await res.json();
    } catch (e) {
      return { ok: false, result: 'unavailable', why: `openid.connect.token: ${e instanceof Error ? e.name : 'error'}` };
    }
    const answer = TokenAnswer.safeParse(body);
    if (!answer.success) return { ok: false, result: 'unavailable', why: 'openid.connect.token: unexpected answer' };
    if (!answer.data.ok) return { ok: false, result: 'refused', why: `openid.connect.token: ${answer.data.error}` };
    return { ok: true, idToken: answer.data.id_token };
  }

  return {
    begin(next, hint) {
      if (!NEXT.test(next)) throw new Error('sign-in may only continue to a Connect link or the verify page');
      const id = randomBytes(12).toString('base64url');
      const binding = randomBytes(32).toString('base64url');
      const nonce = hash(binding);
      const state = seal(s.stateKey, { i: id, h: nonce, n: next, x: s.now() + SIGN_IN_TTL_MS });
      const authorize = new URL(`${s.slackUrl}/openid/connect/authorize`);
      authorize.search = new URLSearchParams({
        response_type: 'code',
        // openid alone: the user and workspace ids are all the bot needs to know who is there.
        scope: 'openid',
        client_id: s.clientId,
        state,
        nonce,
        redirect_uri: redirectUri,
        // Signs in to the button owner's workspace when the browser knows several (not on Grid org installs).
        ...(hint && hint.enterpriseId === undefined ? { team: hint.teamId } : {}),
      }).toString();
      return { location: authorize.toString(), cookie: setCookie(bindingCookie(id), binding, { ...cookieScope, maxAgeSec: SIGN_IN_TTL_MS / 1000 }) };
    },

    async finish(query, cookies) {
      const opened = unseal(s.stateKey, query.get('state') ?? '', State, s.now());
      if (opened.kind === 'invalid') return { kind: 'refused', why: `state ${opened.why}`, cookies: [] };
      const state = opened.claims;
      const done = [clearCookie(bindingCookie(state.i), cookieScope)];
      // Slack sends the person back with error=access_denied when they decline.
      if (query.has('error')) return { kind: 'cancelled', cookies: done };
      // Only the browser that started this sign-in may finish it (no signing someone else's browser in).
      const binding = cookies.get(bindingCookie(state.i));
      if (binding === undefined || hash(binding) !== state.h) return { kind: 'refused', why: 'not the browser that started this sign-in', cookies: [] };
      if (!(await s.once(`signin:${state.i}`, state.x))) return { kind: 'refused', why: 'state already used', cookies: done };
      const code = query.get('code');
      if (!code) return { kind: 'refused', why: 'no code', cookies: done };

      const exchanged = await exchange(code);
      if (!exchanged.ok) return { kind: exchanged.result, why: exchanged.why, cookies: done };
      let payload: unknown;
      try {
        // Slack's clock, not the bot's: the id_token's times are checked against the wall clock.
        ({ payload } = await jwtVerify(exchanged.idToken, keys, { issuer, audience: s.clientId, algorithms: ['RS256'], requiredClaims: ['exp', 'iat'], clockTolerance: 30 }));
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        const why = `id_token: ${typeof code === 'string' ? code : e instanceof Error ? e.name : 'invalid'}`;
        return { kind: code === 'ERR_JWKS_TIMEOUT' || e instanceof TypeError ? 'unavailable' : 'refused', why, cookies: done };
      }
      const claims = SlackClaims.safeParse(payload);
      if (!claims.success) return { kind: 'refused', why: 'id_token: missing Slack claims', cookies: done };
      if (claims.data.nonce !== state.h) return { kind: 'refused', why: 'id_token: nonce', cookies: done };
      const enterpriseId = claims.data['https://slack.com/enterprise_id'];
      const user: SlackUserRef = { teamId: claims.data['https://slack.com/team_id'], userId: claims.data['https://slack.com/user_id'], ...(enterpriseId ? { enterpriseId } : {}) };
      return { kind: 'signed-in', user, next: `${s.publicUrl}${state.n}`, cookies: done };
    },
  };
}
