import type { Interval } from '../../core/intervals.js';
import type { MailItem } from '../../core/inbox/summary.js';

export type FreeBusyEntry = { kind: 'busy'; busy: Interval[] } | { kind: 'unseen'; reason: string };

export interface NewEvent {
  id: string;
  title: string;
  description: string;
  slot: Interval;
  zone: string;
  attendees: string[];
}

export interface CreatedEvent {
  id: string;
  htmlLink: string;
}

/** One calendar on the user's calendar list. */
export interface CalendarEntry {
  id: string;
  summary: string;
  primary: boolean;
  /** Shown in the user's Google Calendar: whether they count it as theirs to look at. */
  selected: boolean;
  accessRole: 'freeBusyReader' | 'reader' | 'writer' | 'owner';
}

/** Google allows at most this many calendars in one freeBusy query (`calendarExpansionMax`). */
export const FREEBUSY_MAX_IDS = 50;

/** Google Calendar, on a token the caller fetched for the user. */
export interface CalendarApi {
  /** The user's calendar list, hidden ones left out. */
  calendars(token: string): Promise<CalendarEntry[]>;
  /** Busy times per id, asked in batches of at most FREEBUSY_MAX_IDS. */
  freeBusy(token: string, q: { timeMin: number; timeMax: number; ids: string[] }): Promise<Map<string, FreeBusyEntry>>;
  /** Creates the event, or returns the one that already has this id. */
  insertEvent(token: string, event: NewEvent): Promise<CreatedEvent>;
  /** Deletes the event; one that is already gone counts as deleted. */
  deleteEvent(token: string, eventId: string): Promise<void>;
}

/** Gmail drafts, on a token the caller fetched for the user. */
export interface GmailApi {
  createDraft(token: string, raw: string): Promise<{ draftId: string; messageId: string }>;
  /** False when the draft was already gone (sent or deleted by the user). */
  deleteDraft(token: string, draftId: string): Promise<boolean>;
}

export interface MailPage {
  ids: string[];
  nextPageToken?: string | undefined;
  resultSizeEstimate: number;
}

/** Gmail, read-only, on a token the caller fetched for the asker. */
export interface MailboxApi {
  /** One page of message ids matching a Gmail search, newest first. */
  list(token: string, q: { query: string; maxResults: number; pageToken?: string | undefined }): Promise<MailPage>;
  /** From, Subject, Date and the snippet of one message; undefined when it is gone meanwhile. */
  metadata(token: string, id: string): Promise<MailItem | undefined>;
}
