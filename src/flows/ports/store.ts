import type { SlackUserRef } from '../../core/identity.js';
import type { Interval } from '../../core/intervals.js';
import type { Preferences } from '../../core/preferences.js';
import type { PendingRequest } from '../connect/pending.js';
import type { ScheduleRecord } from '../schedule/record.js';

/**
 * Schedule records by id. `update` runs `change` on the current record atomically (one writer at
 * a time per record) and stores what it returns as `next`. Writing a record whose booking is in
 * flight (state `booking`) stamps its claim with the store's own clock: that write is the claim,
 * and every later one renews it. Instances' clocks disagree; the store's is the one they share.
 */
export interface ScheduleStore {
  put(record: ScheduleRecord): Promise<void>;
  get(id: string): Promise<ScheduleRecord | undefined>;
  update<T>(id: string, change: (current: ScheduleRecord) => { next?: ScheduleRecord; result: T }): Promise<T | undefined>;
  /**
   * Ids of bookings in flight whose claim was not renewed for `leaseMs` by the store's clock: their
   * process died. Each is claimed afresh for the caller in the same step, so two callers never
   * take the same one.
   */
  takeUnfinished(leaseMs: number): Promise<string[]>;
  /**
   * `update` for claiming a time: `change` also gets the other requests being booked or booked at
   * a time that overlaps `slotOf(current)` (none when it gives no time). Every claim takes one lock
   * the whole store shares, so of two claims on one time the later always sees the earlier, in
   * whatever order their writes commit; claims are human clicks, few enough to take turns.
   */
  claim<T>(
    id: string,
    slotOf: (current: ScheduleRecord) => Interval | undefined,
    change: (current: ScheduleRecord, overlapping: ScheduleRecord[]) => { next?: ScheduleRecord; result: T },
  ): Promise<T | undefined>;
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
  /** The preferences of several people of one workspace in one query, by user id; those with none are absent. */
  prefsOf(team: Omit<SlackUserRef, 'userId'>, userIds: readonly string[]): Promise<Map<string, Preferences>>;
  putPrefs(user: SlackUserRef, prefs: Preferences): Promise<void>;
}

/** Everything the flows keep. */
export type Store = ScheduleStore & PendingStore & OnceStore & PrefsStore;
