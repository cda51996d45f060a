import { IANAZone } from 'luxon';
import { z } from 'zod';
import { MAX_MINUTES, MIN_MINUTES } from './duration.js';
import { Preferences } from './preferences.js';

/** Block and action ids of the preferences modal, shared by its builder and its parser. */
export const PREFS_FORM = {
  callbackId: 'prefs.save',
  start: 'prefs_start',
  end: 'prefs_end',
  days: 'prefs_days',
  duration: 'prefs_duration',
  zone: 'prefs_zone',
  meet: 'prefs_meet',
  calendars: 'prefs_calendars',
  action: 'value',
} as const;

const StateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      selected_time: z.string().nullish(),
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
      value: z.string().nullish(),
    }),
  ),
);

const toMinute = (hhmm: string | null | undefined): number | undefined => {
  const m = hhmm?.match(/^(\d{2}):(\d{2})$/);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

export type PrefsSubmission = { kind: 'ok'; prefs: Preferences } | { kind: 'errors'; errors: Record<string, string> };

/** Reads the modal's state into preferences, or says per field what is wrong (Slack shows it inline). */
export function parsePrefsSubmission(values: unknown): PrefsSubmission {
  const parsed = StateValues.safeParse(values);
  if (!parsed.success) return { kind: 'errors', errors: { [PREFS_FORM.start]: 'The form came back incomplete; please try again.' } };
  const field = (block: string) => parsed.data[block]?.[PREFS_FORM.action];
  const errors: Record<string, string> = {};
  const start = toMinute(field(PREFS_FORM.start)?.selected_time);
  const end = toMinute(field(PREFS_FORM.end)?.selected_time);
  if (start === undefined) errors[PREFS_FORM.start] = 'Pick when your working day starts.';
  if (end === undefined) errors[PREFS_FORM.end] = 'Pick when your working day ends.';
  if (start !== undefined && end !== undefined && end - start < MIN_MINUTES) errors[PREFS_FORM.end] = 'The day must end after it starts.';
  const days = (field(PREFS_FORM.days)?.selected_options ?? []).map((o) => Number(o.value)).filter((d) => d >= 1 && d <= 7);
  if (days.length === 0) errors[PREFS_FORM.days] = 'Pick at least one working day.';
  const durationText = field(PREFS_FORM.duration)?.selected_option?.value;
  const defaultMinutes = durationText === undefined ? undefined : Number(durationText);
  if (defaultMinutes !== undefined && !(defaultMinutes >= MIN_MINUTES && defaultMinutes <= MAX_MINUTES)) errors[PREFS_FORM.duration] = 'Pick a listed duration.';
  const zone = field(PREFS_FORM.zone)?.value?.trim() || undefined;
  if (zone !== undefined && !IANAZone.isValidZone(zone)) errors[PREFS_FORM.zone] = `“${zone.slice(0, 60)}” is not a time zone I know; use a name like Europe/Paris, or leave it empty.`;
  // A form without the Meet box (opened before it existed) leaves the default: a link.
  const meetBox = field(PREFS_FORM.meet);
  const meet = meetBox === undefined ? undefined : (meetBox.selected_options ?? []).some((o) => o.value === 'meet');
  // Without the calendars field (Google did not list them in time) the earlier choice stays.
  const calendarsBox = field(PREFS_FORM.calendars);
  const calendars = calendarsBox === undefined ? undefined : (calendarsBox.selected_options ?? []).map((o) => o.value);
  if (Object.keys(errors).length > 0 || start === undefined || end === undefined) return { kind: 'errors', errors };
  const prefs = Preferences.safeParse({ startMinute: start, endMinute: end, days: [...new Set(days)].sort(), defaultMinutes, zone, meet, calendars });
  return prefs.success ? { kind: 'ok', prefs: prefs.data } : { kind: 'errors', errors: { [PREFS_FORM.end]: 'These settings don’t fit together.' } };
}
