import type { SlackUserRef } from '../core/identity.js';
import type { Interval } from '../core/intervals.js';
import type { ScheduleRequest } from '../core/parse-schedule.js';
import type { Attendee, Organizer } from '../core/people.js';

export type BookingState =
  | { state: 'open' }
  | { state: 'booking'; claimedAt: number; slot: Interval; eventId?: string; eventLink?: string }
  | { state: 'booked'; slot: Interval; eventId: string; eventLink: string; draftId: string; draftLink: string }
  | { state: 'cancelled' };

/** One /schedule request, from the command to the booked (or cancelled) meeting. */
export interface ScheduleRecord {
  id: string;
  owner: SlackUserRef;
  channelId: string;
  responseUrl: string;
  createdAt: number;
  request: ScheduleRequest;
  organizer?: Organizer | undefined;
  attendees: Attendee[];
  whenText: string;
  candidates: Interval[];
  shown: number[];
  unseen: string[];
  /** Moves on after every cancel or roll-back, so the next pick gets a fresh event id. */
  generation: number;
  booking: BookingState;
}

/**
 * Records by id. `update` runs `change` on the current record atomically (one writer at a time
 * per record) and stores what it returns as `next`.
 */
export interface ScheduleStore {
  put(record: ScheduleRecord): Promise<void>;
  get(id: string): Promise<ScheduleRecord | undefined>;
  update<T>(id: string, change: (current: ScheduleRecord) => { next?: ScheduleRecord; result: T }): Promise<T | undefined>;
}

export function ownedBy(record: ScheduleRecord, user: SlackUserRef): boolean {
  return (
    record.owner.userId === user.userId &&
    (record.owner.enterpriseId ?? record.owner.teamId) === (user.enterpriseId ?? user.teamId)
  );
}
