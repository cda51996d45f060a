import { z } from 'zod';

/** A half-open span of time [start, end) in epoch milliseconds. */
export const Interval = z.object({ start: z.number(), end: z.number() });
export type Interval = z.infer<typeof Interval>;

/** Sorts and joins overlapping or touching intervals; drops empty ones. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ start: next.start, end: next.end });
  }
  return out;
}

/** Intersection of two merged, sorted lists, in one linear pass. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** What of `free` (merged, sorted) is left once `busy` (merged, sorted) is taken away. */
export function subtract(free: readonly Interval[], busy: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const window of free) {
    let cursor = window.start;
    while (j < busy.length && (busy[j] as Interval).end <= cursor) j++;
    let k = j;
    while (k < busy.length && (busy[k] as Interval).start < window.end) {
      const b = busy[k] as Interval;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
      k++;
    }
    if (cursor < window.end) out.push({ start: cursor, end: window.end });
  }
  return out;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
