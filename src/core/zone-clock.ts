/** One formatter per zone: building an Intl formatter costs far more than using one. */
const dates = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`2026-11-23`) a wall clock in `zone` shows at `at`. */
export function localDate(at: number, zone: string): string {
  let f = dates.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dates.set(zone, f);
  }
  return f.format(at);
}

const abbreviators = new Map<string, Intl.DateTimeFormat>();

/** `EST`, `GMT+5:30`: the zone's short name at that instant, as Slack users read it. */
export function zoneAbbreviation(at: number, zone: string): string {
  let f = abbreviators.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbreviators.set(zone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
