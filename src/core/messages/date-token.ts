import type { Interval } from '../intervals.js';
import { safeZone } from '../zone-names.js';
import { clockOf, dayLabelOf, wallTime, zoneAbbreviation } from '../zone-clock.js';
import { escapeText, oneLine } from './text.js';

/**
 * Slack's date tokens. Slack fills them in for each reader, in the reader's own time zone and
 * 12/24-hour setting: `{date_pretty}`-style tokens say today, yesterday or tomorrow where they
 * apply. (Formatting text for app surfaces, "Date formatting".)
 */
export const DATE_TOKENS = ['{date_num}', '{date}', '{date_short}', '{date_long}', '{date_pretty}', '{date_short_pretty}', '{date_long_pretty}', '{time}', '{time_secs}'] as const;
export type DateToken = (typeof DATE_TOKENS)[number];

/** The day and the start time of a meeting: "Tuesday, March 10th, 2026 at 9:00 AM" or "tomorrow at 09:00". */
export const MEETING_DAY: string = '{date_long_pretty} at {time}';
/** When mail arrived: "today at 15:30", "Mar 7, 2026 at 9:12 AM". */
export const RECEIVED: string = '{date_short_pretty} at {time}';
export const TIME: string = '{time}';

/** Characters that would end or split the token; the format is ours, but never trusted blindly. */
const clean = (s: string) => oneLine(s).replace(/[|^<>&]/g, ' ');

/**
 * `<!date^UNIX^FORMAT[^LINK]|FALLBACK>`. The fallback is what readers see where Slack cannot
 * render the token (old clients, some notifications): it is escaped like any other text and
 * should carry the zone it is written in. A timestamp that is not a finite number gives the
 * fallback alone.
 */
export function slackDate(at: number, format: string, fallback: string, link?: string): string {
  const fb = escapeText(oneLine(fallback)).replace(/\|/g, '¦');
  if (!Number.isFinite(at)) return fb;
  const seconds = Math.floor(at / 1000);
  const safeLink = link !== undefined && /^https?:\/\/[^\s|^<>]+$/.test(link) ? `^${link}` : '';
  return `<!date^${seconds}^${clean(format)}${safeLink}|${fb}>`;
}

/** `Wed 2 Dec 15:00 EST`: the fallback for a moment, in the zone that decided it. */
export function fallbackAt(at: number, zone: string): string {
  if (!Number.isFinite(at)) return 'unknown time';
  const z = safeZone(zone);
  const t = wallTime(at, z);
  return `${dayLabelOf(t.date)} ${clockOf(t)} ${zoneAbbreviation(at, z)}`;
}

/** `15:30 EST`: the fallback for a time of day. */
export function fallbackTime(at: number, zone: string): string {
  if (!Number.isFinite(at)) return 'unknown time';
  const z = safeZone(zone);
  return `${clockOf(wallTime(at, z))} ${zoneAbbreviation(at, z)}`;
}

/** A moment as each reader's own day and time, e.g. for a meeting's start. */
export const dateToken = (at: number, zone: string, format: string = MEETING_DAY): string => slackDate(at, format, fallbackAt(at, zone));

/** A meeting's span as each reader's day and times: "tomorrow at 9:00 AM–9:30 AM". */
export function spanToken(slot: Interval, zone: string): string {
  return `${dateToken(slot.start, zone)}–${slackDate(slot.end, TIME, fallbackTime(slot.end, zone))}`;
}
