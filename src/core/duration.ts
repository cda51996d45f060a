/** Shortest and longest meeting the bot will book, in minutes. */
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 8 * 60;

const FORMS: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [/^(\d+)\s*(?:m|min|mins|minute|minutes)$/i, (m) => Number(m[1])],
  [/^(\d*\.?\d+)\s*(?:h|hr|hrs|hour|hours)$/i, (m) => Number(m[1]) * 60],
  [/^(\d+)\s*h\s*(\d+)\s*(?:m|min|mins)?$/i, (m) => Number(m[1]) * 60 + Number(m[2])],
];

export type DurationParse = { kind: 'ok'; minutes: number } | { kind: 'not-a-duration' } | { kind: 'out-of-range'; minutes: number };

/** Whole minutes, or undefined for a fraction of a minute or a number too big for a double. */
function wholeMinutes(value: number): number | undefined {
  // 4.1 × 60 is 245.99999999999997 in floating point: round away what binary fractions add.
  const minutes = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(minutes) && Number.isInteger(minutes) ? minutes : undefined;
}

function inRange(minutes: number): DurationParse {
  if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) return { kind: 'out-of-range', minutes };
  return { kind: 'ok', minutes };
}

/** Reads `30m`, `45min`, `1h`, `1h30m`, `90m`, `1.5h`; a fraction of a minute is not a duration. */
export function parseDuration(token: string): DurationParse {
  for (const [pattern, toMinutes] of FORMS) {
    const match = token.trim().match(pattern);
    if (!match) continue;
    const minutes = wholeMinutes(toMinutes(match));
    if (minutes === undefined) return { kind: 'not-a-duration' };
    return inRange(minutes);
  }
  return { kind: 'not-a-duration' };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * A word that can only be meant as a length, whether or not it reads: a number (or what was
 * meant as one: `-30`, `1.5.5`, `NaN`, `1e3`) followed by nothing but minute and hour units,
 * possibly more digits between them (`2hrs30`, `30mm`, `1h30h`).
 */
const DURATION_LIKE = /^[-+−]?(?:nan|infinity|[\d.,]*\d[\d.,]*(?:e[-+]?\d+)?|[.,]\d+)(?:(?:h|hrs?|hours?|m|mn|mins?|minutes?)[\d.,]*)+$/i;

/** Same, as two words: `-30 minutes`, `1.5.5 hours`. */
const NUMBER_LIKE = /^[-+−]?(?:nan|infinity|[\d.,]*\d[\d.,]*(?:e[-+]?\d+)?)$/i;
const NUMBER = /^\d*\.?\d+$/;
const MINUTE_UNIT = /^(?:m|min|mins|minute|minutes)$/i;
const HOUR_UNIT = /^(?:h|hr|hrs|hour|hours)$/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fortyfive: 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

/** Fixed phrases, longest first so that `an hour and a half` is not read as `an hour`. */
const PHRASES: Array<[string[], number]> = [
  [['an', 'hour', 'and', 'a', 'half'], 90],
  [['one', 'and', 'a', 'half', 'hours'], 90],
  [['quarter', 'of', 'an', 'hour'], 15],
  [['half', 'an', 'hour'], 30],
  [['a', 'half', 'hour'], 30],
  [['half', 'hour'], 30],
];

/** What one stretch of words says about the meeting's length. */
export type DurationHit = {
  /** Index of the first word and one past the last. */
  from: number;
  to: number;
  /** The words as typed. */
  text: string;
  result: DurationParse | { kind: 'malformed' };
};

/** Strips the punctuation a sentence puts around a word: `(30 min),` → `30 min`. */
export function core(word: string): string {
  return word.replace(/^[("'“‘[]+/, '').replace(/[)"'”’\].,;:!?]+$/, '');
}

function numberOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (NUMBER.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/**
 * Reads one duration starting at word `i`, if one starts there: a word (`1h30m`), a number and
 * a unit (`30 min`, `1.5 hours`, `an hour`), hours then minutes (`1h 30m`, `1 hour and 30
 * minutes`), or a phrase (`half an hour`). A word that can only be a length but does not read
 * (`-30m`, `NaNm`, `1.5.5h`) is a malformed hit, so that it is never taken for a title word.
 */
export function durationAt(words: readonly string[], i: number): DurationHit | undefined {
  const w = (k: number) => core(words[i + k] ?? '').toLowerCase();
  const hit = (length: number, result: DurationHit['result']): DurationHit => ({
    from: i,
    to: i + length,
    text: core(words.slice(i, i + length).join(' ')),
    result,
  });
  const withMinutes = (length: number, hours: number): DurationHit => {
    // `1h 30m`, `1 hour 30 minutes`, `1 hour and 30 min`
    const and = w(length) === 'and' ? 1 : 0;
    const next = w(length + and);
    const single = /^(\d+)(?:m|min|mins|minutes?)$/.exec(next);
    let total = hours;
    if (single) {
      total += Number(single[1]);
      length += and + 1;
    } else if (/^\d+$/.test(next) && MINUTE_UNIT.test(w(length + and + 1))) {
      total += Number(next);
      length += and + 2;
    }
    const minutes = wholeMinutes(total);
    return hit(length, minutes === undefined ? { kind: 'malformed' } : inRange(minutes));
  };

  for (const [phrase, minutes] of PHRASES) {
    if (phrase.every((p, k) => w(k) === p)) return hit(phrase.length, inRange(minutes));
  }
  const first = w(0);
  if (first === '') return undefined;

  const single = parseDuration(first);
  if (single.kind !== 'not-a-duration') {
    if (single.kind === 'ok' && /^\d*\.?\d+\s*(?:h|hr|hrs|hours?)$/i.test(first)) return withMinutes(1, single.minutes);
    return hit(1, single);
  }
  if (DURATION_LIKE.test(first)) return hit(1, { kind: 'malformed' });

  const unit = w(1);
  if (MINUTE_UNIT.test(unit) || HOUR_UNIT.test(unit)) {
    const n = numberOf(first);
    // `an hour` is a length; `a minute` (`wait a minute`) and `a m` are not meant as one.
    if (n === undefined || ((first === 'a' || first === 'an') && !/^(?:hour|hours|hr)$/.test(unit))) {
      return NUMBER_LIKE.test(first) ? hit(2, { kind: 'malformed' }) : undefined;
    }
    if (HOUR_UNIT.test(unit)) return withMinutes(2, n * 60);
    const minutes = wholeMinutes(n);
    return hit(2, minutes === undefined ? { kind: 'malformed' } : inRange(minutes));
  }
  return undefined;
}
