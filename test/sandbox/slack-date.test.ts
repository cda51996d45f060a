import { describe, expect, it } from 'vitest';
import { formatSlackDate } from '../../sandbox/public/slack-date.js';

/** The page's renderer of Slack's `<!date^…>` tokens (plain JS, run here under Node's ICU). */

const at = Date.UTC(2030, 0, 15, 14, 5, 9) / 1000; // Tue 15 Jan 2030, 14:05:09 UTC
const newYork = { tz: 'America/New_York', clock: '12h' } as const;
const london = { tz: 'Europe/London', clock: '24h' } as const;
const kolkata = { tz: 'Asia/Kolkata', clock: '24h' } as const;
const show = (format: string, viewer: { tz: string; clock?: '12h' | '24h' }, now?: Date) => formatSlackDate(`!date^${at}^${format}`, viewer, now)?.text;

describe('Slack date tokens', () => {
  it('formats every documented token', () => {
    const tokens = '{date_num}|{date_slash}|{date_long}|{date_long_full}|{date}|{date_short}|{time}|{time_secs}';
    expect(show(tokens, newYork)?.split('|')).toEqual(['2030-01-15', '15/01/2030', 'Tuesday, January 15th, 2030', 'January 15, 2030', 'January 15', 'Jan 15, 2030', '9:05 AM', '9:05:09 AM']);
  });

  it('shows the same instant in each reader’s zone and clock', () => {
    expect(show('{date_short} at {time}', newYork)).toBe('Jan 15, 2030 at 9:05 AM');
    expect(show('{date_short} at {time}', london)).toBe('Jan 15, 2030 at 14:05');
    expect(show('{date_short} at {time_secs}', kolkata)).toBe('Jan 15, 2030 at 19:35:09');
    // Late evening in Los Angeles is already the next day in Kolkata.
    const evening = Date.UTC(2030, 0, 16, 3, 0) / 1000;
    expect(formatSlackDate(`!date^${evening}^{date_num} {time}`, { tz: 'America/Los_Angeles', clock: '12h' })?.text).toBe('2030-01-15 7:00 PM');
    expect(formatSlackDate(`!date^${evening}^{date_num} {time}`, kolkata)?.text).toBe('2030-01-16 08:30');
  });

  it('says today, yesterday and tomorrow in the reader’s own calendar, and how long ago', () => {
    const now = new Date(Date.UTC(2030, 0, 15, 20, 0));
    expect(show('{date_pretty}', london, now)).toBe('today');
    expect(show('{date_short_pretty}', london, new Date(Date.UTC(2030, 0, 16, 12)))).toBe('yesterday');
    expect(show('{date_long_pretty}', london, new Date(Date.UTC(2030, 0, 14, 12)))).toBe('tomorrow');
    expect(show('{date_pretty}', london, new Date(Date.UTC(2030, 0, 20)))).toBe('January 15');
    expect(show('{date_short_pretty}', london, new Date(Date.UTC(2030, 0, 20)))).toBe('Jan 15, 2030');
    expect(show('{day_divider_pretty}', london, new Date(Date.UTC(2030, 5, 1)))).toBe('Tuesday, January 15th');
    expect(show('{day_divider_pretty}', london, new Date(Date.UTC(2031, 5, 1)))).toBe('Tuesday, January 15th, 2030');
    // 20:00 UTC on the 15th is already the 16th in Kolkata: the 15th is "yesterday" there.
    expect(show('{date_pretty}', kolkata, now)).toBe('yesterday');
    expect(show('{ago}', london, new Date((at + 3 * 3600 + 60) * 1000))).toBe('3 hours ago');
    expect(show('{ago}', london, new Date((at - 2 * 86_400) * 1000))).toBe('in 2 days');
  });

  it('keeps the optional link, and gives up (fallback) on unknown tokens, bad timestamps and zones', () => {
    expect(formatSlackDate(`!date^${at}^{date_num}^https://example.com/x`, london)).toEqual({ text: '2030-01-15', link: 'https://example.com/x' });
    expect(formatSlackDate(`!date^${at}^{date_num} {weekday_fancy}`, london)).toBeUndefined();
    expect(formatSlackDate('!date^soon^{date_num}', london)).toBeUndefined();
    expect(formatSlackDate(`!date^${at}^`, london)).toBeUndefined();
    expect(formatSlackDate(`!date^${at}^{date}`, { tz: 'Nowhere/Atlantis' })).toBeUndefined();
    expect(formatSlackDate('!here', london)).toBeUndefined();
    expect(show('Due {date_short}, no later than {time}.', london)).toBe('Due Jan 15, 2030, no later than 14:05.');
  });
});
