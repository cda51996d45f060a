import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, googleFetch, type GoogleRequest, type RetryPolicy } from '../../../src/adapters/google/http.js';
import { ServiceError } from '../../../src/flows/ports/index.js';

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> };
let server: Server | undefined;

async function serve(script: Scripted[]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = createServer((_req, res) => {
    const next = script[Math.min(hits, script.length - 1)]!;
    hits++;
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(next.body === undefined ? '' : JSON.stringify(next.body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, hits: () => hits };
}
afterEach(async () => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const googleError = (code: number, reason: string) => ({ error: { code, message: reason, errors: [{ reason, domain: 'global' }] } });

function policy(sleeps: number[], over: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY, baseMs: 100, maxMs: 1_000, random: () => 1, sleep: async (ms) => void sleeps.push(ms), ...over };
}

const call = (url: string, p: RetryPolicy, more: Partial<GoogleRequest> = { idempotent: true }) =>
  googleFetch({ service: 'calendar', operation: 'test.op', method: 'POST', url, token: 'ya29.secret-token', body: {}, scope: 'scope-x', ...more }, p);

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('googleFetch', () => {
  it('retries 5xx with exponential backoff, then succeeds', async () => {
    const s = await serve([{ status: 503, body: googleError(503, 'backendError') }, { status: 500 }, { status: 200, body: { ok: 1 } }]);
    const sleeps: number[] = [];
    const res = await call(s.url, policy(sleeps));
    expect(res.body).toEqual({ ok: 1 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('waits at least Retry-After (seconds or HTTP date)', async () => {
    const s = await serve([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 200, body: {} },
    ]);
    const sleeps: number[] = [];
    await call(s.url, policy(sleeps));
    expect(sleeps).toEqual([3_000]);
  });

  it('gives up after the bounded number of attempts, saying rate-limited', async () => {
    const s = await serve([{ status: 403, body: googleError(403, 'userRateLimitExceeded') }]);
    const sleeps: number[] = [];
    const e = await failure(call(s.url, policy(sleeps, { attempts: 3 })));
    expect(e.problem).toBe('rate-limited');
    expect(s.hits()).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not wait out a Retry-After longer than the limit', async () => {
    const s = await serve([{ status: 429, headers: { 'retry-after': '900' } }]);
    const e = await failure(call(s.url, policy([])));
    expect(e.retryAfterSeconds).toBe(900);
    expect(s.hits()).toBe(1);
  });

  it.each([
    [401, googleError(401, 'authError'), 'unauthorized'],
    [
      403,
      {
        error: { code: 403, errors: [{ reason: 'insufficientPermissions' }], details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }] },
      },
      'insufficient-scope',
    ],
    [403, googleError(403, 'domainPolicy'), 'admin-blocked'],
    [400, googleError(400, 'invalid'), 'invalid'],
  ])('does not retry HTTP %i (%s) and classifies it', async (status, body, problem) => {
    const s = await serve([{ status, body }]);
    const e = await failure(call(s.url, policy([])));
    expect(e.problem).toBe(problem);
    expect(s.hits()).toBe(1);
    expect(e.message).not.toContain('ya29.secret-token');
    if (problem === 'insufficient-scope') expect(e.scope).toBe('scope-x');
  });

  it('returns 404, 409 and 410 to the caller, which decides what they mean', async () => {
    const s = await serve([{ status: 409, body: googleError(409, 'duplicate') }]);
    expect((await call(s.url, policy([]))).status).toBe(409);
  });

  it('treats a refused connection as unavailable after retries', async () => {
    const s = await serve([{ status: 200 }]);
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const sleeps: number[] = [];
    const e = await failure(call(s.url, policy(sleeps, { attempts: 2 })));
    expect(e.problem).toBe('unavailable');
    expect(sleeps).toHaveLength(1);
  });

  describe('a POST that is not idempotent (drafts.create, events.insert)', () => {
    it('is not sent again after a 5xx or a lost answer when nothing can look for what it made', async () => {
      const s = await serve([
        { status: 503, body: googleError(503, 'backendError') },
        { status: 200, body: {} },
      ]);
      const e = await failure(call(s.url, policy([]), {}));
      expect(e.problem).toBe('unavailable');
      expect(s.hits()).toBe(1);
    });

    it('looks for what the first try made, and that answer stands for the call', async () => {
      const s = await serve([{ status: 503 }, { status: 200, body: { made: 'twice' } }]);
      let looked = 0;
      const findEarlier = async () => {
        looked++;
        return { status: 200, body: { made: 'once' } };
      };
      const res = await call(s.url, policy([]), { findEarlier });
      expect(res.body).toEqual({ made: 'once' });
      expect([looked, s.hits()]).toEqual([1, 1]);
    });

    it('is sent again when the look finds nothing', async () => {
      const s = await serve([{ status: 500 }, { status: 200, body: { ok: 1 } }]);
      expect((await call(s.url, policy([]), { findEarlier: async () => undefined })).body).toEqual({ ok: 1 });
      expect(s.hits()).toBe(2);
    });

    it('is not sent again when the look itself fails: nothing can be confirmed', async () => {
      const s = await serve([{ status: 500 }, { status: 200, body: { ok: 1 } }]);
      const e = await failure(call(s.url, policy([]), { findEarlier: async () => Promise.reject(new Error('gmail down')) }));
      expect([e.problem, s.hits()]).toEqual(['unavailable', 1]);
    });

    it('is retried without looking after a 429, which Google answers before acting', async () => {
      const s = await serve([{ status: 429 }, { status: 200, body: { ok: 1 } }]);
      let looked = 0;
      const findEarlier = async () => {
        looked++;
        return undefined;
      };
      expect((await call(s.url, policy([]), { findEarlier })).body).toEqual({ ok: 1 });
      expect([looked, s.hits()]).toEqual([0, 2]);
    });
  });
});
