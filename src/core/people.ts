import { z } from 'zod';
import { Preferences } from './preferences.js';

/** Someone invited to a meeting. `zone` is known only for people found in Slack. */
export const Attendee = z.object({
  email: z.string(),
  name: z.string(),
  slackId: z.string().optional(),
  zone: z.string().optional(),
  prefs: Preferences.optional(),
});
export type Attendee = z.infer<typeof Attendee>;

export const Organizer = z.object({
  slackId: z.string(),
  name: z.string(),
  zone: z.string(),
  email: z.string().optional(),
  prefs: Preferences.optional(),
});
export type Organizer = z.infer<typeof Organizer>;
