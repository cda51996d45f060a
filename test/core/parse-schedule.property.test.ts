import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { MAX_MINUTES, MIN_MINUTES } from '../../src/core/duration.js';
import { MAX_ATTENDEES, MAX_TITLE_LENGTH, parseSchedule, ScheduleRequest, type ScheduleParse } from '../../src/core/parse-schedule.js';
import { describeReading, searchWindows } from '../../src/core/when.js';

const RUNS = { numRuns: 500 };

function checkShape(parsed: ScheduleParse): void {
  switch (parsed.kind) {
    case 'help':
      expect(Object.keys(parsed)).toEqual(['kind']);
      return;
    case 'invalid':
      expect(typeof parsed.reason).toBe('string');
      expect(parsed.reason.length).toBeGreaterThan(10);
      return;
    case 'request': {
      const r = parsed.request;
      if (r.minutes !== undefined) {
        expect(Number.isInteger(r.minutes)).toBe(true);
        expect(r.minutes).toBeGreaterThanOrEqual(MIN_MINUTES);
        expect(r.minutes).toBeLessThanOrEqual(MAX_MINUTES);
      }
      expect(r.mentions.length + r.emails.length).toBeGreaterThanOrEqual(1);
      expect(r.mentions.length + r.emails.length).toBeLessThanOrEqual(MAX_ATTENDEES);
      expect(new Set(r.mentions).size).toBe(r.mentions.length);
      expect(new Set(r.emails).size).toBe(r.emails.length);
      for (const e of r.emails) expect(e).toBe(e.toLowerCase());
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      expect(r.title).not.toMatch(/<[@#!][^>]*>/);
      return;
    }
    default:
      throw new Error(`unexpected parse ${JSON.stringify(parsed)}`);
  }
}

const token = fc.oneof(
  fc.constantFrom('<@U123|alice>', '<@U123>', '<@W9>', '<!here>', '<!channel>', '<!subteam^S1|x>', '<#C1|gen>'),
  fc.constantFrom('a@b.com', 'A@B.COM', '<mailto:x@y.org|x@y.org>', '@alice', 'not@mail'),
  fc.constantFrom('30m', '45min', '1h', '1h30m', '90m', '1.5h', '4m', '9h', '1.01h', '0m', '8h', '481m', '1e3m', '.5h'),
  fc.constantFrom('today', 'tomorrow', 'friday', 'on', 'next', 'week', 'help', 'Sync', 'Weekly', '&', '<', '>'),
  fc.nat({ max: 10_000 }).map((n) => `${n}m`),
  fc.string({ minLength: 1, maxLength: 8 }),
);

const tokenText = fc.tuple(fc.array(token, { maxLength: 30 }), fc.constantFrom(' ', '  ', '\t', '\n', ' \u00a0 ')).map(([words, sep]) => words.join(sep));

describe('parseSchedule properties', () => {
  it('never throws and returns a well-formed result for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => checkShape(parseSchedule(text))),
      RUNS,
    );
  });

  it('never throws for any full-unicode grapheme string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => checkShape(parseSchedule(text))),
      RUNS,
    );
  });

  it('never throws for any binary (any code point) string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkShape(parseSchedule(text))),
      RUNS,
    );
  });

  it('never throws for token-ish input built from mentions, emails, durations and words', () => {
    fc.assert(
      fc.property(tokenText, (text) => checkShape(parseSchedule(text))),
      { numRuns: 2000 },
    );
  });

  /**
   * Words that are read on purpose, which random words sometimes spell: a month run into a day
   * (`Jan1`, `aug4`), `tmr`/`tmrw` for tomorrow, and `NaN`/`Infinity` with a unit (`Nanh`), which
   * is a duration gone wrong and must never pass as a title word (src/core/duration.ts).
   */
  const READ_ON_PURPOSE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\d|^tmrw?$|^(?:nan|infinity)/i;

  it('a valid mention, duration and title always parse to a request with those values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^U[A-Z0-9]{2,10}$/), { minLength: 1, maxLength: MAX_ATTENDEES }),
        fc.integer({ min: MIN_MINUTES, max: MAX_MINUTES }),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/).filter((w) => !READ_ON_PURPOSE.test(w)),
        (ids, minutes, word) => {
          const title = `Topic ${word} notes`;
          const parsed = parseSchedule(`${ids.map((id) => `<@${id}>`).join(' ')} ${minutes}m ${title}`);
          if (parsed.kind !== 'request') throw new Error(`not a request: ${JSON.stringify(parsed)}`);
          expect(parsed.request).toEqual({ mentions: ids, emails: [], minutes, title, when: { kind: 'default' } });
        },
      ),
      RUNS,
    );
  });
});

describe('parseSchedule properties with a clock and zone', () => {
  const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe', 'Pacific/Apia', 'America/Sao_Paulo'];
  const context = fc.record({
    // 2024–2028, DST changes included.
    now: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }),
    zone: fc.constantFrom(...ZONES),
    dateOrder: fc.constantFrom<'MDY' | 'DMY' | undefined>('MDY', 'DMY', undefined),
  });

  const whenWord = fc.constantFrom(
    'today',
    'tomorrow',
    'tonight',
    'yesterday',
    'friday',
    'Fri',
    'Sun',
    'on',
    'next',
    'this',
    'week',
    'in',
    '2',
    'days',
    'a',
    'morning',
    'afternoon',
    'evening',
    'at',
    '3pm',
    '15:00',
    '9:30',
    '3',
    'noon',
    'between',
    'and',
    '4pm',
    '2-4pm',
    'from',
    'to',
    'after',
    'before',
    'by',
    'Dec',
    '15',
    'December',
    '15th',
    '1',
    '32',
    'Feb',
    '30',
    '12/15',
    '5/6',
    '13/45',
    '24/7',
    '2026-12-15',
    '2026-13-45',
    '25:00',
    '13pm',
    'EST',
    'month',
    'last',
    'now',
    'March',
    'half',
    'an',
    'hour',
    'hours',
    'min',
    '90',
    'minutes',
    'for',
    '1.5',
    '-30m',
    'NaNm',
    '1.5.5h',
    '30mm',
    '"',
    '“quoted”',
    '0m',
    '1h',
    '30m',
  );
  const commandText = fc
    .tuple(
      fc.array(fc.constantFrom('<@U1|a>', '<@U2>', 'x@y.org'), { minLength: 1, maxLength: 3 }),
      fc.array(fc.oneof({ weight: 3, arbitrary: whenWord }, { weight: 2, arbitrary: fc.constantFrom('Sync', 'Review', 'plan', 'Q&amp;A', 'with', 'Bob') }, fc.string({ maxLength: 6 })), {
        maxLength: 12,
      }),
    )
    .map(([people, rest]) => [...people, ...rest].join(' '));

  it('any text is a reading or a clear error, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), commandText), context, (text, options) => checkShape(parseSchedule(text, options))),
      { numRuns: 1500 },
    );
  });

  it('every request round-trips through JSON and the schema, and can be searched', () => {
    fc.assert(
      fc.property(commandText, context, (text, options) => {
        const parsed = parseSchedule(text, options);
        if (parsed.kind !== 'request') return;
        const back = ScheduleRequest.parse(JSON.parse(JSON.stringify(parsed.request)));
        expect(back).toEqual(parsed.request);
        const plan = searchWindows(parsed.request.when, options.now, options.zone, [1, 2, 3, 4, 5]);
        expect(plan.kind).toBe('ok');
        expect(describeReading(parsed.request, options.now, options.zone).length).toBeGreaterThan(5);
      }),
      { numRuns: 1500 },
    );
  });

  it('without a clock or zone, every request still round-trips and is placed (or refused) when searched', () => {
    fc.assert(
      fc.property(commandText, context, (text, options) => {
        const parsed = parseSchedule(text, { dateOrder: options.dateOrder });
        if (parsed.kind !== 'request') return;
        expect(ScheduleRequest.parse(JSON.parse(JSON.stringify(parsed.request)))).toEqual(parsed.request);
        expect(['default', 'today', 'tomorrow', 'weekday', 'next-week', 'week', 'relative']).toContain(parsed.request.when.kind);
        const plan = searchWindows(parsed.request.when, options.now, options.zone, [1, 2, 3, 4, 5]);
        if (plan.kind === 'invalid') expect(plan.reason.length).toBeGreaterThan(10);
        else for (const d of plan.days) expect(d.start).toBeLessThanOrEqual(d.end);
      }),
      { numRuns: 1000 },
    );
  });

  it('nothing that was read stays in the title, and no title word reads as a duration, day or time', () => {
    fc.assert(
      fc.property(commandText, context, (text, options) => {
        const parsed = parseSchedule(text, options);
        if (parsed.kind !== 'request') return;
        // The title is exactly the words that no span covers.
        for (const span of parsed.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
        for (const [k, span] of parsed.spans.entries()) expect(span.start).toBeGreaterThanOrEqual(parsed.spans[k - 1]?.end ?? 0);
        const unread = [...text.matchAll(/\S+/g)].filter((m) => !parsed.spans.some((s) => s.start < m.index + m[0].length && m.index < s.end)).map((m) => m[0]);
        expect(parsed.request.title).toBe(
          unread
            .join(' ')
            .replace(/\s*,+$/, '')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&'),
        );
        // Read again, words kept apart (what was read between them no longer joins them), the
        // title reads as nothing but a title.
        const words = parsed.request.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').split(' ');
        const again = parseSchedule(`<@U9> 30m ${words.join(' · ')}`, options);
        if (again.kind !== 'request') throw new Error(`title "${parsed.request.title}" of ${JSON.stringify(text)} reads as ${JSON.stringify(again)}`);
        expect(again.request).toMatchObject({ minutes: 30, title: words.join(' · ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), when: { kind: 'default' } });
        expect(again.spans.map((s) => s.kind)).toEqual(['attendee', 'duration']);
      }),
      { numRuns: 1500 },
    );
  });

  it('a day written any way within 60 days reads as that calendar day in the zone', () => {
    fc.assert(
      fc.property(context, fc.integer({ min: 0, max: 60 }), fc.constantFrom('LLL d', 'd LLL', 'LLLL d', "'on' LLL d", 'slash'), (options, ahead, form) => {
        const date = DateTime.fromMillis(options.now, { zone: options.zone }).startOf('day').plus({ days: ahead });
        const order = options.dateOrder ?? 'MDY';
        const words = form === 'slash' ? (order === 'MDY' ? `${date.month}/${date.day}` : `${date.day}/${date.month}`) : date.setLocale('en-US').toFormat(form);
        const parsed = parseSchedule(`<@U1> Review ${words}`, options);
        if (parsed.kind !== 'request') throw new Error(`${words}: ${JSON.stringify(parsed)}`);
        expect(parsed.request.when).toEqual({ kind: 'days', from: date.toISODate(), to: date.toISODate() });
        expect(parsed.request.title).toBe('Review');
      }),
      { numRuns: 500 },
    );
  });

  it('a duration written any way, anywhere, reads as its minutes', () => {
    fc.assert(
      fc.property(
        context,
        fc.integer({ min: MIN_MINUTES, max: MAX_MINUTES }),
        fc.constantFrom('m', 'min', ' min', ' mins', ' minutes', 'hm'),
        fc.boolean(),
        (options, minutes, unit, after) => {
          const h = Math.floor(minutes / 60);
          const words = unit === 'hm' ? (minutes % 60 === 0 ? `${h} hours` : h === 0 ? `${minutes}m` : `${h}h${minutes % 60}m`) : `${minutes}${unit}`;
          const text = after ? `<@U1> Weekly review ${words}` : `<@U1> ${words} Weekly review`;
          const parsed = parseSchedule(text, options);
          if (parsed.kind !== 'request') throw new Error(`${text}: ${JSON.stringify(parsed)}`);
          expect(parsed.request).toMatchObject({ minutes, title: 'Weekly review', when: { kind: 'default' } });
        },
      ),
      RUNS,
    );
  });
});
