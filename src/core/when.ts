import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Interval } from './intervals.js';
import { addDays, dayLabelOf, instantAt, localDate, weekdayOf } from './zone-clock.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const SHORT: Record<string, number> = { mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7 };

/** How far ahead an explicit day may be. */
export const MAX_DAYS_AHEAD = 60;
/** Working days the default search covers. */
export const DEFAULT_DAY_COUNT = 5;

/** A calendar date in the organizer's zone, `2026-12-15`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s, { zone: 'UTC' }).isValid, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** Minutes from the local midnight: 0 is 00:00, 1440 the next midnight (a window's end only). */
const MinuteOfDay = z.number().int().min(0).max(1440);

export const PartOfDay = z.enum(['morning', 'afternoon', 'evening']);
export type PartOfDay = z.infer<typeof PartOfDay>;

/** The wall-clock windows the parts of the day stand for, in minutes from midnight. */
export const PARTS_OF_DAY: Record<PartOfDay, { start: number; end: number }> = {
  morning: { start: 9 * 60, end: 12 * 60 },
  afternoon: { start: 12 * 60, end: 17 * 60 },
  evening: { start: 17 * 60, end: 20 * 60 },
};

/**
 * The time of day asked for: a requested exact start (`at 3pm`) or a window to search in
 * (`2-4pm`, `afternoon`, `after 3pm`), each in wall-clock minutes from the local midnight.
 */
export const TimeOfDay = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at'), minute: MinuteOfDay.max(1439) }),
  z.object({ kind: z.literal('window'), start: MinuteOfDay, end: MinuteOfDay, part: PartOfDay.optional() }).refine((w) => w.start < w.end, 'a window ends after it starts'),
]);
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/**
 * A day named relative to today, not yet placed on a calendar (no zone or clock was known when
 * it was read). `weekday` is ISO (1 Monday … 7 Sunday): bare or `this`, its next occurrence,
 * today included; `next`, the same but never today; `nextWeek` (`tuesday next week`), that day
 * of next week.
 */
export const DayRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('in-days'), days: z.number().int().min(0).max(366) }),
  z.object({
    kind: z.literal('weekday'),
    weekday: z.number().int().min(1).max(7),
    next: z.boolean().optional(),
    nextWeek: z.boolean().optional(),
    /** Through this weekday (`monday to wednesday`): its first occurrence from the first day on. */
    through: z.number().int().min(1).max(7).optional(),
  }),
  z.object({
    kind: z.literal('date'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().optional(),
    /** Through this date, for `Dec 15-17` and `Dec 30 - Jan 2`: its first occurrence from the first day on. */
    through: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).optional(),
    /** How the user wrote it, to quote in errors: `Dec 1`. */
    text: z.string().optional(),
  }),
]);
export type DayRef = z.infer<typeof DayRef>;

/**
 * When to look for time. `default` is the next 5 working days; `days` explicit calendar dates
 * in the organizer's zone (one day when `from` = `to`); `week` this week (today to Sunday) or
 * next week (Monday to Sunday); each with an optional time of day. `relative` is a reading made
 * without a clock or zone, placed on the calendar when the search runs. `today`, `tomorrow`,
 * `weekday` and `next-week` are the kinds stored before dates were read, still understood.
 */
export const When = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default'), time: TimeOfDay.optional() }),
  z.object({ kind: z.literal('days'), from: IsoDate, to: IsoDate, time: TimeOfDay.optional() }),
  z.object({ kind: z.literal('week'), which: z.enum(['this', 'next']), time: TimeOfDay.optional() }),
  z.object({ kind: z.literal('relative'), day: DayRef, time: TimeOfDay.optional() }),
  // Legacy kinds.
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('weekday'), weekday: z.number().int(), next: z.boolean().optional() }),
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

export function weekdayNumber(word: string): number | undefined {
  const full = WEEKDAYS.indexOf(word as (typeof WEEKDAYS)[number]);
  if (full >= 0) return full + 1;
  return SHORT[word];
}

const capitalized = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** `15:00`, `09:30`; 1440 is `24:00`. */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function describeTime(time: TimeOfDay | undefined): string {
  if (!time) return '';
  if (time.kind === 'at') return ` at ${formatClock(time.minute)}`;
  const clock = `${formatClock(time.start)}–${formatClock(time.end)}`;
  return time.part ? `, ${time.part} (${clock})` : `, ${clock}`;
}

const dayLabel = (d: DateTime) => d.setLocale('en-GB').toFormat('ccc d LLL');

function describeDayRef(day: DayRef): string {
  switch (day.kind) {
    case 'today':
    case 'tomorrow':
      return day.kind;
    case 'in-days':
      return day.days === 1 ? 'in 1 day' : `in ${day.days} days`;
    case 'weekday': {
      const name = capitalized(WEEKDAYS[day.weekday - 1] ?? 'that day');
      const through = day.through ? ` to ${capitalized(WEEKDAYS[day.through - 1] ?? 'that day')}` : '';
      if (day.nextWeek) return `${name}${through} next week`;
      return `${day.next ? 'next ' : ''}${name}${through}`;
    }
    case 'date': {
      const label = (month: number, date: number) => {
        const d = DateTime.fromObject({ year: 2000, month, day: date }, { zone: 'UTC' });
        return d.isValid ? d.setLocale('en-GB').toFormat('d LLL') : `${date}/${month}`;
      };
      const through = day.through ? ` – ${label(day.through.month, day.through.day)}` : '';
      return `on ${label(day.month, day.day)}${through}${day.year !== undefined ? ` ${day.year}` : ''}`;
    }
  }
}

/** The `when` in words, without a calendar: `the next 5 working days`, `on Wed 2 Dec, 15:00–17:00`. */
export function describeWhen(when: When): string {
  switch (when.kind) {
    case 'default':
      return when.time?.kind === 'at' ? `at ${formatClock(when.time.minute)} in the next 5 working days` : `the next 5 working days${describeTime(when.time)}`;
    case 'today':
      return 'today';
    case 'tomorrow':
      return 'tomorrow';
    case 'next-week':
      return 'next week';
    case 'weekday': {
      const name = WEEKDAYS[when.weekday - 1] ?? 'that day';
      return `${when.next ? 'next ' : ''}${capitalized(name)}`;
    }
    case 'week':
      return `${when.which} week${describeTime(when.time)}`;
    case 'relative':
      return `${describeDayRef(when.day)}${describeTime(when.time)}`;
    case 'days': {
      const days = when.from === when.to ? `on ${dayLabelOf(when.from)}` : `${dayLabelOf(when.from)} – ${dayLabelOf(when.to)}`;
      return when.time?.kind === 'at' ? `at ${formatClock(when.time.minute)} ${days}` : `${days}${describeTime(when.time)}`;
    }
  }
}

export type Resolved<T> = { kind: 'ok'; value: T } | { kind: 'invalid'; reason: string };

/** A `when` placed on the calendar: only `default` and `week` stay relative to the search day. */
export type ResolvedWhen = Extract<When, { kind: 'default' | 'days' | 'week' }>;

const today = (now: number, zone: string) => DateTime.fromMillis(now, { zone }).startOf('day');
const iso = (d: DateTime) => d.toISODate() ?? '';

function quoteOf(day: DayRef): string {
  if (day.kind === 'date' && day.text) return day.text;
  return describeDayRef(day).replace(/^on /, '');
}

/**
 * Places a relative day on the calendar of `zone` at `now`. A weekday is its next occurrence
 * (today included; with `next`, never today). A date without a year is this year's, or next
 * year's when this year's has passed and next year's is close; a date that has passed, or one
 * more than {@link MAX_DAYS_AHEAD} days ahead, is refused with the reason quoting it.
 */
export function resolveDay(day: DayRef, now: number, zone: string): Resolved<{ from: IsoDate; to: IsoDate }> {
  const start = today(now, zone);
  let from: DateTime;
  let to: DateTime | undefined;
  switch (day.kind) {
    case 'today':
      from = start;
      break;
    case 'tomorrow':
      from = start.plus({ days: 1 });
      break;
    case 'in-days':
      from = start.plus({ days: day.days });
      break;
    case 'weekday': {
      if (day.nextWeek) {
        from = start
          .plus({ weeks: 1 })
          .startOf('week')
          .plus({ days: day.weekday - 1 });
      } else {
        const ahead = (day.weekday - start.weekday + 7) % 7 || (day.next ? 7 : 0);
        from = start.plus({ days: ahead });
      }
      if (day.through !== undefined) to = from.plus({ days: (day.through - from.weekday + 7) % 7 });
      break;
    }
    case 'date': {
      const at = (year: number) => DateTime.fromObject({ year, month: day.month, day: day.day }, { zone });
      const text = quoteOf(day);
      let date = at(day.year ?? start.year);
      if (day.year === undefined && !date.isValid) date = at(start.year + 1); // Feb 29
      if (!date.isValid || date.day !== day.day) return { kind: 'invalid', reason: `“${text}” is not a date.` };
      if (day.year === undefined && date < start) {
        // The nearer reading: `Jan 5` in December is next month's, `Dec 1` on Dec 2 has passed.
        const nextYear = at(start.year + 1);
        if (nextYear.isValid && nextYear.diff(start, 'days').days < start.diff(date, 'days').days) date = nextYear;
      }
      if (date < start) return { kind: 'invalid', reason: `${text} has passed (today is ${dayLabel(start)}).` };
      from = date;
      if (day.through !== undefined) {
        const { month, day: date } = day.through;
        const through = (year: number) => DateTime.fromObject({ year, month, day: date }, { zone });
        to = through(from.year);
        if (to.isValid && to < from) to = through(from.year + 1);
        if (!to.isValid || to.day !== date) return { kind: 'invalid', reason: `“${text}” is not a range of days.` };
      }
      break;
    }
  }
  const last = to ?? from;
  if (Math.round(last.diff(start, 'days').days) > MAX_DAYS_AHEAD) {
    return { kind: 'invalid', reason: `${capitalized(quoteOf(day))} (${dayLabel(last)}) is more than ${MAX_DAYS_AHEAD} days ahead; I look at most ${MAX_DAYS_AHEAD} days ahead.` };
  }
  return { kind: 'ok', value: { from: iso(from), to: iso(last) } };
}

/** A legacy `when` as the relative day it stood for. */
function legacyDay(when: When): DayRef | 'next-week' | undefined {
  switch (when.kind) {
    case 'today':
    case 'tomorrow':
      return { kind: when.kind };
    case 'weekday':
      return when.weekday >= 1 && when.weekday <= 7 && Number.isInteger(when.weekday) ? { kind: 'weekday', weekday: when.weekday, ...(when.next ? { next: true } : {}) } : undefined;
    case 'next-week':
      return 'next-week';
    default:
      return undefined;
  }
}

/**
 * Any `when` (stored legacy kinds and relative readings included) placed on the calendar, or
 * why it cannot be: a date that has passed since it was read, a start at a wall-clock time
 * that the zone skips that day.
 */
export function resolveWhen(when: When, now: number, zone: string): Resolved<ResolvedWhen> {
  let resolved: ResolvedWhen;
  if (when.kind === 'default' || when.kind === 'days' || when.kind === 'week') {
    resolved = when;
  } else if (when.kind === 'relative') {
    const days = resolveDay(when.day, now, zone);
    if (days.kind === 'invalid') return days;
    resolved = { kind: 'days', ...days.value, ...(when.time ? { time: when.time } : {}) };
  } else {
    const legacy = legacyDay(when);
    if (legacy === 'next-week') return { kind: 'ok', value: { kind: 'week', which: 'next' } };
    if (!legacy) return { kind: 'invalid', reason: 'That day is not a day of the week.' };
    const days = resolveDay(legacy, now, zone);
    if (days.kind === 'invalid') return days;
    resolved = { kind: 'days', ...days.value };
  }
  if (resolved.kind === 'days') {
    const checked = checkDays(resolved, now, zone);
    if (checked) return { kind: 'invalid', reason: checked };
  }
  return { kind: 'ok', value: resolved };
}

/** Why explicit days with their time cannot be searched any more, if they cannot. */
function checkDays(when: Extract<When, { kind: 'days' }>, now: number, zone: string): string | undefined {
  const first = DateTime.fromISO(when.from, { zone });
  const last = DateTime.fromISO(when.to, { zone });
  if (!first.isValid || !last.isValid) return `“${when.from}” is not a date.`;
  const time = when.time;
  if (time?.kind === 'at' && when.from === when.to) {
    const start = wallClock(when.from, time.minute, zone);
    if (start.kind === 'skipped') {
      return `${formatClock(time.minute)} does not exist on ${dayLabelOf(when.from)} in ${zone}: the clocks go forward that night.`;
    }
    if (start.at < now) return `${formatClock(time.minute)} on ${dayLabelOf(when.from)} has passed.`;
  }
  const end = time?.kind === 'window' ? time.end : 1440;
  if (time?.kind !== 'at' && wallClock(when.to, end, zone).at <= now) {
    return `${dayLabelOf(when.to)}${time?.kind === 'window' ? `, ${formatClock(time.start)}–${formatClock(time.end)}` : ''} has passed.`;
  }
  return undefined;
}

/**
 * The instant a wall clock in `zone` shows `minute` minutes after midnight on `date` (1440: the
 * next midnight). A time the zone skips (the hour the clocks go forward) is `skipped`, placed
 * where luxon puts it, just after the gap; a repeated time is its first occurrence.
 */
export function wallClock(date: IsoDate, minute: number, zone: string): { kind: 'ok' | 'skipped'; at: number } {
  return instantAt(date, minute, zone);
}

/**
 * One day of a search: the calendar date in the organizer's zone and the wall-clock window to
 * search on it, in minutes from midnight. With `exact`, a meeting must start at `start` (the
 * window is then `start` to `start` + the meeting's length).
 */
export interface SearchDay {
  date: IsoDate;
  start: number;
  end: number;
  exact: boolean;
}

export type SearchPlan = { kind: 'ok'; when: ResolvedWhen; days: SearchDay[] } | { kind: 'invalid'; reason: string };

function datesOf(when: ResolvedWhen, now: number, zone: string, workdays: readonly number[], count: number): IsoDate[] {
  const start = localDate(now, zone);
  switch (when.kind) {
    case 'default': {
      const days: IsoDate[] = [];
      for (let i = 0; days.length < count && i < 31; i++) {
        const d = addDays(start, i);
        if (workdays.includes(weekdayOf(d))) days.push(d);
      }
      return days;
    }
    case 'week': {
      // Weeks run Monday to Sunday (ISO).
      const monday = addDays(start, 1 - weekdayOf(start));
      const first = when.which === 'next' ? addDays(monday, 7) : start;
      const sunday = addDays(monday, when.which === 'next' ? 13 : 6);
      const days: IsoDate[] = [];
      for (let d = first; d <= sunday; d = addDays(d, 1)) days.push(d);
      return days;
    }
    case 'days': {
      const days: IsoDate[] = [];
      for (let d = when.from; d <= when.to && days.length <= MAX_DAYS_AHEAD + 1; d = addDays(d, 1)) days.push(d);
      return days;
    }
  }
}

/**
 * The days to search for a `when` and, per day, the wall-clock window: the default is the next
 * `count` working days from today; `this week` runs from today to Sunday, `next week` from
 * Monday to Sunday (every day: working hours decide which can hold a meeting).
 */
export function searchWindows(when: When, now: number, zone: string, workdays: readonly number[], count = DEFAULT_DAY_COUNT): SearchPlan {
  const resolved = resolveWhen(when, now, zone);
  if (resolved.kind === 'invalid') return resolved;
  const time = resolved.value.time;
  const window =
    time?.kind === 'window'
      ? { start: time.start, end: time.end, exact: false }
      : time?.kind === 'at'
        ? { start: time.minute, end: time.minute, exact: true }
        : { start: 0, end: 1440, exact: false };
  const days = datesOf(resolved.value, now, zone, workdays, count).map((date) => ({ date, ...window }));
  return { kind: 'ok', when: resolved.value, days };
}

/**
 * The search days as instants: each day's window from its wall-clock start to its end, or for
 * an exact start, that start to `minutes` later. Daylight-saving changes are the zone's: a
 * window on the night the clocks change is shorter or longer, as the clock on the wall is.
 */
export function windowIntervals(days: readonly SearchDay[], zone: string, minutes: number): Interval[] {
  return days.map((d) => {
    const start = wallClock(d.date, d.start, zone).at;
    return { start, end: d.exact ? start + minutes * 60_000 : wallClock(d.date, d.end, zone).at };
  });
}

/**
 * The calendar days (in the organizer's zone) that a `when` covers, as local midnights. A weekday
 * means its next occurrence, today included; the default is the next `count` working days from
 * today. A `when` that cannot be searched any more (a date that has passed) covers no day.
 */
export function searchDays(when: When, now: DateTime, workdays: readonly number[], count = DEFAULT_DAY_COUNT): DateTime[] {
  const zone = now.zoneName ?? 'UTC';
  const plan = searchWindows(when, now.toMillis(), zone, workdays, count);
  if (plan.kind === 'invalid') return [];
  return plan.days.map((d) => DateTime.fromISO(d.date, { zone }));
}

/**
 * The reading of a request in words, with its dates: `on Wed 2 Dec, 15:00–17:00`, `on Tue 8
 * Dec, afternoon (12:00–17:00)`, `next 5 working days, Wed 2 Dec – Tue 8 Dec`, `at 15:00 on Wed
 * 2 Dec`. Made to follow a title: `Free 1 h slots for Review on Wed 2 Dec, 15:00–17:00`.
 */
export function describeReading(request: { when: When }, now: number, zone: string, workdays: readonly number[] = [1, 2, 3, 4, 5]): string {
  const plan = searchWindows(request.when, now, zone, workdays);
  if (plan.kind === 'invalid') return `${describeWhen(request.when)} (${plan.reason.replace(/\.$/, '')})`;
  const when = plan.when;
  const first = plan.days[0];
  const last = plan.days.at(-1);
  const span = first && last ? (first.date === last.date ? dayLabelOf(first.date) : `${dayLabelOf(first.date)} – ${dayLabelOf(last.date)}`) : 'no days';
  let days: string;
  switch (when.kind) {
    case 'default':
      days = `next ${DEFAULT_DAY_COUNT} working days, ${span}`;
      break;
    case 'week':
      days = `${when.which} week, ${span}`;
      break;
    case 'days':
      days = when.from === when.to ? `on ${span}` : span;
      break;
  }
  if (when.time?.kind === 'at') return `at ${formatClock(when.time.minute)} ${when.kind === 'days' ? days : `on each of the ${days}`}`;
  return `${days}${describeTime(when.time)}`;
}
