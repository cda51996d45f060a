import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../flows/ports/index.js';

/** What one dependency check found. `variables` name what an operator should look at, never a value. */
export type CheckResult = { status: 'ok' } | { status: 'n/a'; reason: string } | { status: 'failing'; problem: string; variables: string[]; url?: string };

export interface ReadinessCheck {
  name: string;
  /** Named when the check fails in a way it did not foresee, such as no answer in time. */
  variables: string[];
  url?: string;
  run(): Promise<CheckResult>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface Readiness {
  /** The last report if it is recent enough, so a storm of probes costs one round of checks. */
  report(): Promise<ReadinessReport>;
  /** A new round of checks, whatever is cached. */
  fresh(): Promise<ReadinessReport>;
}

export const failing = (problem: string, variables: string[], url?: string): CheckResult => ({ status: 'failing', problem, variables, ...(url ? { url } : {}) });

async function bounded(check: ReadinessCheck, timeoutMs: number, scrub: (text: string) => string): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve(failing(`no answer within ${timeoutMs} ms`, check.variables, check.url)), timeoutMs);
  });
  const run = check.run().catch((e: unknown) => failing(`failed: ${e instanceof Error ? e.message : String(e)}`, check.variables, check.url));
  try {
    const result = await Promise.race([run, late]);
    // Problems quote what a library said; nothing configured as secret may ride along.
    return result.status === 'failing' ? { ...result, problem: scrub(result.problem) } : result;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check side by side, each bounded by `timeoutMs`; ready when none is failing. */
export function readiness(checks: ReadinessCheck[], opts: { timeoutMs: number; cacheMs: number; scrub: (text: string) => string }): Readiness {
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;
  const fresh = async (): Promise<ReadinessReport> => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await bounded(c, opts.timeoutMs, opts.scrub)] as const));
    return { ready: results.every(([, r]) => r.status !== 'failing'), checks: Object.fromEntries(results) };
  };
  return {
    fresh,
    report() {
      const now = Date.now();
      if (!last || now - last.at >= opts.cacheMs) last = { at: now, report: fresh() };
      return last.report;
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** GET /readyz: 200 when every dependency answers, else 503 naming each failing one and what to look at. */
export function readyzHandler(opts: { isServing: () => boolean; readiness: Readiness }): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    if (!opts.isServing()) return json(res, 503, { ready: false, reason: 'starting or stopping' });
    opts.readiness.report().then(
      (r) => json(res, r.ready ? 200 : 503, r),
      () => json(res, 503, { ready: false, reason: 'the checks themselves failed' }),
    );
  };
}

/** At start-up: one warning per failing check, naming its URL and variables, so a misconfigured deploy does not look healthy in the log. */
export async function warnOnFailingChecks(r: Readiness, log: Logger): Promise<void> {
  const report = await r.fresh();
  for (const [check, result] of Object.entries(report.checks)) {
    if (result.status === 'failing') log.warn(`start-up check failed: ${check}`, { check, ...result });
  }
}
