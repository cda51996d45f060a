import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timeResponse, type RequestTiming } from '../timing.js';
import type { TokenRegistry } from '../token-registry.js';
import { calendarRoutes } from './calendar.js';
import { GoogleApiError, cannedError, googleError, insufficientScopes, notFound, unauthenticated } from './errors.js';
import { gmailRoutes } from './gmail.js';
import { type SeedMessage, seedMessage } from './gmail-render.js';
import { type Reply, decodeParam, queryRecord, readBody } from './route.js';
import { GoogleWorld } from './state.js';
import { type DraftView, type EventView, draftViews, eventViews } from './views.js';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Repeated parameters (e.g. metadataHeaders) become arrays. */
  query: Record<string, string | string[]>;
  /** The bearer token presented. Non-enumerable, so it never shows up in printed diffs or logs. */
  token?: string;
  /** The token owner's address, when the token was valid. */
  email?: string;
  /** The JSON request body, when there was one that parsed (e.g. freeBusy's `items`). */
  body?: unknown;
  status: number;
  /** Set when the fake itself threw (a bug in the fake, answered as 500 backendError). */
  internalError?: string;
}

export interface FailureMatch {
  method?: string;
  /** A string matches when the request path (e.g. `/calendar/v3/freeBusy`) contains it. */
  path: RegExp | string;
}

export interface FailureResponse {
  status: number;
  reason?: string;
  retryAfter?: string;
  times?: number;
}

interface Failure {
  match: FailureMatch;
  response: FailureResponse;
  remaining: number;
}

const SERVICES = [calendarRoutes, gmailRoutes];

/**
 * A fake of Google Calendar v3 and Gmail v1 on 127.0.0.1. Every request is authenticated by its bearer
 * token through the shared TokenRegistry. Calendar visibility rule: a calendar exists once it was added
 * (addCalendar/addBusy/hideCalendar) or its owner made any authenticated request; existing calendars are
 * visible to everyone unless hideCalendar() was called; unknown or hidden calendars are notFound in freeBusy.
 */
export class FakeGoogle {
  readonly requests: RecordedRequest[] = [];
  /** Start and end of every request the fake answered, for the bench's critical-path count. */
  readonly timings: RequestTiming[] = [];
  private readonly world = new GoogleWorld();
  private readonly failures: Failure[] = [];
  private latencyMs = 0;
  private readonly holds: Array<{ match: FailureMatch; arrived: () => void; released: Promise<void> }> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly registry: TokenRegistry,
    private readonly now: () => Date,
  ) {}

  static async start(opts: { registry: TokenRegistry; now?: () => Date }): Promise<FakeGoogle> {
    const server = createServer();
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGoogle(server, `http://127.0.0.1:${port}`, opts.registry, opts.now ?? (() => new Date()));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  addCalendar(email: string): void {
    this.world.calendar(email);
  }

  addBusy(email: string, start: string, end: string): void {
    const startMs = Date.parse(start);
    const endMs = Date.parse(end);
    if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) throw new Error(`addBusy: bad range ${start}..${end}`);
    this.world.calendar(email).busy.push({ startMs, endMs });
  }

  /** Stops sharing `email`'s free/busy: others get notFound for it (the owner still sees it). */
  hideCalendar(email: string): void {
    this.world.calendar(email).hidden = true;
  }

  /** Seeds a message in `email`'s mailbox; returns its id. */
  addMessage(email: string, message: SeedMessage): string {
    return seedMessage(this.world, email, message).id;
  }

  events(email: string): EventView[] {
    return eventViews(this.world.findCalendar(email));
  }

  drafts(email: string): DraftView[] {
    return draftViews(this.world.mailbox(email));
  }

  /** The next `times` (default 1) requests matching `match` get this Google-formatted error instead. */
  failNext(match: FailureMatch, response: FailureResponse): void {
    this.failures.push({ match, response, remaining: response.times ?? 1 });
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * The next request matching `match` waits, before Google would act on it, until released. If
   * its client has gone away by then (a killed bot), it is dropped as if it never arrived.
   */
  holdNext(match: FailureMatch): { arrived: Promise<void>; release(): void } {
    let arrived = (): void => undefined;
    let release = (): void => undefined;
    const arrival = new Promise<void>((r) => (arrived = r));
    const released = new Promise<void>((r) => (release = r));
    this.holds.push({ match, arrived: () => arrived(), released });
    return { arrived: arrival, release: () => release() };
  }

  private takeFailure(method: string, path: string): GoogleApiError | undefined {
    const failure = this.failures.find(({ match, remaining }) => remaining > 0 && matches(match, method, path));
    if (failure === undefined) return undefined;
    failure.remaining -= 1;
    const { status, reason, retryAfter } = failure.response;
    return cannedError(status, reason, retryAfter);
  }

  private dispatch(req: IncomingMessage, url: URL, bodyText: string, entry: RecordedRequest): Reply {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const service = SERVICES.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));
    if (service === undefined) throw notFound();
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token !== undefined) Object.defineProperty(entry, 'token', { value: token, enumerable: false });
    const grant = token === undefined ? undefined : this.registry.lookup(token);
    if (grant === undefined) throw unauthenticated();
    entry.email = grant.email;
    this.world.calendar(grant.email);
    const injected = this.takeFailure(method, path);
    if (injected !== undefined) throw injected;
    const rest = path.slice(service.prefix.length);
    const route = service.routes.find((r) => r.method === method && r.pattern.test(rest));
    const match = route?.pattern.exec(rest);
    if (route === undefined || match === null || match === undefined) throw notFound();
    if (!route.scopes.some((s) => grant.scopes.includes(s))) throw insufficientScopes(service.service, route.rpcMethod);
    const params = match.slice(1).map((p) => decodeParam(p ?? ''));
    return route.handle({ method, params, query: url.searchParams, bodyText, grant, world: this.world, now: this.now });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: queryRecord(url.searchParams), status: 0 };
    timeResponse(this.timings, 'google', `${entry.method} ${entry.path}`, res);
    let reply: Reply;
    let headers: Record<string, string> = {};
    try {
      const bodyText = await readBody(req);
      const body = parsedJson(bodyText);
      if (body !== undefined) entry.body = body;
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      const held = this.holds.findIndex((h) => matches(h.match, entry.method.toUpperCase(), url.pathname));
      if (held >= 0) {
        const [hold] = this.holds.splice(held, 1);
        hold?.arrived();
        await hold?.released;
        if (req.socket.destroyed) return;
      }
      reply = this.dispatch(req, url, bodyText, entry);
    } catch (err) {
      if (!(err instanceof GoogleApiError)) entry.internalError = err instanceof Error ? (err.stack ?? err.message) : String(err);
      const apiError = err instanceof GoogleApiError ? err : googleError(500, 'Backend Error', 'backendError');
      reply = { status: apiError.code, body: apiError.body };
      headers = apiError.headers;
    }
    entry.status = reply.status;
    this.requests.push(entry);
    if (res.destroyed || res.writableEnded) return;
    const json = reply.body === undefined ? undefined : JSON.stringify(reply.body, null, 2);
    res.writeHead(reply.status, {
      ...(json === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
      vary: 'Origin, X-Origin, Referer',
      ...headers,
    });
    res.end(json);
  }
}

function matches(match: FailureMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (typeof match.path === 'string') return path.includes(match.path);
  match.path.lastIndex = 0;
  return match.path.test(path);
}

function parsedJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
