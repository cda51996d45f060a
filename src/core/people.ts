import type { Preferences } from './preferences.js';

/** Someone invited to a meeting. `zone` is known only for people found in Slack. */
export interface Attendee {
  email: string;
  name: string;
  slackId?: string | undefined;
  zone?: string | undefined;
  prefs?: Preferences | undefined;
}

export interface Organizer {
  slackId: string;
  name: string;
  zone: string;
  email?: string | undefined;
  prefs?: Preferences | undefined;
}
