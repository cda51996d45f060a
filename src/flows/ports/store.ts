import type { SlackUserRef } from '../../core/identity.js';
import type { Interval } from '../../core/intervals.js';
import type { Preferences } from '../../core/preferences.js';
import type { PendingRequest } from '../connect/pending.js';
import type { ScheduleRecord } from '../schedule/record.js';

/**
 * Schedule records by id. `update` runs `change` on the current record atomically (one writer at
 * a time per record) and stores what it returns as `next`.
 */
export interface ScheduleStore {
  put(record: ScheduleRecord): Promise<void>;
  get(id: string): Promise<ScheduleRecord | undefined>;
  update<T>(id: string, change: (current: ScheduleRecord) => { next?: ScheduleRecord; result: T }): Promise<T | undefined>;
  /** Ids of bookings claimed before `claimedBefore` that never finished: their process died. */
  unfinished(claimedBefore: number): Promise<string[]>;
  /** Requests other than `exceptId` being booked or booked at a time that overlaps `slot`. */
  overlappingBookings(slot: Interval, exceptId: string): Promise<ScheduleRecord[]>;
}

export interface PendingStore {
  putPending(p: PendingRequest): Promise<void>;
  getPending(id: string): Promise<PendingRequest | undefined>;
  deletePending(id: string): Promise<void>;
}

/** Remembers keys (Slack event ids, auth-state nonces) so that each is acted on once. */
export interface OnceStore {
  /** True the first time a key is seen (until it expires), false ever after. */
  firstTime(key: string, expiresAt: number): Promise<boolean>;
}

export interface PrefsStore {
  getPrefs(user: SlackUserRef): Promise<Preferences | undefined>;
  putPrefs(user: SlackUserRef, prefs: Preferences): Promise<void>;
}

/** Everything the flows keep. */
export type Store = ScheduleStore & PendingStore & OnceStore & PrefsStore;
