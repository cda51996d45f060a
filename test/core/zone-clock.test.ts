import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dayLabelOf, daysBetween, instantAt, localDate, offsetMinutes, wallTime, weekdayOf, zoneAbbreviation } from '../../src/core/zone-clock.js';

/** Zones with every kind of rule: none, northern and southern DST, half and quarter hours, a 30-minute DST (Lord Howe). */
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Africa/Casablanca',
];
const FROM = Date.UTC(1990, 0, 1);
const TO = Date.UTC(2040, 0, 1);
const MIN = 60_000;

describe('zone clock (checked against luxon, which asks Intl every time)', () => {
  it('offsetMinutes and wallTime agree with luxon at any minute from 1990 to 2040', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM / MIN, max: TO / MIN }), (zone, minute) => {
        const at = minute * MIN;
        const l = DateTime.fromMillis(at, { zone });
        expect(offsetMinutes(at, zone)).toBe(l.offset);
        expect(wallTime(at, zone)).toEqual({
          year: l.year,
          month: l.month,
          day: l.day,
          hour: l.hour,
          minute: l.minute,
          weekday: l.weekday,
          minuteOfDay: l.hour * 60 + l.minute,
          date: l.toISODate(),
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with luxon on both sides of every transition of 2026 (the cache keeps quarter hours)', () => {
    for (const zone of ZONES) {
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 6 * 3_600_000) {
        const next = at + 6 * 3_600_000;
        if (offsetMinutes(at, zone) === offsetMinutes(next, zone)) continue;
        // A transition inside these 6 hours: every minute around it.
        for (let t = at; t <= next; t += MIN) expect(offsetMinutes(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(DateTime.fromMillis(t, { zone }).offset);
      }
    }
  });

  it('instantAt reads a wall clock that exists exactly once as luxon does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM / 86_400_000, max: TO / 86_400_000 }), fc.integer({ min: 0, max: 1439 }), (zone, day, minute) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const l = DateTime.fromISO(date, { zone }).set({ hour: Math.floor(minute / 60), minute: minute % 60 });
        const got = instantAt(date, minute, zone);
        const shown = DateTime.fromMillis(got.at, { zone });
        // The wall clock at the instant shows what was asked, or the time was skipped.
        if (got.kind === 'ok') expect(shown.toFormat('yyyy-MM-dd HH:mm')).toBe(`${date} ${l.toFormat('HH:mm')}`);
        // Where the time exists once, the instant is luxon's.
        const once = DateTime.fromMillis(l.toMillis() - 3 * 3_600_000, { zone }).offset === DateTime.fromMillis(l.toMillis() + 3 * 3_600_000, { zone }).offset;
        if (once) expect(got).toEqual({ kind: 'ok', at: l.toMillis() });
      }),
      { numRuns: 3000 },
    );
  });

  it('a skipped time is placed past the gap and a repeated one is its first occurrence (New York, 2026)', () => {
    const zone = 'America/New_York';
    // 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(instantAt('2026-03-08', 150, zone)).toEqual({ kind: 'skipped', at: Date.parse('2026-03-08T07:30:00Z') });
    expect(wallTime(Date.parse('2026-03-08T07:30:00Z'), zone).minuteOfDay).toBe(3 * 60 + 30);
    // 1 November 2026: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice; the first is EDT.
    expect(instantAt('2026-11-01', 90, zone)).toEqual({ kind: 'ok', at: Date.parse('2026-11-01T05:30:00Z') });
    // Lord Howe moves by 30 minutes: 02:00 becomes 02:30 on 4 October 2026.
    expect(instantAt('2026-10-04', 135, 'Australia/Lord_Howe').kind).toBe('skipped');
    expect(instantAt('2026-10-04', 150, 'Australia/Lord_Howe')).toEqual({ kind: 'ok', at: Date.parse('2026-10-03T15:30:00Z') });
  });

  it('midnight that starts the next day is minute 1440', () => {
    expect(instantAt('2026-12-31', 1440, 'Europe/Berlin').at).toBe(instantAt('2027-01-01', 0, 'Europe/Berlin').at);
  });

  it('calendar arithmetic crosses months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-01', '2027-01-30')).toBe(60);
    expect(weekdayOf('2026-12-01')).toBe(2);
    expect(dayLabelOf('2026-12-02')).toBe('Wed 2 Dec');
    expect(localDate(Date.parse('2026-12-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-12-02');
  });

  it('names the zone as Intl does, in winter and in summer', () => {
    expect(zoneAbbreviation(Date.parse('2026-12-01T12:00:00Z'), 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('GMT+5:30');
  });

  it('a time that is not a number gives no offset rather than an exception', () => {
    expect(offsetMinutes(Number.NaN, 'Europe/Berlin')).toBeNaN();
  });
});
