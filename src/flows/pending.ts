import type { SlackUserRef } from '../core/identity.js';
import type { Connector } from '../core/outcomes.js';

/** The kinds of request that can wait for the user to connect Google and then resume. */
export type PendingKind = 'schedule' | 'inbox';

/**
 * A request waiting for authorization. `payload` is what the kind needs to run again: for
 * `schedule` the schedule record's id, for `inbox` the parsed ask.
 */
export interface PendingRequest {
  id: string;
  kind: PendingKind;
  owner: SlackUserRef;
  channelId: string;
  /** Absent for requests that came as events (DMs, mentions), which have no response_url. */
  responseUrl?: string | undefined;
  /** When the response_url was issued and how often it was used: Slack allows 5 uses in 30 minutes. */
  responseUrlIssuedAt?: number | undefined;
  responseUrlUses: number;
  createdAt: number;
  expiresAt: number;
  waitingFor: Connector[];
  payload: unknown;
}

export interface PendingStore {
  putPending(p: PendingRequest): Promise<void>;
  getPending(id: string): Promise<PendingRequest | undefined>;
  deletePending(id: string): Promise<void>;
}

/** How long a request waits for its user to authorize before it is dropped. */
export const PENDING_TTL_MS = 24 * 60 * 60_000;
