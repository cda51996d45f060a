import { Agent, request } from 'undici';

/**
 * Every outgoing REST call (Google's APIs, Slack's response_url) goes through one keep-alive pool
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
    header: (name) => {
      const v = res.headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    },
    text,
  };
}
