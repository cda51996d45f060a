import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { attachConference, checkCreateRequest, settleConference } from './conference.js';
import { deleted, duplicate, googleError, invalid, notFound } from './errors.js';
import { badRequest, jsonBody, type RequestContext, type Reply } from './route.js';
import { type CalendarEventResource, type CalendarState, type EventDateTime, type Invitation, ROLE_RANK, type StoredEvent, norm } from './state.js';

/**
 * Calendar events.insert / get / delete on any calendar of the caller's calendar list (`primary` is
 * their own): reading needs `reader`, writing `writer` or `owner`. Attendees whose calendars the fake
 * holds get the event on their calendar too, and lose it when the organizer deletes it.
 */

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const EVENT_ID = /^[a-v0-9]{5,1024}$/;
const SEND_UPDATES = new Set(['all', 'none', 'externalOnly']);

export const required = (message: string): Error => googleError(400, message, 'required');

/** An RFC 3339 timestamp with an offset, in epoch ms; anything else is Google's 400 Bad Request. */
export function instant(value: string): number {
  const ms = RFC3339.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw badRequest();
  return ms;
}

const requiredAccessLevel = (): Error => googleError(403, 'You need to have writer access to this calendar.', 'requiredAccessLevel', { domain: 'calendar' });

/** The calendar named in the path, if it is on the caller's calendar list with enough access. */
function targetCalendar(ctx: RequestContext, need: 'read' | 'write'): CalendarState {
  const id = ctx.params[0] ?? '';
  const cal = id === 'primary' ? ctx.world.calendar(ctx.grant.email) : ctx.world.findCalendar(id);
  const entry = cal === undefined ? undefined : ctx.world.listEntry(ctx.grant.email, cal.id);
  const rank = entry === undefined ? -1 : ROLE_RANK[entry.accessRole];
  if (cal === undefined || rank < ROLE_RANK.reader) throw notFound();
  if (need === 'write' && rank < ROLE_RANK.writerWithoutPrivateAccess) throw requiredAccessLevel();
  return cal;
}

function sendUpdatesParam(ctx: RequestContext): string | undefined {
  const value = ctx.query.get('sendUpdates') ?? undefined;
  if (value !== undefined && !SEND_UPDATES.has(value)) throw invalid(`Invalid value for: ${value} is not a valid value`);
  return value;
}

const timeSchema = z.object({ dateTime: z.string().optional(), date: z.string().optional(), timeZone: z.string().optional() });
const eventSchema = z.object({
  id: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  start: timeSchema.optional(),
  end: timeSchema.optional(),
  transparency: z.enum(['opaque', 'transparent']).optional(),
  reminders: z.object({ useDefault: z.boolean() }).optional(),
  attendees: z.array(z.object({ email: z.string().optional(), displayName: z.string().optional(), optional: z.boolean().optional() })).optional(),
  conferenceData: z
    .object({
      createRequest: z.object({ requestId: z.string().optional(), conferenceSolutionKey: z.object({ type: z.string().optional() }).optional() }).optional(),
    })
    .optional(),
});

/** conferenceDataVersion: 0 (default) ignores conferenceData in the body; 1 acts on createRequest. */
function conferenceDataVersion(ctx: RequestContext): 0 | 1 {
  const value = ctx.query.get('conferenceDataVersion');
  if (value === null || value === '0') return 0;
  if (value === '1') return 1;
  throw invalid(`Invalid conferenceDataVersion value: ${value}. Acceptable values are 0 to 1, inclusive.`);
}

function eventTime(t: EventDateTime | undefined, which: 'start' | 'end'): { ms: number; echo: EventDateTime } {
  if (t === undefined || (t.dateTime === undefined && t.date === undefined)) throw required(`Missing ${which} time.`);
  if (t.timeZone !== undefined && !IANAZone.isValidZone(t.timeZone)) {
    throw invalid(`Invalid time zone definition for ${which} time.`);
  }
  const tz = t.timeZone === undefined ? {} : { timeZone: t.timeZone };
  if (t.dateTime !== undefined) {
    if (RFC3339.test(t.dateTime)) return { ms: instant(t.dateTime), echo: { dateTime: t.dateTime, ...tz } };
    if (t.timeZone === undefined) throw required(`Missing time zone definition for ${which} time.`);
    const dt = DateTime.fromISO(t.dateTime, { zone: t.timeZone });
    if (!dt.isValid) throw badRequest();
    return { ms: dt.toMillis(), echo: { dateTime: dt.toISO({ suppressMilliseconds: true }), ...tz } };
  }
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(t.date ?? '') ? DateTime.fromISO(t.date ?? '', { zone: t.timeZone ?? 'UTC' }) : undefined;
  if (dt === undefined || !dt.isValid) throw badRequest();
  return { ms: dt.toMillis(), echo: { date: t.date, ...tz } };
}

export function insertEvent(ctx: RequestContext): Reply {
  const cal = targetCalendar(ctx, 'write');
  const organizer = cal.id;
  const creator = norm(ctx.grant.email);
  const sendUpdates = sendUpdatesParam(ctx);
  const version = conferenceDataVersion(ctx);
  const req = jsonBody(ctx, eventSchema, badRequest);
  if (req.id !== undefined && !EVENT_ID.test(req.id)) throw invalid('Invalid resource id value.');
  if (req.id !== undefined && (cal.events.has(req.id) || cal.invitations.has(req.id))) throw duplicate();
  const start = eventTime(req.start, 'start');
  const end = eventTime(req.end, 'end');
  if (end.ms < start.ms) throw googleError(400, 'The specified time range is empty.', 'timeRangeEmpty');
  if ((req.attendees ?? []).some((a) => a.email === undefined || a.email.trim() === '')) {
    throw required('Missing attendee email.');
  }
  const createRequest = version === 1 ? req.conferenceData?.createRequest : undefined;
  const meet = ctx.world.meetMode(cal.primaryOf ?? creator);
  if (createRequest !== undefined) checkCreateRequest(createRequest, meet);
  const id = req.id ?? ctx.world.newEventId();
  const now = ctx.now().toISOString();
  const resource: CalendarEventResource = {
    kind: 'calendar#event',
    etag: `"${ctx.now().getTime()}000"`,
    id,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${organizer}`).toString('base64').replace(/=+$/, '')}`,
    created: now,
    updated: now,
    ...(req.summary === undefined ? {} : { summary: req.summary }),
    ...(req.description === undefined ? {} : { description: req.description }),
    ...(req.location === undefined ? {} : { location: req.location }),
    start: start.echo,
    end: end.echo,
    ...(req.attendees === undefined
      ? {}
      : {
          attendees: req.attendees.map((a) => {
            const isOrganizer = norm(a.email ?? '') === organizer;
            return {
              email: (a.email ?? '').trim(),
              ...(a.displayName === undefined ? {} : { displayName: a.displayName }),
              ...(a.optional === undefined ? {} : { optional: a.optional }),
              ...(isOrganizer ? { organizer: true } : {}),
              responseStatus: isOrganizer ? 'accepted' : 'needsAction',
            };
          }),
        }),
    organizer: { email: organizer },
    creator: { email: creator },
    iCalUID: `${id}@google.com`,
    sequence: 0,
    reminders: req.reminders ?? { useDefault: true },
    ...(req.transparency === undefined ? {} : { transparency: req.transparency }),
    eventType: 'default',
  };
  const stored: StoredEvent = {
    calendar: organizer,
    resource,
    startMs: start.ms,
    endMs: end.ms,
    sendUpdates: { insert: sendUpdates, delete: undefined },
    deleted: false,
    invited: [],
  };
  if (createRequest !== undefined && meet !== 'rejected') attachConference(stored, createRequest, meet);
  stored.resource = eventAsSeenOn(stored, organizer);
  cal.events.set(id, stored);
  for (const a of resource.attendees ?? []) {
    const theirs = ctx.world.findCalendar(a.email);
    if (theirs === undefined || theirs.primaryOf === undefined || theirs.id === organizer || stored.invited.includes(theirs.id)) continue;
    theirs.invitations.set(id, { event: stored, removed: false });
    stored.invited.push(theirs.id);
  }
  return { status: 200, body: structuredClone(stored.resource) };
}

/**
 * The event as it reads on `calendarId`: `self` marks the organizer, creator and attendee that are
 * this calendar, and an attendee's own removed copy reads as cancelled.
 */
export function eventAsSeenOn(event: StoredEvent, calendarId: string, removed = false): CalendarEventResource {
  const r = structuredClone(event.resource);
  const self = <T extends { email: string; self?: true }>(who: T): T => {
    const { self: _drop, ...rest } = who;
    return (norm(who.email) === calendarId ? { ...rest, self: true } : rest) as T;
  };
  r.organizer = self(r.organizer);
  r.creator = self(r.creator);
  if (r.attendees !== undefined) r.attendees = r.attendees.map(self);
  if (removed) r.status = 'cancelled';
  return r;
}

type Found = { own: StoredEvent; invitation?: undefined } | { own?: undefined; invitation: Invitation };

function findEvent(ctx: RequestContext, need: 'read' | 'write'): { cal: CalendarState; found: Found } {
  const cal = targetCalendar(ctx, need);
  const id = ctx.params[1] ?? '';
  const own = cal.events.get(id);
  if (own !== undefined) return { cal, found: { own } };
  const invitation = cal.invitations.get(id);
  if (invitation !== undefined) return { cal, found: { invitation } };
  throw notFound();
}

export function getEvent(ctx: RequestContext): Reply {
  const { cal, found } = findEvent(ctx, 'read');
  const event = found.own ?? found.invitation.event;
  settleConference(event);
  return { status: 200, body: eventAsSeenOn(event, cal.id, found.invitation?.removed === true) };
}

export function deleteEvent(ctx: RequestContext): Reply {
  const { found } = findEvent(ctx, 'write');
  const sendUpdates = sendUpdatesParam(ctx);
  if (found.invitation !== undefined) {
    if (found.invitation.removed || found.invitation.event.deleted) throw deleted();
    found.invitation.removed = true;
    return { status: 204 };
  }
  const event = found.own;
  if (event.deleted) throw deleted();
  event.deleted = true;
  event.sendUpdates.delete = sendUpdates;
  event.resource.status = 'cancelled';
  event.resource.updated = ctx.now().toISOString();
  event.resource.sequence += 1;
  return { status: 204 };
}
