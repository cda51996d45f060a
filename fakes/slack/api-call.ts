import type { IncomingMessage } from 'node:http';
import { basicAuthOf, mediaType, parseApiBody, tokenOf } from './http-util.js';
import { METHODS, type MethodContext } from './methods.js';
import type { ClientAuth } from './oidc.js';
import type { SlackCall, SlackResult } from './types.js';

export interface ApiCallDeps {
  /** The context of the workspace the call's token belongs to. */
  ctxFor: (token: string) => MethodContext | undefined;
  /**
   * Methods that do not take a bot token: oauth.v2.access and openid.connect.token (client
   * credentials), apps.connections.open (app token), openid.connect.userInfo (user token).
   */
  unauthenticated: Record<string, (args: Record<string, unknown>, auth: ClientAuth) => SlackResult>;
  /** Injected failures: method → queue of error codes (consumed front first). */
  failures: Map<string, string[]>;
}

/**
 * One POST /api/<method> the way Slack answers it: always HTTP 200 with `{ ok, … }`.
 * Order of checks: unknown_method, invalid_auth, body parse errors, injected failures, the handler.
 * A client secret sent in the body is taken out of the recorded args (`clientAuth` says how it came).
 */
export function apiCall(method: string, req: IncomingMessage, raw: string, deps: ApiCallDeps): SlackCall {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const parsed = req.method === 'GET' ? { ok: true as const, args: Object.fromEntries(query) } : parseApiBody(mediaType(req), raw);
  const args: Record<string, unknown> = parsed.ok ? parsed.args : {};
  const token = tokenOf(req, args);
  delete args.token;
  const basic = basicAuthOf(req);
  const secret = args.client_secret;
  delete args.client_secret;
  const auth: ClientAuth = {
    ...(token !== undefined ? { token } : {}),
    ...(basic !== undefined ? { basic } : {}),
  };
  const result = dispatch(method, auth, parsed.ok ? undefined : parsed.error, { ...args, ...(secret !== undefined ? { client_secret: secret } : {}) }, deps);
  const clientAuth = basic !== undefined ? 'client_secret_basic' : secret !== undefined ? 'client_secret_post' : undefined;
  return { method, args, token, ...(clientAuth !== undefined ? { clientAuth } : {}), result };
}

function dispatch(method: string, auth: ClientAuth, parseError: string | undefined, args: Record<string, unknown>, deps: ApiCallDeps): SlackResult {
  const open = deps.unauthenticated[method];
  if (open !== undefined) {
    if (parseError !== undefined) return { ok: false, error: parseError };
    const injected = deps.failures.get(method)?.shift();
    return injected !== undefined ? { ok: false, error: injected } : open(args, auth);
  }
  const handler = METHODS[method];
  if (handler === undefined) return { ok: false, error: 'unknown_method', req_method: method };
  const ctx = auth.token === undefined ? undefined : deps.ctxFor(auth.token);
  if (ctx === undefined) return { ok: false, error: 'invalid_auth' };
  if (parseError !== undefined) return { ok: false, error: parseError };
  const injected = deps.failures.get(method)?.shift();
  if (injected !== undefined) return { ok: false, error: injected };
  return handler(args, ctx);
}
