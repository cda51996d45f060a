import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Code, ConnectError } from '@connectrpc/connect';
import { ConnectorStatus } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import type { Grant, TokenRegistry } from '../token-registry.js';
import type { AuthRequest, Connection, FakeAccount, MagicLink, RecordedCall } from './types.js';

export { ConnectorStatus };
export type { AuthRequest, Connection, FakeAccount, MagicLink, RecordedCall };

/** Lifetime of a Google access token as Scalekit reports it (tokenExpiresAt). */
export const GRANT_TTL_MS = 3_600_000;
export const M2M_TTL_S = 3_600;

interface Fault {
  method: string;
  code: Code;
  message: string;
  remaining: number;
}

export const randomId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export const notFound = (what: string): ConnectError => new ConnectError(`${what} not found`, Code.NotFound);

/** All mutable state of the fake. The gRPC service, the HTTP handler and the test API share one instance. */
export class ScalekitState {
  readonly accounts = new Map<string, FakeAccount>();
  readonly links = new Map<string, MagicLink>();
  readonly authRequests = new Map<string, AuthRequest>();
  readonly calls: RecordedCall[] = [];
  /** RPCs refused with Unauthenticated (the SDK's first call always is: it fetches its M2M token lazily). */
  rejectedCalls = 0;
  latencyMs = 0;
  baseUrl = '';
  readonly lifetime = new AbortController();
  private readonly faults: Fault[] = [];
  private readonly m2mTokens = new Map<string, number>();

  constructor(
    readonly registry: TokenRegistry,
    readonly connections: ReadonlyMap<string, Connection>,
    readonly magicLinkTtlMs: number,
  ) {}

  connection(name: string): Connection {
    const c = this.connections.get(name);
    if (!c) throw notFound('connection');
    return c;
  }

  find(connector: string, identifier: string): FakeAccount | undefined {
    return this.accounts.get(`${connector}\u0000${identifier}`);
  }

  /** Resolves an account the way the RPCs address it: by id, or by connector + identifier. */
  resolve(req: { id?: string; connector?: string; identifier?: string }): FakeAccount {
    if (req.id) {
      const byId = [...this.accounts.values()].find((a) => a.id === req.id);
      if (!byId) throw notFound('connected account');
      return byId;
    }
    if (!req.connector || !req.identifier) {
      throw new ConnectError('either id or connector and identifier are required', Code.InvalidArgument);
    }
    this.connection(req.connector);
    const account = this.find(req.connector, req.identifier);
    if (!account) throw notFound('connected account');
    return account;
  }

  create(connector: string, identifier: string): FakeAccount {
    const connection = this.connection(connector);
    const account: FakeAccount = {
      id: randomId('ca'),
      connector,
      identifier,
      connectionId: connection.id,
      status: ConnectorStatus.PENDING_AUTH,
      scopes: [...connection.scopes],
      updatedAt: Date.now(),
    };
    this.accounts.set(`${connector}\u0000${identifier}`, account);
    return account;
  }

  ensure(connector: string, identifier: string): FakeAccount {
    return this.find(connector, identifier) ?? this.create(connector, identifier);
  }

  remove(account: FakeAccount): void {
    this.dropGrant(account);
    this.accounts.delete(`${account.connector}\u0000${account.identifier}`);
  }

  /** The user consented: ACTIVE with a freshly minted Google grant. */
  activate(account: FakeAccount, scopes?: string[]): Grant {
    if (scopes) account.scopes = [...scopes];
    const grant = this.registry.mint(account.identifier, account.connector, [...account.scopes]);
    account.grant = grant;
    account.status = ConnectorStatus.ACTIVE;
    account.tokenExpiresAt = Date.now() + GRANT_TTL_MS;
    account.updatedAt = Date.now();
    return grant;
  }

  /** Scalekit refreshed the Google token: a new access token replaces the old one. */
  rotate(account: FakeAccount, invalidateOld: boolean): Grant {
    if (account.status !== ConnectorStatus.ACTIVE || !account.grant) {
      throw new Error(`cannot rotate: ${account.connector}/${account.identifier} is not ACTIVE`);
    }
    const old = account.grant;
    const grant = this.activate(account);
    if (invalidateOld) this.registry.invalidate(old.accessToken);
    return grant;
  }

  /** Any status but ACTIVE drops the grant (its access token stops working at Google). */
  setStatus(account: FakeAccount, status: ConnectorStatus): void {
    if (status === ConnectorStatus.ACTIVE) {
      if (!account.grant) this.activate(account);
      account.status = status;
      return;
    }
    this.dropGrant(account);
    account.status = status;
    account.updatedAt = Date.now();
  }

  private dropGrant(account: FakeAccount): void {
    if (account.grant) this.registry.invalidate(account.grant.accessToken);
    delete account.grant;
    delete account.tokenExpiresAt;
  }

  createLink(account: FakeAccount, state?: string, userVerifyUrl?: string): MagicLink {
    const id = randomBytes(16).toString('hex');
    const link: MagicLink = {
      id,
      url: `${this.baseUrl}/magic/${id}`,
      connector: account.connector,
      identifier: account.identifier,
      expiresAt: Date.now() + this.magicLinkTtlMs,
      ...(state ? { state } : {}),
      ...(userVerifyUrl ? { userVerifyUrl } : {}),
    };
    this.links.set(id, link);
    return link;
  }

  issueM2M(): string {
    const token = `sk_m2m_${randomBytes(24).toString('hex')}`;
    this.m2mTokens.set(token, Date.now() + M2M_TTL_S * 1000);
    return token;
  }

  checkM2M(authorization: string | null): boolean {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const expiresAt = token ? this.m2mTokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  revokeM2M(): void {
    this.m2mTokens.clear();
  }

  addFault(method: string, code: Code, message: string, times: number): void {
    this.faults.push({ method, code, message, remaining: times });
  }

  takeFault(method: string): Fault | undefined {
    const fault = this.faults.find((f) => f.method === method && f.remaining > 0);
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** Injected latency; cut short when the caller gives up or the fake stops. */
  async delay(signal?: AbortSignal): Promise<void> {
    if (this.latencyMs <= 0) return;
    const signals = signal ? [signal, this.lifetime.signal] : [this.lifetime.signal];
    await sleep(this.latencyMs, undefined, { signal: AbortSignal.any(signals) });
  }
}
