import type { DraftProbe } from '../../core/draft-probe.js';
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
  /** Ask Google for a Meet conference; a calendar that cannot have one gets the event without. */
  meet: boolean;
}

export interface CreatedEvent {
  id: string;
  htmlLink: string;
  /** The event's Google Meet link, when it has one. */
  meetLink?: string | undefined;
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

/** An event by id: a deleted one keeps its id for ever, as `cancelled`. */
export type EventLookup = { kind: 'live'; event: CreatedEvent } | { kind: 'cancelled' } | { kind: 'missing' };

/** Google Calendar, on a token the caller fetched for the user. */
export interface CalendarApi {
  /** The user's calendar list, hidden ones left out. */
  calendars(token: string): Promise<CalendarEntry[]>;
  /** Busy times per id, asked in batches of at most FREEBUSY_MAX_IDS. */
  freeBusy(token: string, q: { timeMin: number; timeMax: number; ids: string[] }): Promise<Map<string, FreeBusyEntry>>;
  /**
   * Creates the event, or returns the one that already has this id. After an answer that was lost
   * it reads the event before inserting again. Throws `unavailable` when it cannot tell whether
   * Google made it, and `gone` when the id belongs to a deleted event.
   */
  insertEvent(token: string, event: NewEvent): Promise<CreatedEvent>;
  getEvent(token: string, eventId: string): Promise<EventLookup>;
  /** Deletes the event; one that is already gone counts as deleted. */
  deleteEvent(token: string, eventId: string): Promise<void>;
}

export type { DraftProbe };

export interface DraftRef {
  draftId: string;
  /** Gmail's id of the draft's message (what a link to the draft names). */
  messageId: string;
}

/** Gmail drafts, on a token the caller fetched for the user. */
export interface GmailApi {
  /**
   * Makes a new draft (Gmail makes one per call). After an answer that was lost it looks for the
   * draft by `probe` before creating again; throws `unavailable` when it cannot tell whether Gmail
   * made it.
   */
  createDraft(token: string, draft: { raw: string; probe: DraftProbe }): Promise<DraftRef>;
  /** The live draft this probe identifies, if Gmail holds one. */
  findDraft(token: string, probe: DraftProbe): Promise<DraftRef | undefined>;
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
