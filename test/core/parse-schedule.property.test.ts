import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MINUTES, MIN_MINUTES } from '../../src/core/duration.js';
import { MAX_ATTENDEES, MAX_TITLE_LENGTH, parseSchedule, type ScheduleParse } from '../../src/core/parse-schedule.js';

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

const tokenText = fc
  .tuple(fc.array(token, { maxLength: 30 }), fc.constantFrom(' ', '  ', '\t', '\n', ' \u00a0 '))
  .map(([words, sep]) => words.join(sep));

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

  it('a valid mention, duration and title always parse to a request with those values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^U[A-Z0-9]{2,10}$/), { minLength: 1, maxLength: MAX_ATTENDEES }),
        fc.integer({ min: MIN_MINUTES, max: MAX_MINUTES }),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/),
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
