import { DateTime } from 'luxon';
import type { Interval } from '../intervals.js';
import { safeZone } from '../zone-names.js';
import { zoneAbbreviation } from '../zone-clock.js';

/**
 * Slack reads `<…>` as links and mentions and `&` as an entity; escaping these three is what
 * Slack asks for, and it is what keeps a title like `<!channel>` from pinging anyone.
 */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Longest meeting title shown, once escaped (titles are at most 200 characters when typed). */
export const MAX_TITLE = 300;

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * `s` escaped, and cut so that the escaped text is at most `max` characters (UTF-16 units, which
 * is at least what Slack counts). The cut ends in "…", falls between code points and never
 * splits an entity, so the worst case (all `&`) still fits.
 */
export function shown(s: string, max: number): string {
  const full = escapeText(s);
  if (full.length <= max) return full;
  let out = '';
  for (const c of s) {
    const e = ESCAPED[c] ?? c;
    if (out.length + e.length + 1 > max) break;
    out += e;
  }
  return `${out}…`;
}

/** One line of text: control characters and runs of white space become one space. */
export const oneLine = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The start of a text that may be huge, before it is flattened and cut: `max` characters of
 * it are shown at most, and looking at a few times that many is enough (runs of white space
 * shrink when flattened).
 */
export const head = (s: string, max: number): string => (s.length > max * 4 + 64 ? s.slice(0, max * 4 + 64) : s);

/**
 * Lookalikes for mrkdwn's formatting characters. Slack has no escape for `*`, `_`, `~` or a
 * backquote, so text from outside (mail subjects, senders) that goes into mrkdwn gets these
 * instead: it reads the same and can never bold, italicize, strike or code anything.
 */
const INERT: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/**
 * Outside text made safe for mrkdwn: one line, entity-escaped (no pings, no links), formatting
 * characters replaced by lookalikes, and at most `max` characters once escaped.
 */
export function inert(s: string, max: number): string {
  return shown(
    oneLine(head(s, max)).replace(/[*_~`]/g, (c) => INERT[c] ?? c),
    max,
  );
}

/** `Mon 23 Nov, 10:00–10:30 EST` in the given zone: plain text, for fallbacks and email. */
export function formatSlot(slot: Interval, zone: string): string {
  const z = safeZone(zone);
  const start = DateTime.fromMillis(slot.start, { zone: z });
  const end = DateTime.fromMillis(slot.end, { zone: z });
  return `${start.toFormat('ccc d LLL, HH:mm')}–${end.toFormat('HH:mm')} ${zoneAbbreviation(slot.start, z)}`;
}

export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface ListOptions {
  /** Most items shown before "+N more". */
  maxItems?: number;
  /** Between items; the last two are joined with " and " when the whole list fits. */
  separator?: string;
  /** How many there are in all, when `items` holds only the first few of them. */
  total?: number;
}

/**
 * Already-formatted items as one list of at most `maxChars` characters: "A, B and C" when all
 * fit, else as many as fit followed by "+N more". An item longer than the budget on its own is
 * left out (and counted in N), so the result never passes `maxChars`.
 */
export function listWithin(items: readonly string[], maxChars: number, opts: ListOptions = {}): string {
  const sep = opts.separator ?? ', ';
  const maxItems = Math.max(0, opts.maxItems ?? Number.POSITIVE_INFINITY);
  const total = Math.max(items.length, opts.total ?? 0);
  if (total === items.length && items.length <= maxItems) {
    const all = sep === ', ' ? listNames(items) : items.join(sep);
    if (all.length <= maxChars) return all;
  }
  const more = (n: number) => `+${n} more`;
  const shownItems: string[] = [];
  let length = 0;
  for (const item of items) {
    if (shownItems.length >= maxItems) break;
    const rest = total - shownItems.length - 1;
    const add = (shownItems.length > 0 ? sep.length : 0) + item.length;
    const tail = rest > 0 ? sep.length + more(rest).length : 0;
    if (length + add + tail > maxChars) break;
    shownItems.push(item);
    length += add;
  }
  const left = total - shownItems.length;
  if (left === 0) return shownItems.join(sep);
  const tail = more(left);
  return shownItems.length === 0 ? (tail.length <= maxChars ? tail : '') : `${shownItems.join(sep)}${sep}${tail}`;
}

/** Longest URL put in a mrkdwn link; real event, Meet and Gmail links are far shorter. */
export const MAX_LINK = 800;

/**
 * `<url|label>` for an http(s) URL that cannot break out of the link (no spaces, `<`, `>` or
 * `|`) and is not absurdly long; undefined otherwise, so a bad link is left out rather than
 * shown broken. The label must already be escaped.
 */
export function mrkdwnLink(url: string | undefined, label: string): string | undefined {
  if (url === undefined || url.length > MAX_LINK || !/^https?:\/\/[^\s<>|]+$/.test(url)) return undefined;
  return `<${url}|${label}>`;
}
