import type { SlackUserRef } from '../../core/identity.js';
import type { ProposalOutcome } from '../../core/outcomes.js';
import { spreadOverDays } from '../../core/spread-over-days.js';
import type { ScheduleDeps } from '../deps.js';
import { ownedBy, type ScheduleRecord } from './record.js';
import { viewOf } from './view.js';

/** The next page of times for the same request. */
export async function moreTimes(deps: ScheduleDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const now = deps.now();
  const result = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: ProposalOutcome } => {
    if (!ownedBy(record, user)) return { result: { kind: 'not-yours' } };
    if (record.booking.state !== 'open') return { result: { kind: 'gone' } };
    const zone = record.organizer?.zone ?? 'UTC';
    const future = record.candidates.filter((c) => c.start >= now);
    const page = spreadOverDays(future, zone, record.shown);
    if (page.length === 0) return { result: { kind: 'no-slots', title: record.request.title, whenText: record.whenText, unseen: record.unseen } };
    const shown = [...record.shown, ...page.map((s) => s.start)];
    const next = { ...record, shown };
    return { next, result: { kind: 'slots', view: viewOf(next, page, spreadOverDays(future, zone, shown).length > 0) } };
  });
  return result ?? { kind: 'gone' };
}
