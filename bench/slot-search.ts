import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { findSlots } from '../src/core/find-slots.js';
import { merge, type Interval } from '../src/core/intervals.js';
import { availabilityOf, defaultHours } from '../src/core/working-hours.js';

export interface SlotSearchRow {
  calendars: number;
  /** Busy intervals handed to findSlots: the n of n log n. */
  busyIntervals: number;
  slotsFound: number;
  repeats: number;
  /** Median time of one search: everyone's working hours, then findSlots. */
  searchMs: number;
  /** Of which findSlots alone. */
  findSlotsMs: number;
  /** searchMs / (n log2 n), divided by the same for the smallest n: ≤ 1 means no worse than n log n. */
  perNLogN: number;
  findSlotsPerNLogN: number;
}

// Monday 3 March 2025: the United States change to summer time inside the fortnight.
const FROM = Date.UTC(2025, 2, 3);
const TO = FROM + 14 * 86_400_000;
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'UTC'] as const;
const BLOCKS_PER_DAY = 6;

/** A small seeded generator, so that every run searches the same calendars. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Six meetings of 15–90 minutes on each working day, between 08:00 and 18:00 local; merged and sorted as freeBusy returns them. */
function busyCalendar(random: () => number, zone: string): Interval[] {
  const out: Interval[] = [];
  for (let day = DateTime.fromMillis(FROM, { zone }).startOf('day'); day.toMillis() < TO; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    for (let b = 0; b < BLOCKS_PER_DAY; b++) {
      const start = day.plus({ minutes: 8 * 60 + Math.floor(random() * 40) * 15 }).toMillis();
      out.push({ start, end: start + (1 + Math.floor(random() * 6)) * 15 * 60_000 });
    }
  }
  return merge(out);
}

function medianTime(run: () => void, budgetMs: number): { medianMs: number; repeats: number } {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 5 || (performance.now() - started < budgetMs && times.length < 500)) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN, repeats: times.length };
}

/** The proposal flow's search over n people: their working hours in their zones, everyone's busy time, 30 minutes. */
export function slotSearch(sizes: readonly number[] = [1, 10, 100, 1000], budgetMs = 400): SlotSearchRow[] {
  const random = mulberry32(20250303);
  const rows: Omit<SlotSearchRow, 'perNLogN' | 'findSlotsPerNLogN'>[] = [];
  for (const n of sizes) {
    const zones = Array.from({ length: n }, (_, i) => ZONES[i % ZONES.length] ?? 'UTC');
    // Concatenated per calendar, as the flow gathers them from one freeBusy answer.
    const busy = zones.flatMap((zone) => busyCalendar(random, zone));
    const hours = () => availabilityOf(zones.map(defaultHours), FROM, TO);
    const availability = hours();
    let slotsFound = 0;
    const search = medianTime(() => {
      slotsFound = findSlots({ availability: hours(), busy, minutes: 30, now: FROM }).length;
    }, budgetMs);
    const alone = medianTime(() => findSlots({ availability, busy, minutes: 30, now: FROM }), budgetMs);
    rows.push({ calendars: n, busyIntervals: busy.length, slotsFound, repeats: search.repeats, searchMs: search.medianMs, findSlotsMs: alone.medianMs });
  }
  const nlogn = (n: number): number => n * Math.log2(Math.max(n, 2));
  const first = rows[0];
  return rows.map((r) => ({
    ...r,
    perNLogN: first ? r.searchMs / nlogn(r.busyIntervals) / (first.searchMs / nlogn(first.busyIntervals)) : Number.NaN,
    findSlotsPerNLogN: first ? r.findSlotsMs / nlogn(r.busyIntervals) / (first.findSlotsMs / nlogn(first.busyIntervals)) : Number.NaN,
  }));
}
