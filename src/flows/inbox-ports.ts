import type { CursorSeal } from '../core/inbox/cursor.js';
import type { MailItem } from '../core/inbox/summary.js';
import type { PendingStore } from './pending.js';
import type { FlowDeps } from './ports.js';

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

/** Whether an address belongs to someone in the asker's Slack workspace (a sign of urgency). */
export interface Colleagues {
  isMember(email: string): Promise<boolean>;
}

/** The adapters the inbox summary needs beyond the scheduler's: built once, in bot.ts. */
export interface InboxAdapters {
  mailbox: MailboxApi;
  inboxCursors: CursorSeal;
}

/** What the inbox flows need; `directory` and `colleagues` are per request (workspace token). */
export type InboxDeps = InboxAdapters &
  Pick<FlowDeps, 'grants' | 'directory' | 'now' | 'newId' | 'log'> & {
    store: PendingStore;
    colleagues: Colleagues;
  };

/** Where the answer to an ask goes: the DM it came in, or an ephemeral reply to the asker alone. */
export type InboxDelivery = { kind: 'dm'; channelId: string } | { kind: 'ephemeral'; channelId: string; threadTs?: string | undefined };
