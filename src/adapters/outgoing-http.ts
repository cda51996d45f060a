import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';

/**
 * Every outgoing REST call (Google's APIs, Slack's Web API and response_url) goes through one keep-alive pool
 * per origin. undici's `request` skips what `fetch` builds for each call (WHATWG streams, an
 * AbortSignal and its timer): under a burst that was a tenth of the bot's CPU per /schedule
 * (`npm run bench`, 6b). Idle sockets are kept 30 s unless the server says less, and never keep
 * the process alive.
 */
const pool = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });

export interface OutgoingRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** For the response's headers and again for its body. */
  timeoutMs: number;
}

export interface OutgoingResponse {
  status: number;
  /** A 2xx status, as fetch's `Response.ok`. */
  ok: boolean;
  /** A response header's (first) value. */
  header(name: string): string | undefined;
  text: string;
}

/** Sends one request and reads the whole answer. Network failures and timeouts throw. */
export async function send(req: OutgoingRequest): Promise<OutgoingResponse> {
  const res = await request(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    dispatcher: pool,
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
  });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    ok: res.statusCode >= 200 && res.statusCode < 300,
    header: (name) => {
      const v = res.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
    text,
  };
}

/**
 * `fetch` for the Slack Web API clients and Bolt: the same pool, without building a Request, a
 * fetch controller and an AbortSignal per call. What it does not handle the way Slack's clients
 * use it (a Request object, a multipart upload, a redirect to follow) goes to the real `fetch`.
 */
export const pooledFetch: typeof fetch = async (input, init) => {
  const body = init?.body;
  const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams;
  if ((typeof input !== 'string' && !(input instanceof URL)) || !plainBody || (init?.redirect !== undefined && init.redirect !== 'error' && init.redirect !== 'manual')) {
    return fetch(input, init);
  }
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (body instanceof URLSearchParams && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  const res = await request(String(input), {
    method: (init?.method ?? 'GET').toUpperCase(),
    headers,
    body: body === null || body === undefined ? undefined : String(body),
    dispatcher: pool,
    signal: init?.signal ?? undefined,
  });
  const answer = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) answer.append(name, v);
    else if (value !== undefined) answer.set(name, value);
  }
  const noBody = res.statusCode === 204 || res.statusCode === 304 || (res.statusCode >= 100 && res.statusCode < 200);
  const bytes = await res.body.arrayBuffer();
  return new Response(noBody ? null : bytes, { status: res.statusCode, statusText: STATUS_CODES[res.statusCode] ?? '', headers: answer });
};
