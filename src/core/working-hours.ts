import type { Interval } from './intervals.js';
import { dateMillis, instantAt, localDate } from './zone-clock.js';

export interface WorkingHours {
  zone: string;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** ISO weekdays, Monday = 1. */
  days: readonly number[];
}

export const DEFAULT_HOURS = { startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5] } as const;

export function defaultHours(zone: string): WorkingHours {
  return { zone, ...DEFAULT_HOURS };
}

/**
 * The person's working time inside [from, to), built day by day in their own zone so that a
 * DST change moves the hours with the wall clock, not with UTC.
 */
export function workingIntervals(hours: WorkingHours, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  // Calendar dates step in UTC arithmetic; only each day's two edges need the zone's rules.
  const lastDate = dateMillis(localDate(to, hours.zone));
  for (let date = dateMillis(localDate(from, hours.zone)) - DAY; date <= lastDate; date += DAY) {
    const weekday = ((new Date(date).getUTCDay() + 6) % 7) + 1;
    if (!hours.days.includes(weekday)) continue;
    const day = workday(hours, date);
    const clipped = { start: Math.max(day.start, from), end: Math.min(day.end, to) };
    if (clipped.start < clipped.end) out.push(clipped);
  }
  return out;
}

const DAY = 86_400_000;
/** Zone arithmetic is what a search spends its time on, and a day's edges never change. */
const workdays = new Map<string, Interval>();

function workday(hours: WorkingHours, date: number): Interval {
  const key = `${hours.zone}|${date}|${hours.startMinute}|${hours.endMinute}`;
  let day = workdays.get(key);
  if (!day) {
    day = { start: localMinute(hours.zone, date, hours.startMinute), end: localMinute(hours.zone, date, hours.endMinute) };
    if (workdays.size >= 50_000) workdays.clear();
    workdays.set(key, day);
  }
  return day;
}

/** The instant a wall clock in `zone` shows `minute` after the midnight that starts `date` (UTC midnight of the calendar date). */
function localMinute(zone: string, date: number, minute: number): number {
  return instantAt(new Date(date).toISOString().slice(0, 10), minute, zone).at;
}

/**
 * Everyone's working time, built once per distinct set of hours: people who share a zone and
 * hours share one list, and the same list twice adds nothing to an intersection.
 */
export function availabilityOf(everyone: readonly WorkingHours[], from: number, to: number): Interval[][] {
  const distinct = new Map<string, WorkingHours>();
  for (const h of everyone) distinct.set(`${h.zone}|${h.startMinute}|${h.endMinute}|${[...h.days].sort().join(',')}`, h);
  return [...distinct.values()].map((h) => workingIntervals(h, from, to));
}
