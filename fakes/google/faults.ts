import type { GoogleOperation } from './route.js';

/**
 * Faults injected into the next matching requests. A request matches when every given field
 * matches: `operation` (e.g. `events.insert`), `method`, and `path` (a string matches when the
 * request path contains it).
 */
export interface FailureMatch {
  operation?: GoogleOperation;
  method?: string;
  path?: RegExp | string;
}

/** The legacy shape of `failNext`: a Google-formatted error instead of the operation. */
export interface FailureResponse {
  status: number;
  reason?: string;
  retryAfter?: string;
  times?: number;
}

export type Fault =
  /**
   * A Google-formatted error. By default nothing happens (Google refused or failed before acting);
   * with `afterApplying` the operation happens and the error is answered anyway, the way a 5xx from a
   * front end whose backend already committed looks to a client.
   */
  | { kind: 'error'; status: number; reason?: string; retryAfter?: string; afterApplying?: boolean; times?: number }
  /** The operation happens, then the connection is destroyed without a response: a lost response. */
  | { kind: 'lose-response'; times?: number }
  /**
   * The answer comes `ms` late. By default the operation happens first and only the answer is late
   * (so a client that times out sees a lost response); with `beforeActing` the wait comes first.
   */
  | { kind: 'slow'; ms: number; beforeActing?: boolean; times?: number };

interface Queued {
  match: FailureMatch;
  fault: Fault;
  remaining: number;
}

export interface RequestKey {
  method: string;
  path: string;
  operation: GoogleOperation | undefined;
}

export function matches(match: FailureMatch, key: RequestKey): boolean {
  if (match.operation !== undefined && match.operation !== key.operation) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== key.method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return key.path.includes(match.path);
  match.path.lastIndex = 0;
  return match.path.test(key.path);
}

/** Queued faults, each used `times` (default 1) times, first queued first. */
export class FaultQueue {
  private readonly queued: Queued[] = [];

  add(match: FailureMatch, fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault: times must be a positive integer, got ${times}`);
    if (fault.kind === 'slow' && !(fault.ms >= 0)) throw new Error(`fault: slow needs ms >= 0, got ${fault.ms}`);
    this.queued.push({ match, fault, remaining: times });
  }

  take(key: RequestKey): Fault | undefined {
    const found = this.queued.find((q) => q.remaining > 0 && matches(q.match, key));
    if (found === undefined) return undefined;
    found.remaining -= 1;
    return found.fault;
  }

  /** Faults not yet used up, for a test to assert its setup was consumed. */
  pending(): Array<{ match: FailureMatch; fault: Fault; remaining: number }> {
    return this.queued.filter((q) => q.remaining > 0).map((q) => ({ ...q }));
  }
}
