import { ServiceError } from '../../flows/ports/index.js';
import { classifyGoogleError, retryAfterMs } from './google-error.js';

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** A Retry-After longer than this is not waited out; the user is told to come back later. */
  maxRetryAfterMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseMs: 400,
  maxMs: 5_000,
  maxRetryAfterMs: 10_000,
  timeoutMs: 15_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface GoogleRequest {
  service: 'calendar' | 'gmail';
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  token: string;
  body?: unknown;
  /** The scope this call needs, named to the user when the grant lacks it. */
  scope: string;
}

export interface GoogleResponse {
  status: number;
  body: unknown;
}

/**
 * One Google REST call with bounded exponential backoff and full jitter for 429, 5xx, rate-limit
 * 403s and network errors, honouring Retry-After. Other statuses are returned or thrown at once.
 */
export async function googleFetch(req: GoogleRequest, policy: RetryPolicy): Promise<GoogleResponse> {
  for (let attempt = 0; ; attempt++) {
    let failure: ServiceError;
    let waitMs: number | undefined;
    try {
      const res = await fetch(req.url, {
        method: req.method,
        headers: {
          authorization: `Bearer ${req.token}`,
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : null,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      const text = await res.text();
      const body: unknown = text.length > 0 ? safeJson(text) : undefined;
      if (res.ok) return { status: res.status, body };
      const c = classifyGoogleError(res.status, body);
      waitMs = retryAfterMs(res.headers.get('retry-after'), Date.now());
      failure = new ServiceError({
        service: req.service,
        operation: req.operation,
        problem: c.problem,
        status: res.status,
        detail: c.reasons.join(',') || c.message,
        retryAfterSeconds: waitMs !== undefined ? Math.ceil(waitMs / 1000) : undefined,
        scope: c.problem === 'insufficient-scope' ? req.scope : undefined,
      });
      if (c.problem === 'conflict' || c.problem === 'not-found' || c.problem === 'gone') return { status: res.status, body };
    } catch (e) {
      failure = new ServiceError({ service: req.service, operation: req.operation, problem: 'unavailable', detail: (e as Error).name }, { cause: e });
    }
    const retryable = failure.problem === 'rate-limited' || failure.problem === 'unavailable';
    if (!retryable || attempt + 1 >= policy.attempts) throw failure;
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) throw failure;
    const backoff = policy.random() * Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
    await policy.sleep(waitMs !== undefined ? Math.max(waitMs, backoff) : backoff);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 200) };
  }
}
