import type { SlackUserRef } from '../core/identity.js';
import type { CalendarApi, Colleagues, CursorSeal, Directory, GmailApi, GoogleAccounts, Grants, Logger, MailboxApi, Store } from './ports/index.js';

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

/** App Home: connection status, disconnect, preferences (which lists the user's calendars). */
export interface HomeDeps extends BaseDeps {
  directory: Directory;
  calendar: CalendarApi;
}

/** Opening a Connect link, and the return from Google's consent through /auth/verify. */
export interface ConnectDeps extends BaseDeps {
  /** Checks the state Scalekit hands back to /auth/verify. */
  stateSecret: string;
  /** Checks the token a Connect link carries. */
  linkKey: string;
  /** Slack's view of the workspace the user belongs to (their profile email). */
  directoryFor: (user: SlackUserRef) => Promise<Directory>;
  accounts: GoogleAccounts;
  /** A Google account whose address differs from the Slack profile's is disconnected again. */
  requireMatchingGoogleEmail: boolean;
}
