import type { RequestTiming } from '../fakes/timing.js';

/**
 * The requests answered inside [from, to], grouped into steps: a request's step is one more than
 * the highest step of any request that had finished before it started. The number of steps is
 * the longest chain of requests that ran one after another — the sequential round trips — and
 * requests in the same step ran side by side. Meaningful only with latency > 0: with instant
 * fakes, two requests sent together may not overlap at all.
 */
export function stepsOf(timings: readonly RequestTiming[], from: number, to: number): RequestTiming[][] {
  const inside = timings.filter((t) => t.startedAt >= from && t.endedAt <= to).sort((a, b) => a.startedAt - b.startedAt);
  const stepOf = new Map<RequestTiming, number>();
  const steps: RequestTiming[][] = [];
  for (const t of inside) {
    let step = 0;
    // Sorted by start, so every request that finished before t started already has its step.
    for (const p of inside) if (p.endedAt <= t.startedAt) step = Math.max(step, (stepOf.get(p) ?? 0) + 1);
    stepOf.set(t, step);
    (steps[step] ??= []).push(t);
  }
  return steps;
}

const GOOGLE_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^POST \/calendar\/v3\/freeBusy$/, 'calendar freeBusy'],
  [/^POST \/calendar\/v3\/calendars\/[^/]+\/events$/, 'calendar events.insert'],
  [/^GET \/calendar\/v3\/calendars\/[^/]+\/events\/[^/]+$/, 'calendar events.get'],
  [/^DELETE \/calendar\/v3\/calendars\/[^/]+\/events\/[^/]+$/, 'calendar events.delete'],
  [/^POST \/gmail\/v1\/users\/[^/]+\/drafts$/, 'gmail drafts.create'],
  [/^GET \/gmail\/v1\/users\/[^/]+\/messages$/, 'gmail messages.list'],
  [/^GET \/gmail\/v1\/users\/[^/]+\/messages\/[^/]+$/, 'gmail messages.get'],
];

export function labelOf(t: RequestTiming): string {
  if (t.service === 'google') return GOOGLE_NAMES.find(([re]) => re.test(t.name))?.[1] ?? `google ${t.name}`;
  return `${t.service} ${t.name}`;
}

/** e.g. `scalekit GetConnectedAccountAuth×2 ∥ slack users.info×2 → calendar freeBusy → slack response_url`. */
export function describeSteps(steps: readonly RequestTiming[][]): string {
  const described = steps.map((step) => {
    const counts = new Map<string, number>();
    for (const t of step) counts.set(labelOf(t), (counts.get(labelOf(t)) ?? 0) + 1);
    return [...counts].map(([label, n]) => (n > 1 ? `${label}×${n}` : label)).join(' ∥ ');
  });
  // The same step many times in a row reads better as one entry with its count.
  const runs: Array<{ text: string; times: number }> = [];
  for (const text of described) {
    const last = runs.at(-1);
    if (last && last.text === text) last.times += 1;
    else runs.push({ text, times: 1 });
  }
  return runs.map((r) => (r.times > 2 ? `(${r.text}) ×${r.times} one after another` : Array(r.times).fill(r.text).join(' → '))).join(' → ');
}
