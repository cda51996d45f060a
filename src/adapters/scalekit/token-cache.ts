import type { TokenLookup } from '../../flows/ports/index.js';

/**
 * Tokens kept in this process's memory only, for at most `ttlMs` (the contract allows 60 s), so
 * that a pick right after a proposal does not ask Scalekit again. Lookups of one key that overlap
 * share one call. Only usable tokens are kept: any other answer drops the key.
 */
export class TokenCache {
  private readonly kept = new Map<string, { token: string; until: number }>();
  private readonly pending = new Map<string, Promise<TokenLookup>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(key: string, fetch: () => Promise<TokenLookup>, fresh = false): Promise<TokenLookup> {
    if (fresh) this.drop(key);
    const hit = this.kept.get(key);
    if (hit && hit.until > this.now()) return { kind: 'token', token: hit.token };
    const running = this.pending.get(key);
    if (running && !fresh) return running;
    const call = fetch().then(
      (lookup) => {
        if (lookup.kind === 'token' && this.ttlMs > 0) this.kept.set(key, { token: lookup.token, until: this.now() + this.ttlMs });
        else this.kept.delete(key);
        return lookup;
      },
      (e: unknown) => {
        this.kept.delete(key);
        throw e;
      },
    );
    const settled = call.finally(() => {
      if (this.pending.get(key) === settled) this.pending.delete(key);
    });
    this.pending.set(key, settled);
    return settled;
  }

  drop(key: string): void {
    this.kept.delete(key);
  }
}
