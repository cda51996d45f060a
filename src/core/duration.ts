/** Shortest and longest meeting the bot will book, in minutes. */
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 8 * 60;

const FORMS: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [/^(\d+)\s*(?:m|min|mins|minute|minutes)$/i, (m) => Number(m[1])],
  [/^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours)$/i, (m) => Number(m[1]) * 60],
  [/^(\d+)\s*h\s*(\d+)\s*(?:m|min|mins)?$/i, (m) => Number(m[1]) * 60 + Number(m[2])],
];

export type DurationParse =
  | { kind: 'ok'; minutes: number }
  | { kind: 'not-a-duration' }
  | { kind: 'out-of-range'; minutes: number };

/** Reads `30m`, `45min`, `1h`, `1h30m`, `90m`, `1.5h`; a fraction of a minute is not a duration. */
export function parseDuration(token: string): DurationParse {
  for (const [pattern, toMinutes] of FORMS) {
    const match = token.trim().match(pattern);
    if (!match) continue;
    // 4.1 × 60 is 245.99999999999997 in floating point: round away what binary fractions add.
    const minutes = Math.round(toMinutes(match) * 1e6) / 1e6;
    if (!Number.isFinite(minutes) || !Number.isInteger(minutes)) return { kind: 'not-a-duration' };
    if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) return { kind: 'out-of-range', minutes };
    return { kind: 'ok', minutes };
  }
  return { kind: 'not-a-duration' };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
