import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create } from '@bufbuild/protobuf';
import { Code } from '@connectrpc/connect';
import { CreateConnectedAccountSchema } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import {
  ScalekitClient,
  ScalekitBadRequestException,
  ScalekitForbiddenException,
  ScalekitInternalServerException,
  ScalekitNotFoundException,
  ScalekitServerException,
  ScalekitServiceUnavailableException,
} from '@scalekit-sdk/node';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { ConnectorStatus, FakeScalekit } from '../../../fakes/scalekit/server.js';

const CAL = 'googlecalendar';
const USER = 'T1:U123';

let registry: TokenRegistry;
let fake: FakeScalekit;
let sdk: ScalekitClient;

beforeEach(async () => {
  registry = new TokenRegistry();
  fake = await FakeScalekit.start({ registry });
  sdk = new ScalekitClient(fake.url, fake.clientId, fake.clientSecret);
});

afterEach(async () => {
  await fake.stop();
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

describe('fake Scalekit with the real SDK', () => {
  it('serves the M2M token endpoint and refuses a wrong secret', async () => {
    await expect(sdk.connectedAccounts.listConnectedAccounts()).resolves.toMatchObject({ totalSize: 0 });
    expect(fake.rejectedCalls).toBe(1); // the SDK fetches its token only after a first Unauthenticated
    expect(fake.calls).toEqual([{ method: 'listConnectedAccounts' }]);

    const bad = new ScalekitClient(fake.url, fake.clientId, 'wrong-secret');
    const err = await rejection(bad.connectedAccounts.listConnectedAccounts());
    expect(err).toBeInstanceOf(Error);
    expect((err as { response?: { status?: number; data?: unknown } }).response?.status).toBe(401);
    expect((err as { response?: { data?: unknown } }).response?.data).toMatchObject({ error: 'invalid_client' });
  });

  it('re-authenticates after its M2M token is revoked', async () => {
    await sdk.connectedAccounts.listConnectedAccounts();
    fake.revokeM2MTokens();
    await sdk.connectedAccounts.listConnectedAccounts();
    expect(fake.rejectedCalls).toBe(2);
    expect(fake.calls).toHaveLength(2);
  });

  it('reports a missing account as ScalekitNotFoundException and an unknown connection too', async () => {
    const err = await rejection(sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER }));
    expect(err).toBeInstanceOf(ScalekitNotFoundException);
    const unknown = await rejection(sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: 'nope', identifier: USER }));
    expect(unknown).toBeInstanceOf(ScalekitNotFoundException);
    expect((unknown as Error).message).toContain('connection not found');
  });

  it('getOrCreate creates PENDING_AUTH; the magic link makes it ACTIVE with registry-known tokens', async () => {
    const created = await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
    expect(created.connectedAccount?.status).toBe(ConnectorStatus.PENDING_AUTH);
    expect(fake.account(CAL, USER)?.status).toBe(ConnectorStatus.PENDING_AUTH);
    const again = await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
    expect(again.connectedAccount?.id).toBe(created.connectedAccount?.id);

    const { link, expiry } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER });
    expect(link).toBe(fake.lastMagicLink(CAL, USER)?.url);
    expect(link.startsWith(`${fake.url}/magic/`)).toBe(true);
    expect(Number(expiry?.seconds)).toBeGreaterThan(Date.now() / 1000);

    registry.linkIdentity(USER, 'ignored@example.test');
    const page = await fetch(`${link}?email=alice@example.test`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Connected');

    const res = await sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER });
    const account = res.connectedAccount;
    expect(typeof account?.status).toBe('number');
    expect(account?.status).toBe(ConnectorStatus.ACTIVE);
    const details = account?.authorizationDetails?.details;
    if (details?.case !== 'oauthToken') throw new Error('expected an oauthToken');
    const grant = registry.lookup(details.value.accessToken);
    expect(grant).toMatchObject({ identifier: USER, connector: CAL, email: 'alice@example.test', scopes: [GOOGLE_SCOPES.calendar] });
    expect(details.value.scopes).toEqual([GOOGLE_SCOPES.calendar]);
    expect(fake.currentGrant(CAL, USER)?.accessToken).toBe(details.value.accessToken);

    expect((await fetch(`${fake.url}/magic/unknown`)).status).toBe(404);
  });

  it('rotate hands out a new token; setStatus(EXPIRED) withholds it', async () => {
    const first = fake.activate(CAL, USER);
    const second = fake.rotate(CAL, USER, { invalidateOld: true });
    expect(registry.lookup(first.accessToken)).toBeUndefined();
    const res = await sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER });
    const details = res.connectedAccount?.authorizationDetails?.details;
    expect(details?.case === 'oauthToken' && details.value.accessToken).toBe(second.accessToken);

    fake.setStatus(CAL, USER, ConnectorStatus.EXPIRED);
    const expired = await sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER });
    expect(expired.connectedAccount?.status).toBe(ConnectorStatus.EXPIRED);
    const d = expired.connectedAccount?.authorizationDetails?.details;
    expect(d?.case === 'oauthToken' && d.value.accessToken).toBe('');
    expect(registry.lookup(second.accessToken)).toBeUndefined();
  });

  it('runs the user-verification flow', async () => {
    const verifyUrl = 'https://bot.example.test/scalekit/verify';
    await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: 'gmail', identifier: USER });
    const { link } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({
      connector: 'gmail',
      identifier: USER,
      state: 'st-42',
      userVerifyUrl: verifyUrl,
    });
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(verifyUrl);
    expect(location.searchParams.get('state')).toBe('st-42');
    const authRequestId = location.searchParams.get('auth_request_id') ?? '';
    expect(authRequestId).not.toBe('');
    expect(fake.account('gmail', USER)?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);

    const wrong = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: 'T1:U999' }));
    expect(wrong).toBeInstanceOf(ScalekitForbiddenException);
    expect(fake.account('gmail', USER)?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);
    const unknown = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId: 'ar_nope', identifier: USER }));
    expect(unknown).toBeInstanceOf(ScalekitNotFoundException);
    expect((unknown as Error).message).toContain('auth request not found or no longer valid');

    const ok = await sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER });
    expect(ok.postUserVerifyRedirectUrl.startsWith(fake.url)).toBe(true);
    expect(fake.account('gmail', USER)?.status).toBe(ConnectorStatus.ACTIVE);
    expect(fake.currentGrant('gmail', USER)?.scopes).toEqual([GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailReadonly]);

    const again = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER }));
    expect(again).toBeInstanceOf(ScalekitNotFoundException);
  });

  it('createConnectedAccount conflicts, delete removes and revokes, list filters', async () => {
    const grant = fake.activate(CAL, USER);
    const dup = await rejection(sdk.connectedAccounts.createConnectedAccount({ connector: CAL, identifier: USER, connectedAccount: create(CreateConnectedAccountSchema, {}) }));
    expect(dup).toBeInstanceOf(ScalekitServerException);
    fake.activate('gmail', USER);
    const list = await sdk.connectedAccounts.listConnectedAccounts({ connector: CAL });
    expect(list.connectedAccounts.map((a) => a.connector)).toEqual([CAL]);
    await sdk.connectedAccounts.deleteConnectedAccount({ connector: CAL, identifier: USER });
    expect(fake.account(CAL, USER)).toBeUndefined();
    expect(registry.lookup(grant.accessToken)).toBeUndefined();
    const missing = await rejection(sdk.connectedAccounts.deleteConnectedAccount({ connector: CAL, identifier: USER }));
    expect(missing).toBeInstanceOf(ScalekitNotFoundException);
  });

  it('injects faults: Internal surfaces at once, a single Unavailable is retried by the SDK', async () => {
    fake.failNext('getConnectedAccountAuth', Code.Internal, 'boom');
    const err = await rejection(sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER }));
    expect(err).toBeInstanceOf(ScalekitInternalServerException);

    fake.activate(CAL, USER);
    fake.failNext('getConnectedAccountAuth', Code.Unavailable);
    const res = await sdk.connectedAccounts.getConnectedAccountByIdentifier({ connector: CAL, identifier: USER });
    expect(res.connectedAccount?.status).toBe(ConnectorStatus.ACTIVE);
    expect(fake.calls.filter((c) => c.method === 'getConnectedAccountAuth')).toHaveLength(3);

    fake.failNext('createConnectedAccount', Code.InvalidArgument);
    const bad = await rejection(sdk.connectedAccounts.createConnectedAccount({ connector: 'gmail', identifier: USER, connectedAccount: create(CreateConnectedAccountSchema, {}) }));
    expect(bad).toBeInstanceOf(ScalekitBadRequestException);
  });

  it('surfaces Unavailable once the SDK has used up its retries', async () => {
    await sdk.connectedAccounts.listConnectedAccounts(); // authenticated: the whole retry budget is left
    fake.failNext('listConnectedAccounts', Code.Unavailable, 'down for maintenance', 4);
    const err = await rejection(sdk.connectedAccounts.listConnectedAccounts());
    expect(err).toBeInstanceOf(ScalekitServiceUnavailableException);
    expect((err as Error).message).toContain('down for maintenance');
    expect(fake.calls).toHaveLength(1 + 4); // 1 attempt + 3 retries (backoff ~0.5-1s, 1-2s, 2-4s)
  });

  it('applies latency and stops promptly with a call in flight', async () => {
    await sdk.connectedAccounts.listConnectedAccounts();
    fake.setLatency(150);
    const started = Date.now();
    await sdk.connectedAccounts.listConnectedAccounts();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.setLatency(60_000);
    const pending = sdk.connectedAccounts.listConnectedAccounts().catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const stopStarted = Date.now();
    await fake.stop();
    expect(Date.now() - stopStarted).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
    fake = await FakeScalekit.start({ registry }); // afterEach stops this one
  });
});

describe('fake Scalekit is as strict as the real service', () => {
  const verifyUrl = 'https://bot.example.test/auth/verify';

  /** Follows a magic link like a browser that stops at the app's verify URL; returns the auth_request_id. */
  async function consent(link: string): Promise<string> {
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '').searchParams.get('auth_request_id') ?? '';
  }

  it('refuses a magic link for an account that does not exist, and creates none', async () => {
    const err = await rejection(sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER }));
    expect(err).toBeInstanceOf(ScalekitNotFoundException);
    expect(fake.account(CAL, USER)).toBeUndefined();
    expect(fake.magicLinks()).toEqual([]);
    const byId = await rejection(sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connectedAccountId: 'ca_nope' }));
    expect(byId).toBeInstanceOf(ScalekitNotFoundException);
    const connection = await rejection(sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: 'nope', identifier: USER }));
    expect(connection).toBeInstanceOf(ScalekitNotFoundException);

    await sdk.connectedAccounts.createConnectedAccount({ connector: CAL, identifier: USER, connectedAccount: create(CreateConnectedAccountSchema, {}) });
    const { link } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER });
    expect(link).toBe(fake.lastMagicLink(CAL, USER)?.url);
  });

  it('links expire: the response carries the expiry, an expired link changes nothing', async () => {
    const short = await FakeScalekit.start({ registry, magicLinkTtlMs: 60_000 });
    try {
      const client = new ScalekitClient(short.url, short.clientId, short.clientSecret);
      await client.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
      const before = Date.now();
      const { link, expiry } = await client.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER, userVerifyUrl: verifyUrl });
      const expiresMs = Number(expiry?.seconds ?? 0n) * 1000;
      expect(expiresMs).toBeGreaterThanOrEqual(Math.floor((before + 60_000) / 1000) * 1000);
      expect(expiresMs).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(Math.floor((short.lastMagicLink(CAL, USER)?.expiresAt ?? 0) / 1000) * 1000).toBe(expiresMs);

      short.expireMagicLink(link);
      const page = await fetch(link, { redirect: 'manual' });
      expect(page.status).toBe(410);
      expect(await page.text()).toContain('expired');
      expect(short.account(CAL, USER)?.status).toBe(ConnectorStatus.PENDING_AUTH);
      expect(short.currentGrant(CAL, USER)).toBeUndefined();

      const fresh = await client.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER, userVerifyUrl: verifyUrl });
      expect(await consent(fresh.link)).not.toBe('');
    } finally {
      await short.stop();
    }
  });

  it('a link whose account was deleted since leads nowhere', async () => {
    await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
    const { link } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER });
    await sdk.connectedAccounts.deleteConnectedAccount({ connector: CAL, identifier: USER });
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(404);
    expect(fake.account(CAL, USER)).toBeUndefined();
  });

  it("another identifier's verify is Forbidden and leaves the flow to its owner", async () => {
    await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
    const { link } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER, userVerifyUrl: verifyUrl, state: 's' });
    const authRequestId = await consent(link);

    for (const intruder of ['T1:U999', USER.toLowerCase(), `${USER}:x`]) {
      const err = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: intruder }));
      expect(err).toBeInstanceOf(ScalekitForbiddenException);
    }
    expect(fake.account(CAL, USER)?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);
    expect(fake.currentGrant(CAL, USER)).toBeUndefined();

    await sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER });
    expect(fake.account(CAL, USER)?.status).toBe(ConnectorStatus.ACTIVE);
    const reused = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER }));
    expect(reused).toBeInstanceOf(ScalekitNotFoundException);
  });

  it('verify can be made Unavailable for the next N calls; the flow survives it', async () => {
    await sdk.connectedAccounts.getOrCreateConnectedAccount({ connector: CAL, identifier: USER });
    const { link } = await sdk.connectedAccounts.getMagicLinkForConnectedAccount({ connector: CAL, identifier: USER, userVerifyUrl: verifyUrl });
    const authRequestId = await consent(link);

    fake.failVerifyUnavailable(4, 'verify is down');
    const err = await rejection(sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER }));
    expect(err).toBeInstanceOf(ScalekitServiceUnavailableException);
    expect((err as Error).message).toContain('verify is down');
    expect(fake.calls.filter((c) => c.method === 'verifyConnectedAccountUser')).toHaveLength(4);
    expect(fake.account(CAL, USER)?.status).toBe(ConnectorStatus.PENDING_VERIFICATION);

    await sdk.connectedAccounts.verifyConnectedAccountUser({ authRequestId, identifier: USER });
    expect(fake.account(CAL, USER)?.status).toBe(ConnectorStatus.ACTIVE);
  }, 30_000);
});
