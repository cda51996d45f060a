import { sameUser } from '../../core/identity.js';
import type { Interval } from '../../core/intervals.js';
import type { MissingGrant, ServiceFailure } from '../../core/outcomes.js';
import { withGrant } from '../connect/with-grant.js';
import type { BookingDeps } from '../deps.js';
import type { TokenLookup } from '../ports/index.js';
import { claimTime, type ScheduleRecord } from './record.js';

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
 * Whether `other` holds the time against `mine`. A booked one does; of two bookings in progress,
 * the one claimed first (then the smaller id) goes ahead. Each checks after its own claim is
 * stored, so at least one sees the other and exactly one of them books.
 */
function holdsAgainst(other: ScheduleRecord, mine: ScheduleRecord): boolean {
  if (other.booking.state === 'booked') return true;
  if (other.booking.state !== 'booking') return false;
  const [theirs, ours] = [claimTime(other), claimTime(mine)];
  return theirs < ours || (theirs === ours && other.id < mine.id);
}

/** Is the claimed slot still free: first against the bot's own bookings, then, for an older proposal, at Google. */
export async function checkSlot(deps: BookingDeps, record: ScheduleRecord, slot: Interval, calendarToken: TokenLookup): Promise<SlotCheck> {
  const clashing = (await deps.store.overlappingBookings(slot, record.id)).filter((o) => sharePeople(record, o) && holdsAgainst(o, record));
  const busy = clashing.flatMap((o) => (o.booking.state === 'booking' || o.booking.state === 'booked' ? [o.booking.slot] : []));
  if (busy.length > 0) return { kind: 'taken', busy };
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
