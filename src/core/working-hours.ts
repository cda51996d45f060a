import { DateTime } from 'luxon';
import type { Interval } from './intervals.js';

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
  let day = DateTime.fromMillis(from, { zone: hours.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(to, { zone: hours.zone }).startOf('day');
  for (; day <= last; day = day.plus({ days: 1 })) {
    if (!hours.days.includes(day.weekday)) continue;
    const start = atMinute(day, hours.startMinute);
    const end = atMinute(day, hours.endMinute);
    const clipped = { start: Math.max(start, from), end: Math.min(end, to) };
    if (clipped.start < clipped.end) out.push(clipped);
  }
  return out;
}

function atMinute(day: DateTime, minute: number): number {
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}
