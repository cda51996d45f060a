import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../../src/adapters/scalekit/token-cache.js';
import type { TokenLookup } from '../../../src/flows/ports/index.js';

function counted(answers: TokenLookup[]) {
  const calls = { n: 0 };
  const fetch = async (): Promise<TokenLookup> => answers[Math.min(calls.n++, answers.length - 1)] ?? { kind: 'missing', problem: 'not-connected' };
  return { calls, fetch };
}

describe('TokenCache', () => {
  it('keeps a token for the TTL and no longer', async () => {
    const clock = { now: 0 };
    const cache = new TokenCache(60_000, () => clock.now);
    const f = counted([
      { kind: 'token', token: 'a' },
      { kind: 'token', token: 'b' },
    ]);
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'token', token: 'a' });
    clock.now = 59_999;
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'token', token: 'a' });
    clock.now = 60_000;
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'token', token: 'b' });
    expect(f.calls.n).toBe(2);
  });

  it('fresh skips and replaces the kept token (a Google 401)', async () => {
    const cache = new TokenCache(60_000, () => 0);
    const f = counted([
      { kind: 'token', token: 'a' },
      { kind: 'token', token: 'b' },
    ]);
    await cache.get('k', f.fetch);
    expect(await cache.get('k', f.fetch, true)).toEqual({ kind: 'token', token: 'b' });
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'token', token: 'b' });
    expect(f.calls.n).toBe(2);
  });

  it('keeps nothing but usable tokens: a status other than ACTIVE drops the key at once', async () => {
    const cache = new TokenCache(60_000, () => 0);
    const f = counted([
      { kind: 'token', token: 'a' },
      { kind: 'missing', problem: 'revoked' },
      { kind: 'missing', problem: 'revoked' },
    ]);
    await cache.get('k', f.fetch);
    cache.drop('k');
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'missing', problem: 'revoked' });
    expect(await cache.get('k', f.fetch)).toEqual({ kind: 'missing', problem: 'revoked' });
    expect(f.calls.n).toBe(3);
  });

  it('overlapping lookups of one key share one call; other keys do not', async () => {
    const cache = new TokenCache(60_000, () => 0);
    const f = counted([{ kind: 'token', token: 'a' }]);
    const all = await Promise.all([cache.get('k', f.fetch), cache.get('k', f.fetch), cache.get('other', f.fetch)]);
    expect(all.map((l) => l.kind)).toEqual(['token', 'token', 'token']);
    expect(f.calls.n).toBe(2);
  });

  it('a failed lookup is not kept', async () => {
    const cache = new TokenCache(60_000, () => 0);
    let n = 0;
    const fetch = async (): Promise<TokenLookup> => {
      n += 1;
      if (n === 1) throw new Error('scalekit down');
      return { kind: 'token', token: 'a' };
    };
    await expect(cache.get('k', fetch)).rejects.toThrow('scalekit down');
    expect(await cache.get('k', fetch)).toEqual({ kind: 'token', token: 'a' });
  });
});
