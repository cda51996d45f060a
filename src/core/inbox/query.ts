import { DateTime } from 'luxon';
import type { TimeRange } from './ask.js';

/** The filters of an ask once a Slack user named as sender has become an email address. */
export interface MailFilters {
  from?: string | undefined;
  label?: string | undefined;
  range?: TimeRange | undefined;
}

export interface Bounds {
  /** Epoch milliseconds, inclusive. */
  after: number;
  before?: number | undefined;
}

/**
 * The time range in the asker's own zone. Day and week boundaries are local midnights, so they
 * are sent to Gmail as epoch seconds: Gmail reads `after:YYYY/MM/DD` in its own zone, not the
 * asker's, and `newer_than:2d` is only whole days.
 */
export function rangeBounds(range: TimeRange, now: number, zone: string): Bounds {
  const local = DateTime.fromMillis(now, { zone });
  const today = local.startOf('day');
  switch (range.kind) {
    case 'today':
      return { after: today.toMillis() };
    case 'yesterday':
      return { after: today.minus({ days: 1 }).toMillis(), before: today.toMillis() };
    case 'this-week':
      return { after: local.startOf('week').toMillis() };
    case 'hours':
      return { after: now - range.hours * 3_600_000 };
  }
}

/** Gmail's search values: quoted when they hold anything but plain address characters. */
function value(s: string): string {
  const bare = s.replace(/["\\]/g, '').trim();
  return /^[\p{L}\p{N}@._+-]+$/u.test(bare) ? bare : `"${bare}"`;
}

/** Gmail writes label names with `-` for spaces and for the `/` of nested labels. */
export function labelTerm(label: string): string {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/[\s/]+/g, '-')
    .replace(/["\\(){}]/g, '');
  return name === 'inbox' ? 'in:inbox' : `label:${name}`;
}

/**
 * The Gmail search for an ask: unread mail in the inbox by default. A label replaces the inbox,
 * because mail a filter labels often skips the inbox and is exactly what the asker wants.
 */
export function buildGmailQuery(f: MailFilters, now: number, zone: string): string {
  const terms = ['is:unread', f.label !== undefined ? labelTerm(f.label) : 'in:inbox'];
  if (f.from !== undefined) terms.push(`from:${value(f.from)}`);
  if (f.range !== undefined) {
    const b = rangeBounds(f.range, now, zone);
    terms.push(`after:${Math.floor(b.after / 1000)}`);
    if (b.before !== undefined) terms.push(`before:${Math.floor(b.before / 1000)}`);
  }
  return terms.join(' ');
}

/** "today", "in the last 48 hours": how the summary names the range it covers. */
export function describeRange(range: TimeRange): string {
  switch (range.kind) {
    case 'today':
      return 'today';
    case 'yesterday':
      return 'yesterday';
    case 'this-week':
      return 'this week';
    case 'hours':
      if (range.hours === 1) return 'in the last hour';
      if (range.hours % 24 === 0 && range.hours >= 48) return `in the last ${range.hours / 24} days`;
      return `in the last ${range.hours} hours`;
  }
}
