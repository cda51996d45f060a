import { DateTime } from 'luxon';
import { findSlots } from '../core/find-slots.js';
import type { SlackUserRef } from '../core/identity.js';
import type { Interval } from '../core/intervals.js';
import type { MissingGrant, ProposalOutcome, ProposalView } from '../core/outcomes.js';
import type { ScheduleRequest } from '../core/parse-schedule.js';
import type { Attendee, Organizer } from '../core/people.js';
import { spreadOverDays } from '../core/pick-proposals.js';
import { describeWhen, searchDays } from '../core/when.js';
import { defaultHours, workingIntervals } from '../core/working-hours.js';
import type { FlowDeps, FreeBusyEntry, TokenLookup } from './ports.js';
import { resolvePeople } from './resolve-people.js';
import { ownedBy, type ScheduleRecord } from './schedule-record.js';
import { lookupToken, missingGrant, withGrant } from './with-grant.js';

export interface ProposeInput {
  owner: SlackUserRef;
  channelId: string;
  responseUrl: string;
  request: ScheduleRequest;
}

/** A new /schedule: resolve people and grants, then search. */
export async function proposeSlots(deps: FlowDeps, input: ProposeInput): Promise<ProposalOutcome> {
  const record: ScheduleRecord = {
    id: deps.newId(),
    owner: input.owner,
    channelId: input.channelId,
    responseUrl: input.responseUrl,
    createdAt: deps.now(),
    request: input.request,
    attendees: [],
    whenText: describeWhen(input.request.when),
    candidates: [],
    shown: [],
    unseen: [],
    generation: 0,
    booking: { state: 'open' },
  };
  return search(deps, record);
}

/** Continue after connecting: the same request, run again for its owner only. */
export async function continueRequest(deps: FlowDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const record = await deps.store.get(requestId);
  if (!record || record.booking.state !== 'open') return { kind: 'gone' };
  if (!ownedBy(record, user)) return { kind: 'not-yours' };
  return search(deps, record);
}

async function search(deps: FlowDeps, record: ScheduleRecord): Promise<ProposalOutcome> {
  const [people, calendarToken, gmailToken] = await Promise.all([
    resolvePeople(deps.directory, record.owner.userId, record.request),
    lookupToken(deps.grants, record.owner, 'calendar'),
    lookupToken(deps.grants, record.owner, 'gmail'),
  ]);
  if (people.kind === 'problem') return { kind: 'bad-input', reason: people.reason };
  for (const t of [calendarToken, gmailToken]) {
    if (t.kind !== 'token' && t.kind !== 'missing') return { kind: 'failed', failure: t };
  }
  const lookups = [['calendar', calendarToken], ['gmail', gmailToken]] as const;
  const missing: MissingGrant[] = await Promise.all(
    lookups.flatMap(([connector, t]) => (t.kind === 'missing' ? [missingGrant(deps.grants, record.owner, connector, t.problem)] : [])),
  );
  const base = { ...record, organizer: people.organizer, attendees: people.attendees };
  if (missing.length > 0) {
    await deps.store.put(base);
    return { kind: 'needs-connection', requestId: record.id, missing };
  }

  const now = deps.now();
  const zone = people.organizer.zone;
  const days = searchDays(record.request.when, DateTime.fromMillis(now, { zone }), defaultHours(zone).days);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return { kind: 'no-slots', title: record.request.title, whenText: record.whenText, unseen: [] };
  const window = { start: Math.max(now, first.toMillis()), end: last.endOf('day').toMillis() + 1 };

  const calendarLookup = calendarToken as TokenLookup;
  const fb = await withGrant(deps.grants, record.owner, 'calendar', (token) =>
    deps.calendar.freeBusy(token, { timeMin: window.start, timeMax: window.end, ids: ['primary', ...people.attendees.map((a) => a.email)] }),
    calendarLookup,
  );
  if (fb.kind === 'missing') {
    await deps.store.put(base);
    return { kind: 'needs-connection', requestId: record.id, missing: [fb.missing] };
  }
  if (fb.kind === 'failed') return { kind: 'failed', failure: fb.failure };

  const { candidates, unseen } = computeCandidates(people.organizer, people.attendees, fb.value, window, record.request.minutes, now);
  if (candidates.length === 0) return { kind: 'no-slots', title: record.request.title, whenText: record.whenText, unseen };
  const shown = spreadOverDays(candidates, zone);
  const next: ScheduleRecord = { ...base, candidates, unseen, shown: shown.map((s) => s.start) };
  await deps.store.put(next);
  return { kind: 'slots', view: viewOf(next, shown, candidates.length > shown.length) };
}

function computeCandidates(
  organizer: Organizer,
  attendees: readonly Attendee[],
  freeBusy: Map<string, FreeBusyEntry>,
  window: Interval,
  minutes: number,
  now: number,
): { candidates: Interval[]; unseen: string[] } {
  const busy: Interval[] = [];
  const unseen: string[] = [];
  const mine = freeBusy.get('primary');
  if (mine?.kind === 'busy') busy.push(...mine.busy);
  for (const a of attendees) {
    const entry = freeBusy.get(a.email);
    if (entry?.kind === 'busy') busy.push(...entry.busy);
    else unseen.push(a.name);
  }
  // Plain-email guests have no known zone, so only their calendar, not their hours, constrains.
  const zones = [organizer.zone, ...attendees.flatMap((a) => (a.zone ? [a.zone] : []))];
  const availability = zones.map((z) => workingIntervals(defaultHours(z), window.start, window.end));
  return { candidates: findSlots({ availability, busy, minutes, now }), unseen };
}

export function viewOf(record: ScheduleRecord, slots: Interval[], hasMore: boolean): ProposalView {
  return {
    requestId: record.id,
    title: record.request.title,
    minutes: record.request.minutes,
    zone: record.organizer?.zone ?? 'UTC',
    whenText: record.whenText,
    slots,
    unseen: record.unseen,
    hasMore,
  };
}

/** The next page of times for the same request. */
export async function moreTimes(deps: FlowDeps, user: SlackUserRef, requestId: string): Promise<ProposalOutcome> {
  const now = deps.now();
  const result = await deps.store.update(requestId, (record): { next?: ScheduleRecord; result: ProposalOutcome } => {
    if (record.booking.state !== 'open') return { result: { kind: 'gone' } };
    if (!ownedBy(record, user)) return { result: { kind: 'not-yours' } };
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
