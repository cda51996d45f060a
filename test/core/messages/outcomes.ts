import type { BookingOutcome, CancelOutcome, ProposalOutcome } from '../../../src/core/outcomes.js';
import { booked, grant, GRANT_PROBLEMS, view } from './helpers.js';

export type ByKind<O extends { kind: string }> = { [K in O['kind']]: Extract<O, { kind: K }> };

/** One outcome of every kind; the mapped types make the compiler flag a kind added later. */
export function outcomes(title = 'Sync') {
  const missing = [grant('not-connected')];
  const failure = { kind: 'unavailable', connector: 'calendar' } as const;
  const proposal: ByKind<ProposalOutcome> = {
    slots: { kind: 'slots', view: view({ title, unseen: [title] }) },
    'no-slots': { kind: 'no-slots', title, whenText: 'today', unseen: [title] },
    'needs-connection': { kind: 'needs-connection', requestId: 'req-1', missing: GRANT_PROBLEMS.map((p) => grant(p)) },
    'bad-input': { kind: 'bad-input', reason: `Add a title. ${title}` },
    failed: { kind: 'failed', failure },
    gone: { kind: 'gone' },
    'not-yours': { kind: 'not-yours' },
    closed: { kind: 'closed' },
  };
  const booking: ByKind<BookingOutcome> = {
    booked: { kind: 'booked', booking: booked({ title }) },
    'draft-failed': { kind: 'draft-failed', requestId: 'req-1', title, reason: 'quota', eventRemoved: true, retry: view({ title }) },
    'slot-taken': { kind: 'slot-taken', requestId: 'req-1', title, busy: [], fresh: { kind: 'slots', view: view({ title }) } },
    'rolled-back': { kind: 'rolled-back', requestId: 'req-1', title, retry: view({ title }) },
    'needs-connection': { kind: 'needs-connection', requestId: 'req-1', missing },
    failed: { kind: 'failed', failure },
    'in-progress': { kind: 'in-progress' },
    gone: { kind: 'gone' },
    'not-yours': { kind: 'not-yours' },
  };
  const cancel: ByKind<CancelOutcome> = {
    cancelled: { kind: 'cancelled', title, draftRemoved: true },
    'needs-connection': { kind: 'needs-connection', requestId: 'req-1', missing },
    failed: { kind: 'failed', failure },
    gone: { kind: 'gone' },
    'not-yours': { kind: 'not-yours' },
  };
  return { proposal, booking, cancel };
}
