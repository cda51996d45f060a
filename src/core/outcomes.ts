import { z } from 'zod';
import type { Interval } from './intervals.js';
import type { Asked } from './asked-time.js';
import type { NoTimeReason } from './why-no-time.js';

/** The two Google services the bot acts in, each with its own grant at Scalekit. */
export const Connector = z.enum(['calendar', 'gmail']);
export type Connector = z.infer<typeof Connector>;
export const CONNECTORS: readonly Connector[] = Connector.options;

/** Why a grant cannot be used; each has its own message and way out. */
export type GrantProblem = 'not-connected' | 'pending-verification' | 'expired' | 'revoked' | 'unauthorized' | 'insufficient-scope' | 'admin-blocked';

export interface MissingGrant {
  connector: Connector;
  problem: GrantProblem;
  /** The user's own authorization link; absent where reconnecting cannot help. */
  link?: string | undefined;
  /** For insufficient-scope: the scope the connection must add. */
  scope?: string | undefined;
}

/** A Google call that failed for a reason the user can act on or wait out. */
export type ServiceFailure =
  | { kind: 'rate-limited'; connector: Connector; retryAfterSeconds?: number | undefined }
  | { kind: 'unavailable'; connector: Connector }
  | { kind: 'auth-service-unavailable' };

/** Someone invited, as messages name them: `zone` only where known (people found in Slack). */
export interface PersonView {
  name: string;
  zone?: string | undefined;
}

export interface ProposalView {
  requestId: string;
  title: string;
  minutes: number;
  /** The organizer's zone: the one the working hours and every fallback time are in. */
  zone: string;
  whenText: string;
  slots: Interval[];
  /** Who is invited besides the organizer; each slot shows their clock where it differs. */
  attendees: PersonView[];
  unseen: string[];
  hasMore: boolean;
  /** The exact time asked for, when there was one, and whether everyone is free then. */
  asked?: Asked | undefined;
}

export type ProposalOutcome =
  | { kind: 'slots'; view: ProposalView }
  | { kind: 'no-slots'; title: string; whenText: string; unseen: string[]; reason?: NoTimeReason | undefined; minutes?: number | undefined }
  | { kind: 'needs-connection'; requestId: string; missing: MissingGrant[] }
  | { kind: 'bad-input'; reason: string }
  | { kind: 'failed'; failure: ServiceFailure }
  | { kind: 'gone' }
  | { kind: 'not-yours' }
  | { kind: 'closed' };

export interface Booked {
  requestId: string;
  title: string;
  slot: Interval;
  zone: string;
  /** Who is invited besides the organizer. */
  attendees: PersonView[];
  eventLink: string;
  /** The video call, when the event has one. */
  meetLink?: string | undefined;
  /** A Meet link was asked for; without `meetLink`, Google did not add one. */
  meetWanted?: boolean | undefined;
  draftLink: string;
}

export type BookingOutcome =
  | { kind: 'booked'; booking: Booked }
  | {
      kind: 'draft-failed';
      requestId: string;
      title: string;
      reason: string;
      eventRemoved: boolean;
      retry?: ProposalView | undefined;
      /** Set when the draft failed because of the Gmail grant: the way to mend it. */
      missing?: MissingGrant | undefined;
    }
  /** The time clashes with another booking of the same people, or became busy at Google: fresh times instead. */
  | { kind: 'slot-taken'; requestId: string; title: string; busy: Interval[]; fresh?: ProposalOutcome | undefined }
  /** A roll-back that had failed finished later: nothing of the booking is left at Google. */
  | { kind: 'rolled-back'; requestId: string; title: string; retry?: ProposalView | undefined }
  | { kind: 'needs-connection'; requestId: string; missing: MissingGrant[] }
  | { kind: 'failed'; failure: ServiceFailure }
  | { kind: 'in-progress' }
  | { kind: 'gone' }
  | { kind: 'not-yours' };

export type CancelOutcome =
  | { kind: 'cancelled'; title: string; draftRemoved: boolean }
  | { kind: 'needs-connection'; requestId: string; missing: MissingGrant[] }
  | { kind: 'failed'; failure: ServiceFailure }
  | { kind: 'gone' }
  | { kind: 'not-yours' };
