import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findSlots, STEP_MINUTES } from '../../src/core/find-slots.js';
import type { Interval } from '../../src/core/intervals.js';
import { defaultHours, workingIntervals } from '../../src/core/working-hours.js';

const MIN = 60_000;
const at = (iso: string): number => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
const iv = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });
const starts = (slots: readonly Interval[]) => slots.map((s) => DateTime.fromMillis(s.start, { zone: 'UTC' }).toFormat('HH:mm'));

const day = [iv('2026-03-10T09:00', '2026-03-10T12:00')];
const early = at('2026-03-10T00:00');

describe('findSlots', () => {
  it('lists every 15-minute start where the meeting fits around busy time', () => {
    const slots = findSlots({ availability: [day], busy: [iv('2026-03-10T10:00', '2026-03-10T11:00')], minutes: 30, now: early });
    expect(starts(slots)).toEqual(['09:00', '09:15', '09:30', '11:00', '11:15', '11:30']);
    for (const s of slots) expect(s.end - s.start).toBe(30 * MIN);
  });

  it('starts slots on quarter hours even when the free time does not', () => {
    const slots = findSlots({ availability: [day], busy: [iv('2026-03-10T09:00', '2026-03-10T10:07')], minutes: 60, now: early });
    expect(starts(slots)).toEqual(['10:15', '10:30', '10:45', '11:00']);
    for (const s of slots) expect(s.start % (STEP_MINUTES * MIN)).toBe(0);
  });

  it('rounds now in the middle of a gap up to the next quarter hour', () => {
    const slots = findSlots({ availability: [day], busy: [], minutes: 60, now: at('2026-03-10T09:31:10') });
    expect(starts(slots)).toEqual(['09:45', '10:00', '10:15', '10:30', '10:45', '11:00']);
  });

  it('a now exactly on a quarter hour is itself a start', () => {
    expect(starts(findSlots({ availability: [day], busy: [], minutes: 150, now: at('2026-03-10T09:30') }))).toEqual(['09:30']);
  });

  it('fits a meeting exactly as long as the gap', () => {
    const slots = findSlots({
      availability: [day],
      busy: [iv('2026-03-10T09:00', '2026-03-10T10:00'), iv('2026-03-10T10:45', '2026-03-10T12:00')],
      minutes: 45,
      now: early,
    });
    expect(slots).toEqual([iv('2026-03-10T10:00', '2026-03-10T10:45')]);
  });

  it('returns nothing when the meeting is longer than every gap', () => {
    const busy = [iv('2026-03-10T10:00', '2026-03-10T10:10')];
    expect(findSlots({ availability: [[iv('2026-03-10T09:00', '2026-03-10T10:00')]], busy, minutes: 61, now: early })).toEqual([]);
  });

  it('returns nothing without availability, with an empty person, or when now is past everything', () => {
    expect(findSlots({ availability: [], busy: [], minutes: 30, now: early })).toEqual([]);
    expect(findSlots({ availability: [day, []], busy: [], minutes: 30, now: early })).toEqual([]);
    expect(findSlots({ availability: [day], busy: [], minutes: 30, now: at('2026-03-10T11:31') })).toEqual([]);
  });

  it('uses only time common to everyone', () => {
    const other = [iv('2026-03-10T10:30', '2026-03-10T15:00')];
    expect(starts(findSlots({ availability: [day, other], busy: [], minutes: 60, now: early }))).toEqual(['10:30', '10:45', '11:00']);
  });

  it('merges touching busy and availability pieces', () => {
    const split = [iv('2026-03-10T09:00', '2026-03-10T10:00'), iv('2026-03-10T10:00', '2026-03-10T11:00')];
    expect(starts(findSlots({ availability: [split], busy: [], minutes: 120, now: early }))).toEqual(['09:00']);
  });

  it('honours a custom step', () => {
    expect(starts(findSlots({ availability: [day], busy: [], minutes: 60, now: early, stepMinutes: 60 }))).toEqual(['09:00', '10:00', '11:00']);
  });
});

describe('findSlots with working hours in different zones', () => {
  const from = DateTime.fromISO('2026-03-10T00:00', { zone: 'UTC' }).toMillis();
  const to = DateTime.fromISO('2026-03-11T00:00', { zone: 'UTC' }).plus({ days: 1 }).toMillis();

  it('New York and Kolkata have no common working time, so there are no slots', () => {
    const ny = workingIntervals(defaultHours('America/New_York'), from, to);
    const kolkata = workingIntervals(defaultHours('Asia/Kolkata'), from, to);
    expect(ny.length).toBeGreaterThan(0);
    expect(kolkata.length).toBeGreaterThan(0);
    expect(findSlots({ availability: [ny, kolkata], busy: [], minutes: 15, now: from })).toEqual([]);
  });

  it('New York and London overlap 14:00–17:00 London time on a normal weekday', () => {
    const nov = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toMillis();
    const start = nov('2026-11-10T00:00');
    const end = nov('2026-11-11T00:00');
    const ny = workingIntervals(defaultHours('America/New_York'), start, end);
    const london = workingIntervals(defaultHours('Europe/London'), start, end);
    const slots = findSlots({ availability: [ny, london], busy: [], minutes: 180, now: start });
    expect(slots).toEqual([{ start: nov('2026-11-10T14:00'), end: nov('2026-11-10T17:00') }]);
  });
});
