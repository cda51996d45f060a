import type { MissingGrant, ServiceFailure } from '../outcomes.js';
import type { InboxSummary } from './summary.js';

/** What the summary says it covers, in the asker's words. */
export interface FilterText {
  from?: string | undefined;
  label?: string | undefined;
  range?: string | undefined;
  /** The ask was "what's urgent?": list only the flagged messages. */
  onlyUrgent?: boolean | undefined;
}

export interface InboxView {
  summary: InboxSummary;
  /** How many unread match in all: exact on the last page, Gmail's estimate before it. */
  total: number;
  estimate: boolean;
  /** Position (1-based) of this page's first message among all that match. */
  first: number;
  shown: number;
  filters: FilterText;
  zone: string;
  now: number;
  /** The asker's address, so Gmail links open their mailbox (`authuser`); absent if unknown. */
  account?: string | undefined;
  /** The signed Show more value; absent on the last page. */
  more?: string | undefined;
}

export type InboxOutcome =
  | { kind: 'summary'; view: InboxView }
  | { kind: 'empty'; filters: FilterText; paging: boolean }
  | { kind: 'needs-connection'; requestId: string; missing: MissingGrant[] }
  | { kind: 'failed'; failure: ServiceFailure }
  | { kind: 'bad-input'; reason: string }
  | { kind: 'gone' }
  | { kind: 'not-yours' };
