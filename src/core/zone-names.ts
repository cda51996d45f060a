import { IANAZone } from 'luxon';
import { clockOf, wallTime, weekdayShort } from './zone-clock.js';

/** Whether Intl knows a zone is costly to find out (a formatter each time), so answers are kept. */
const known = new Map<string, boolean>();

/** The zone if luxon and Intl know it, else UTC: a bad zone must never break a message. */
export function safeZone(zone: string | undefined): string {
  if (zone === undefined || zone === '' || zone.length > 100) return 'UTC';
  let ok = known.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    if (known.size >= 1000) known.clear();
    known.set(zone, ok);
  }
  return ok ? zone : 'UTC';
}

/** `London` for `Europe/London`, `Buenos Aires` for `America/Argentina/Buenos_Aires`. */
export function cityOf(zone: string): string {
  const last =
    zone
      .split('/')
      .filter((p) => p !== '')
      .at(-1) ?? zone;
  return last.replace(/_/g, ' ');
}

export interface Person {
  name: string;
  zone?: string | undefined;
}

/** What the clock shows for some people, all in one zone, at one instant. */
export interface LocalTime {
  zone: string;
  /** `London`: the zone's last segment. */
  city: string;
  names: string[];
  /** `20:00`, 24-hour. */
  time: string;
  /** `Wed`: set only when the local date differs from the organizer's. */
  weekday?: string | undefined;
}

/**
 * Each known zone among `people` whose wall clock at `at` differs from the organizer's, with
 * the people in it, in the order they first appear. People with no zone or an unknown zone, and
 * zones that show the organizer's own time (Paris for a Berlin organizer), are left out.
 */
export function localTimes(at: number, organizerZone: string, people: readonly Person[]): LocalTime[] {
  const home = wallTime(at, safeZone(organizerZone));
  const byZone = new Map<string, LocalTime>();
  for (const p of people) {
    if (p.zone === undefined || safeZone(p.zone) !== p.zone) continue;
    const found = byZone.get(p.zone);
    if (found) {
      found.names.push(p.name);
      continue;
    }
    const local = wallTime(at, p.zone);
    if (local.date === home.date && local.minuteOfDay === home.minuteOfDay) continue;
    byZone.set(p.zone, {
      zone: p.zone,
      city: cityOf(p.zone),
      names: [p.name],
      time: clockOf(local),
      weekday: local.date === home.date ? undefined : weekdayShort(local.weekday),
    });
  }
  return [...byZone.values()];
}
