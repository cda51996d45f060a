import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { PARTS_OF_DAY, weekdayNumber, type DayRef, type PartOfDay, type TimeOfDay } from './when.js';

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

export type WhenReading =
  | { kind: 'ok'; day?: DayItem | undefined; time?: TimeOfDay | undefined; spans: Span[]; used: Set<number> }
  | { kind: 'invalid'; reason: string };

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

/** A neutral instant for reading without a clock: only the words' own components are used then. */
const NO_CLOCK = new Date(Date.UTC(2001, 0, 1, 12));

function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The minute of the day a chrono component set names, guessing pm for 1–6 without am/pm. */
function minuteOf(c: chrono.ParsedComponents, text: string): number {
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
  options: { dateOrder: DateOrder; now?: number | undefined; zone?: string | undefined },
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

  const ref = options.now !== undefined && options.zone !== undefined
    ? { instant: new Date(options.now), timezone: DateTime.fromMillis(options.now, { zone: options.zone }).offset }
    : { instant: NO_CLOCK, timezone: 0 };
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(forChrono, ref);
  } catch {
    results = [];
  }
  for (const r of results) {
    let start = r.index;
    const end = r.index + r.text.length;
    // A match inside a word (`v2`, `1on1`) is not a reading.
    if (/[\p{L}\p{N}]/u.test(forChrono.charAt(start - 1)) || /[\p{L}\p{N}]/u.test(forChrono.charAt(end))) continue;
    const matched = r.text.toLowerCase();
    const tags = r.tags();
    const s = r.start;
    if (tags.has('casualReference/now')) continue;
    if (s.isCertain('timezoneOffset') && s.isCertain('hour')) {
      return { kind: 'invalid', reason: `I read times in your own time zone: leave the zone out of “${quote(r.text)}”.` };
    }
    const finding: Finding = { start, end };
    const casual = ['today', 'tomorrow', 'tonight', 'yesterday'].find((c) => tags.has(`casualReference/${c}`));
    if (casual === 'yesterday') return { kind: 'invalid', reason: `“${quote(r.text)}” has passed.` };
    if (tags.has('result/relativeDate') && !casual) {
      // `next month`, `in 3 months`, `2 weeks ago`: dates, but not days a search can use.
      if (/^(in|next|last|this|within|past)\b|\b(ago|later|from now)$/.test(matched)) {
        return { kind: 'invalid', reason: `I can't search “${quote(r.text)}”: name a day (Dec 15, next tuesday, in 2 days), this week or next week.` };
      }
      continue;
    }
    if (casual === 'today' || casual === 'tonight') finding.day = { kind: 'today' };
    else if (casual === 'tomorrow') finding.day = { kind: 'tomorrow' };
    else if (s.isCertain('day') && s.isCertain('month')) {
      const year = s.isCertain('year') ? (s.get('year') ?? undefined) : undefined;
      const e = r.end;
      const toDay = e && e.isCertain('day') && e.get('month') === s.get('month') && e.get('day') !== s.get('day') ? (e.get('day') ?? undefined) : undefined;
      const dateText = r.text.replace(/\s+(at|@)\s+.*$/i, '').trim();
      finding.day = { kind: 'date', month: s.get('month') ?? 1, day: s.get('day') ?? 1, ...(year !== undefined ? { year } : {}), ...(toDay !== undefined ? { toDay } : {}), text: dateText };
    } else if (s.isCertain('weekday')) {
      const weekday = ((s.get('weekday') ?? 0) + 6) % 7 + 1;
      if (/\b(last|past)\b/.test(matched)) return { kind: 'invalid', reason: `“${quote(r.text)}” has passed.` };
      if (/\bnext\s+week\b/.test(matched)) finding.day = { kind: 'weekday', weekday, nextWeek: true };
      else if (/\bnext\b/.test(matched)) finding.day = { kind: 'weekday', weekday, next: true };
      else finding.day = { kind: 'weekday', weekday };
      if (/^[a-z]+$/.test(matched.replace(/[,()]/g, '').trim()) && !s.isCertain('hour')) finding.bareWeekday = true;
    }
    if (s.isCertain('hour')) {
      const timeText = r.text;
      const from = minuteOf(s, timeText);
      const e = r.end;
      if (e?.isCertain('hour')) {
        let to = minuteOf(e, timeText);
        if (to === 0) to = 1440;
        if (to <= from) return { kind: 'invalid', reason: `“${quote(r.text)}” ends before it starts.` };
        finding.time = { kind: 'window', start: from, end: to };
      } else {
        // `after 3pm`, `before noon`, `until 5pm`, `by 5pm`: a window up to or from the time,
        // the word just before what chrono read or inside it (`tomorrow after 3pm`).
        const before = /(\S+)\s*$/.exec(forChrono.slice(0, start));
        const inside = /\b(after|before|until|till|by)\s+\S+$/i.exec(r.text);
        const word = (inside?.[1] ?? before?.[1])?.toLowerCase();
        if (word === 'after' || word === 'before' || word === 'until' || word === 'till' || word === 'by') {
          if (!inside && before) finding.start = start = before.index;
          finding.time = word === 'after' ? { kind: 'window', start: from, end: 1440 } : { kind: 'window', start: 0, end: from === 0 ? 1440 : from };
          if (finding.time.start >= finding.time.end) return { kind: 'invalid', reason: `“${quote(forChrono.slice(start, end))}” leaves no time in the day.` };
        } else {
          finding.time = { kind: 'at', minute: from };
        }
      }
    }
    if (!finding.day && !finding.time) continue; // `March` alone, `Dec 2026`: a title word
    claim(finding);
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
  const firstAvailable = available.findIndex((a) => a);
  const kept = findings.filter((f) => {
    if (!f.bareWeekday) return true;
    const i = wordAt(f.start);
    const restUnread = words.some((w, k) => k > i && available[k] && !findings.some((g) => overlaps(g, w)));
    if (i === firstAvailable && restUnread) return false;
    const full = weekdayNumber(text.slice(f.start, f.end).toLowerCase().replace(/[^a-z]/g, '')) !== undefined && text.slice(f.start, f.end).replace(/[^a-z]/gi, '').length > 4;
    return full || !restUnread;
  });

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
        return { kind: 'invalid', reason: `“${quote(text.slice(times[0]?.start ?? 0, times[0]?.end ?? 0).trim())}” is not in the ${partFinding.part} (${clock(window.start)}–${clock(window.end)}).` };
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
    const first = wordAt(f.start);
    const prev = words[first - 1];
    if (prev && available[first - 1] && /^(on|at|for)$/i.test(prev.text) && !kept.some((g) => overlaps(g, prev))) start = prev.start;
    let end = f.end;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    words.forEach((w, k) => {
      if (w.start < end && start < w.end) used.add(k);
    });
    spans.push({ kind: f.day ? 'day' : 'time', text: text.slice(start, end), start, end });
  }
  spans.sort((a, b) => a.start - b.start);
  return { kind: 'ok', day: days[0]?.day, time, spans, used };
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
