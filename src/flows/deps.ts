import type { CalendarApi, Colleagues, CursorSeal, Directory, GmailApi, Grants, Logger, MailboxApi, Store } from './ports/index.js';

/** What every feature's flows share. */
export interface BaseDeps {
  grants: Grants;
  store: Store;
  now: () => number;
  newId: () => string;
  log: Logger;
}

/**
 * Scheduling and booking. The directory is per request because it carries the workspace's
 * token; booking, cancelling and recovery never need it.
 */
export interface ScheduleDeps extends BaseDeps {
  calendar: CalendarApi;
  gmail: GmailApi;
  directory: Directory;
  /** How long a booking's claim holds without renewal before another process may finish it. */
  bookingLeaseMs: number;
}
export type BookingDeps = Omit<ScheduleDeps, 'directory'>;

/** The inbox summary; `directory` and `colleagues` are per request (workspace token). */
export interface InboxDeps extends BaseDeps {
  mailbox: MailboxApi;
  inboxCursors: CursorSeal;
  directory: Directory;
  colleagues: Colleagues;
}

/** App Home: connection status, disconnect, preferences. */
export interface HomeDeps extends BaseDeps {
  directory: Directory;
}

/** The return from Google's consent through /auth/verify. */
export interface ConnectDeps extends BaseDeps {
  stateSecret: string;
}
