import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeReading, describeWhen, searchDays, searchWindows, When as WhenSchema, whenAtEnd, windowIntervals, type When } from '../../src/core/when.js';

const ZONE = 'America/New_York';
const WORKDAYS = [1, 2, 3, 4, 5];
const now = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone });
const dates = (days: readonly DateTime[]) => days.map((d) => d.toFormat('ccc yyyy-LL-dd'));

describe('searchDays', () => {
  it('default: the next 5 working days, today included on a weekday', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-11T15:00'), WORKDAYS))).toEqual(['Wed 2026-03-11', 'Thu 2026-03-12', 'Fri 2026-03-13', 'Mon 2026-03-16', 'Tue 2026-03-17']);
  });

  it('default on a weekend starts on Monday', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-14T09:00'), WORKDAYS))).toEqual(['Mon 2026-03-16', 'Tue 2026-03-17', 'Wed 2026-03-18', 'Thu 2026-03-19', 'Fri 2026-03-20']);
  });

  it('default follows other workdays and counts', () => {
    expect(dates(searchDays({ kind: 'default' }, now('2026-03-13T09:00'), [7, 1, 2, 3, 4], 3))).toEqual(['Sun 2026-03-15', 'Mon 2026-03-16', 'Tue 2026-03-17']);
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
    expect(dates(days)).toEqual(['Mon 2026-10-26', 'Tue 2026-10-27', 'Wed 2026-10-28', 'Thu 2026-10-29', 'Fri 2026-10-30', 'Sat 2026-10-31', 'Sun 2026-11-01']);
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

describe('searchWindows', () => {
  const NY = 'America/New_York';
  const NOW = DateTime.fromISO('2026-12-02T10:00', { zone: NY }).toMillis(); // Wednesday
  const plan = (when: When, workdays = WORKDAYS) => {
    const p = searchWindows(when, NOW, NY, workdays);
    if (p.kind !== 'ok') throw new Error(p.reason);
    return p.days;
  };

  it('default: the next 5 working days, whole days', () => {
    expect(plan({ kind: 'default' })).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'].map((date) => ({ date, start: 0, end: 1440, exact: false })));
  });

  it('default with a window or an exact start applies it to each day', () => {
    const days = plan({ kind: 'default', time: { kind: 'window', start: 720, end: 1020, part: 'afternoon' } });
    expect(days).toHaveLength(5);
    for (const d of days) expect(d).toMatchObject({ start: 720, end: 1020, exact: false });
    for (const d of plan({ kind: 'default', time: { kind: 'at', minute: 900 } })) expect(d).toMatchObject({ start: 900, end: 900, exact: true });
  });

  it('explicit days, one or several, weekend included', () => {
    expect(plan({ kind: 'days', from: '2026-12-05', to: '2026-12-05' })).toEqual([{ date: '2026-12-05', start: 0, end: 1440, exact: false }]);
    expect(plan({ kind: 'days', from: '2026-12-15', to: '2026-12-17' }).map((d) => d.date)).toEqual(['2026-12-15', '2026-12-16', '2026-12-17']);
  });

  it('this week runs from today to Sunday; next week Monday to Sunday', () => {
    expect(plan({ kind: 'week', which: 'this' }).map((d) => d.date)).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(plan({ kind: 'week', which: 'next' }).map((d) => d.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
  });

  it('stored legacy kinds still search the same days', () => {
    expect(plan({ kind: 'today' }).map((d) => d.date)).toEqual(['2026-12-02']);
    expect(plan({ kind: 'tomorrow' }).map((d) => d.date)).toEqual(['2026-12-03']);
    expect(plan({ kind: 'weekday', weekday: 5, next: true }).map((d) => d.date)).toEqual(['2026-12-04']);
    expect(plan({ kind: 'next-week' })).toHaveLength(7);
    expect(searchWindows({ kind: 'weekday', weekday: 9 }, NOW, NY, WORKDAYS).kind).toBe('invalid');
  });

  it('a day that has passed since it was read cannot be searched', () => {
    expect(searchWindows({ kind: 'days', from: '2026-12-01', to: '2026-12-01' }, NOW, NY, WORKDAYS)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/Tue 1 Dec has passed/),
    });
    expect(searchWindows({ kind: 'days', from: '2026-12-02', to: '2026-12-02', time: { kind: 'at', minute: 540 } }, NOW, NY, WORKDAYS).kind).toBe('invalid');
    expect(searchDays({ kind: 'days', from: '2026-12-01', to: '2026-12-01' }, DateTime.fromMillis(NOW, { zone: NY }), WORKDAYS)).toEqual([]);
  });

  it('windowIntervals turns wall-clock windows into instants, exact starts into one meeting', () => {
    const days = plan({ kind: 'days', from: '2026-12-03', to: '2026-12-03', time: { kind: 'window', start: 900, end: 1020 } });
    expect(windowIntervals(days, NY, 30)).toEqual([{ start: Date.UTC(2026, 11, 3, 20), end: Date.UTC(2026, 11, 3, 22) }]);
    const exact = plan({ kind: 'days', from: '2026-12-03', to: '2026-12-03', time: { kind: 'at', minute: 900 } });
    expect(windowIntervals(exact, NY, 45)).toEqual([{ start: Date.UTC(2026, 11, 3, 20), end: Date.UTC(2026, 11, 3, 20, 45) }]);
  });
});

describe('describeReading', () => {
  const NY = 'America/New_York';
  const NOW = DateTime.fromISO('2026-12-02T10:00', { zone: NY }).toMillis();
  it.each<[When, string]>([
    [{ kind: 'days', from: '2026-12-02', to: '2026-12-02', time: { kind: 'window', start: 900, end: 1020 } }, 'on Wed 2 Dec, 15:00–17:00'],
    [{ kind: 'days', from: '2026-12-08', to: '2026-12-08', time: { kind: 'window', start: 720, end: 1020, part: 'afternoon' } }, 'on Tue 8 Dec, afternoon (12:00–17:00)'],
    [{ kind: 'default' }, 'next 5 working days, Wed 2 Dec – Tue 8 Dec'],
    [{ kind: 'days', from: '2026-12-02', to: '2026-12-02', time: { kind: 'at', minute: 900 } }, 'at 15:00 on Wed 2 Dec'],
    [{ kind: 'default', time: { kind: 'at', minute: 900 } }, 'at 15:00 on each of the next 5 working days, Wed 2 Dec – Tue 8 Dec'],
    [{ kind: 'week', which: 'next' }, 'next week, Mon 7 Dec – Sun 13 Dec'],
    [{ kind: 'week', which: 'this', time: { kind: 'window', start: 540, end: 720, part: 'morning' } }, 'this week, Wed 2 Dec – Sun 6 Dec, morning (09:00–12:00)'],
    [{ kind: 'days', from: '2026-12-15', to: '2026-12-17' }, 'Tue 15 Dec – Thu 17 Dec'],
    [{ kind: 'tomorrow' }, 'on Thu 3 Dec'],
    [{ kind: 'relative', day: { kind: 'weekday', weekday: 2, next: true }, time: { kind: 'window', start: 720, end: 1020, part: 'afternoon' } }, 'on Tue 8 Dec, afternoon (12:00–17:00)'],
  ])('%j reads as %s', (when, text) => {
    expect(describeReading({ when }, NOW, NY)).toBe(text);
  });

  it('fits the proposal header', () => {
    const when: When = { kind: 'days', from: '2026-12-02', to: '2026-12-02', time: { kind: 'window', start: 900, end: 1020 } };
    expect(`Free 1 h slots for Review ${describeReading({ when }, NOW, NY)} your time`).toBe('Free 1 h slots for Review on Wed 2 Dec, 15:00–17:00 your time');
  });

  it('a reading that can no longer be searched says why', () => {
    expect(describeReading({ when: { kind: 'days', from: '2026-12-01', to: '2026-12-01' } }, NOW, NY)).toMatch(/on Tue 1 Dec \(Tue 1 Dec has passed\)/);
  });
});

describe('describeWhen for the new kinds', () => {
  it.each<[When, string]>([
    [{ kind: 'days', from: '2026-12-02', to: '2026-12-02' }, 'on Wed 2 Dec'],
    [{ kind: 'days', from: '2026-12-02', to: '2026-12-02', time: { kind: 'at', minute: 900 } }, 'at 15:00 on Wed 2 Dec'],
    [{ kind: 'week', which: 'this' }, 'this week'],
    [{ kind: 'default', time: { kind: 'window', start: 840, end: 960 } }, 'the next 5 working days, 14:00–16:00'],
    [{ kind: 'relative', day: { kind: 'tomorrow' }, time: { kind: 'at', minute: 900 } }, 'tomorrow at 15:00'],
    [{ kind: 'relative', day: { kind: 'date', month: 12, day: 15 } }, 'on 15 Dec'],
  ])('%j reads as %s', (when, text) => {
    expect(describeWhen(when)).toBe(text);
  });
});

describe('the When schema', () => {
  it('reads the kinds stored before dates were read', () => {
    for (const when of [{ kind: 'default' }, { kind: 'today' }, { kind: 'tomorrow' }, { kind: 'weekday', weekday: 5 }, { kind: 'weekday', weekday: 5, next: true }, { kind: 'next-week' }]) {
      expect(WhenSchema.parse(when)).toEqual(when);
    }
  });

  it.each([
    { kind: 'days', from: '2026-02-30', to: '2026-02-30' },
    { kind: 'days', from: '15/12', to: '15/12' },
    { kind: 'default', time: { kind: 'window', start: 900, end: 800 } },
    { kind: 'default', time: { kind: 'at', minute: 1440 } },
    { kind: 'week', which: 'last' },
    { kind: 'someday' },
  ])('refuses %j', (when) => {
    expect(WhenSchema.safeParse(when).success).toBe(false);
  });
});
