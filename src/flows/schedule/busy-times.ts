import type { Attendee } from '../../core/people.js';
import type { Preferences } from '../../core/preferences.js';
import type { CalendarApi, CalendarEntry, FreeBusyEntry } from '../ports/index.js';

/** The organizer's calendars that count, besides the primary: their App Home choice, else Google's `selected`. */
export function countedCalendars(list: readonly CalendarEntry[], prefs: Preferences | undefined): string[] {
  const chosen = prefs?.calendars ? new Set(prefs.calendars) : undefined;
  return list.filter((c) => !c.primary && (chosen ? chosen.has(c.id) : c.selected)).map((c) => c.id);
}

export interface BusyTimes {
  /** Keyed `primary`, each attendee's address, and each of the organizer's other counted calendars. */
  entries: Map<string, FreeBusyEntry>;
  /** The organizer's counted calendars other than the primary. */
  ownExtra: string[];
}

/**
 * Everyone's busy times on the organizer's token. The calendar list is read beside the first
 * freeBusy, so a person with one calendar pays no extra round trip; other calendars they count
 * are asked in a second query. A list Google will not give means the primary alone counts.
 */
export async function busyTimes(
  calendar: CalendarApi,
  token: string,
  q: { timeMin: number; timeMax: number; attendees: readonly Attendee[]; prefs: Preferences | undefined },
): Promise<BusyTimes> {
  const first = ['primary', ...q.attendees.map((a) => a.email)];
  const [entries, list] = await Promise.all([calendar.freeBusy(token, { timeMin: q.timeMin, timeMax: q.timeMax, ids: first }), calendar.calendars(token).catch(() => [] as CalendarEntry[])]);
  const ownExtra = countedCalendars(list, q.prefs).filter((id) => !entries.has(id));
  if (ownExtra.length > 0) {
    for (const [id, entry] of await calendar.freeBusy(token, { timeMin: q.timeMin, timeMax: q.timeMax, ids: ownExtra })) entries.set(id, entry);
  }
  return { entries, ownExtra };
}
