import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { deleted, duplicate, googleError, invalid, notFound } from './errors.js';
import { badRequest, jsonBody, type RequestContext, type Reply } from './route.js';
import { type CalendarEventResource, type CalendarState, type EventDateTime, type StoredEvent, norm } from './state.js';

/** Calendar events.insert / get / delete on the caller's own calendar. */

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

/** The caller may only write to and read events of their own calendar (`primary` or their address). */
function ownCalendar(ctx: RequestContext): { email: string; cal: CalendarState } {
  const id = ctx.params[0] ?? '';
  if (id !== 'primary' && norm(id) !== norm(ctx.grant.email)) throw notFound();
  return { email: ctx.grant.email, cal: ctx.world.calendar(ctx.grant.email) };
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
  attendees: z
    .array(z.object({ email: z.string().optional(), displayName: z.string().optional(), optional: z.boolean().optional() }))
    .optional(),
});

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
  const { email, cal } = ownCalendar(ctx);
  const sendUpdates = sendUpdatesParam(ctx);
  const req = jsonBody(ctx, eventSchema, badRequest);
  if (req.id !== undefined && !EVENT_ID.test(req.id)) throw invalid('Invalid resource id value.');
  if (req.id !== undefined && cal.events.has(req.id)) throw duplicate();
  const start = eventTime(req.start, 'start');
  const end = eventTime(req.end, 'end');
  if (end.ms < start.ms) throw googleError(400, 'The specified time range is empty.', 'timeRangeEmpty');
  if ((req.attendees ?? []).some((a) => a.email === undefined || a.email.trim() === '')) {
    throw required('Missing attendee email.');
  }
  const id = req.id ?? ctx.world.newEventId();
  const now = ctx.now().toISOString();
  const resource: CalendarEventResource = {
    kind: 'calendar#event',
    etag: `"${ctx.now().getTime()}000"`,
    id,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${email}`).toString('base64').replace(/=+$/, '')}`,
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
            const self = norm(a.email ?? '') === norm(email);
            return {
              email: (a.email ?? '').trim(),
              ...(a.displayName === undefined ? {} : { displayName: a.displayName }),
              ...(a.optional === undefined ? {} : { optional: a.optional }),
              ...(self ? { organizer: true, self: true } : {}),
              responseStatus: self ? 'accepted' : 'needsAction',
            };
          }),
        }),
    organizer: { email, self: true },
    creator: { email, self: true },
    iCalUID: `${id}@google.com`,
    sequence: 0,
    reminders: req.reminders ?? { useDefault: true },
    ...(req.transparency === undefined ? {} : { transparency: req.transparency }),
    eventType: 'default',
  };
  const stored: StoredEvent = {
    calendar: norm(email),
    resource,
    startMs: start.ms,
    endMs: end.ms,
    sendUpdates: { insert: sendUpdates, delete: undefined },
    deleted: false,
  };
  cal.events.set(id, stored);
  return { status: 200, body: structuredClone(resource) };
}

function findEvent(ctx: RequestContext): StoredEvent {
  const { cal } = ownCalendar(ctx);
  const event = cal.events.get(ctx.params[1] ?? '');
  if (event === undefined) throw notFound();
  return event;
}

export function getEvent(ctx: RequestContext): Reply {
  return { status: 200, body: structuredClone(findEvent(ctx).resource) };
}

export function deleteEvent(ctx: RequestContext): Reply {
  const event = findEvent(ctx);
  const sendUpdates = sendUpdatesParam(ctx);
  if (event.deleted) throw deleted();
  event.deleted = true;
  event.sendUpdates.delete = sendUpdates;
  event.resource.status = 'cancelled';
  event.resource.updated = ctx.now().toISOString();
  event.resource.sequence += 1;
  return { status: 204 };
}
