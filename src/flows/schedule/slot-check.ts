import { sameUser } from '../../core/identity.js';
import type { Interval } from '../../core/intervals.js';
import type { MissingGrant, ServiceFailure } from '../../core/outcomes.js';
import { withGrant } from '../connect/with-grant.js';
import type { BookingDeps } from '../deps.js';
import type { TokenLookup } from '../ports/index.js';
import type { ScheduleRecord } from './record.js';

/**
 * A proposal shown less than this long ago was read from Google then, and the bot's own bookings
 * are checked at every Book anyway; an older one may have been booked over from elsewhere (another
 * calendar client, someone else's invitation), so its time is asked of Google's freeBusy again.
 * Three minutes: long enough that picking right away costs no extra Google call.
 */
export const FRESH_PROPOSAL_MS = 3 * 60_000;

export type SlotCheck = { kind: 'free' } | { kind: 'taken'; busy: Interval[] } | { kind: 'missing'; missing: MissingGrant } | { kind: 'failed'; failure: ServiceFailure };

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

const emailsOf = (r: ScheduleRecord) => new Set([r.organizer?.email, ...r.attendees.map((a) => a.email)].flatMap((e) => (e ? [e.toLowerCase()] : [])));

/** Whether two requests share the organizer or an attendee. */
export function sharePeople(a: ScheduleRecord, b: ScheduleRecord): boolean {
  if (sameUser(a.owner, b.owner)) return true;
  const theirs = emailsOf(b);
  return [...emailsOf(a)].some((e) => theirs.has(e));
}

/**
 * Is the claimed slot still free at Google. The bot's own bookings were checked when the slot was
 * claimed (`bookSlot`); a proposal shown less than FRESH_PROPOSAL_MS ago was read from Google then.
 */
export async function checkSlot(deps: BookingDeps, record: ScheduleRecord, slot: Interval, calendarToken: TokenLookup): Promise<SlotCheck> {
  if (deps.now() - (record.proposedAt ?? record.createdAt) < FRESH_PROPOSAL_MS) return { kind: 'free' };

  const ids = ['primary', ...record.attendees.map((a) => a.email)];
  const fb = await withGrant(
    deps.grants,
    { user: record.owner, resumeId: record.id },
    'calendar',
    (token) => deps.calendar.freeBusy(token, { timeMin: slot.start, timeMax: slot.end, ids }),
    calendarToken,
  );
  if (fb.kind !== 'ok') return fb;
  // A calendar Google won't show was named when the times were proposed; it cannot say "taken".
  const atGoogle = [...fb.value.values()].flatMap((e) => (e.kind === 'busy' ? e.busy.filter((b) => overlaps(b, slot)) : []));
  return atGoogle.length > 0 ? { kind: 'taken', busy: atGoogle } : { kind: 'free' };
}
