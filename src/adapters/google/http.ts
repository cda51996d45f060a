import { ServiceError } from '../../flows/ports/index.js';
import { send } from '../outgoing-http.js';
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
  /**
   * Whether sending it twice does no harm. GET and DELETE are (a repeated delete answers 404 or
   * 410); a POST is only when said so (freeBusy reads). Default: by method.
   */
  idempotent?: boolean;
  /**
   * For a call that is not idempotent: looks for what an earlier try that may have reached Google
   * made. Its answer then stands for the call's; undefined means nothing was made and the call may
   * be sent again. Without it such a call is never repeated after a failure that may have reached
   * Google.
   */
  findEarlier?: () => Promise<GoogleResponse | undefined>;
}

export interface GoogleResponse {
  status: number;
  body: unknown;
}

/**
 * One Google REST call with bounded exponential backoff and full jitter for 429, 5xx, rate-limit
 * 403s and network errors, honouring Retry-After. Other statuses are returned or thrown at once.
 * A network error, a timeout or a 5xx may have reached Google and acted: a call that is not
 * idempotent is then repeated only after `findEarlier` found nothing.
 */
export async function googleFetch(req: GoogleRequest, policy: RetryPolicy): Promise<GoogleResponse> {
  const idempotent = req.idempotent ?? req.method !== 'POST';
  for (let attempt = 0; ; attempt++) {
    let failure: ServiceError;
    let waitMs: number | undefined;
    let mayHaveActed = true;
    try {
      const res = await send({
        method: req.method,
        url: req.url,
        headers: {
          authorization: `Bearer ${req.token}`,
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        timeoutMs: policy.timeoutMs,
      });
      const text = res.text;
      const body: unknown = text.length > 0 ? safeJson(text) : undefined;
      if (res.ok) return { status: res.status, body };
      const c = classifyGoogleError(res.status, body);
      mayHaveActed = res.status >= 500;
      waitMs = retryAfterMs(res.header('retry-after') ?? null, Date.now());
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
    const blind = mayHaveActed && !idempotent;
    if (blind && !req.findEarlier) throw failure;
    const backoff = policy.random() * Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
    await policy.sleep(waitMs !== undefined ? Math.max(waitMs, backoff) : backoff);
    // Looked for after the pause, so that a try Google was still working on has had time to land.
    if (blind && req.findEarlier) {
      const earlier = await req.findEarlier().catch(() => {
        // Nothing can be confirmed either way: sending it again might make a second one.
        throw failure;
      });
      if (earlier) return earlier;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 200) };
  }
}
