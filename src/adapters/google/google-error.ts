import { z } from 'zod';
import type { ServiceProblem } from '../../flows/ports/index.js';

/** Google's error envelope, as Calendar and Gmail both send it. */
export const GoogleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional(), message: z.string().optional() })).optional(),
    details: z.array(z.object({ '@type': z.string().optional(), reason: z.string().optional() }).loose()).optional(),
  }),
});

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'RATE_LIMIT_EXCEEDED']);
const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
const ADMIN_REASONS = new Set(['domainPolicy', 'adminPolicyEnforced', 'ADMIN_POLICY_ENFORCED', 'SERVICE_DISABLED_BY_ADMIN']);

export interface Classified {
  problem: ServiceProblem;
  reasons: string[];
  message: string | undefined;
}

export function classifyGoogleError(status: number, body: unknown): Classified {
  const parsed = GoogleErrorBody.safeParse(body);
  const err = parsed.success ? parsed.data.error : undefined;
  const reasons = [...(err?.errors ?? []).flatMap((e) => (e.reason ? [e.reason] : [])), ...(err?.details ?? []).flatMap((d) => (d.reason ? [d.reason] : []))];
  const has = (set: Set<string>) => reasons.some((r) => set.has(r));
  const problem = ((): ServiceProblem => {
    if (status === 401) return 'unauthorized';
    if (status === 429 || has(RATE_REASONS)) return 'rate-limited';
    if (status >= 500) return 'unavailable';
    if (status === 403 && has(SCOPE_REASONS)) return 'insufficient-scope';
    if (status === 403 && (has(ADMIN_REASONS) || /administrator|admin policy/i.test(err?.message ?? ''))) return 'admin-blocked';
    if (status === 404) return 'not-found';
    if (status === 409) return 'conflict';
    if (status === 410) return 'gone';
    if (status === 400) return 'invalid';
    return 'unknown';
  })();
  return { problem, reasons, message: err?.message };
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
