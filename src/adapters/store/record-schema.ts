import { z } from 'zod';
import { Preferences } from '../../core/preferences.js';
import type { PendingRequest } from '../../flows/pending.js';
import type { ScheduleRecord } from '../../flows/schedule-record.js';

const Interval = z.object({ start: z.number(), end: z.number() });
const UserRef = z.object({ teamId: z.string(), userId: z.string(), enterpriseId: z.string().optional() });
const When = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('weekday'), weekday: z.number(), next: z.boolean().optional() }),
  z.object({ kind: z.literal('next-week') }),
]);
const Booking = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({ state: z.literal('booking'), claimedAt: z.number(), slot: Interval, responseUrl: z.string().optional(), eventId: z.string().optional(), eventLink: z.string().optional() }),
  z.object({ state: z.literal('booked'), slot: Interval, eventId: z.string(), eventLink: z.string(), draftId: z.string(), draftLink: z.string() }),
  z.object({ state: z.literal('cancelled') }),
]);

/** What comes back from the database is checked like any other outside input. */
export const ScheduleRecordSchema: z.ZodType<ScheduleRecord> = z.object({
  id: z.string(),
  owner: UserRef,
  channelId: z.string(),
  responseUrl: z.string(),
  createdAt: z.number(),
  request: z.object({
    mentions: z.array(z.string()),
    emails: z.array(z.string()),
    minutes: z.number().optional(),
    title: z.string(),
    when: When,
  }),
  organizer: z.object({ slackId: z.string(), name: z.string(), zone: z.string(), email: z.string().optional() }).optional(),
  attendees: z.array(z.object({ email: z.string(), name: z.string(), slackId: z.string().optional(), zone: z.string().optional(), prefs: Preferences.optional() })),
  whenText: z.string(),
  minutes: z.number().optional(),
  candidates: z.array(Interval),
  shown: z.array(z.number()),
  unseen: z.array(z.string()),
  generation: z.number(),
  booking: Booking,
  journal: z.array(z.object({ step: z.enum(['claimed', 'event-created', 'draft-created', 'confirmed', 'compensated', 'recovered']), at: z.number(), eventId: z.string().optional() })),
});

export const PendingSchema: z.ZodType<PendingRequest> = z.object({
  id: z.string(),
  kind: z.enum(['schedule', 'inbox']),
  owner: UserRef,
  channelId: z.string(),
  responseUrl: z.string().optional(),
  responseUrlIssuedAt: z.number().optional(),
  responseUrlUses: z.number(),
  createdAt: z.number(),
  expiresAt: z.number(),
  waitingFor: z.array(z.enum(['calendar', 'gmail'])),
  payload: z.unknown(),
});
