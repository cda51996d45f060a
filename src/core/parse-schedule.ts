import { DateTime } from 'luxon';
import { z } from 'zod';
import { durationAt, MAX_MINUTES, MIN_MINUTES, parseDuration } from './duration.js';
import { KEEP, quote, readWhen, type DateOrder, type DayItem, type Span, type Word } from './read-when.js';
import { resolveDay, resolveWhen, When, type TimeOfDay } from './when.js';

export type { DateOrder, Span } from './read-when.js';

export const MAX_ATTENDEES = 20;
export const MAX_TITLE_LENGTH = 200;
/** What may follow the attendees: a title, a duration, a day and a time, with room to spare. */
export const MAX_TEXT_AFTER_PEOPLE = 1000;

/**
 * A parsed `/schedule`, as stored with the request: plain JSON (dates as ISO strings, times as
 * minutes), so a stored record is checked against this very schema when it is read back.
 */
export const ScheduleRequest = z.object({
  mentions: z.array(z.string()),
  emails: z.array(z.string()),
  /** Absent when the user gave none: their default duration applies. */
  minutes: z.number().int().min(MIN_MINUTES).max(MAX_MINUTES).optional(),
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  when: When,
});
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

export type ScheduleParse =
  | { kind: 'help' }
  | { kind: 'invalid'; reason: string }
  /** `spans`: what was read where in the text (attendees, the duration, the day, the time). */
  | { kind: 'request'; request: ScheduleRequest; spans: Span[] };

/**
 * What the parser needs besides the text. With `now` (epoch ms) and the organizer's IANA `zone`,
 * days are placed on the calendar (`tomorrow` → `2026-12-03`) and dates that have passed or are
 * too far ahead are refused; without them, days stay relative (`{ kind: 'relative' }`, or the
 * legacy kinds for `today`, `tomorrow`, a weekday and `next week`) and are placed when the search
 * runs. Slash dates that could be either way (`5/6`) follow `dateOrder`, else `locale`'s
 * (en-US: month first; en-GB and most others: day first), else month first.
 */
export interface ParseOptions {
  now?: number | undefined;
  zone?: string | undefined;
  dateOrder?: DateOrder | undefined;
  locale?: string | undefined;
}

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const SPECIAL_MENTION = /^<!(channel|here|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>$/;
const ANY_MARKUP = /<[@#!][^>]*>/;
const RANGE = `${MIN_MINUTES} minutes to ${MAX_MINUTES / 60} hours`;
const EXPECTED = 'Expected how long the meeting lasts (like 30m, 45min, 1h, 1h30m or 90 minutes)';

type Attendee = { kind: 'mention'; id: string } | { kind: 'email'; email: string };

function attendeeOf(token: string): Attendee | undefined {
  const mention = token.match(MENTION);
  if (mention?.[1]) return { kind: 'mention', id: mention[1] };
  const mailto = token.match(MAILTO);
  const bare = mailto?.[1] ?? token;
  if (EMAIL.test(bare)) return { kind: 'email', email: bare.toLowerCase() };
  return undefined;
}

/** Day first unless the locale writes month first (en-US and its neighbours). */
export function dateOrderOf(options: ParseOptions): DateOrder {
  if (options.dateOrder) return options.dateOrder;
  if (options.locale === undefined) return 'MDY';
  return /^en(?:[-_](?:US|PH|CA|UM|AS|GU|MP|PR|VI))?$/i.test(options.locale) ? 'MDY' : 'DMY';
}

function contextOf(options: ParseOptions): { now: number; zone: string } | undefined {
  if (options.now === undefined || options.zone === undefined || !Number.isFinite(options.now)) return undefined;
  if (!DateTime.fromMillis(options.now, { zone: options.zone }).isValid) return undefined;
  return { now: options.now, zone: options.zone };
}

/** The day and time read, as a `when`: on the calendar with a context, relative without. */
function whenOf(day: DayItem | undefined, time: TimeOfDay | undefined, context: { now: number; zone: string } | undefined): When | string {
  const withTime = time ? { time } : {};
  if (day === undefined) return { kind: 'default', ...withTime };
  if (day.kind === 'week') return !context && day.which === 'next' && !time ? { kind: 'next-week' } : { kind: 'week', which: day.which, ...withTime };
  if (!context) {
    if (!time && (day.kind === 'today' || day.kind === 'tomorrow')) return { kind: day.kind };
    if (!time && day.kind === 'weekday' && !day.nextWeek) return { kind: 'weekday', weekday: day.weekday, ...(day.next ? { next: true } : {}) };
    return { kind: 'relative', day, ...withTime };
  }
  const days = resolveDay(day, context.now, context.zone);
  if (days.kind === 'invalid') return day.kind === 'date' ? days.reason.replace(/\.$/, `${KEEP}.`) : days.reason;
  return { kind: 'days', ...days.value, ...withTime };
}

/**
 * Parses the text after `/schedule`: `<attendees…> [duration] <title…> [when]`, where the
 * duration and the day and time may stand anywhere after the attendees. Whatever looks like a
 * duration, a date or a time and cannot be read is refused with the word quoted; nothing read
 * stays in the title. Words in quotes are always title.
 */
export function parseSchedule(text: string, options: ParseOptions = {}): ScheduleParse {
  const words: Word[] = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  if (words.length === 0 || (words.length === 1 && /^(help|\?|-h|--help)$/i.test(words[0]?.text ?? ''))) {
    return { kind: 'help' };
  }

  const texts = words.map((w) => w.text);
  const spans: Span[] = [];
  const mentions: string[] = [];
  const emails: string[] = [];
  let minutes: number | undefined;
  let durationSpan: Span | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i]?.text ?? '';
    if (SPECIAL_MENTION.test(word)) {
      return { kind: 'invalid', reason: `I can't invite ${word.startsWith('<!subteam') ? 'a user group' : 'a whole channel'}: mention people one by one.` };
    }
    const attendee = attendeeOf(word);
    if (attendee) {
      if (attendee.kind === 'mention' && !mentions.includes(attendee.id)) mentions.push(attendee.id);
      if (attendee.kind === 'email' && !emails.includes(attendee.email)) emails.push(attendee.email);
      spans.push({ kind: 'attendee', text: word, start: words[i]?.start ?? 0, end: words[i]?.end ?? 0 });
      continue;
    }
    if (minutes !== undefined) break;
    const duration = parseDuration(word);
    if (duration.kind === 'out-of-range') {
      return { kind: 'invalid', reason: `A meeting must last from ${RANGE}; “${quote(word)}” is ${duration.minutes} minutes.` };
    }
    if (duration.kind === 'not-a-duration') break;
    // `1h 30m` as two words: the scan below reads it whole.
    if (durationAt(texts, i)?.to !== i + 1) break;
    minutes = duration.minutes;
    durationSpan = { kind: 'duration', text: word, start: words[i]?.start ?? 0, end: words[i]?.end ?? 0 };
  }

  if (mentions.length + emails.length === 0) {
    return { kind: 'invalid', reason: 'Mention at least one person (like @alice) or give an email address.' };
  }
  if (mentions.length + emails.length > MAX_ATTENDEES) {
    return { kind: 'invalid', reason: `I can invite at most ${MAX_ATTENDEES} people at once.` };
  }

  // Reading dates costs more than linear time in chrono; a title has at most 200 characters.
  const rest = text.length - (words[i]?.start ?? text.length);
  if (rest > MAX_TEXT_AFTER_PEOPLE) {
    return { kind: 'invalid', reason: `That is too long (${rest} characters after the people; at most ${MAX_TEXT_AFTER_PEOPLE}, and the title at most ${MAX_TITLE_LENGTH}).` };
  }

  // The rest is title, duration, day and time, in any order. Quoted words and markup are title only.
  const quoted: Array<{ start: number; end: number }> = [...text.matchAll(/"[^"]*"|“[^”]*”/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const available = words.map((w, k) => k >= i && !ANY_MARKUP.test(w.text) && !quoted.some((q) => q.start < w.end && w.start < q.end));
  const used = new Set<number>();

  const readable = words.map((w, k) => (available[k] ? w.text : ''));
  for (let k = i; k < words.length; k++) {
    if (!available[k] || used.has(k)) continue;
    const hit = durationAt(readable, k);
    if (!hit) continue;
    if (hit.result.kind === 'malformed' || hit.result.kind === 'not-a-duration') {
      return { kind: 'invalid', reason: `${EXPECTED}, but got “${quote(hit.text)}”.` };
    }
    if (hit.result.kind === 'out-of-range') {
      return { kind: 'invalid', reason: `A meeting must last from ${RANGE}; “${quote(hit.text)}” is ${hit.result.minutes} minutes.` };
    }
    const previous = words[hit.from - 1];
    if (hit.from > i && previous && available[hit.from - 1] && /^in$/i.test(previous.text)) {
      // `in 30 minutes` is when, not how long; a search names a day or a time.
      return { kind: 'invalid', reason: `I can't search “in ${quote(hit.text)}”: give a time (at 3pm), a day (tomorrow, Dec 15) or both.` };
    }
    if (minutes !== undefined) {
      return { kind: 'invalid', reason: `I read two durations, “${quote(durationSpan?.text ?? '')}” and “${quote(hit.text)}”: give one.` };
    }
    minutes = hit.result.minutes;
    let from = hit.from;
    if (from > i && available[from - 1] && !used.has(from - 1) && /^for$/i.test(words[from - 1]?.text ?? '')) from -= 1;
    for (let u = from; u < hit.to; u++) used.add(u);
    const start = words[from]?.start ?? 0;
    const end = words[hit.to - 1]?.end ?? start;
    durationSpan = { kind: 'duration', text: text.slice(start, end), start, end };
    k = hit.to - 1;
  }
  if (durationSpan) spans.push(durationSpan);

  const context = contextOf(options);
  const reading = readWhen(
    text,
    words,
    available.map((a, k) => a && !used.has(k)),
    { dateOrder: dateOrderOf(options), now: context?.now, zone: context?.zone, titleStart: words.findIndex((_, k) => k >= i && !used.has(k)) },
  );
  if (reading.kind === 'invalid') return reading;
  for (const k of reading.used) used.add(k);
  spans.push(...reading.spans);
  spans.sort((a, b) => a.start - b.start);

  const titleWords = words
    .slice(i)
    .filter((_, k) => !used.has(k + i))
    .map((w) => w.text);
  const first = titleWords[0];
  // A number where the duration goes is a duration gone wrong (`30`, `3O`, `2hrs30`), not a title.
  if (minutes === undefined && first !== undefined && words[i]?.text === first && /^\d+(?:[.,]\d+)?(?:[a-z]+\d*)?$/i.test(first)) {
    return { kind: 'invalid', reason: `${EXPECTED} after the attendees, but got “${quote(first)}”.` };
  }
  // `Catch up, tomorrow 3pm`: the comma belonged to what was read.
  const raw = titleWords.join(' ').replace(/\s*,+$/, '');
  // Slack sends &, < and > as entities in command text; the title is kept as the user typed it.
  const title = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  if (title.length === 0) {
    return { kind: 'invalid', reason: 'Add a title after the people and the duration, like `/schedule @alice 30m Weekly sync`.' };
  }
  if (ANY_MARKUP.test(raw)) {
    return { kind: 'invalid', reason: 'Put everyone you invite before the duration; the title cannot contain mentions or channels.' };
  }
  if (title.length > MAX_TITLE_LENGTH) {
    return { kind: 'invalid', reason: `The title is too long (${title.length} characters; at most ${MAX_TITLE_LENGTH}).` };
  }

  const when = whenOf(reading.day, reading.time, context);
  if (typeof when === 'string') return { kind: 'invalid', reason: when };
  if (context) {
    const checked = resolveWhen(when, context.now, context.zone);
    if (checked.kind === 'invalid') return checked;
  }
  return { kind: 'request', request: { mentions, emails, minutes, title, when }, spans };
}
