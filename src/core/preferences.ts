import { z } from 'zod';
import { IANAZone } from 'luxon';
import { MAX_MINUTES, MIN_MINUTES } from './duration.js';
import { DEFAULT_HOURS, type WorkingHours } from './working-hours.js';

/** A person's own settings, edited on the App Home tab. */
export const Preferences = z
  .object({
    startMinute: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    endMinute: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    defaultMinutes: z.number().int().min(MIN_MINUTES).max(MAX_MINUTES).optional(),
    zone: z
      .string()
      .refine((z) => IANAZone.isValidZone(z), 'not a known time zone')
      .optional(),
    /** Calendar ids whose busy times count besides the primary; absent: those selected in Google Calendar. */
    calendars: z.array(z.string().min(1).max(1024)).max(200).optional(),
    /** False: booked events get no Google Meet link. */
    meet: z.boolean().optional(),
  })
  .refine((p) => p.endMinute - p.startMinute >= MIN_MINUTES, { message: 'the working day must end after it starts', path: ['endMinute'] });
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_MINUTES = 30;

/** Working hours from a person's preferences, in their own zone (the override wins over Slack's). */
export function hoursOf(slackZone: string, prefs: Preferences | undefined): WorkingHours {
  return {
    zone: prefs?.zone ?? slackZone,
    startMinute: prefs?.startMinute ?? DEFAULT_HOURS.startMinute,
    endMinute: prefs?.endMinute ?? DEFAULT_HOURS.endMinute,
    days: prefs?.days ?? DEFAULT_HOURS.days,
  };
}
