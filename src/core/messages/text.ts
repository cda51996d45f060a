import { DateTime } from 'luxon';
import type { Interval } from '../intervals.js';
import { zoneAbbreviation } from '../zone-clock.js';

/**
 * Slack reads `<…>` as links and mentions and `&` as an entity; escaping these three is what
 * Slack asks for, and it is what keeps a title like `<!channel>` from pinging anyone.
 */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `Mon 23 Nov, 10:00–10:30 EST` in the given zone. */
export function formatSlot(slot: Interval, zone: string): string {
  const start = DateTime.fromMillis(slot.start, { zone });
  const end = DateTime.fromMillis(slot.end, { zone });
  return `${start.toFormat('ccc d LLL, HH:mm')}–${end.toFormat('HH:mm')} ${zoneAbbreviation(slot.start, zone)}`;
}

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
