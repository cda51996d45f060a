import { DateTime } from 'luxon';
import { z } from 'zod';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const SHORT: Record<string, number> = { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 };

export const When = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('weekday'), weekday: z.number().int().min(1).max(7), next: z.boolean().optional() }),
  z.object({ kind: z.literal('next-week') }),
]);
export type When = z.infer<typeof When>;

/** Recognises a `when` phrase at the end of the words, returning it and how many words it used. */
export function whenAtEnd(words: readonly string[]): { when: When; used: number } | undefined {
  const last = words.at(-1)?.toLowerCase();
  const beforeLast = words.at(-2)?.toLowerCase();
  if (last === undefined) return undefined;
  if (last === 'week' && beforeLast === 'next') return { when: { kind: 'next-week' }, used: 2 };
  if (last === 'today') return { when: { kind: 'today' }, used: 1 };
  if (last === 'tomorrow') return { when: { kind: 'tomorrow' }, used: 1 };
  const weekday = weekdayNumber(last);
  if (weekday !== undefined) {
    if (beforeLast === 'next') return { when: { kind: 'weekday', weekday, next: true }, used: 2 };
    return { when: { kind: 'weekday', weekday }, used: beforeLast === 'on' ? 2 : 1 };
  }
  return undefined;
}

function weekdayNumber(word: string): number | undefined {
  const full = WEEKDAYS.indexOf(word as (typeof WEEKDAYS)[number]);
  if (full >= 0) return full + 1;
  return SHORT[word];
}

export function describeWhen(when: When): string {
  switch (when.kind) {
    case 'default':
      return 'the next 5 working days';
    case 'today':
      return 'today';
    case 'tomorrow':
      return 'tomorrow';
    case 'next-week':
      return 'next week';
    case 'weekday': {
      const name = WEEKDAYS[when.weekday - 1] ?? 'that day';
      return `${when.next ? 'next ' : ''}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    }
  }
}

/**
 * The calendar days (in the organizer's zone) that a `when` covers. A weekday means its next
 * occurrence, today included; the default is the next `workingDays` working days from today.
 */
export function searchDays(when: When, now: DateTime, workdays: readonly number[], count = 5): DateTime[] {
  const today = now.startOf('day');
  switch (when.kind) {
    case 'today':
      return [today];
    case 'tomorrow':
      return [today.plus({ days: 1 })];
    case 'weekday': {
      // "friday" on a Friday is today; "next friday" is never today.
      const ahead = (when.weekday - today.weekday + 7) % 7 || (when.next ? 7 : 0);
      return [today.plus({ days: ahead })];
    }
    case 'next-week': {
      const monday = today.plus({ weeks: 1 }).startOf('week');
      return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }));
    }
    case 'default': {
      const days: DateTime[] = [];
      for (let d = today; days.length < count && d < today.plus({ days: 31 }); d = d.plus({ days: 1 })) {
        if (workdays.includes(d.weekday)) days.push(d);
      }
      return days;
    }
  }
}
