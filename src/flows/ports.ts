import type { Interval } from '../core/intervals.js';
import type { SlackUserRef } from '../core/identity.js';
import type { Connector, GrantProblem } from '../core/outcomes.js';
import type { PendingStore } from './pending.js';
import type { ScheduleStore } from './schedule-record.js';
import type { OnceStore, PrefsStore } from './store-ports.js';

export type TokenLookup = { kind: 'token'; token: string } | { kind: 'missing'; problem: GrantProblem };

/** The user's Google grants, held by Scalekit. Tokens are fetched per use and never kept. */
export interface Grants {
  token(user: SlackUserRef, connector: Connector): Promise<TokenLookup>;
  /**
   * The user's own authorization link for this connector. With `resumeId`, the return from
   * Google comes back to the bot carrying a signed state that names the waiting request.
   */
  link(user: SlackUserRef, connector: Connector, resumeId?: string): Promise<string>;
  /** Activates the account after the user came back through the verify URL. */
  verify(authRequestId: string, user: SlackUserRef): Promise<void>;
  disconnect(user: SlackUserRef, connector: Connector): Promise<void>;
}

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

export interface CalendarApi {
  freeBusy(token: string, q: { timeMin: number; timeMax: number; ids: string[] }): Promise<Map<string, FreeBusyEntry>>;
  /** Creates the event, or returns the one that already has this id. */
  insertEvent(token: string, event: NewEvent): Promise<CreatedEvent>;
  /** Deletes the event; one that is already gone counts as deleted. */
  deleteEvent(token: string, eventId: string): Promise<void>;
}

export interface GmailApi {
  createDraft(token: string, raw: string): Promise<{ draftId: string; messageId: string }>;
  /** False when the draft was already gone (sent or deleted by the user). */
  deleteDraft(token: string, draftId: string): Promise<boolean>;
}

export type DirectoryEntry =
  | { kind: 'person'; id: string; name: string; email?: string | undefined; zone: string; isBot: boolean; deleted: boolean }
  | { kind: 'not-found'; id: string };

/** Slack's view of people, through the calling workspace's token. */
export interface Directory {
  person(userId: string): Promise<DirectoryEntry>;
}

export interface Logger {
  debug(msg: string, ctx?: Record<string, unknown>): void;
  info(msg: string, ctx?: Record<string, unknown>): void;
  warn(msg: string, ctx?: Record<string, unknown>): void;
  error(msg: string, ctx?: Record<string, unknown>): void;
}

export type FlowStore = ScheduleStore & PendingStore & OnceStore & PrefsStore;

/** What every flow needs; the directory is per request because it carries the workspace's token. */
export interface FlowDeps {
  grants: Grants;
  calendar: CalendarApi;
  gmail: GmailApi;
  store: FlowStore;
  directory: Directory;
  now: () => number;
  newId: () => string;
  log: Logger;
  /** How long a booking's claim holds without renewal before another process may finish it. */
  bookingLeaseMs: number;
}

/** What booking, cancelling and recovery need: everything but the per-workspace directory. */
export type BookingDeps = Omit<FlowDeps, 'directory'>;
