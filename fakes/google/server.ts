import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timeResponse, type RequestTiming } from '../timing.js';
import type { Grant, TokenRegistry } from '../token-registry.js';
import { calendarRoutes } from './calendar.js';
import { listEntryResource } from './calendar-list.js';
import { GoogleApiError, cannedError, googleError, insufficientScopes, notFound, unauthenticated } from './errors.js';
import { type FailureMatch, type FailureResponse, type Fault, FaultQueue, type RequestKey, matches } from './faults.js';
import { gmailRoutes } from './gmail.js';
import { type SeedMessage, seedMessage } from './gmail-render.js';
import { type GoogleOperation, type Reply, type Route, type ServiceRoutes, decodeParam, queryRecord } from './route.js';
import { readBody } from '../read-body.js';
import { type AccessRole, GoogleWorld, type Interval, type MeetMode, isSecondaryId } from './state.js';
import { type DraftView, type EventView, calendarViews, draftViews, eventViews } from './views.js';

export interface SecondaryCalendar {
  id?: string;
  summary?: string;
  description?: string;
  timeZone?: string;
  /** The list owner's access to the calendar. Default owner. */
  accessRole?: AccessRole;
  /** Shown in the owner's UI. Default true. */
  selected?: boolean;
  /** Hidden from the owner's calendar list (listed only with showHidden=true). Default false. */
  hidden?: boolean;
  colorId?: string;
  busy?: Array<{ start: string; end: string }>;
}

function interval(start: string, end: string): Interval {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) throw new Error(`bad busy range ${start}..${end}`);
  return { startMs, endMs };
}

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
  /** The Google operation the request named (undefined for an unknown path). */
  operation?: GoogleOperation;
  /**
   * The injected fault that shaped this answer. With `lose-response` the client got no answer at all
   * and `status` is what the fake would have sent.
   */
  fault?: Fault['kind'];
}

const SERVICES = [calendarRoutes, gmailRoutes];

/**
 * A fake of Google Calendar v3 and Gmail v1 on 127.0.0.1. Every request is authenticated by its bearer
 * token through the shared TokenRegistry. A person's primary calendar exists once it was added
 * (addCalendar/addBusy/hideCalendar) or its owner made any authenticated request. freeBusy sees a
 * calendar on the caller's calendar list, or any primary calendar not hidden with hideCalendar();
 * anything else is notFound. See fakes/README.md for what is modelled and where it comes from.
 */
export class FakeGoogle {
  readonly requests: RecordedRequest[] = [];
  /** Start and end of every request the fake answered, for the bench's critical-path count. */
  readonly timings: RequestTiming[] = [];
  private readonly world = new GoogleWorld();
  private readonly faults = new FaultQueue();
  private latencyMs = 0;
  private readonly holds: Array<{ match: FailureMatch; arrived: () => void; gone: () => void; released: Promise<void> }> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly registry: TokenRegistry,
    private readonly now: () => Date,
  ) {}

  static async start(opts: { registry: TokenRegistry; now?: () => Date }): Promise<FakeGoogle> {
    const server = createServer();
    // Google keeps idle connections for minutes; a 1 s timeout advertised as `Keep-Alive: timeout=1`
    // makes undici (Node's fetch) treat every connection as expiring at once and never reuse one.
    server.keepAliveTimeout = 65_000;
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

  /** Makes `email`'s primary calendar exist (known to freeBusy and on their calendar list). */
  addCalendar(email: string, opts: { timeZone?: string; summary?: string } = {}): void {
    const cal = this.world.calendar(email);
    if (opts.timeZone !== undefined) cal.timeZone = opts.timeZone;
    if (opts.summary !== undefined) cal.summary = opts.summary;
  }

  /**
   * Puts a calendar on `ownerEmail`'s calendar list with their `accessRole` to it (default owner) and
   * returns its id. `id` defaults to a new `c_…@group.calendar.google.com`; an id already known (a
   * secondary calendar on someone else's list, or a person's address for their primary calendar)
   * shares that calendar. `busy` blocks are added to the calendar itself.
   */
  addSecondaryCalendar(ownerEmail: string, opts: SecondaryCalendar = {}): string {
    const id = opts.id ?? `c_${randomBytes(16).toString('hex')}@group.calendar.google.com`;
    const known = this.world.findCalendar(id);
    const cal = known ?? (isSecondaryId(id) ? this.world.secondaryCalendar(id, opts.summary ?? id) : this.world.calendar(id));
    if (opts.summary !== undefined) cal.summary = opts.summary;
    if (opts.description !== undefined) cal.description = opts.description;
    if (opts.timeZone !== undefined) cal.timeZone = opts.timeZone;
    for (const b of opts.busy ?? []) cal.busy.push(interval(b.start, b.end));
    this.world.calendar(ownerEmail);
    this.world.setListEntry(ownerEmail, {
      calendarId: cal.id,
      accessRole: opts.accessRole ?? 'owner',
      selected: opts.selected ?? true,
      hidden: opts.hidden ?? false,
      colorId: opts.colorId ?? '17',
    });
    return cal.id;
  }

  /** Adds a busy block to a calendar: a known calendar id, or else the primary calendar of an address. */
  addBusy(calendarId: string, start: string, end: string): void {
    const cal = this.world.findCalendar(calendarId) ?? (isSecondaryId(calendarId) ? undefined : this.world.calendar(calendarId));
    if (cal === undefined) throw new Error(`addBusy: unknown calendar ${calendarId}; addSecondaryCalendar first`);
    cal.busy.push(interval(start, end));
  }

  /** Stops sharing a calendar's free/busy: only users with it on their calendar list see it (its owner does). */
  hideCalendar(calendarId: string): void {
    (this.world.findCalendar(calendarId) ?? this.world.calendar(calendarId)).hidden = true;
  }

  /**
   * How `hangoutsMeet` create requests on calendars of `who` (an address, or `@domain` for a whole
   * workspace) turn out: `success` (default), `pending`, `failure`, or `rejected` (Meet not allowed:
   * events.insert answers 400 "Invalid conference type value." and makes nothing).
   */
  setMeet(who: string, mode: MeetMode): void {
    this.world.meet.set(who.trim().toLowerCase(), mode);
  }

  /** Seeds a message in `email`'s mailbox; returns its id. */
  addMessage(email: string, message: SeedMessage): string {
    return seedMessage(this.world, email, message).id;
  }

  /** Events organised on `calendarId` (a person's address for their primary calendar), deleted ones included. */
  events(calendarId: string): EventView[] {
    return eventViews(this.world.findCalendar(calendarId));
  }

  /**
   * Everything on `calendarId` as its owner's calendar shows it: the events organised there plus the
   * invitations copied to it (`invitation: true`). Deleted or removed ones are included with `deleted: true`.
   */
  eventsOf(calendarId: string): EventView[] {
    return calendarViews(this.world.findCalendar(calendarId));
  }

  /** `email`'s calendar list as calendarList.list renders it (hidden entries included). */
  calendarListOf(email: string): Array<Record<string, unknown>> {
    return this.world.calendarList(email).map((e) => listEntryResource(this.world, email, e));
  }

  /** Every draft `email` ever had, deleted ones included (`deleted: true`), oldest first. */
  drafts(email: string): DraftView[] {
    return draftViews(this.world.mailbox(email));
  }

  /**
   * What drafts.create does with a client's Message-ID header: `keep` it (default), or `replace` it
   * with a Gmail-made one, for testing a client against the other possible behaviour.
   */
  setDraftMessageIds(policy: 'keep' | 'replace'): void {
    this.world.draftMessageIds = policy;
  }

  /** The next `times` (default 1) requests matching `match` get this Google-formatted error instead. */
  failNext(match: FailureMatch, response: FailureResponse): void {
    this.faults.add(match, { kind: 'error', ...response });
  }

  /**
   * Injects `fault` into the next `fault.times` (default 1) requests matching `match`, e.g.
   * `faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' })`.
   */
  faultNext(match: FailureMatch, fault: Fault): void {
    this.faults.add(match, fault);
  }

  /** Faults queued but not yet used up. */
  pendingFaults(): ReturnType<FaultQueue['pending']> {
    return this.faults.pending();
  }

  /** Every recorded request for `operation`, in arrival order (lost responses included). */
  calls(operation: GoogleOperation): RecordedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /**
   * The next request matching `match` waits, before Google would act on it, until released. If
   * its client has gone away by then (a killed bot), it is dropped as if it never arrived. `gone`
   * resolves once this server has seen that client's connection close: a test that kills the
   * client waits for it before releasing, since the kill and the close reach it as separate events.
   */
  holdNext(match: FailureMatch): { arrived: Promise<void>; gone: Promise<void>; release(): void } {
    let arrived = (): void => undefined;
    let gone = (): void => undefined;
    let release = (): void => undefined;
    const arrival = new Promise<void>((r) => (arrived = r));
    const closed = new Promise<void>((r) => (gone = r));
    const released = new Promise<void>((r) => (release = r));
    this.holds.push({ match, arrived: () => arrived(), gone: () => gone(), released });
    return { arrived: arrival, gone: closed, release: () => release() };
  }

  private authenticate(req: IncomingMessage, entry: RecordedRequest): Grant {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token !== undefined) Object.defineProperty(entry, 'token', { value: token, enumerable: false });
    const grant = token === undefined ? undefined : this.registry.lookup(token);
    if (grant === undefined) throw unauthenticated();
    entry.email = grant.email;
    this.world.calendar(grant.email);
    return grant;
  }

  private dispatch(req: IncomingMessage, url: URL, bodyText: string, grant: Grant, found: Found | undefined): Reply {
    if (found === undefined) throw notFound();
    const { service, route, params } = found;
    if (!route.scopes.some((s) => grant.scopes.includes(s))) throw insufficientScopes(service.service, route.rpcMethod);
    return route.handle({
      method: (req.method ?? 'GET').toUpperCase(),
      params: params.map((p) => decodeParam(p)),
      query: url.searchParams,
      bodyText,
      grant,
      world: this.world,
      now: this.now,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: queryRecord(url.searchParams), status: 0 };
    timeResponse(this.timings, 'google', `${entry.method} ${entry.path}`, res);
    const found = findRoute(entry.method.toUpperCase(), url.pathname);
    if (found !== undefined) entry.operation = found.route.operation;
    const key: RequestKey = { method: entry.method, path: url.pathname, operation: entry.operation };
    let reply: Reply;
    let headers: Record<string, string> = {};
    let fault: Fault | undefined;
    try {
      const bodyText = await readBody(req);
      const body = parsedJson(bodyText);
      if (body !== undefined) entry.body = body;
      if (this.latencyMs > 0) await sleep(this.latencyMs);
      const held = this.holds.findIndex((h) => matches(h.match, key));
      if (held >= 0) {
        const [hold] = this.holds.splice(held, 1);
        if (req.socket.destroyed) hold?.gone();
        else req.socket.once('close', () => hold?.gone());
        hold?.arrived();
        await hold?.released;
        if (req.socket.destroyed) return;
      }
      const grant = this.authenticate(req, entry);
      fault = this.faults.take(key);
      if (fault !== undefined) entry.fault = fault.kind;
      if (fault?.kind === 'error' && fault.afterApplying !== true) throw cannedError(fault.status, fault.reason, fault.retryAfter);
      if (fault?.kind === 'slow' && fault.beforeActing === true) await sleep(fault.ms);
      reply = this.dispatch(req, url, bodyText, grant, found);
      if (fault?.kind === 'error') throw cannedError(fault.status, fault.reason, fault.retryAfter);
    } catch (err) {
      if (!(err instanceof GoogleApiError)) entry.internalError = err instanceof Error ? (err.stack ?? err.message) : String(err);
      const apiError = err instanceof GoogleApiError ? err : googleError(500, 'Backend Error', 'backendError');
      reply = { status: apiError.code, body: apiError.body };
      headers = apiError.headers;
    }
    entry.status = reply.status;
    this.requests.push(entry);
    if (fault?.kind === 'lose-response') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow' && fault.beforeActing !== true) await sleep(fault.ms);
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

interface Found {
  service: ServiceRoutes;
  route: Route;
  /** Raw (still URI-encoded) captures of the route pattern. */
  params: string[];
}

function findRoute(method: string, path: string): Found | undefined {
  const service = SERVICES.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));
  if (service === undefined) return undefined;
  const rest = path.slice(service.prefix.length);
  for (const route of service.routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(rest);
    if (m !== null) return { service, route, params: m.slice(1).map((p) => p ?? '') };
  }
  return undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function parsedJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
