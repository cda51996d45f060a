import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_AFTER_PEOPLE, type ParseOptions, parseSchedule, type ScheduleRequest } from '../../src/core/parse-schedule.js';
import { describeReading, searchWindows, windowIntervals, type When } from '../../src/core/when.js';

const NY = 'America/New_York';
/** Wednesday 2 December 2026, 10:00 in New York. */
const NOW = DateTime.fromISO('2026-12-02T10:00', { zone: NY }).toMillis();
const ctx: ParseOptions = { now: NOW, zone: NY };
const at = (iso: string, zone = NY) => DateTime.fromISO(iso, { zone }).toMillis();

function request(text: string, options: ParseOptions = ctx): ScheduleRequest {
  const parsed = parseSchedule(`<@U123|lena> ${text}`, options);
  if (parsed.kind !== 'request') throw new Error(`expected a request for "${text}", got ${JSON.stringify(parsed)}`);
  return parsed.request;
}

function reason(text: string, options: ParseOptions = ctx): string {
  const parsed = parseSchedule(`<@U123|lena> ${text}`, options);
  if (parsed.kind !== 'invalid') throw new Error(`expected invalid for "${text}", got ${JSON.stringify(parsed)}`);
  return parsed.reason;
}

const day = (date: string, time?: When extends infer W ? (W extends { time?: infer T } ? T : never) : never) => ({
  kind: 'days',
  from: date,
  to: date,
  ...(time ? { time } : {}),
});

describe('the issue’s examples', () => {
  it('`1h Review tomorrow at 3pm` is a 1 h Review at 15:00 tomorrow', () => {
    expect(request('1h Review tomorrow at 3pm')).toEqual({
      mentions: ['U123'],
      emails: [],
      minutes: 60,
      title: 'Review',
      when: day('2026-12-03', { kind: 'at', minute: 15 * 60 }),
    });
  });

  it.each<[string, object]>([
    ['Review next tuesday afternoon', day('2026-12-08', { kind: 'window', start: 720, end: 1020, part: 'afternoon' })],
    ['Review on Dec 15', day('2026-12-15')],
    ['Review 12/15', day('2026-12-15')],
    ['Review this week', { kind: 'week', which: 'this' }],
    ['Review in 2 days', day('2026-12-04')],
  ])('%s is read, not folded into the title', (text, when) => {
    expect(request(text)).toMatchObject({ title: 'Review', when });
  });

  it('`Sync 45m` is a 45-minute Sync', () => {
    expect(request('Sync 45m')).toMatchObject({ minutes: 45, title: 'Sync', when: { kind: 'default' } });
  });

  it.each(['-30m', 'NaNm', '1.5.5h', '30mm', '1e3m', '2hrs30', '1,5h'])('`Sync %s` is an error quoting the word, never a title', (word) => {
    expect(reason(`Sync ${word}`)).toContain(`“${word}”`);
    expect(reason(`Sync ${word} tomorrow`)).toContain(`“${word}”`);
  });
});

describe('durations anywhere', () => {
  it.each([
    ['30m', 30],
    ['45min', 45],
    ['1h', 60],
    ['1h30m', 90],
    ['90m', 90],
    ['1.5h', 90],
    ['30 min', 30],
    ['30 mins', 30],
    ['1 hour', 60],
    ['2 hours', 120],
    ['1.5 hours', 90],
    ['half an hour', 30],
    ['an hour', 60],
    ['90 minutes', 90],
    ['1 hr', 60],
    ['1h 30m', 90],
    ['1 hour 30 minutes', 90],
    ['1 hour and 30 min', 90],
    ['an hour and a half', 90],
    ['two hours', 120],
    ['thirty minutes', 30],
  ])('%s, before or after the title, is %i minutes', (words, minutes) => {
    expect(request(`${words} Sync`)).toMatchObject({ minutes, title: 'Sync' });
    expect(request(`Sync ${words}`)).toMatchObject({ minutes, title: 'Sync' });
    expect(request(`Sync ${words} tomorrow`)).toMatchObject({ minutes, title: 'Sync', when: day('2026-12-03') });
  });

  it('`for` before a duration goes with it', () => {
    expect(request('Sync for 30 minutes')).toMatchObject({ minutes: 30, title: 'Sync' });
  });

  it.each([
    ['9 hours', 540],
    ['4 min', 4],
    ['0m', 0],
    ['10 hours', 600],
  ])('%s is out of range, and says so quoting it', (words, minutes) => {
    const r = reason(`Sync ${words}`);
    expect(r).toContain('5 minutes to 8 hours');
    expect(r).toContain(`“${words}”`);
    expect(r).toContain(`${minutes} minutes`);
  });

  it('two durations are an error naming both', () => {
    expect(reason('30m Sync 1 hour')).toMatch(/two durations.*“30m”.*“1 hour”/);
    expect(reason('Sync 30 min 45m')).toMatch(/two durations/);
  });

  it('`wait a minute` is not a length', () => {
    expect(request('Wait a minute 30m')).toMatchObject({ minutes: 30, title: 'Wait a minute' });
  });
});

describe('days', () => {
  it.each<[string, string]>([
    ['Review Dec 15', '2026-12-15'],
    ['Review December 15', '2026-12-15'],
    ['Review 15 Dec', '2026-12-15'],
    ['Review on Dec 15', '2026-12-15'],
    ['Review December 15th', '2026-12-15'],
    ['Review Dec 15, 2026', '2026-12-15'],
    ['Review 2026-12-15', '2026-12-15'],
    ['Review 12/15', '2026-12-15'],
    ['Review 12/15/2026', '2026-12-15'],
    ['Review 2026/12/15', '2026-12-15'],
    ['Review today', '2026-12-02'],
    ['Review tomorrow', '2026-12-03'],
    ['Review in 2 days', '2026-12-04'],
    ['Review in a week', '2026-12-09'],
    ['Review tuesday', '2026-12-08'],
    ['Review next tuesday', '2026-12-08'],
    ['Review on tue', '2026-12-08'],
    ['Review wednesday', '2026-12-02'],
    ['Review next wednesday', '2026-12-09'],
    ['Review friday', '2026-12-04'],
    ['Review next friday', '2026-12-04'],
    ['Review tuesday next week', '2026-12-08'],
    ['Review Jan 5', '2027-01-05'],
  ])('%s is on %s', (text, date) => {
    expect(request(text)).toMatchObject({ title: 'Review', when: day(date) });
  });

  it('a day anywhere in the text: first, in the middle, last', () => {
    expect(request('tomorrow Review')).toMatchObject({ title: 'Review', when: day('2026-12-03') });
    expect(request('Review tomorrow with Bob')).toMatchObject({ title: 'Review with Bob', when: day('2026-12-03') });
    expect(request('Review with Bob on Dec 15')).toMatchObject({ title: 'Review with Bob', when: day('2026-12-15') });
  });

  it.each<[string, string, string, object | undefined]>([
    ['Offsite Dec 15-17', '2026-12-15', '2026-12-17', undefined],
    ['Offsite Dec 15 to 17', '2026-12-15', '2026-12-17', undefined],
    ['Offsite Dec 30 - Jan 2', '2026-12-30', '2027-01-02', undefined],
    ['Offsite monday to wednesday', '2026-12-07', '2026-12-09', undefined],
    ['Offsite friday to monday', '2026-12-04', '2026-12-07', undefined],
    ['Offsite mon-wed 9-11am', '2026-12-07', '2026-12-09', { kind: 'window', start: 540, end: 660 }],
    ['Offsite monday to wednesday 2-4pm', '2026-12-07', '2026-12-09', { kind: 'window', start: 840, end: 960 }],
    ['Offsite Dec 15-17 2-4pm', '2026-12-15', '2026-12-17', { kind: 'window', start: 840, end: 960 }],
    ['Offsite Dec 15-17 between 2 and 4pm', '2026-12-15', '2026-12-17', { kind: 'window', start: 840, end: 960 }],
    ['Offsite Dec 15 - Dec 17 from 9 to 11am', '2026-12-15', '2026-12-17', { kind: 'window', start: 540, end: 660 }],
    ['Offsite Dec 15 to 17 afternoon', '2026-12-15', '2026-12-17', { kind: 'window', start: 720, end: 1020, part: 'afternoon' }],
  ])('%s is a range of days', (text, from, to, time) => {
    expect(request(text)).toEqual({ mentions: ['U123'], emails: [], title: 'Offsite', when: { kind: 'days', from, to, ...(time ? { time } : {}) } });
  });

  it.each(['Sync Dec 15 3pm - Dec 16 4pm', 'Sync tomorrow 3pm to friday 4pm', 'Sync monday 2pm to wednesday 4pm'])('%s spans days and hours at once: refused', (text) => {
    expect(reason(text)).toMatch(/I can't search “.*”: give days .* and a time range .* apart/);
  });

  it('this week and next week', () => {
    expect(request('Review this week')).toMatchObject({ when: { kind: 'week', which: 'this' } });
    expect(request('Review next week afternoon')).toMatchObject({ when: { kind: 'week', which: 'next', time: { kind: 'window', start: 720, end: 1020 } } });
  });

  describe('slash dates', () => {
    it('12/15 can only be month first; 15/12 only day first', () => {
      for (const dateOrder of ['MDY', 'DMY'] as const) {
        expect(request('Review 12/15', { ...ctx, dateOrder }).when).toEqual(day('2026-12-15'));
        expect(request('Review 15/12', { ...ctx, dateOrder }).when).toEqual(day('2026-12-15'));
      }
    });

    it('an ambiguous one follows the order asked for, month first by default', () => {
      const now = at('2026-01-02T10:00');
      expect(request('Review 1/2', { now, zone: NY }).when).toEqual(day('2026-01-02'));
      expect(request('Review 2/1', { now, zone: NY, dateOrder: 'DMY' }).when).toEqual(day('2026-01-02'));
      expect(request('Review 2/1', { now, zone: NY, locale: 'en-GB' }).when).toEqual(day('2026-01-02'));
      expect(request('Review 1/2', { now, zone: NY, locale: 'en-US' }).when).toEqual(day('2026-01-02'));
      expect(request('Review 2/1', { now, zone: NY, locale: 'fr-FR' }).when).toEqual(day('2026-01-02'));
    });

    it('`24/7` is a title word', () => {
      expect(request('24/7 support handover')).toMatchObject({ title: '24/7 support handover', when: { kind: 'default' } });
    });
  });

  it.each([
    ['Review Dec 1', /Dec 1 has passed/],
    ['Review 12/1', /12\/1 has passed/],
    ['Review Jul 1', /Jul 1 has passed/],
    ['Review yesterday', /“yesterday” has passed/],
    ['Review last friday', /“last friday” has passed/],
    ['Review Dec 15, 2025', /has passed/],
    ['Review Feb 20', /Feb 20.*more than 60 days ahead/],
    ['Review in 90 days', /more than 60 days ahead/],
    ['Review Dec 15, 2027', /more than 60 days ahead/],
  ])('%s is refused: %s', (text, expected) => {
    expect(reason(text)).toMatch(expected);
  });

  it.each([
    ['Review Dec 32', '“Dec 32” is not a date'],
    ['Review 32 Dec', '“32 Dec” is not a date'],
    ['Review Feb 30', '“Feb 30” is not a date'],
    ['Review 13/45', '“13/45” is not a date'],
    ['Review 1/2/3/4', '“1/2/3/4” is not a date'],
    ['Review 12/15/123', '“12/15/123” is not a date'],
    ['Review 12/15/99999', '“12/15/99999” is not a date'],
    ['Review 0/12', '“0/12” is not a date'],
    ['Review 2026-13-45', '“2026-13-45” is not a date'],
    ['Review 25:00', '“25:00” is not a time'],
    ['Review 13pm', '“13pm” is not a time'],
  ])('%s: a date or time that does not read is an error quoting it', (text, expected) => {
    expect(reason(text)).toContain(expected);
  });

  it('two days are an error naming both', () => {
    expect(reason('Review tomorrow Dec 15')).toMatch(/two days.*“tomorrow”.*“Dec 15”/);
    expect(reason('Review on friday on tuesday')).toMatch(/two days/);
    expect(reason('Review this week tomorrow')).toMatch(/two days/);
  });

  it.each(['next month', 'in 3 months', 'in 30 minutes'])('`%s` is refused: it names no day to search', (words) => {
    expect(reason(`Review ${words}`)).toContain(`“${words}”`);
  });

  it('the punctuation that went with what was read leaves the title', () => {
    expect(request('Catch up, tomorrow 3pm.')).toMatchObject({ title: 'Catch up', when: day('2026-12-03', { kind: 'at', minute: 900 }) });
    expect(request('Sync (30 min)')).toMatchObject({ title: 'Sync', minutes: 30 });
  });

  it('a date that cannot be used says how to keep it in the title', () => {
    expect(reason('9/11 memorial')).toMatch(/9\/11 has passed.*put it in quotes/);
    expect(request('"9/11" memorial')).toMatchObject({ title: '"9/11" memorial' });
  });

  it('a weekday first in the title is the title’s, also after a duration; after a quoted word it is a day', () => {
    expect(request('30 min Friday review')).toMatchObject({ minutes: 30, title: 'Friday review', when: { kind: 'default' } });
    expect(request('“Q4” Friday review')).toMatchObject({ title: '“Q4” review', when: day('2026-12-04') });
  });

  it('a reading chrono runs into a word with is read without that word', () => {
    expect(request('Sync today +0A')).toMatchObject({ title: 'Sync +0A', when: day('2026-12-02') });
  });

  it('quoted words are always title', () => {
    expect(request('"Dec 15 retro" prep tomorrow')).toMatchObject({ title: '"Dec 15 retro" prep', when: day('2026-12-03') });
    expect(request('“1h with Bob” 30m')).toMatchObject({ title: '“1h with Bob”', minutes: 30 });
  });

  it('words that only look like dates stay in the title', () => {
    for (const title of ['Good morning team', 'March planning', 'Q4 2026 plan', 'v2 release', 'Sync 1on1', 'Sync now', 'Friday review', 'Sun review notes']) {
      expect(request(title)).toMatchObject({ title, when: { kind: 'default' } });
    }
  });
});

describe('times', () => {
  it.each<[string, object]>([
    ['Review at 3pm tomorrow', { kind: 'at', minute: 900 }],
    ['Review tomorrow 15:00', { kind: 'at', minute: 900 }],
    ['Review tomorrow at 9:30', { kind: 'at', minute: 570 }],
    ['Review tomorrow at 3', { kind: 'at', minute: 900 }],
    ['Review tomorrow at 03:00', { kind: 'at', minute: 180 }],
    ['Review tomorrow at noon', { kind: 'at', minute: 720 }],
    ['Review tomorrow between 2 and 4pm', { kind: 'window', start: 840, end: 960 }],
    ['Review tomorrow 2-4pm', { kind: 'window', start: 840, end: 960 }],
    ['Review tomorrow from 14:00 to 16:00', { kind: 'window', start: 840, end: 960 }],
    ['Review tomorrow 10am-12pm', { kind: 'window', start: 600, end: 720 }],
    ['Review tomorrow after 3pm', { kind: 'window', start: 900, end: 1440 }],
    ['Review tomorrow before noon', { kind: 'window', start: 0, end: 720 }],
    ['Review after 3pm tomorrow', { kind: 'window', start: 900, end: 1440 }],
    ['Review tomorrow by 5pm', { kind: 'window', start: 0, end: 1020 }],
    ['Review tomorrow morning', { kind: 'window', start: 540, end: 720, part: 'morning' }],
    ['Review tomorrow afternoon', { kind: 'window', start: 720, end: 1020, part: 'afternoon' }],
    ['Review tomorrow evening', { kind: 'window', start: 1020, end: 1200, part: 'evening' }],
    ['Review tomorrow afternoon at 3pm', { kind: 'at', minute: 900 }],
  ])('%s', (text, time) => {
    expect(request(text)).toMatchObject({ title: 'Review', when: day('2026-12-03', time as never) });
  });

  it('a time without a day applies to each of the next working days', () => {
    expect(request('Review at 3pm')).toMatchObject({ title: 'Review', when: { kind: 'default', time: { kind: 'at', minute: 900 } } });
    expect(request('Review afternoon')).toMatchObject({ when: { kind: 'default', time: { kind: 'window', start: 720, end: 1020, part: 'afternoon' } } });
  });

  it('this afternoon and tonight are today', () => {
    expect(request('Review this afternoon').when).toEqual(day('2026-12-02', { kind: 'window', start: 720, end: 1020, part: 'afternoon' }));
    expect(request('Review tonight').when).toEqual(day('2026-12-02', { kind: 'window', start: 1020, end: 1200, part: 'evening' }));
  });

  it.each([
    ['Review today at 9am', /09:00 on Wed 2 Dec has passed/],
    ['Review today 8-9am', /has passed/],
    ['Review tomorrow 4pm-2pm', /ends before it starts/],
    ['Review tomorrow between 4 and 2pm', /“tomorrow between 4 and 2pm” ends before it starts/],
    ['Review 10pm-2am', /ends before it starts/],
    ['Review tomorrow morning at 3pm', /not in the morning/],
    ['Review at 3pm at 4pm', /two times/],
    ['Review tomorrow 3pm EST', /your own time zone/],
  ])('%s is refused', (text, expected) => {
    expect(reason(text)).toMatch(expected);
  });
});

describe('long input', () => {
  it(`refuses more than ${MAX_TEXT_AFTER_PEOPLE} characters after the people before reading dates, and quickly`, () => {
    const started = performance.now();
    expect(reason(`Sync ${'friday '.repeat(600)}`)).toMatch(/too long \(4205 characters after the people; at most 1000/);
    expect(performance.now() - started).toBeLessThan(200);
    expect(reason(`Sync ${'friday '.repeat(140)}`)).toMatch(/two days/);
  });
});

describe('spans: what was understood, where', () => {
  it('lists the attendees, the duration, the day and the time with their offsets', () => {
    const text = '<@U123|lena> Review 1h tomorrow at 3pm';
    const parsed = parseSchedule(text, ctx);
    if (parsed.kind !== 'request') throw new Error('not a request');
    expect(parsed.spans.map((s) => [s.kind, s.text])).toEqual([
      ['attendee', '<@U123|lena>'],
      ['duration', '1h'],
      ['day', 'tomorrow at 3pm'],
    ]);
    for (const s of parsed.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('chrono does not read across what was read before it: `today afternoon 4pm` is three spans', () => {
    const text = '<@U1> today afternoon 4pm Sync';
    const parsed = parseSchedule(text, { now: at('2026-12-02T09:00'), zone: NY });
    if (parsed.kind !== 'request') throw new Error(JSON.stringify(parsed));
    expect(parsed.request.when).toEqual(day('2026-12-02', { kind: 'at', minute: 960 }));
    expect(parsed.spans.map((s) => [s.kind, s.text])).toEqual([
      ['attendee', '<@U1>'],
      ['day', 'today'],
      ['time', 'afternoon'],
      ['time', '4pm'],
    ]);
  });

  it('nor across a duration: `2-4pm 30m December Sync` keeps December in the title', () => {
    expect(request('2-4pm 30m December Sync')).toMatchObject({ minutes: 30, title: 'December Sync', when: { kind: 'default', time: { kind: 'window', start: 840, end: 960 } } });
    expect(reason('Sync 2-4pm December')).toMatch(/give a day \(Dec 15\) with the time/);
  });

  it('a part of the day read apart from the day is a time span', () => {
    const parsed = parseSchedule('<@U1> Review next tuesday with Bob afternoon', ctx);
    if (parsed.kind !== 'request') throw new Error('not a request');
    expect(parsed.spans.filter((s) => s.kind !== 'attendee').map((s) => [s.kind, s.text])).toEqual([
      ['day', 'next tuesday'],
      ['time', 'afternoon'],
    ]);
  });
});

describe('without a clock and zone, days stay relative', () => {
  it('keeps the stored kinds for today, tomorrow, weekdays and next week', () => {
    expect(request('Sync tomorrow', {}).when).toEqual({ kind: 'tomorrow' });
    expect(request('Sync next friday', {}).when).toEqual({ kind: 'weekday', weekday: 5, next: true });
    expect(request('Sync next week', {}).when).toEqual({ kind: 'next-week' });
  });

  it('the rest is a relative reading, placed when the search runs', () => {
    const when = request('Review tomorrow at 3pm', {}).when;
    expect(when).toEqual({ kind: 'relative', day: { kind: 'tomorrow' }, time: { kind: 'at', minute: 900 } });
    const plan = searchWindows(when, NOW, NY, [1, 2, 3, 4, 5]);
    expect(plan).toMatchObject({ kind: 'ok', days: [{ date: '2026-12-03', start: 900, end: 900, exact: true }] });
    expect(request('Review Dec 15', {}).when).toEqual({ kind: 'relative', day: { kind: 'date', month: 12, day: 15, text: 'Dec 15' } });
    expect(searchWindows(request('Review Dec 1', {}).when, NOW, NY, [1, 2, 3, 4, 5])).toEqual({ kind: 'invalid', reason: 'Dec 1 has passed (today is Wed 2 Dec).' });
  });

  it('an invalid zone is as no zone', () => {
    expect(request('Sync tomorrow', { now: NOW, zone: 'Not/AZone' }).when).toEqual({ kind: 'tomorrow' });
  });
});

describe('README examples', () => {
  it('`/schedule @alice 30m Sync`', () => {
    expect(request('30m Sync')).toEqual({ mentions: ['U123'], emails: [], minutes: 30, title: 'Sync', when: { kind: 'default' } });
  });

  it('`/schedule <@U1|alice> bob@x.com 1h30m Planning next friday`', () => {
    const parsed = parseSchedule('<@U1|alice> bob@x.com 1h30m Planning next friday', ctx);
    expect(parsed).toMatchObject({ kind: 'request', request: { mentions: ['U1'], emails: ['bob@x.com'], minutes: 90, title: 'Planning', when: day('2026-12-04') } });
  });

  it('`/schedule @alice 30m Sync tomorrow`', () => {
    expect(request('30m Sync tomorrow')).toMatchObject({ minutes: 30, title: 'Sync', when: day('2026-12-03') });
  });
});

describe('time zones and daylight saving', () => {
  const WORK = [1, 2, 3, 4, 5];

  it('New York spring forward: tomorrow at 9am is 13:00 UTC, not chrono’s EST 14:00', () => {
    const now = at('2026-03-07T23:30'); // Saturday, EST (-5)
    const r = request('Review tomorrow at 9am', { now, zone: NY });
    expect(r.when).toEqual(day('2026-03-08', { kind: 'at', minute: 540 }));
    const plan = searchWindows(r.when, now, NY, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    expect(windowIntervals(plan.days, NY, 60)).toEqual([{ start: Date.UTC(2026, 2, 8, 13), end: Date.UTC(2026, 2, 8, 14) }]);
  });

  it('New York spring forward: 02:30 does not exist that night', () => {
    const now = at('2026-03-07T12:00');
    expect(reason('Review tomorrow at 02:30', { now, zone: NY })).toMatch(/02:30 does not exist on Sun 8 Mar in America\/New_York/);
  });

  it('New York spring forward: the day is 23 hours long', () => {
    const now = at('2026-03-07T12:00');
    const plan = searchWindows(request('Review tomorrow', { now, zone: NY }).when, now, NY, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    const [whole] = windowIntervals(plan.days, NY, 30);
    expect(whole).toEqual({ start: Date.UTC(2026, 2, 8, 5), end: Date.UTC(2026, 2, 9, 4) });
  });

  it('New York fall back: the afternoon after the change is in EST, the day 25 hours long', () => {
    const now = at('2026-10-31T22:00'); // Saturday, EDT (-4)
    const r = request('Review tomorrow afternoon', { now, zone: NY });
    expect(r.when).toEqual(day('2026-11-01', { kind: 'window', start: 720, end: 1020, part: 'afternoon' }));
    const plan = searchWindows(r.when, now, NY, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    expect(windowIntervals(plan.days, NY, 30)).toEqual([{ start: Date.UTC(2026, 10, 1, 17), end: Date.UTC(2026, 10, 1, 22) }]);
    const whole = searchWindows(request('Review tomorrow', { now, zone: NY }).when, now, NY, WORK);
    if (whole.kind !== 'ok') throw new Error(whole.reason);
    const [i] = windowIntervals(whole.days, NY, 30);
    expect(((i?.end ?? 0) - (i?.start ?? 0)) / 3_600_000).toBe(25);
  });

  it('New York fall back: a weekday in the week after the change keeps its wall-clock time', () => {
    const now = at('2026-10-29T12:00'); // Thursday, EDT
    const r = request('Review next tuesday at 10am', { now, zone: NY });
    expect(r.when).toEqual(day('2026-11-03', { kind: 'at', minute: 600 }));
    const plan = searchWindows(r.when, now, NY, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    expect(windowIntervals(plan.days, NY, 30)[0]?.start).toBe(Date.UTC(2026, 10, 3, 15));
  });

  it('Europe/London spring forward: 01:30 does not exist, 09:00 is BST', () => {
    const zone = 'Europe/London';
    const now = at('2026-03-27T12:00', zone); // Friday
    expect(reason('Review sunday at 01:30', { now, zone })).toMatch(/01:30 does not exist on Sun 29 Mar/);
    const r = request('Review Mar 29 at 9am', { now, zone });
    const plan = searchWindows(r.when, now, zone, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    expect(windowIntervals(plan.days, zone, 30)[0]?.start).toBe(Date.UTC(2026, 2, 29, 8));
  });

  it('Asia/Kolkata (+5:30): today is the local date, already the next day in UTC', () => {
    const zone = 'Asia/Kolkata';
    const now = Date.UTC(2026, 2, 13, 18, 45); // 00:15 on Saturday 14 March in Kolkata
    expect(request('Review today', { now, zone }).when).toEqual(day('2026-03-14'));
    const r = request('Review tomorrow at 9:30', { now, zone });
    expect(r.when).toEqual(day('2026-03-15', { kind: 'at', minute: 570 }));
    const plan = searchWindows(r.when, now, zone, WORK);
    if (plan.kind !== 'ok') throw new Error(plan.reason);
    expect(windowIntervals(plan.days, zone, 30)[0]).toEqual({ start: Date.UTC(2026, 2, 15, 4), end: Date.UTC(2026, 2, 15, 4, 30) });
    expect(describeReading(r, now, zone)).toBe('at 09:30 on Sun 15 Mar');
  });

  it('reads the same whatever the process’s own time zone', () => {
    const saved = process.env.TZ;
    const texts = ['Review tomorrow at 9am', 'Review in 2 days afternoon', 'Review next tuesday 2-4pm', 'Review Mar 9'];
    const now = at('2026-03-07T23:30');
    const read = () => texts.map((t) => JSON.stringify(parseSchedule(`<@U1> ${t}`, { now, zone: NY })));
    try {
      process.env.TZ = 'UTC';
      const utc = read();
      for (const tz of ['Pacific/Chatham', 'America/Sao_Paulo', 'Europe/London', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(read()).toEqual(utc);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
