import { z } from 'zod';
import { DraftProbe } from '../../core/draft-probe.js';
import { sameUser, SlackUserRef } from '../../core/identity.js';
import { Interval } from '../../core/intervals.js';
import { ScheduleRequest } from '../../core/parse-schedule.js';
import { Attendee, Organizer } from '../../core/people.js';

export const JournalStep = z.enum(['claimed', 'event-created', 'draft-created', 'confirmed', 'roll-back-failed', 'compensated', 'recovered']);
export type JournalStep = z.infer<typeof JournalStep>;

export const BookingState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({
    state: z.literal('booking'),
    claimedAt: z.number(),
    slot: Interval,
    /** The pick's response_url, so that a booking finished after a crash can still report. */
    responseUrl: z.string().optional(),
    eventId: z.string().optional(),
    eventLink: z.string().optional(),
    meetLink: z.string().optional(),
    /**
     * A roll-back that failed: what may be left at Google (the event by its id, the draft if one
     * may have been made). Recovery retries it until it is gone.
     */
    undo: z.object({ eventId: z.string(), draft: DraftProbe.optional(), reason: z.string() }).optional(),
  }),
  z.object({ state: z.literal('booked'), slot: Interval, eventId: z.string(), eventLink: z.string(), meetLink: z.string().optional(), draftId: z.string(), draftLink: z.string() }),
  z.object({ state: z.literal('cancelled') }),
]);
export type BookingState = z.infer<typeof BookingState>;

/**
 * One /schedule request, from the command to the booked (or cancelled) meeting. The store checks
 * what it reads back against this very schema, so the type and the check cannot drift apart.
 */
export const ScheduleRecord = z.object({
  id: z.string(),
  owner: SlackUserRef,
  channelId: z.string(),
  responseUrl: z.string(),
  createdAt: z.number(),
  request: ScheduleRequest,
  organizer: Organizer.optional(),
  attendees: z.array(Attendee),
  whenText: z.string(),
  /** The meeting's length once known: the request's, else the organizer's default. */
  minutes: z.number().optional(),
  /** When the candidates were read from Google: an older proposal is checked again at Book. */
  proposedAt: z.number().optional(),
  candidates: z.array(Interval),
  shown: z.array(z.number()),
  unseen: z.array(z.string()),
  /** Moves on after every cancel or roll-back, so the next pick gets a fresh event id. */
  generation: z.number(),
  booking: BookingState,
  /** What each booking attempt did, in order: read at start-up to finish or roll back. */
  journal: z.array(z.object({ step: JournalStep, at: z.number(), eventId: z.string().optional() })),
});
export type ScheduleRecord = z.infer<typeof ScheduleRecord>;

export function withStep(r: ScheduleRecord, step: JournalStep, at: number, eventId?: string): ScheduleRecord {
  return { ...r, journal: [...r.journal, { step, at, ...(eventId ? { eventId } : {}) }] };
}

export function ownedBy(record: ScheduleRecord, user: SlackUserRef): boolean {
  return sameUser(record.owner, user);
}

/** When this booking attempt was claimed (the lease's `claimedAt` moves on while it runs). */
export function claimTime(r: ScheduleRecord): number {
  return [...r.journal].reverse().find((j) => j.step === 'claimed')?.at ?? r.createdAt;
}
