/**
 * Wall clocks in IANA zones without a date library on the hot path. Asking Intl for a zone's
 * offset costs a formatToParts (~10 µs); a search asks hundreds of times for the same few zones
 * and days, so offsets are kept per zone and quarter hour: every transition since the 1970s falls
 * on a quarter hour in UTC (offsets are whole quarter hours, clocks change on the hour or half
 * hour), so one answer holds for its whole quarter.
 */

const QUARTER = 15 * 60_000;
const DAY = 86_400_000;

const fieldFormatters = new Map<string, Intl.DateTimeFormat>();
function fieldsFormatter(zone: string): Intl.DateTimeFormat {
  let f = fieldFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    fieldFormatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at `at`, asked of Intl. */
function askOffset(at: number, zone: string): number {
  const f: Record<string, string> = {};
  for (const p of fieldsFormatter(zone).formatToParts(at)) f[p.type] = p.value;
  const year = f.era === 'BC' || f.era === 'B' ? 1 - Number(f.year) : Number(f.year);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(f.month) - 1, Number(f.day));
  d.setUTCHours(Number(f.hour), Number(f.minute), Number(f.second), 0);
  const whole = at - (at % 1000 < 0 ? (at % 1000) + 1000 : at % 1000);
  return Math.round((d.getTime() - whole) / 60_000);
}

const offsets = new Map<string, Map<number, number>>();
/** Where quarter-hour answers cannot be trusted (local mean time before 1970), Intl is asked each time. */
const TRUSTED_FROM = Date.UTC(1970, 0, 1);

/** The zone's offset from UTC in minutes at the instant `at` (`Asia/Kolkata`: 330). Throws on a zone Intl does not know. */
export function offsetMinutes(at: number, zone: string): number {
  if (!Number.isFinite(at)) return Number.NaN;
  if (at < TRUSTED_FROM) return askOffset(at, zone);
  const quarter = Math.floor(at / QUARTER);
  let byQuarter = offsets.get(zone);
  if (!byQuarter) {
    if (offsets.size >= 1000) offsets.clear();
    byQuarter = new Map();
    offsets.set(zone, byQuarter);
  }
  let o = byQuarter.get(quarter);
  if (o === undefined) {
    o = askOffset(quarter * QUARTER, zone);
    if (byQuarter.size >= 20_000) byQuarter.clear();
    byQuarter.set(quarter, o);
  }
  return o;
}

/** What a wall clock in a zone shows. `weekday`: ISO, Monday = 1. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
  /** Minutes since the local midnight. */
  minuteOfDay: number;
  /** `2026-11-23`. */
  date: string;
}

/** The wall clock in `zone` at `at`. */
export function wallTime(at: number, zone: string): WallTime {
  const local = new Date(at + offsetMinutes(at, zone) * 60_000);
  const hour = local.getUTCHours();
  const minute = local.getUTCMinutes();
  return { ...civil(local), hour, minute, minuteOfDay: hour * 60 + minute };
}

function civil(d: Date): { year: number; month: number; day: number; weekday: number; date: string } {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return { year, month, day, weekday: ((d.getUTCDay() + 6) % 7) + 1, date: isoOf(year, month, day) };
}

const isoOf = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The calendar date (`2026-11-23`) a wall clock in `zone` shows at `at`. */
export function localDate(at: number, zone: string): string {
  const d = new Date(at + offsetMinutes(at, zone) * 60_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The local calendar day at `at` as a number (days since 1970-01-01), for grouping many instants by day. */
export function localDay(at: number, zone: string): number {
  return Math.floor((at + offsetMinutes(at, zone) * 60_000) / DAY);
}

/** A calendar date as its UTC midnight, for day arithmetic that no zone rule can disturb. */
export function dateMillis(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return civil(new Date(dateMillis(date) + days * DAY)).date;
}

/** ISO weekday of a calendar date, Monday = 1. */
export function weekdayOf(date: string): number {
  return ((new Date(dateMillis(date)).getUTCDay() + 6) % 7) + 1;
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMillis(to) - dateMillis(from)) / DAY);
}

/**
 * The instant a wall clock in `zone` shows `minute` minutes after the midnight that starts
 * `date` (1440: the next midnight). A repeated time (the clocks go back) is its first occurrence;
 * a time the zone skips (the clocks go forward) is `skipped` and placed just after the gap, as far
 * past it as it was into it (02:30 on a night that jumps from 02:00 to 03:00 is 03:30).
 */
export function instantAt(date: string, minute: number, zone: string): { kind: 'ok' | 'skipped'; at: number } {
  const local = dateMillis(date) + minute * 60_000;
  // A transition moves the clock by hours at most, so the offsets a day either side are the two a
  // local time can be read with.
  const before = offsetMinutes(local - DAY, zone);
  const after = offsetMinutes(local + DAY, zone);
  const early = local - Math.max(before, after) * 60_000;
  const late = local - Math.min(before, after) * 60_000;
  const fits = (t: number) => t + offsetMinutes(t, zone) * 60_000 === local;
  if (fits(early)) return { kind: 'ok', at: early };
  if (fits(late)) return { kind: 'ok', at: late };
  return { kind: 'skipped', at: late };
}

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `Wed`, for an ISO weekday. */
export const weekdayShort = (weekday: number): string => WEEKDAY_SHORT[weekday - 1] ?? '';

/** `Wed 2 Dec` for `2026-12-02`. */
export function dayLabelOf(date: string): string {
  const d = new Date(dateMillis(date));
  return `${weekdayShort(((d.getUTCDay() + 6) % 7) + 1)} ${d.getUTCDate()} ${MONTH_SHORT[d.getUTCMonth()] ?? ''}`;
}

/** `15:00`, `09:30`. */
export const clockOf = (t: { hour: number; minute: number }): string => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

const abbreviators = new Map<string, Intl.DateTimeFormat>();
const abbreviations = new Map<string, string>();

/** `EST`, `GMT+5:30`: the zone's short name at that instant, as Slack users read it. */
export function zoneAbbreviation(at: number, zone: string): string {
  if (!Number.isFinite(at)) return zone;
  // The name changes only where the offset does, so one answer per zone and offset is enough
  // for the instants near each other that one message names.
  const key = `${zone}|${offsetMinutes(at, zone)}|${Math.floor(at / (180 * DAY))}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    let f = abbreviators.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
      abbreviators.set(zone, f);
    }
    name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
    if (abbreviations.size >= 10_000) abbreviations.clear();
    abbreviations.set(key, name);
  }
  return name;
}
