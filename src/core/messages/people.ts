import { localTimes, type Person } from '../zone-names.js';
import { head, listWithin, oneLine, shown } from './text.js';

/** Longest name shown; a name is a Slack display name or an email address. */
export const MAX_NAME = 60;

/** Names as one escaped list of at most `maxChars`: "Ann, Bo and Cy", "Ann, Bo, +198 more". */
export function namesText(names: readonly string[], maxChars: number, maxItems = 10): string {
  // Only the names that can be shown are formatted; the rest are counted.
  const first = names.slice(0, maxItems).map((n) => shown(oneLine(head(n, MAX_NAME)) || '(no name)', MAX_NAME));
  return listWithin(first, maxChars, { maxItems, total: names.length });
}

/**
 * The meeting's time on the clocks of the people whose zone shows another time than the
 * organizer's: "20:00 for Alice, London · Wed 04:30 for Bo and Cy, Tokyo". Empty when nobody's
 * does. These are other people's clocks, so they are plain text, not date tokens (a token
 * would show the reader's own time again).
 */
export function localTimesText(at: number, organizerZone: string, people: readonly Person[], maxChars: number): string {
  const parts = localTimes(at, organizerZone, people).map((t) => {
    const who = namesText(t.names, 160, 3);
    return `${t.weekday !== undefined ? `${t.weekday} ` : ''}${t.time} for ${who}, ${shown(t.city, 40)}`;
  });
  return listWithin(parts, maxChars, { separator: ' · ', maxItems: 8 });
}
