import { overlaps, type Interval } from './intervals.js';
import { localDay } from './zone-clock.js';

export const PROPOSALS_PER_PAGE = 3;
/** A time this close to one already offered reads as the same offer moved a little. */
export const MIN_SPACING_MS = 60 * 60_000;

/**
 * Chooses up to `count` slots not shown before: one per day first (days shown least first, then
 * the earliest), then more from the same days that overlap no chosen slot. A later page ("More
 * times") keeps away from the hours already offered, and falls back to nearer times only when
 * nothing else is left.
 */
export function spreadOverDays(candidates: readonly Interval[], zone: string, shown: readonly number[] = [], count = PROPOSALS_PER_PAGE): Interval[] {
  const seen = new Set(shown);
  const unseen = candidates.filter((s) => !seen.has(s.start));
  const isApart = (s: Interval) => shown.every((t) => Math.abs(s.start - t) >= MIN_SPACING_MS);
  const apart = unseen.filter(isApart);
  const pool = apart.length > 0 ? apart : unseen;

  const shownPerDay = new Map<number, number>();
  for (const t of shown) {
    const day = localDay(t, zone);
    shownPerDay.set(day, (shownPerDay.get(day) ?? 0) + 1);
  }
  const byDay = new Map<number, Interval[]>();
  for (const slot of pool) {
    const day = localDay(slot.start, zone);
    const list = byDay.get(day) ?? [];
    list.push(slot);
    byDay.set(day, list);
  }
  // Map order is the candidates' order (earliest first); a stable sort puts unshown days ahead.
  const days = [...byDay.entries()].sort(([a], [b]) => (shownPerDay.get(a) ?? 0) - (shownPerDay.get(b) ?? 0));

  const chosen: Interval[] = [];
  for (const [, list] of days) {
    if (chosen.length >= count) break;
    const first = list[0];
    if (first) chosen.push(first);
  }
  // Nearer times only fill what the farther ones could not.
  for (const slot of [...pool, ...unseen.filter((s) => !isApart(s))]) {
    if (chosen.length >= count) break;
    if (!chosen.some((c) => c.start === slot.start || overlaps(c, slot))) chosen.push(slot);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
