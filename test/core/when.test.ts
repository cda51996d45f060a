import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeWhen, searchDays, whenAtEnd, type When } from '../../src/core/when.js';

const ZONE = 'America/New_York';
const WORKDAYS = [1, 2, 3, 4, 5];
const now = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone });
const dates = (days: readonly DateTime[]) => days.map((d) => d.toFormat('ccc yyyy-LL-dd'));

describe('searchDays', () => {
  it('default: the next 5 working days, today included on a weekday', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-11T15:00'), WORKDAYS))).toEqual([
      'Wed 2026-03-11',
      'Thu 2026-03-12',
      'Fri 2026-03-13',
      'Mon 2026-03-16',
      'Tue 2026-03-17',
    ]);
  });

  it('default on a weekend starts on Monday', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-14T09:00'), WORKDAYS))).toEqual([
      'Mon 2026-03-16',
      'Tue 2026-03-17',
      'Wed 2026-03-18',
      'Thu 2026-03-19',
      'Fri 2026-03-20',
    ]);
  });

  it('default follows other workdays and counts', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-13T09:00'), [7, 1, 2, 3, 4], 3))).toEqual([
      'Sun 2026-03-15',
      'Mon 2026-03-16',
      'Tue 2026-03-17',
    ]);
  });

  it('default with no workdays gives nothing (and terminates)', () => {
    expect(searchDays({ kind: 'default' }, now('2026-03-13T09:00'), [])).toEqual([]);
  });

  it('returns days that start at midnight in the organizer’s zone', () => {
    const days = searchDays({ kind: 'default' }, now('2026-03-13T23:30', 'Asia/Kolkata'), WORKDAYS);
    expect(dates(days)[0]).toBe('Fri 2026-03-13');
    for (const d of days) {
      expect(d.zoneName).toBe('Asia/Kolkata');
      expect(d.toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
    }
  });

  it('today and tomorrow', () => {
    expect(dates(searchDays({ kind: 'today' }, now('2026-03-14T10:00'), WORKDAYS))).toEqual(['Sat 2026-03-14']);
    expect(dates(searchDays({ kind: 'tomorrow' }, now('2026-03-13T23:59'), WORKDAYS))).toEqual(['Sat 2026-03-14']);
  });

  it.each([
    [5, '2026-03-11T10:00', 'Fri 2026-03-13'],
    [5, '2026-03-13T16:00', 'Fri 2026-03-13'],
    [1, '2026-03-13T16:00', 'Mon 2026-03-16'],
    [3, '2026-03-12T08:00', 'Wed 2026-03-18'],
    [7, '2026-03-14T08:00', 'Sun 2026-03-15'],
  ])('weekday %i from %s is its next occurrence, today included: %s', (weekday, iso, expected) => {
    expect(dates(searchDays({ kind: 'weekday', weekday }, now(iso), WORKDAYS))).toEqual([expected]);
  });

  it.each([
    [5, '2026-03-13T16:00', 'Fri 2026-03-20'],
    [5, '2026-03-11T10:00', 'Fri 2026-03-13'],
    [1, '2026-03-13T16:00', 'Mon 2026-03-16'],
  ])('"next" weekday %i from %s is never today: %s', (weekday, iso, expected) => {
    expect(dates(searchDays({ kind: 'weekday', weekday, next: true }, now(iso), WORKDAYS))).toEqual([expected]);
  });

  it.each([
    ['2026-03-11T10:00', 'Mon 2026-03-16'],
    ['2026-03-15T22:00', 'Mon 2026-03-16'],
    ['2026-03-16T00:30', 'Mon 2026-03-23'],
  ])('next week from %s is Monday %s through Sunday', (iso, monday) => {
    const days = dates(searchDays({ kind: 'next-week' }, now(iso), WORKDAYS));
    expect(days).toHaveLength(7);
    expect(days[0]).toBe(monday);
    expect(days[6]?.startsWith('Sun')).toBe(true);
  });

  it('next week across the New York DST change still gives seven distinct local midnights', () => {
    const days = searchDays({ kind: 'next-week' }, now('2026-10-21T12:00'), WORKDAYS);
    expect(dates(days)).toEqual([
      'Mon 2026-10-26',
      'Tue 2026-10-27',
      'Wed 2026-10-28',
      'Thu 2026-10-29',
      'Fri 2026-10-30',
      'Sat 2026-10-31',
      'Sun 2026-11-01',
    ]);
    for (const d of days) expect(d.hour).toBe(0);
  });
});

describe('describeWhen', () => {
  it.each<[When, string]>([
    [{ kind: 'default' }, 'the next 5 working days'],
    [{ kind: 'today' }, 'today'],
    [{ kind: 'tomorrow' }, 'tomorrow'],
    [{ kind: 'next-week' }, 'next week'],
    [{ kind: 'weekday', weekday: 1 }, 'Monday'],
    [{ kind: 'weekday', weekday: 5 }, 'Friday'],
    [{ kind: 'weekday', weekday: 7 }, 'Sunday'],
    [{ kind: 'weekday', weekday: 9 }, 'That day'],
    [{ kind: 'weekday', weekday: 5, next: true }, 'next Friday'],
  ])('%j reads as %s', (when, text) => {
    expect(describeWhen(when)).toBe(text);
  });
});

describe('whenAtEnd', () => {
  it.each<[string[], When | undefined, number]>([
    [['Sync', 'today'], { kind: 'today' }, 1],
    [['Sync', 'next', 'week'], { kind: 'next-week' }, 2],
    [['Sync', 'next', 'friday'], { kind: 'weekday', weekday: 5, next: true }, 2],
    [['Sync', 'on', 'Tue'], { kind: 'weekday', weekday: 2 }, 2],
    [['Sync', 'thurs'], { kind: 'weekday', weekday: 4 }, 1],
    [['Sync', 'week'], undefined, 0],
    [[], undefined, 0],
  ])('%j', (words, when, used) => {
    const found = whenAtEnd(words);
    expect(found?.when).toEqual(when);
    expect(found?.used ?? 0).toBe(used);
  });
});
