import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from '../../flows/ports/index.js';

export interface BodyLimits {
  maxBytes: number;
  /** From the request's arrival to its last byte. */
  timeoutMs: number;
}

/**
 * Bounds for what Slack sends to /slack/events, far under Bolt's 4 MB: slash commands and events
 * are a few KB; the largest is a click on a message, which carries the whole message. Measured
 * with the fakes' payloads: 50 blocks (Slack's most per message) of 3000 characters each come to
 * 163 KB form-encoded; a 100-block view would be about twice that. 512 KB holds those with room,
 * and keeps 100 unfinished requests under 50 MB. Slack sends a request in one go and wants its ack
 * within 3 s, so a body still arriving after 5 s is a stalled or hostile client.
 */
export const SLACK_BODY_LIMITS: BodyLimits = { maxBytes: 512 * 1024, timeoutMs: 5_000 };

/**
 * The HTTP server's own bounds, for every route: headers within 10 s, a whole request within 15 s
 * (Node's defaults are 60 s and 5 minutes), checked every second rather than every 30.
 */
export const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 15_000, connectionsCheckingInterval: 1_000 } as const;

class BodyRefused extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a whole body, but never more than `maxBytes` of it and never for longer than `timeoutMs`. */
function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limits.maxBytes) return Promise.reject(new BodyRefused(413, `declared ${declared} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (e: Error) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      reject(e);
    };
    const timer = setTimeout(() => stop(new BodyRefused(408, `not complete after ${limits.timeoutMs} ms`)), limits.timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) stop(new BodyRefused(413, `over ${limits.maxBytes} bytes`));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on('error', stop);
  });
}

/**
 * Whether Bolt can take this body: it parses it exactly so (a form's `payload` field as JSON, or
 * the whole body as JSON) and then reads fields off the result, which throws, unhandled, inside
 * its receiver when the result is `null`. Bodies that are not JSON at all Bolt refuses itself.
 */
export function isObjectBody(body: Buffer, contentType: string | undefined): boolean {
  const text = body.toString();
  let parsed: unknown;
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseForm(text);
      if (typeof payload !== 'string') return true;
      parsed = JSON.parse(payload);
    } else {
      parsed = JSON.parse(text);
    }
  } catch {
    return true;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
}

/** How long a refused connection is read from (and the bytes dropped) after the answer, before it is cut. */
const LINGER_MS = 1_000;

/**
 * Answers, then closes: our side ends right after the answer while whatever the client still
 * sends is read and dropped, not kept, for a moment. Closing at once with its bytes unread would
 * make the kernel reset the connection, and the client could lose the answer with it.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const socket = req.socket;
  req.resume();
  if (res.headersSent) return void socket.destroy();
  res.once('finish', () => {
    socket.end();
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(cut));
  });
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * Wraps Bolt's request listener so that bodies on the events path are read here first, within
 * bounds, and only a body Bolt can handle reaches it: Bolt then uses the bytes read here (a
 * request that already carries `rawBody` is not read again) and checks the signature as ever.
 */
export function guardSlackBodies(inner: RequestListener, opts: { path: string; limits: BodyLimits; log: Logger }): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://bot.invalid').pathname !== opts.path) {
      inner(req, res);
      return;
    }
    readBody(req, opts.limits).then(
      (body) => {
        if (!isObjectBody(body, req.headers['content-type'])) {
          opts.log.warn('refused a Slack request whose body is not a JSON object', { status: 400 });
          return refuse(req, res, 400, 'The request body must be a JSON object.');
        }
        Object.assign(req, { rawBody: body });
        try {
          inner(req, res);
        } catch (e) {
          opts.log.error('the Slack request handler failed', { error: e instanceof Error ? e.message : String(e) });
          refuse(req, res, 500, 'Internal error.');
        }
      },
      (e: unknown) => {
        if (!(e instanceof BodyRefused)) return void req.socket.destroy();
        opts.log.warn('refused a Slack request body', { status: e.status, reason: e.message });
        refuse(req, res, e.status, e.status === 413 ? 'The request body is too large.' : 'The request body took too long.');
      },
    );
  };
}
