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

/** Google Calendar, on a token the caller fetched for the user. */
export interface CalendarApi {
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
