// English only: the whole package loads every locale's parsers (12 MB of memory the bot never uses).
import { casual } from 'chrono-node/en';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { DateTime } from 'luxon';
import { type DayRef, formatClock, PARTS_OF_DAY, type PartOfDay, type TimeOfDay, weekdayNumber } from './when.js';

/** Order of the numbers in a slash date: `12/15` can only be MDY, `5/6` follows this. */
export type DateOrder = 'MDY' | 'DMY';

/** What the words named: a day (or week), a time of day, or both. */
export type DayItem = DayRef | { kind: 'week'; which: 'this' | 'next' };

/** A stretch of the command text that was read as something, with its offsets in the text. */
export interface Span {
  kind: 'attendee' | 'duration' | 'day' | 'time';
  text: string;
  start: number;
  end: number;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

export type WhenReading = { kind: 'ok'; day?: DayItem | undefined; time?: TimeOfDay | undefined; spans: Span[]; used: Set<number> } | { kind: 'invalid'; reason: string };

interface Finding {
  start: number;
  end: number;
  day?: DayItem;
  time?: TimeOfDay;
  /** A part of the day on its own (`afternoon`), which a time may narrow. */
  part?: PartOfDay;
  /** A weekday alone, no `on`, `next` or time with it: may be a title word (`Friday review`). */
  bareWeekday?: boolean;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Echoes a word back without letting a pasted novel blow Slack's message limits. */
export const quote = (word: string) => (word.length > 40 ? `${word.slice(0, 40)}…` : word);
export const KEEP = ' (put it in quotes to keep it in the title)';

const WALL = '\u0001';

/** A neutral instant for reading without a clock: only the words' own components are used then. */
const NO_CLOCK = new Date(Date.UTC(2001, 0, 1, 12));

/**
 * Takes what is not to be read out of the text, keeping every offset. Not with spaces: chrono
 * joins what stands around blanks (`4pm ·· today`), so what was taken out must stay a wall.
 */
function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + WALL.repeat(end - start) + s.slice(end);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** chrono's weekday (0 Sunday) as ISO (7 Sunday). */
const isoWeekday = (weekday: number | null) => (((weekday ?? 1) + 6) % 7) + 1;

/** The minute of the day a chrono component set names, guessing pm for 1–6 without am/pm. */
function minuteOf(c: ParsedComponents, text: string): number {
  let hour = c.get('hour') ?? 0;
  const minute = c.get('minute') ?? 0;
  // `at 3` is 15:00 at work, not 03:00; `03:00` was written as the night.
  if (!c.isCertain('meridiem') && hour >= 1 && hour <= 6 && !/\b0\d[:.]/.test(text)) hour += 12;
  return hour * 60 + minute;
}

/**
 * Reads the dates and times in `text` (all of it, with what is not to be read already blanked
 * out): chrono-node for month names, weekdays, today and tomorrow, times and time ranges; this
 * module for what chrono does not read as a search needs (`this week`, `next week`, `in 2
 * days`, parts of the day, slash dates in either order, `between 2 and 4pm`, `after 3pm`).
 *
 * Chrono is given a reference instant and the zone's offset at that instant, but only its
 * wall-clock components (`get`/`isCertain` of year, month, day, weekday, hour, minute) are used:
 * never its Date, whose offset is the reference's and is wrong across a daylight-saving change.
 * Relative days are resolved later, with luxon, in the organizer's zone.
 */
export function readWhen(
  text: string,
  words: readonly Word[],
  available: readonly boolean[],
  options: {
    dateOrder: DateOrder;
    now?: number | undefined;
    zone?: string | undefined;
    /** Index of the word the title starts with (quoted words included), if any. */
    titleStart?: number | undefined;
  },
): WhenReading {
  let masked = text;
  words.forEach((w, i) => {
    if (!available[i]) masked = blank(masked, w.start, w.end);
  });
  const findings: Finding[] = [];
  const claim = (f: Finding) => {
    findings.push(f);
    masked = blank(masked, f.start, f.end);
  };

  // `24/7` is round the clock, not a date.
  for (const m of masked.matchAll(/(?<![\w/])24\/7(?![\w/])/g)) masked = blank(masked, m.index, m.index + m[0].length);

  // `this week`, `next week` (not `tuesday next week`, which is a day).
  for (const m of masked.matchAll(/\b(this|next)\s+week\b/gi)) {
    const before = masked.slice(0, m.index).trimEnd().split(/\s+/).at(-1)?.toLowerCase() ?? '';
    if (weekdayNumber(before.replace(/[,.]$/, '')) !== undefined) continue;
    claim({ start: m.index, end: m.index + m[0].length, day: { kind: 'week', which: m[1]?.toLowerCase() === 'next' ? 'next' : 'this' } });
  }

  // `in 2 days`, `in a week`
  for (const m of masked.matchAll(/\bin\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\b/gi)) {
    const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : (NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? 1);
    const days = (m[2] ?? '').toLowerCase().startsWith('week') ? n * 7 : n;
    if (days > 366) return { kind: 'invalid', reason: `“${quote(m[0])}” is too far ahead: I look at most 60 days ahead.` };
    claim({ start: m.index, end: m.index + m[0].length, day: { kind: 'in-days', days } });
  }

  // Parts of the day: `morning`, `this afternoon` (today), `in the evening`, `tonight`.
  for (const m of masked.matchAll(/\b(?:(this)\s+|in\s+the\s+)?(morning|afternoon|evening)s?\b|\b(tonight)\b/gi)) {
    if (/\bgood\s+$/i.test(masked.slice(0, m.index))) continue; // `Good morning team`
    const part = (m[3] ? 'evening' : (m[2] ?? 'morning').toLowerCase()) as PartOfDay;
    claim({ start: m.index, end: m.index + m[0].length, part, ...(m[1] || m[3] ? { day: { kind: 'today' } as DayItem } : {}) });
  }

  // Slash dates, read here in the order asked for; what looks like one and does not read is an error.
  for (const m of masked.matchAll(/(?<![\w/.-])(\d+)\/(\d+)(?:\/(\d+))?(?![\w/])/g)) {
    if ((m[1] ?? '').length === 4 && m[3] !== undefined) {
      // `2026/12/15`
      const ymd = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' });
      if (!ymd.isValid || (m[2] ?? '').length > 2 || (m[3] ?? '').length > 2) return { kind: 'invalid', reason: `“${quote(m[0])}” is not a date I can read${KEEP}.` };
      claim({ start: m.index, end: m.index + m[0].length, day: { kind: 'date', month: ymd.month, day: ymd.day, year: ymd.year, text: m[0] } });
      continue;
    }
    const [a, b, y] = [Number(m[1]), Number(m[2]), m[3]];
    let month = a;
    let day = b;
    if (a > 12 && b <= 12) [month, day] = [b, a];
    else if (a <= 12 && b <= 12 && options.dateOrder === 'DMY') [month, day] = [b, a];
    const year = y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : y.length === 4 ? Number(y) : undefined;
    const readable = (y === undefined || year !== undefined) && (m[1] ?? '').length <= 2 && (m[2] ?? '').length <= 2 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    if (!readable || !DateTime.fromObject({ year: year ?? 2000, month, day }, { zone: 'UTC' }).isValid) {
      return { kind: 'invalid', reason: `“${quote(m[0])}” is not a date I can read: use a date like 12/15 or Dec 15${KEEP}.` };
    }
    claim({ start: m.index, end: m.index + m[0].length, day: { kind: 'date', month, day, ...(year !== undefined ? { year } : {}), text: m[0] } });
  }

  // `between 2 and 4pm` reads as chrono's `from 2 to 4pm`: same length, so offsets stay.
  const forChrono = masked.replace(/\bbetween(\s+)(\d[\d:.]*\s*(?:[ap]\.?m\.?)?)(\s+)and\b/gi, (_all, s1: string, t: string, s2: string) => `from   ${s1}${t}${s2}to `);

  const ref =
    options.now !== undefined && options.zone !== undefined
      ? { instant: new Date(options.now), timezone: DateTime.fromMillis(options.now, { zone: options.zone }).offset }
      : { instant: NO_CLOCK, timezone: 0 };
  for (const r of parseWithChrono(forChrono, ref)) {
    const read = readResult(r, forChrono, text, ref);
    if (read === undefined) continue;
    if ('reason' in read) return { kind: 'invalid', reason: read.reason };
    claim(read);
  }

  // What looks like a date or time but was not read: an error that quotes it, never a title word.
  const left = masked;
  const monthDay = new RegExp(`\\b(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS}))\\b`, 'i');
  const bad =
    monthDay.exec(left) ??
    /(?<![\w/])\d{4}-\d{1,2}-\d{1,2}(?![\w/])/.exec(left) ??
    /(?<![\w/.-])\d+(?:\/\d+)+(?![\w/])/.exec(left) ??
    /(?<![\w:.])\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?![\w:])/i.exec(left) ??
    /(?<![\w:.])\d{1,3}(?::\d+)?\s*[ap]\.?m\.?(?![\w])/i.exec(left);
  if (bad) {
    const isTime = /[:]|[ap]\.?m/i.test(bad[0]) && !/\d{4}-/.test(bad[0]);
    return { kind: 'invalid', reason: `“${quote(bad[0])}” is not a ${isTime ? 'time' : 'date'} I can read${KEEP}.` };
  }

  // A weekday alone as the first word with more title after it is the title's (`Friday review`);
  // an abbreviated one (`Sun`, `Wed`) is a day only at the end or next to what else was read.
  const wordAt = (offset: number) => words.findIndex((w) => w.start <= offset && offset < w.end);
  const titleStart = options.titleStart ?? available.findIndex((a) => a);
  // unreadAfter[k]: some word after k is left for the title.
  const read = words.map((w) => findings.some((f) => overlaps(f, w)));
  // `at`, `on`, `for` before what was read go with it (below), so they leave no title either.
  for (let k = words.length - 2; k >= 0; k--) if (!read[k] && read[k + 1] && /^(on|at|for)$/i.test(words[k]?.text ?? '')) read[k] = true;
  const unreadAfter = words.map(() => false);
  for (let k = words.length - 2; k >= 0; k--) unreadAfter[k] = unreadAfter[k + 1] || (available[k + 1] === true && !read[k + 1]);
  const kept = findings.filter((f) => {
    if (!f.bareWeekday) return true;
    const i = wordAt(f.start);
    const restUnread = unreadAfter[i] === true;
    if (i === titleStart && restUnread) return false;
    const full = text.slice(f.start, f.end).replace(/[^a-z]/gi, '').length >= 6; // `friday`, not `fri`
    return full || !restUnread;
  });

  // `monday to wednesday 2-4pm`, `Dec 15 - Dec 17 from 9 to 11am`: chrono reads two days when a
  // time follows the second; they are one range of days.
  const pair = kept.filter((f) => f.day).sort((a, b) => a.start - b.start);
  const [first, second] = pair;
  if (pair.length === 2 && first && second && /^\s*(?:-|–|to|through|thru|until|till)\s*$/i.test(text.slice(first.end, second.start)) && !(first.time && second.time)) {
    const merged = throughDay(first.day, second.day);
    if (merged) {
      kept.splice(kept.indexOf(first), 1);
      kept.splice(kept.indexOf(second), 1, { start: first.start, end: second.end, day: merged, ...((first.time ?? second.time) ? { time: first.time ?? second.time } : {}) });
    }
  }

  // One day, one time.
  const days = kept.filter((f) => f.day);
  if (days.length > 1) {
    const [a, b] = days.map((f) => text.slice(f.start, f.end).trim());
    return { kind: 'invalid', reason: `I read two days, “${quote(a ?? '')}” and “${quote(b ?? '')}”: give one.` };
  }
  const times = kept.filter((f) => f.time);
  if (times.length > 1) {
    const [a, b] = times.map((f) => text.slice(f.start, f.end).trim());
    return { kind: 'invalid', reason: `I read two times, “${quote(a ?? '')}” and “${quote(b ?? '')}”: give one.` };
  }
  const parts = kept.filter((f) => f.part);
  if (parts.length > 1) {
    const [a, b] = parts.map((f) => text.slice(f.start, f.end).trim());
    return { kind: 'invalid', reason: `I read two parts of the day, “${quote(a ?? '')}” and “${quote(b ?? '')}”: give one.` };
  }
  let time = times[0]?.time;
  const partFinding = parts[0];
  if (partFinding?.part) {
    const window = PARTS_OF_DAY[partFinding.part];
    if (time) {
      const inside = time.kind === 'at' ? time.minute >= window.start && time.minute < window.end : time.start >= window.start && time.end <= window.end;
      if (!inside) {
        return {
          kind: 'invalid',
          reason: `“${quote(text.slice(times[0]?.start ?? 0, times[0]?.end ?? 0).trim())}” is not in the ${partFinding.part} (${formatClock(window.start)}–${formatClock(window.end)}).`,
        };
      }
    } else {
      time = { kind: 'window', start: window.start, end: window.end, part: partFinding.part };
    }
  }

  // Swallow the small words that belong to what was read: `on` Dec 15, `at` 3pm, `for` tomorrow.
  const used = new Set<number>();
  const spans: Span[] = [];
  for (const f of kept) {
    let start = f.start;
    const firstWord = wordAt(f.start);
    const prev = words[firstWord - 1];
    if (prev && available[firstWord - 1] && /^(on|at|for)$/i.test(prev.text) && !kept.some((g) => overlaps(g, prev))) start = prev.start;
    let end = f.end;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    words.forEach((w, k) => {
      if (w.start < end && start < w.end) used.add(k);
    });
    spans.push({ kind: f.day ? 'day' : 'time', text: text.slice(start, end), start, end });
  }
  // chrono may read across a part of the day read before it (`today afternoon 4pm`): one span.
  spans.sort((a, b) => a.start - b.start);
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && span.start < last.end) {
      const end = Math.max(last.end, span.end);
      joined[joined.length - 1] = { kind: last.kind === 'day' || span.kind === 'day' ? 'day' : 'time', text: text.slice(last.start, end), start: last.start, end };
    } else {
      joined.push(span);
    }
  }
  return { kind: 'ok', day: days[0]?.day, time, spans: joined, used };
}

type Reference = { instant: Date; timezone: number };

function parseWithChrono(text: string, ref: Reference): ParsedResult[] {
  try {
    return casual.parse(text, ref);
  } catch {
    return [];
  }
}

/** A time of day no one would mistake: `5pm`, `5.30am`, `10:30`. */
const CLOCK_TIME = /^\d{1,2}(?:[:.]\d{2})?[ap]\.?m\.?$|^\d{1,2}:\d{2}$/;

/** `Dec 15-17 2-4pm`, which chrono reads as one range from Dec 15 14:00 to Dec 17 16:00. */
const TIME_RANGE_AT_END = /(?:from\s+|between\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to|and)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?$/i;

/**
 * What one chrono result says, as a finding with offsets in `text`; undefined when it is no
 * reading (a title word: `now`, `March`, `2 weeks`); a reason when it looks like a date or time
 * but a search cannot use it.
 */
function readResult(r: ParsedResult, text: string, source: string, ref: Reference, depth = 0): Finding | { reason: string } | undefined {
  const lead = r.text.length - r.text.trimStart().length;
  let start = r.index + lead;
  const end = r.index + r.text.trimEnd().length;
  /** The words as the user typed them (`between 2 and 4pm`, not chrono's `from 2 to 4pm`). */
  const said = () => quote(source.slice(start, end).trim());
  const matched = r.text.trim().toLowerCase();
  // A match inside a word (`v2`, `1on1`) is not a reading; one that runs into a word (`today
  // +0A`, chrono taking `+0` for a zone) is read again without the part-word.
  const wordChar = /[\p{L}\p{N}]/u;
  if (wordChar.test(text.charAt(start - 1)) || wordChar.test(text.charAt(end))) {
    const inner = text.slice(start, end);
    const from = wordChar.test(text.charAt(start - 1)) ? inner.search(/\s/) : 0;
    const to = wordChar.test(text.charAt(end)) ? inner.search(/\s\S*$/) : inner.length;
    if (depth > 0 || from < 0 || to < 0 || to <= from) return undefined;
    const again = WALL.repeat(start + from) + inner.slice(from, to);
    const shorter = parseWithChrono(again, ref)[0];
    return shorter ? readResult(shorter, again, source, ref, depth + 1) : undefined;
  }
  // `AT0`, `in7m`, `for0h`: a preposition run into a number is one word (a code, a name), not a
  // time; `at5pm` and `at10:30` still say what they are.
  const glued = /^(?:at|from|for|in|on|by|until|till|to|@)(\d\S*)$/.exec(matched);
  if (glued && !CLOCK_TIME.test(glued[1] ?? '')) return undefined;
  const tags = r.tags();
  const s = r.start;
  const e = r.end;
  if (tags.has('casualReference/now')) return undefined;
  if (s.isCertain('timezoneOffset') && s.isCertain('hour')) return { reason: `I read times in your own time zone: leave the zone out of “${said()}”.` };
  const finding: Finding = { start, end };
  const casual = ['today', 'tomorrow', 'tonight', 'yesterday'].find((c) => tags.has(`casualReference/${c}`));
  if (casual === 'yesterday') return { reason: `“${said()}” has passed.` };
  if (tags.has('result/relativeDate') && !casual) {
    // `next month`, `in 3 months`, `2 weeks ago`: dates, but not days a search can use.
    if (/^(in|next|last|this|within|past)\b|\b(ago|later|from now)$/.test(matched)) {
      return { reason: `I can't search “${said()}”: name a day (Dec 15, next tuesday, in 2 days), this week or next week.` };
    }
    return undefined;
  }
  const monthOnly = (c: ParsedComponents) => !c.isCertain('day') && !c.isCertain('weekday') && (c.isCertain('month') || c.isCertain('year'));
  if ((monthOnly(s) || (e && monthOnly(e))) && (s.isCertain('hour') || e?.isCertain('hour'))) {
    // `2-4pm December`: a month or year with no day, which would silently drop a title word.
    return { reason: `I can't search “${said()}”: give a day (Dec 15) with the time.` };
  }
  if (casual === 'today' || casual === 'tonight') finding.day = { kind: 'today' };
  else if (casual === 'tomorrow') finding.day = { kind: 'tomorrow' };
  else if (s.isCertain('day') && s.isCertain('month')) {
    const year = s.isCertain('year') ? (s.get('year') ?? undefined) : undefined;
    const range = e?.isCertain('day') && (e.get('day') !== s.get('day') || e.get('month') !== s.get('month'));
    const through = range ? { month: e?.get('month') ?? 1, day: e?.get('day') ?? 1 } : undefined;
    const dateText = r.text.trim().replace(/\s+(at|@)\s+.*$/i, '');
    finding.day = { kind: 'date', month: s.get('month') ?? 1, day: s.get('day') ?? 1, ...(year !== undefined ? { year } : {}), ...(through ? { through } : {}), text: dateText };
  } else if (s.isCertain('weekday')) {
    const weekday = isoWeekday(s.get('weekday'));
    if (/\b(last|past)\b/.test(matched)) return { reason: `“${said()}” has passed.` };
    const through = e?.isCertain('weekday') && e.get('weekday') !== s.get('weekday') ? { through: isoWeekday(e.get('weekday')) } : {};
    if (/\bnext\s+week\b/.test(matched)) finding.day = { kind: 'weekday', weekday, nextWeek: true, ...through };
    else if (/\bnext\b/.test(matched)) finding.day = { kind: 'weekday', weekday, next: true, ...through };
    else finding.day = { kind: 'weekday', weekday, ...through };
    if (/^[a-z]+$/.test(matched.replace(/[,()]/g, '').trim()) && !s.isCertain('hour')) finding.bareWeekday = true;
  }

  if (e) {
    const dayRange = (finding.day?.kind === 'date' || finding.day?.kind === 'weekday') && finding.day.through !== undefined;
    const otherDay = (e.isCertain('day') && (e.get('day') !== s.get('day') || e.get('month') !== s.get('month'))) || (e.isCertain('weekday') && e.get('weekday') !== s.get('weekday'));
    const timeRange = e.isCertain('hour');
    if (!dayRange && timeRange && otherDay && s.isCertain('hour') && minuteOf(e, r.text) <= minuteOf(s, r.text)) {
      return { reason: `“${said()}” ends before it starts (a window stays within one day).` };
    }
    if (dayRange ? timeRange || s.isCertain('hour') : !timeRange || otherDay) {
      // Days then a time range, read by chrono as one range: read each half on its own.
      const tail = depth === 0 ? TIME_RANGE_AT_END.exec(r.text.trimEnd()) : null;
      if (tail && tail.index > 0) {
        const headText = r.text.trimEnd().slice(0, tail.index);
        const base = r.index;
        const headOnly = ' '.repeat(base) + headText;
        const tailOnly = ' '.repeat(base + tail.index) + tail[0];
        const head = parseWithChrono(headOnly, ref)[0];
        const time = parseWithChrono(tailOnly, ref)[0];
        const days = head && readResult(head, headOnly, source, ref, 1);
        const hours = time && readResult(time, tailOnly, source, ref, 1);
        if (days && hours && !('reason' in days) && !('reason' in hours) && days.day && !days.time && hours.time && !hours.day) {
          return { start: Math.min(days.start, hours.start), end, day: days.day, time: hours.time };
        }
      }
      return { reason: `I can't search “${said()}”: give days (Dec 15-17, monday to wednesday) and a time range (2-4pm) apart.` };
    }
  }

  if (s.isCertain('hour')) {
    const from = minuteOf(s, r.text);
    if (e?.isCertain('hour')) {
      let to = minuteOf(e, r.text);
      if (to === 0) to = 1440;
      if (to <= from) return { reason: `“${said()}” ends before it starts.` };
      finding.time = { kind: 'window', start: from, end: to };
    } else {
      // `after 3pm`, `before noon`, `until 5pm`, `by 5pm`: a window up to or from the time,
      // the word just before what chrono read or inside it (`tomorrow after 3pm`).
      const before = /(\S+)\s*$/.exec(text.slice(0, start));
      const inside = /\b(after|before|until|till|by)\s+\S+$/i.exec(r.text.trim());
      const word = (inside?.[1] ?? before?.[1])?.toLowerCase();
      if (word === 'after' || word === 'before' || word === 'until' || word === 'till' || word === 'by') {
        if (!inside && before) finding.start = start = before.index;
        finding.time = word === 'after' ? { kind: 'window', start: from, end: 1440 } : { kind: 'window', start: 0, end: from === 0 ? 1440 : from };
        if (finding.time.start >= finding.time.end) return { reason: `“${said()}” leaves no time in the day.` };
      } else {
        finding.time = { kind: 'at', minute: from };
      }
    }
  }
  if (!finding.day && !finding.time) {
    // `March` alone, `Dec 2026`: a title word; but a range of them (`March to April`) is not.
    return e ? { reason: `I can't search “${said()}”: give a day (Dec 15), days (Dec 15-17) or a time range (2-4pm).` } : undefined;
  }
  return finding;
}

/** Two single days as one range from the first through the second, if they can be one. */
function throughDay(a: DayItem | undefined, b: DayItem | undefined): DayItem | undefined {
  if (a?.kind === 'weekday' && b?.kind === 'weekday' && a.through === undefined && b.through === undefined && !b.next && !b.nextWeek) {
    return { ...a, through: b.weekday };
  }
  if (a?.kind === 'date' && b?.kind === 'date' && a.through === undefined && b.through === undefined && b.year === undefined) {
    return { ...a, through: { month: b.month, day: b.day }, text: `${a.text ?? ''} – ${b.text ?? ''}` };
  }
  return undefined;
}
