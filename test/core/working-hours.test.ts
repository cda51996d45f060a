import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { intersect } from '../../src/core/intervals.js';
import { findSlots } from '../../src/core/find-slots.js';
import { availabilityOf, defaultHours, workingIntervals } from '../../src/core/working-hours.js';

const utc = (iso: string): number => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
const show = (ms: number): string => DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("ccc yyyy-LL-dd'T'HH:mm'Z'");
const pretty = (list: readonly { start: number; end: number }[]) => list.map((i) => `${show(i.start)} – ${show(i.end)}`);

describe('workingIntervals', () => {
  it('New York 09:00–17:00 moves by one UTC hour across the 2026-11-01 DST change', () => {
    const got = workingIntervals(defaultHours('America/New_York'), utc('2026-10-29T00:00'), utc('2026-11-04T00:00'));
    expect(pretty(got)).toEqual([
      'Thu 2026-10-29T13:00Z – Thu 2026-10-29T21:00Z',
      'Fri 2026-10-30T13:00Z – Fri 2026-10-30T21:00Z',
      'Mon 2026-11-02T14:00Z – Mon 2026-11-02T22:00Z',
      'Tue 2026-11-03T14:00Z – Tue 2026-11-03T22:00Z',
    ]);
  });

  it('London 09:00–17:00 moves by one UTC hour across the 2026-10-25 change', () => {
    const got = workingIntervals(defaultHours('Europe/London'), utc('2026-10-22T00:00'), utc('2026-10-28T00:00'));
    expect(pretty(got)).toEqual([
      'Thu 2026-10-22T08:00Z – Thu 2026-10-22T16:00Z',
      'Fri 2026-10-23T08:00Z – Fri 2026-10-23T16:00Z',
      'Mon 2026-10-26T09:00Z – Mon 2026-10-26T17:00Z',
      'Tue 2026-10-27T09:00Z – Tue 2026-10-27T17:00Z',
    ]);
  });

  it('Kolkata (+05:30) starts at 03:30Z and excludes the weekend', () => {
    const got = workingIntervals(defaultHours('Asia/Kolkata'), utc('2026-03-13T00:00'), utc('2026-03-17T00:00'));
    expect(pretty(got)).toEqual(['Fri 2026-03-13T03:30Z – Fri 2026-03-13T11:30Z', 'Mon 2026-03-16T03:30Z – Mon 2026-03-16T11:30Z']);
  });

  it('clips to [from, to)', () => {
    const got = workingIntervals(defaultHours('UTC'), utc('2026-03-10T10:15'), utc('2026-03-11T12:00'));
    expect(pretty(got)).toEqual(['Tue 2026-03-10T10:15Z – Tue 2026-03-10T17:00Z', 'Wed 2026-03-11T09:00Z – Wed 2026-03-11T12:00Z']);
  });

  it('is empty for a weekend-only range, an empty range, or a range outside the hours', () => {
    expect(workingIntervals(defaultHours('UTC'), utc('2026-03-14T00:00'), utc('2026-03-16T00:00'))).toEqual([]);
    expect(workingIntervals(defaultHours('UTC'), utc('2026-03-10T10:00'), utc('2026-03-10T10:00'))).toEqual([]);
    expect(workingIntervals(defaultHours('UTC'), utc('2026-03-10T17:00'), utc('2026-03-11T09:00'))).toEqual([]);
  });

  it('includes a day whose local date is before `from` in UTC (Auckland Monday is Sunday UTC)', () => {
    const got = workingIntervals(defaultHours('Pacific/Auckland'), utc('2026-03-15T00:00'), utc('2026-03-16T00:00'));
    // Monday 2026-03-16 09:00–17:00 NZDT (+13) is Sunday 20:00Z – Monday 04:00Z.
    expect(pretty(got)).toEqual(['Sun 2026-03-15T20:00Z – Mon 2026-03-16T00:00Z']);
  });

  it('follows custom hours and days', () => {
    const hours = { zone: 'UTC', startMinute: 7 * 60 + 30, endMinute: 12 * 60, days: [6] };
    expect(pretty(workingIntervals(hours, utc('2026-03-09T00:00'), utc('2026-03-16T00:00')))).toEqual(['Sat 2026-03-14T07:30Z – Sat 2026-03-14T12:00Z']);
  });

  it('New York and Kolkata working hours never overlap on a normal week', () => {
    const from = utc('2026-03-09T00:00');
    const to = utc('2026-03-16T00:00');
    const ny = workingIntervals(defaultHours('America/New_York'), from, to);
    const kolkata = workingIntervals(defaultHours('Asia/Kolkata'), from, to);
    expect(ny).toHaveLength(5);
    expect(kolkata).toHaveLength(5);
    expect(intersect(ny, kolkata)).toEqual([]);
  });

  it('New York and London overlap 14:00–17:00 London time', () => {
    const from = utc('2026-11-09T00:00');
    const to = utc('2026-11-11T00:00');
    const both = intersect(workingIntervals(defaultHours('America/New_York'), from, to), workingIntervals(defaultHours('Europe/London'), from, to));
    const london = both.map(
      (i) => `${DateTime.fromMillis(i.start, { zone: 'Europe/London' }).toFormat('ccc HH:mm')}–${DateTime.fromMillis(i.end, { zone: 'Europe/London' }).toFormat('HH:mm')}`,
    );
    expect(london).toEqual(['Mon 14:00–17:00', 'Tue 14:00–17:00']);
  });
});

describe('availabilityOf', () => {
  it('builds one list per distinct set of hours, and the search is the same as with every list', () => {
    const from = DateTime.fromISO('2026-11-23T00:00', { zone: 'UTC' }).toMillis();
    const to = from + 7 * 86_400_000;
    const people = ['Asia/Kolkata', 'Europe/London', 'Asia/Kolkata', 'Europe/London', 'Europe/London'].map(defaultHours);
    const distinct = availabilityOf(people, from, to);
    expect(distinct).toHaveLength(2);
    const every = people.map((h) => workingIntervals(h, from, to));
    const busy = [{ start: from + 10 * 3_600_000, end: from + 11 * 3_600_000 }];
    expect(findSlots({ availability: distinct, busy, minutes: 30, now: from })).toEqual(findSlots({ availability: every, busy, minutes: 30, now: from }));
  });
});
