import { overlaps, type Interval } from './intervals.js';
import { localDate } from './zone-clock.js';

export const PROPOSALS_PER_PAGE = 3;

/**
 * Chooses up to `count` slots not shown before, one per day first (earliest days first), then
 * fills from the same days with slots that don't overlap one already chosen.
 */
export function spreadOverDays(
  candidates: readonly Interval[],
  zone: string,
  shown: readonly number[] = [],
  count = PROPOSALS_PER_PAGE,
): Interval[] {
  const seen = new Set(shown);
  const fresh = candidates.filter((s) => !seen.has(s.start));
  const byDay = new Map<string, Interval[]>();
  for (const slot of fresh) {
    const day = localDate(slot.start, zone);
    const list = byDay.get(day) ?? [];
    list.push(slot);
    byDay.set(day, list);
  }
  const chosen: Interval[] = [];
  for (const list of byDay.values()) {
    if (chosen.length >= count) break;
    const first = list[0];
    if (first) chosen.push(first);
  }
  for (const slot of fresh) {
    if (chosen.length >= count) break;
    if (!chosen.some((c) => c.start === slot.start || overlaps(c, slot))) chosen.push(slot);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
