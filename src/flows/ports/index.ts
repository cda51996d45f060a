/** Every port the flows call, in one place; the adapters implement them. */
export { FREEBUSY_MAX_IDS } from './google.js';
export type { CalendarApi, CalendarEntry, CreatedEvent, DraftProbe, DraftRef, EventLookup, FreeBusyEntry, GmailApi, MailboxApi, MailPage, NewEvent } from './google.js';
export type { GoogleAccounts } from './accounts.js';
export type { Grants, TokenLookup } from './grants.js';
export type { CursorSeal } from './inbox.js';
export type { Logger } from './logger.js';
export type { Colleagues, Directory, DirectoryEntry } from './slack.js';
export type { OnceStore, PendingStore, PrefsStore, ScheduleStore, Store } from './store.js';
export { isServiceError, ServiceError, type ServiceProblem } from './service-error.js';
