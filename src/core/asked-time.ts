import { overlaps, type Interval } from './intervals.js';
import { PROPOSALS_PER_PAGE } from './spread-over-days.js';

/** What became of the exact time someone asked for ("tomorrow at 3pm"). */
export interface Asked {
  start: number;
  free: boolean;
  /** Who is busy then, by name; empty when it is free or only working hours rule it out. */
  busy: string[];
}

/**
 * The asked time first when everyone is free then; otherwise the free times nearest to it that
 * day (never overlapping each other), and who is in the way.
 */
export function answerAsked(
  asked: Interval,
  candidates: readonly Interval[],
  busyOf: ReadonlyArray<{ name: string; busy: readonly Interval[] }>,
  count = PROPOSALS_PER_PAGE,
): { asked: Asked; shown: Interval[] } {
  const free = candidates.some((c) => c.start === asked.start);
  const nearest = candidates.filter((c) => c.start !== asked.start).sort((a, b) => Math.abs(a.start - asked.start) - Math.abs(b.start - asked.start));
  const shown: Interval[] = free ? [asked] : [];
  for (const c of nearest) {
    if (shown.length >= count) break;
    if (!shown.some((s) => overlaps(s, c))) shown.push(c);
  }
  const busy = free ? [] : busyOf.filter((p) => p.busy.some((b) => overlaps(b, asked))).map((p) => p.name);
  return { asked: { start: asked.start, free, busy }, shown: shown.sort((a, b) => a.start - b.start) };
}
