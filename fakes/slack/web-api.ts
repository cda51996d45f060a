import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { timeResponse, type RequestTiming } from '../timing.js';
import { apiCall } from './api-call.js';
import { readBody } from '../read-body.js';
import { mediaType, sendJson } from './http-util.js';
import { SESSION_COOKIE, SlackOidc, type BrowserVisit } from './oidc.js';
import type { MethodContext } from './methods.js';
import { Modals } from './modals.js';
import type { SlackResult } from './types.js';
import { Recorder } from './recorder.js';
import { handleResponseUrl, type IssuedResponseUrl } from './response-url.js';
import type { FakeSlackOptions, FakeSlackUser, NotInChannelError, Recorded, ResponseUrlSource } from './types.js';
import type { RejectedResponsePost, ResponsePost, SlackCall } from './types.js';

export type { BrowserVisit } from './oidc.js';
export { SESSION_COOKIE } from './oidc.js';
export type { FakeSlackOptions, FakeSlackUser, Recorded, RejectedResponsePost, ResponseEffect, ResponsePost, ResponseUrlSource, SlackCall } from './types.js';

const URL_SEGMENT: Record<ResponseUrlSource, string> = { command: 'commands', block_actions: 'actions', other: 'other' };

/**
 * A fake Slack Web API + response_url host on 127.0.0.1. Point the bot's WebClient at `apiUrl`
 * (`slackApiUrl`). Every call and response_url post is recorded for assertions.
 */
export class FakeSlack implements MethodContext {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly triggerTtlMs: number;
  readonly users = new Map<string, FakeSlackUser>();
  readonly notInChannel = new Map<string, NotInChannelError>();
  readonly messages = new Map<string, Record<string, unknown>>();
  readonly triggers = new Map<string, { issuedAt: number; used: boolean; userId?: string }>();
  readonly homeViews = new Map<string, Record<string, unknown>>();
  /** The modals views.open put in front of people, and what their submissions did. */
  readonly modals = new Modals();
  /** response_url id → where it came from and how many posts it accepted. */
  readonly responseUrls = new Map<string, IssuedResponseUrl>();
  readonly recorder = new Recorder();
  /** Start and end of every request the fake answered, for the bench's critical-path count. */
  readonly timings: RequestTiming[] = [];
  private readonly botToken: string;
  private readonly dms = new Map<string, string>();
  private readonly openedDms = new Set<string>();
  private readonly failures = new Map<string, string[]>();
  private readonly workspaces = new Map<string, string>();
  private socketMode: { url: string; appToken: string } | undefined;
  private readonly installCodes = new Map<string, { teamId: string; botToken: string; installerId: string }>();
  private readonly server: Server;
  private readonly oidc: SlackOidc;
  private lastMicros = 0;
  private idCounter = 0;
  private baseUrl = '';
  private latencyMs = 0;

  private constructor(opts: FakeSlackOptions) {
    this.botToken = opts.botToken;
    this.teamId = opts.teamId;
    this.teamName = opts.teamName ?? 'Fake Team';
    this.teamDomain = opts.teamDomain ?? 'fake-team';
    this.botUserId = opts.botUserId ?? 'U0FAKEBOT';
    this.botId = opts.botId ?? 'B0FAKEBOT';
    this.triggerTtlMs = opts.triggerTtlMs ?? 3000;
    for (const u of opts.users) this.addUser(u);
    this.oidc = new SlackOidc(
      {
        clientId: opts.clientId ?? '1111111111.2222222222',
        clientSecret: opts.clientSecret ?? `fake-client-secret-${randomBytes(16).toString('hex')}`,
        ...(opts.redirectUrls !== undefined ? { redirectUrls: [...opts.redirectUrls] } : {}),
        codeTtlMs: opts.oidcCodeTtlMs ?? 600_000,
        idTokenTtlSec: opts.idTokenTtlSec ?? 300,
      },
      {
        origin: () => this.baseUrl,
        apiUrl: () => this.apiUrl,
        user: (id) => this.users.get(id),
        users: () => [...this.users.values()],
        team: (id) => (id === this.teamId ? { id, name: this.teamName, domain: this.teamDomain } : { id, name: `Team ${id}`, domain: `team-${id.toLowerCase()}` }),
        defaultTeamId: () => this.teamId,
      },
    );
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(e) });
      });
    });
  }

  static async start(opts: FakeSlackOptions): Promise<FakeSlack> {
    const fake = new FakeSlack(opts);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = fake.server.address() as AddressInfo;
    fake.baseUrl = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** The fake's origin: Slack's own pages (SLACK_URL), e.g. `${url}/openid/connect/authorize`. */
  get url(): string {
    return this.baseUrl;
  }
  /** The id_token issuer: the fake's origin (real Slack's is `https://slack.com`). */
  get issuer(): string {
    return this.baseUrl;
  }
  get clientId(): string {
    return this.oidc.clientId;
  }
  get clientSecret(): string {
    return this.oidc.clientSecret;
  }
  /** Requests a browser made to the fake's pages (authorize, keys, sign-in), in order. */
  get browserVisits(): BrowserVisit[] {
    return this.oidc.visits;
  }
  /** The recorded openid.connect.* Web API calls (client secrets are never recorded). */
  oidcCalls(): SlackCall[] {
    return this.calls.filter((c) => c.method.startsWith('openid.connect.'));
  }
  /** Every user token and id_token the fake handed out: the leak check looks for them. */
  mintedSecrets(): readonly string[] {
    return this.oidc.mintedSecrets();
  }

  /** `${url}/fake/signin?…`: a browser that opens it is signed in to Slack as `userId` (cookie on the fake's origin), then goes to `next` (a path on the fake) if given. */
  signInUrl(userId: string, opts: { teamId?: string; next?: string } = {}): string {
    const user = this.users.get(userId);
    const q = new URLSearchParams({ team: opts.teamId ?? user?.teamId ?? this.teamId, user: userId });
    if (opts.next !== undefined) q.set('next', opts.next);
    return `${this.baseUrl}/fake/signin?${q.toString()}`;
  }

  /**
   * Signs a browser in without the page: returns the `Cookie` header value (`fake_slack_session=…`)
   * that the fake's pages read. /openid/connect/authorize still only trusts this cookie.
   */
  signIn(userId: string, teamId?: string): string {
    return `${SESSION_COOKIE}=${this.oidc.newSession(userId, teamId)}`;
  }

  /** Every Sign in with Slack code issued so far can no longer be exchanged (invalid_code). */
  expireOidcCodes(): void {
    this.oidc.expireCodes();
  }
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }
  get calls(): SlackCall[] {
    return this.recorder.calls;
  }
  get responses(): ResponsePost[] {
    return this.recorder.responses;
  }
  get rejectedResponses(): RejectedResponsePost[] {
    return this.recorder.rejectedResponses;
  }
  /** Calls and accepted response_url posts, in arrival order. */
  get log(): Recorded[] {
    return this.recorder.log;
  }

  async stop(): Promise<void> {
    this.recorder.abortWaiters('FakeSlack stopped while waitFor was pending');
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  addUser(u: FakeSlackUser): void {
    this.users.set(u.id, u);
  }
  user(id: string): FakeSlackUser | undefined {
    return this.users.get(id);
  }

  /** Bot is not in channelId: chat.postMessage/postEphemeral there fail with `error`. */
  setNotInChannel(channelId: string, error?: NotInChannelError): void {
    this.notInChannel.set(channelId, error ?? (channelId.startsWith('C') ? 'not_in_channel' : 'channel_not_found'));
  }
  setInChannel(channelId: string): void {
    this.notInChannel.delete(channelId);
  }

  /** The next call to `method` answers `{ ok: false, error }` (queue several by calling repeatedly). */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }
  responsesTo(responseUrl: string): ResponsePost[] {
    return this.responses.filter((r) => r.responseUrl === responseUrl);
  }
  homeViewOf(userId: string): Record<string, unknown> | undefined {
    return this.homeViews.get(userId);
  }
  /** Delays every Web API call and response_url post by `ms`, as a distant Slack would. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }
  clearRecords(): void {
    this.recorder.clear();
  }

  waitFor<T extends Recorded>(predicate: (r: Recorded) => r is T, timeoutMs?: number, label?: string): Promise<T>;
  waitFor(predicate: (r: Recorded) => boolean, timeoutMs?: number, label?: string): Promise<Recorded>;
  waitFor(predicate: (r: Recorded) => boolean, timeoutMs = 5000, label?: string): Promise<Recorded> {
    return this.recorder.waitFor(predicate, timeoutMs, label);
  }

  /** First call to `method` (optionally matching `where`), past or within timeoutMs. */
  waitForCall(method: string, where?: (c: SlackCall) => boolean, timeoutMs = 5000): Promise<SlackCall> {
    return this.recorder.waitForCall(method, where, timeoutMs);
  }
  /** First accepted post to responseUrl, past or within timeoutMs. */
  waitForResponse(responseUrl: string, timeoutMs = 5000): Promise<ResponsePost> {
    return this.recorder.waitForResponse(responseUrl, timeoutMs);
  }

  /**
   * A fresh response_url (`${url}/response/<commands|actions|other>/<id>`, like Slack's
   * `hooks.slack.com/commands/…` and `…/actions/…`); accepts at most 5 posts. `source` is what it
   * came with: only a `block_actions` url can replace or delete its original message. Default
   * `block_actions`; SlackClientSim.slashCommand asks for `command`.
   */
  newResponseUrl(source: ResponseUrlSource = 'block_actions'): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { source, uses: 0 });
    return `${this.baseUrl}/response/${URL_SEGMENT[source]}/${id}`;
  }

  /** A trigger_id views.open will accept once, within triggerTtlMs; the modal it opens shows to `userId`. */
  newTriggerId(userId?: string): string {
    const id = `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { issuedAt: Date.now(), used: false, ...(userId === undefined ? {} : { userId }) });
    return id;
  }

  /** The bot's DM channel id (`D…`) with a user, as conversations.open returns it. */
  dmChannelOf(userId: string): string {
    let id = this.dms.get(userId);
    if (id === undefined) {
      id = `D${userId.replace(/^[UW]/, '')}`;
      this.dms.set(userId, id);
    }
    return id;
  }
  markDmOpen(userId: string): boolean {
    const open = this.openedDms.has(userId);
    this.openedDms.add(userId);
    return open;
  }

  nextTs(): string {
    this.lastMicros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }
  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0${this.idCounter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /**
   * Another workspace the same app is installed in: its bot token is accepted, and calls made
   * with it answer as that workspace (same users, another team id).
   */
  addWorkspace(teamId: string, botToken: string): void {
    this.workspaces.set(botToken, teamId);
  }

  /** The code Slack's OAuth screen hands back for installing into `teamId` with `botToken`. */
  addInstallCode(code: string, install: { teamId: string; botToken: string; installerId: string }): void {
    this.installCodes.set(code, install);
  }

  /** Where Socket Mode connections go: apps.connections.open hands this URL to an app token. */
  setSocketModeUrl(url: string, appToken: string): void {
    this.socketMode = { url, appToken };
  }

  private openSocket(token: string | undefined): SlackResult {
    if (this.socketMode === undefined || token !== this.socketMode.appToken) return { ok: false, error: token?.startsWith('xapp-') ? 'invalid_auth' : 'not_allowed_token_type' };
    return { ok: true, url: this.socketMode.url };
  }

  private contextFor(token: string): MethodContext | undefined {
    if (token === this.botToken) return this;
    const team = this.workspaces.get(token);
    if (team === undefined) return undefined;
    // Everything but the team id is shared state, so writes go to this instance.
    return new Proxy(this, { get: (target, prop) => (prop === 'teamId' ? team : Reflect.get(target, prop, target)) });
  }

  private exchangeCode(args: Record<string, unknown>): SlackResult {
    const install = typeof args.code === 'string' ? this.installCodes.get(args.code) : undefined;
    if (install === undefined) return { ok: false, error: 'invalid_code' };
    this.installCodes.delete(String(args.code));
    this.addWorkspace(install.teamId, install.botToken);
    return {
      ok: true,
      app_id: 'A0FAKEAPP',
      authed_user: { id: install.installerId },
      scope: 'commands,chat:write,users:read,users:read.email',
      token_type: 'bot',
      access_token: install.botToken,
      bot_user_id: this.botUserId,
      team: { id: install.teamId, name: `Team ${install.teamId}` },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    timeResponse(this.timings, 'slack', api?.[1] ?? (path.startsWith('/response/') ? 'response_url' : path), res);
    const raw = await readBody(req);
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (api?.[1] !== undefined) {
      const call = apiCall(api[1], req, raw, {
        ctxFor: (token) => this.contextFor(token),
        unauthenticated: {
          'oauth.v2.access': (args) => this.exchangeCode(args),
          'apps.connections.open': (_args, auth) => this.openSocket(auth.token),
          'openid.connect.token': (args, auth) => this.oidc.token(args, auth),
          'openid.connect.userInfo': (_args, auth) =>
            auth.token !== undefined && !this.oidc.isUserToken(auth.token) && this.contextFor(auth.token) !== undefined
              ? { ok: false, error: 'not_allowed_token_type' }
              : this.oidc.userInfo(auth.token),
        },
        failures: this.failures,
      });
      this.recorder.recordCall(call);
      return sendJson(res, 200, call.result);
    }
    if (this.oidc.handlePage(req, res, new URL(req.url ?? '/', this.baseUrl))) return;
    const resp = /^\/response\/(?:commands|actions|other)\/([\w-]+)$/.exec(path);
    if (resp?.[1] !== undefined && req.method === 'POST') {
      const out = handleResponseUrl(this, `${this.baseUrl}${path}`, resp[1], mediaType(req), raw);
      return sendJson(res, out.status, out.body);
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }
}
