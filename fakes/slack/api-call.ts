import type { IncomingMessage } from 'node:http';
import { mediaType, parseApiBody, tokenOf } from './http-util.js';
import { METHODS, type MethodContext } from './methods.js';
import type { SlackCall, SlackResult } from './types.js';

export interface ApiCallDeps {
  /** The context of the workspace the call's token belongs to. */
  ctxFor: (token: string) => MethodContext | undefined;
  /** Methods called without a bot token: oauth.v2.access (client id and secret), apps.connections.open (app token). */
  unauthenticated: Record<string, (args: Record<string, unknown>, token: string | undefined) => SlackResult>;
  /** Injected failures: method → queue of error codes (consumed front first). */
  failures: Map<string, string[]>;
}

/**
 * One POST /api/<method> the way Slack answers it: always HTTP 200 with `{ ok, … }`.
 * Order of checks: unknown_method, invalid_auth, body parse errors, injected failures, the handler.
 */
export function apiCall(method: string, req: IncomingMessage, raw: string, deps: ApiCallDeps): SlackCall {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const parsed =
    req.method === 'GET' ? { ok: true as const, args: Object.fromEntries(query) } : parseApiBody(mediaType(req), raw);
  const args: Record<string, unknown> = parsed.ok ? parsed.args : {};
  const token = tokenOf(req, args);
  delete args.token;
  const result = dispatch(method, token, parsed.ok ? undefined : parsed.error, args, deps);
  return { method, args, token, result };
}

function dispatch(
  method: string,
  token: string | undefined,
  parseError: string | undefined,
  args: Record<string, unknown>,
  deps: ApiCallDeps,
): SlackResult {
  const open = deps.unauthenticated[method];
  if (open !== undefined) return parseError !== undefined ? { ok: false, error: parseError } : open(args, token);
  const handler = METHODS[method];
  if (handler === undefined) return { ok: false, error: 'unknown_method', req_method: method };
  const ctx = token === undefined ? undefined : deps.ctxFor(token);
  if (ctx === undefined) return { ok: false, error: 'invalid_auth' };
  if (parseError !== undefined) return { ok: false, error: parseError };
  const injected = deps.failures.get(method)?.shift();
  if (injected !== undefined) return { ok: false, error: injected };
  return handler(args, ctx);
}
