import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_TOKENS, dateToken, fallbackAt, MEETING_DAY, RECEIVED, slackDate, spanToken } from '../../../src/core/messages/date-token.js';

/** Wed 2 Dec 2026 20:00Z: 15:00 in New York. */
const AT = Date.UTC(2026, 11, 2, 20, 0);
const S = AT / 1000;

describe('slackDate', () => {
  it('builds <!date^UNIX^FORMAT|FALLBACK>, in whole seconds', () => {
    expect(slackDate(AT + 999, '{date_short_pretty} at {time}', 'Wed 2 Dec 15:00 EST')).toBe(`<!date^${S}^{date_short_pretty} at {time}|Wed 2 Dec 15:00 EST>`);
  });

  it('adds an optional link, only a plain http(s) one', () => {
    expect(slackDate(AT, '{time}', 'x', 'https://x.test/e?id=1')).toBe(`<!date^${S}^{time}^https://x.test/e?id=1|x>`);
    expect(slackDate(AT, '{time}', 'x', 'https://x.test/a|b>')).toBe(`<!date^${S}^{time}|x>`);
  });

  it('escapes the fallback, which can hold no markup, break or bar', () => {
    expect(slackDate(AT, '{time}', '<!channel> & |\nok')).toBe(`<!date^${S}^{time}|&lt;!channel&gt; &amp; ¦ ok>`);
  });

  it('cleans the format of anything that would end the token', () => {
    expect(slackDate(AT, '{time}|<x>^', 'f')).toBe(`<!date^${S}^{time}  x  |f>`);
  });

  it('gives the fallback alone for a time that is not a number', () => {
    expect(slackDate(Number.NaN, '{time}', 'soon')).toBe('soon');
  });

  it('uses only Slack’s documented tokens in its formats', () => {
    for (const format of [MEETING_DAY, RECEIVED]) {
      for (const token of format.match(/\{[a-z_]+\}/g) ?? []) expect(DATE_TOKENS).toContain(token);
    }
  });

  it('is one token Slack can parse, for any time, format and fallback (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.string(), fc.string(), (at, format, fallback) => {
        const token = slackDate(at, format, fallback);
        expect(token).toMatch(/^<!date\^\d+\^[^|^<>\n]*\|[^<>|\n]*>$/);
      }),
    );
  });
});

describe('fallbacks carry the zone', () => {
  it('reads like “Wed 2 Dec 15:00 EST”', () => {
    expect(fallbackAt(AT, 'America/New_York')).toBe('Wed 2 Dec 15:00 EST');
    expect(fallbackAt(AT, 'Europe/London')).toBe('Wed 2 Dec 20:00 GMT');
  });

  it('falls back to UTC for a zone nobody knows', () => {
    expect(fallbackAt(AT, 'Mars/Olympus_Mons')).toBe('Wed 2 Dec 20:00 UTC');
  });

  it('a meeting is its day and start, then its end time', () => {
    expect(dateToken(AT, 'America/New_York')).toBe(`<!date^${S}^{date_long_pretty} at {time}|Wed 2 Dec 15:00 EST>`);
    expect(spanToken({ start: AT, end: AT + 30 * 60_000 }, 'America/New_York')).toBe(`<!date^${S}^{date_long_pretty} at {time}|Wed 2 Dec 15:00 EST>–<!date^${S + 1800}^{time}|15:30 EST>`);
  });
});
