import { describe, expect, it } from 'vitest';
import { buildGmailQuery, describeRange, labelTerm, rangeBounds } from '../../../src/core/inbox/query.js';

/** Tue 10 Mar 2026 20:00Z: already Wed 11 Mar 01:30 in Kolkata, Tue 16:00 in New York (EDT). */
const NOW = Date.UTC(2026, 2, 10, 20, 0);
const secs = (ms: number) => ms / 1000;

describe('buildGmailQuery', () => {
  it('asks for unread inbox mail by default', () => {
    expect(buildGmailQuery({}, NOW, 'UTC')).toBe('is:unread in:inbox');
  });

  it('a sender becomes from:, quoted when it is not a plain address', () => {
    expect(buildGmailQuery({ from: 'boss@company.com' }, NOW, 'UTC')).toBe('is:unread in:inbox from:boss@company.com');
    expect(buildGmailQuery({ from: 'Ann Lee' }, NOW, 'UTC')).toBe('is:unread in:inbox from:"Ann Lee"');
    expect(buildGmailQuery({ from: 'a"b' }, NOW, 'UTC')).toBe('is:unread in:inbox from:ab');
  });

  it('a label replaces the inbox, written the way Gmail searches labels', () => {
    expect(buildGmailQuery({ label: 'work' }, NOW, 'UTC')).toBe('is:unread label:work');
    expect(labelTerm('Project X/Q3')).toBe('label:project-x-q3');
    expect(labelTerm('INBOX')).toBe('in:inbox');
  });

  it('"today" starts at midnight in the asker’s zone, not Gmail’s (a half-hour zone already on the next day)', () => {
    expect(buildGmailQuery({ range: { kind: 'today' } }, NOW, 'Asia/Kolkata')).toBe(`is:unread in:inbox after:${secs(Date.UTC(2026, 2, 10, 18, 30))}`);
    expect(buildGmailQuery({ range: { kind: 'today' } }, NOW, 'America/New_York')).toBe(`is:unread in:inbox after:${secs(Date.UTC(2026, 2, 10, 4, 0))}`);
    expect(buildGmailQuery({ range: { kind: 'today' } }, NOW, 'UTC')).toBe(`is:unread in:inbox after:${secs(Date.UTC(2026, 2, 10))}`);
  });

  it('"yesterday" is the whole local day before', () => {
    expect(buildGmailQuery({ range: { kind: 'yesterday' } }, NOW, 'Asia/Kolkata')).toBe(
      `is:unread in:inbox after:${secs(Date.UTC(2026, 2, 9, 18, 30))} before:${secs(Date.UTC(2026, 2, 10, 18, 30))}`,
    );
  });

  it('"yesterday" across the spring-forward change is 23 hours long', () => {
    // Mon 9 Mar 2026 in New York: Sunday 8 March had only 23 hours.
    const b = rangeBounds({ kind: 'yesterday' }, Date.UTC(2026, 2, 9, 15), 'America/New_York');
    expect(b).toEqual({ after: Date.UTC(2026, 2, 8, 5), before: Date.UTC(2026, 2, 9, 4) });
    expect((b.before ?? 0) - b.after).toBe(23 * 3_600_000);
  });

  it('"this week" starts on Monday 00:00 local', () => {
    // Wednesday in Kolkata, so Monday 9 March 00:00 IST.
    expect(rangeBounds({ kind: 'this-week' }, NOW, 'Asia/Kolkata').after).toBe(Date.UTC(2026, 2, 8, 18, 30));
    expect(rangeBounds({ kind: 'this-week' }, NOW, 'America/New_York').after).toBe(Date.UTC(2026, 2, 9, 4));
  });

  it('"the last 48 hours" is exact to the second, not whole days', () => {
    expect(buildGmailQuery({ range: { kind: 'hours', hours: 48 } }, NOW + 999, 'Asia/Kolkata')).toBe(`is:unread in:inbox after:${secs(NOW - 48 * 3_600_000)}`);
  });

  it('puts every filter together', () => {
    expect(buildGmailQuery({ from: 'boss@company.com', label: 'work', range: { kind: 'today' } }, NOW, 'UTC')).toBe(
      `is:unread label:work from:boss@company.com after:${secs(Date.UTC(2026, 2, 10))}`,
    );
  });
});

describe('describeRange', () => {
  it.each([
    [{ kind: 'today' } as const, 'today'],
    [{ kind: 'yesterday' } as const, 'yesterday'],
    [{ kind: 'this-week' } as const, 'this week'],
    [{ kind: 'hours', hours: 1 } as const, 'in the last hour'],
    [{ kind: 'hours', hours: 24 } as const, 'in the last 24 hours'],
    [{ kind: 'hours', hours: 72 } as const, 'in the last 3 days'],
  ])('%j reads “%s”', (range, text) => {
    expect(describeRange(range)).toBe(text);
  });
});
