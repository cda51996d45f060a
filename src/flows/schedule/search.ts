import { findSlots } from '../../core/find-slots.js';
import type { Interval } from '../../core/intervals.js';
import type { MissingGrant, ProposalOutcome } from '../../core/outcomes.js';
import type { Attendee, Organizer } from '../../core/people.js';
import { spreadOverDays } from '../../core/spread-over-days.js';
import { DEFAULT_MINUTES, hoursOf } from '../../core/preferences.js';
import { describeReading, searchWindows, windowIntervals } from '../../core/when.js';
import { answerAsked } from '../../core/asked-time.js';
import { whyNoTime } from '../../core/why-no-time.js';
import { availabilityOf } from '../../core/working-hours.js';
import { keepPending, type Interaction } from '../connect/pending.js';
import type { ScheduleDeps } from '../deps.js';
import { busyTimes, type BusyTimes } from './busy-times.js';
import { resolvePeople } from './resolve-people.js';
import type { ScheduleRecord } from './record.js';
import { viewOf } from './view.js';
import { lookupBoth, withGrant } from '../connect/with-grant.js';

/**
 * Resolves people and both grants at once, then freeBusy for everyone (and the organizer's other
 * calendars). A missing grant keeps the request pending, so it resumes by itself after the user
 * connects. `alsoBusy`: times taken by the bot's own bookings that may not have reached Google yet.
 */
export async function searchSlots(deps: ScheduleDeps, record: ScheduleRecord, at: Interaction, alsoBusy: readonly Interval[] = []): Promise<ProposalOutcome> {
  const owner = record.owner;
  const who = { user: owner, resumeId: record.id };
  const [people, grants] = await Promise.all([resolvePeople(deps.directory, (userIds) => deps.store.prefsOf(owner, userIds), owner.userId, record.request), lookupBoth(deps.grants, who)]);
  if (people.kind === 'problem') return { kind: 'bad-input', reason: people.reason };
  if (grants.kind === 'failed') return { kind: 'failed', failure: grants.failure };
  const minutes = record.request.minutes ?? people.organizer.prefs?.defaultMinutes ?? DEFAULT_MINUTES;
  const base: ScheduleRecord = { ...record, organizer: people.organizer, attendees: people.attendees, minutes };

  const needs = async (missing: MissingGrant[]): Promise<ProposalOutcome> => {
    await deps.store.put(base);
    await keepPending(deps, { id: record.id, kind: 'schedule', owner, at, waitingFor: missing.map((m) => m.connector), payload: record.id });
    return { kind: 'needs-connection', requestId: record.id, missing };
  };
  if (grants.kind === 'missing') return needs(grants.missing);

  const now = deps.now();
  const zone = people.organizer.zone;
  const workdays = hoursOf(zone, people.organizer.prefs).days;
  const plan = searchWindows(record.request.when, now, zone, workdays);
  if (plan.kind === 'invalid') return { kind: 'bad-input', reason: plan.reason };
  const whenText = describeReading(record.request, now, zone, workdays);
  const exact = plan.days.length === 1 && plan.days[0]?.exact ? windowIntervals(plan.days, zone, minutes)[0] : undefined;
  // An exact time is looked up with the rest of its day, so that nearer times can be offered.
  const limits = exact
    ? windowIntervals(
        plan.days.map((d) => ({ ...d, start: 0, end: 24 * 60, exact: false })),
        zone,
        minutes,
      )
    : windowIntervals(plan.days, zone, minutes);
  const first = limits[0];
  const last = limits.at(-1);
  if (!first || !last) return { kind: 'no-slots', title: record.request.title, whenText, unseen: [] };
  const window = { start: Math.max(now, first.start), end: last.end };

  const fb = await withGrant(
    deps.grants,
    who,
    'calendar',
    (token) => busyTimes(deps.calendar, token, { timeMin: window.start, timeMax: window.end, attendees: people.attendees, prefs: people.organizer.prefs }),
    grants.calendar,
  );
  if (fb.kind === 'missing') return needs([fb.missing]);
  if (fb.kind === 'failed') return { kind: 'failed', failure: fb.failure };

  const { candidates, unseen, busyOf } = computeCandidates(people.organizer, people.attendees, fb.value, window, minutes, now, alsoBusy, limits);
  if (candidates.length === 0) {
    const hoursOfEveryone = [people.organizer, ...people.attendees].flatMap((p) => (p.zone ? [{ name: p.name, hours: hoursOf(p.zone, p.prefs) }] : []));
    const reason = whyNoTime({ people: hoursOfEveryone, from: window.start, to: window.end, minutes });
    return { kind: 'no-slots', title: record.request.title, whenText, unseen, reason, minutes };
  }
  const answer = exact ? answerAsked(exact, candidates, busyOf) : undefined;
  const shown = answer?.shown ?? spreadOverDays(candidates, zone);
  const next: ScheduleRecord = { ...base, whenText, proposedAt: now, candidates, unseen, shown: shown.map((s) => s.start) };
  await deps.store.put(next);
  return { kind: 'slots', view: { ...viewOf(next, shown, candidates.length > shown.length), asked: answer?.asked } };
}

function computeCandidates(
  organizer: Organizer,
  attendees: readonly Attendee[],
  freeBusy: BusyTimes,
  window: Interval,
  minutes: number,
  now: number,
  alsoBusy: readonly Interval[],
  limits: Interval[],
): { candidates: Interval[]; unseen: string[]; busyOf: Array<{ name: string; busy: Interval[] }> } {
  const busy: Interval[] = [...alsoBusy];
  const unseen: string[] = [];
  const busyOf: Array<{ name: string; busy: Interval[] }> = [];
  const mine: Interval[] = [];
  for (const id of ['primary', ...freeBusy.ownExtra]) {
    const entry = freeBusy.entries.get(id);
    if (entry?.kind === 'busy') mine.push(...entry.busy);
  }
  busy.push(...mine);
  busyOf.push({ name: organizer.name, busy: mine });
  for (const a of attendees) {
    const entry = freeBusy.entries.get(a.email);
    if (entry?.kind === 'busy') {
      busy.push(...entry.busy);
      busyOf.push({ name: a.name, busy: entry.busy });
    } else unseen.push(a.name);
  }
  // Plain-email guests have no known zone, so only their calendar, not their hours, constrains.
  const hours = [hoursOf(organizer.zone, organizer.prefs), ...attendees.flatMap((a) => (a.zone ? [hoursOf(a.zone, a.prefs)] : []))];
  // The asked days and times narrow the search like one more person's hours.
  const availability = [...availabilityOf(hours, window.start, window.end), limits];
  return { candidates: findSlots({ availability, busy, minutes, now }), unseen, busyOf };
}
