import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { Code } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { timeResponse, type RequestTiming } from '../timing.js';
import { GOOGLE_SCOPES, type Grant, type TokenRegistry } from '../token-registry.js';
import { connectedAccountRoutes } from './connected-accounts.js';
import { httpHandler, type ConsentPage } from './http.js';
import { ConnectorStatus, ScalekitState, randomId, type Connection, type MagicLink, type RecordedCall } from './state.js';

export { ConnectorStatus, type ConsentPage, type MagicLink, type RecordedCall };

export interface FakeScalekitOptions {
  registry: TokenRegistry;
  clientId?: string;
  clientSecret?: string;
  /** Connection name → scopes it grants. Default: googlecalendar and gmail. */
  connections?: Record<string, string[]>;
  /** Lifetime of a magic link (its `expiry`); Scalekit documents none ("a short duration"). Default 10 minutes. */
  magicLinkTtlMs?: number;
  /**
   * A consent screen shown when a magic link is opened (as Google's is, in real life); its Allow
   * goes to `allowUrl`, which "consents". Unset (tests): opening the link consents at once.
   */
  consentPage?: ConsentPage;
}

export const DEFAULT_MAGIC_LINK_TTL_MS = 600_000;

export interface AccountView {
  readonly id: string;
  readonly connector: string;
  readonly identifier: string;
  readonly status: ConnectorStatus;
  readonly scopes: readonly string[];
}

export const DEFAULT_CONNECTIONS: Readonly<Record<string, string[]>> = {
  googlecalendar: [GOOGLE_SCOPES.calendar],
  gmail: [GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailReadonly],
};

const H2_PREFACE = Buffer.from('PRI');

/**
 * A fake Scalekit environment on 127.0.0.1:<random port>. One port speaks both HTTP/1.1
 * (/oauth/token, magic links) and h2c gRPC (ConnectedAccountService), like the real SDK expects.
 */
export class FakeScalekit {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Start and end of every request the fake answered (gRPC and HTTP/1.1), for the bench's critical-path count. */
  readonly timings: RequestTiming[];

  private constructor(
    private readonly state: ScalekitState,
    private readonly server: net.Server,
    private readonly sockets: Set<net.Socket>,
    private readonly sessions: Set<http2.Http2Session>,
    creds: { clientId: string; clientSecret: string },
    timings: RequestTiming[],
  ) {
    this.timings = timings;
    this.url = state.baseUrl;
    this.clientId = creds.clientId;
    this.clientSecret = creds.clientSecret;
  }

  static async start(opts: FakeScalekitOptions): Promise<FakeScalekit> {
    const connections = new Map<string, Connection>(
      Object.entries(opts.connections ?? DEFAULT_CONNECTIONS).map(([name, scopes]) => [name, { name, id: randomId('conn'), scopes: [...scopes] }]),
    );
    const state = new ScalekitState(opts.registry, connections, opts.magicLinkTtlMs ?? DEFAULT_MAGIC_LINK_TTL_MS);
    const creds = { clientId: opts.clientId ?? 'skc_fake_client', clientSecret: opts.clientSecret ?? randomId('sks_fake') };

    const timings: RequestTiming[] = [];
    // gRPC paths end in the method name (…/ConnectedAccountService/GetConnectedAccountAuth).
    const lastSegment = (url: string | undefined): string => (url ?? '').split('?')[0]?.split('/').at(-1) ?? '';
    const h1Handler = httpHandler(state, creds, opts.consentPage);
    const h1 = http.createServer((req, res) => {
      timeResponse(timings, 'scalekit', new URL(req.url ?? '/', 'http://fake.invalid').pathname, res);
      h1Handler(req, res);
    });
    const h2 = http2.createServer();
    const rpc = connectNodeAdapter({ routes: connectedAccountRoutes(state) });
    h2.on('request', (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => {
      timeResponse(timings, 'scalekit', lastSegment(req.url), res);
      rpc(req, res);
    });
    const sessions = new Set<http2.Http2Session>();
    h2.on('session', (s) => {
      sessions.add(s);
      s.once('close', () => sessions.delete(s));
    });

    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('readable', () => {
        const head = socket.read() as Buffer | null;
        if (!head) return void socket.destroy();
        socket.unshift(head);
        // No HTTP/1.1 method starts with "PRI": that is the HTTP/2 connection preface (h2c, prior knowledge).
        (head.subarray(0, 3).equals(H2_PREFACE) ? h2 : h1).emit('connection', socket);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('fake scalekit: no TCP address');
    state.baseUrl = `http://127.0.0.1:${address.port}`;
    return new FakeScalekit(state, server, sockets, sessions, creds, timings);
  }

  /** Closes the listener and every connection (HTTP/1.1 and HTTP/2), cancelling injected latency. */
  async stop(): Promise<void> {
    this.state.lifetime.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sessions) s.destroy();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** Every authenticated RPC in arrival order (retries included). Unauthenticated attempts are only counted. */
  get calls(): RecordedCall[] {
    return this.state.calls;
  }

  get rejectedCalls(): number {
    return this.state.rejectedCalls;
  }

  /** Creates the account if needed; any status but ACTIVE revokes the current grant at Google. */
  setStatus(connector: string, identifier: string, status: ConnectorStatus): void {
    this.state.setStatus(this.state.ensure(connector, identifier), status);
  }

  /** As if the user had already consented: ACTIVE with fresh tokens. */
  activate(connector: string, identifier: string, scopes?: string[]): Grant {
    return this.state.activate(this.state.ensure(connector, identifier), scopes);
  }

  /** Scalekit refreshed the Google token. The old access token stays valid at Google unless invalidateOld. */
  rotate(connector: string, identifier: string, opts: { invalidateOld?: boolean } = {}): Grant {
    const account = this.state.find(connector, identifier);
    if (!account) throw new Error(`no connected account ${connector}/${identifier}`);
    return this.state.rotate(account, opts.invalidateOld ?? false);
  }

  currentGrant(connector: string, identifier: string): Grant | undefined {
    const grant = this.state.find(connector, identifier)?.grant;
    return grant ? { ...grant, scopes: [...grant.scopes] } : undefined;
  }

  account(connector: string, identifier: string): AccountView | undefined {
    const a = this.state.find(connector, identifier);
    return a ? Object.freeze({ id: a.id, connector: a.connector, identifier: a.identifier, status: a.status, scopes: [...a.scopes] }) : undefined;
  }

  /**
   * The next `times` calls of `method` (proto local name, e.g. 'getConnectedAccountAuth') fail with `code`.
   * Note the SDK retries Unavailable (3 retries, exponential backoff from ~0.5-1s) and Unauthenticated.
   */
  failNext(method: string, code: Code, message = 'injected failure', times = 1): void {
    this.state.addFault(method, code, message, times);
  }

  /**
   * The next `times` verifyConnectedAccountUser calls fail with Unavailable before touching the auth
   * request (it stays pending). The SDK retries Unavailable 3 times, so 4 makes one SDK call fail.
   */
  failVerifyUnavailable(times: number, message = 'service unavailable'): void {
    this.state.addFault('verifyConnectedAccountUser', Code.Unavailable, message, times);
  }

  /** Makes a magic link (by its url) expire now, as if its lifetime had passed. */
  expireMagicLink(url: string): void {
    const link = [...this.state.links.values()].find((l) => l.url === url);
    if (!link) throw new Error(`no magic link ${url}`);
    link.expiresAt = Date.now() - 1;
  }

  /** Applied to every gRPC call and to /oauth/token. */
  setLatency(ms: number): void {
    this.state.latencyMs = ms;
  }

  /** Invalidates every issued M2M token: the SDK's next call gets Unauthenticated and re-authenticates. */
  revokeM2MTokens(): void {
    this.state.revokeM2M();
  }

  magicLinks(): MagicLink[] {
    return [...this.state.links.values()].map((l) => ({ ...l }));
  }

  lastMagicLink(connector: string, identifier: string): MagicLink | undefined {
    return this.magicLinks()
      .filter((l) => l.connector === connector && l.identifier === identifier)
      .at(-1);
  }
}
