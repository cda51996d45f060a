import { sameUser, type SlackUserRef } from '../core/identity.js';
import type { Interval } from '../core/intervals.js';
import type { ScheduleRequest } from '../core/parse-schedule.js';
import type { Attendee, Organizer } from '../core/people.js';

export type JournalStep = 'claimed' | 'event-created' | 'draft-created' | 'confirmed' | 'compensated' | 'recovered';

export type BookingState =
  | { state: 'open' }
  | {
      state: 'booking';
      claimedAt: number;
      slot: Interval;
      /** The pick's response_url, so that a booking finished after a crash can still report. */
      responseUrl?: string | undefined;
      eventId?: string | undefined;
      eventLink?: string | undefined;
    }
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
  /** The meeting's length once known: the request's, else the organizer's default. */
  minutes?: number | undefined;
  candidates: Interval[];
  shown: number[];
  unseen: string[];
  /** Moves on after every cancel or roll-back, so the next pick gets a fresh event id. */
  generation: number;
  booking: BookingState;
  /** What each booking attempt did, in order: read at start-up to finish or roll back. */
  journal: Array<{ step: JournalStep; at: number; eventId?: string | undefined }>;
}

/**
 * Records by id. `update` runs `change` on the current record atomically (one writer at a time
 * per record) and stores what it returns as `next`.
 */
export interface ScheduleStore {
  put(record: ScheduleRecord): Promise<void>;
  get(id: string): Promise<ScheduleRecord | undefined>;
  update<T>(id: string, change: (current: ScheduleRecord) => { next?: ScheduleRecord; result: T }): Promise<T | undefined>;
  /** Ids of bookings claimed before `claimedBefore` that never finished: their process died. */
  unfinished(claimedBefore: number): Promise<string[]>;
}

export function withStep(r: ScheduleRecord, step: JournalStep, at: number, eventId?: string): ScheduleRecord {
  return { ...r, journal: [...r.journal, { step, at, ...(eventId ? { eventId } : {}) }] };
}

export function ownedBy(record: ScheduleRecord, user: SlackUserRef): boolean {
  return sameUser(record.owner, user);
}
