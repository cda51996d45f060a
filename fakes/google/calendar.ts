import { IANAZone } from 'luxon';
import { z } from 'zod';
import { GOOGLE_SCOPES } from '../token-registry.js';
import { deleteEvent, getEvent, insertEvent, instant, required } from './calendar-events.js';
import { googleError, invalid } from './errors.js';
import { badRequest, jsonBody, type RequestContext, type Reply, type ServiceRoutes } from './route.js';
import { type CalendarState, type Interval, mergeBusy, norm, rfc3339 } from './state.js';

/** Calendar v3: freeBusy.query plus the event routes, all needing the full calendar scope. */

const SCOPES = [GOOGLE_SCOPES.calendar] as const;
const MAX_FREEBUSY_ITEMS = 50;

const freeBusySchema = z.object({
  timeMin: z.string().optional(),
  timeMax: z.string().optional(),
  timeZone: z.string().optional(),
  groupExpansionMax: z.number().int().optional(),
  calendarExpansionMax: z.number().int().optional(),
  items: z.array(z.object({ id: z.string() })).optional(),
});

function busyOf(cal: CalendarState): Interval[] {
  const fromEvents = [...cal.events.values()]
    .filter((e) => !e.deleted && e.resource.status !== 'cancelled' && e.resource.transparency !== 'transparent')
    .map((e) => ({ startMs: e.startMs, endMs: e.endMs }));
  return [...cal.busy, ...fromEvents];
}

function freeBusy(ctx: RequestContext): Reply {
  const req = jsonBody(ctx, freeBusySchema, badRequest);
  if (req.timeMin === undefined) throw required('Missing timeMin.');
  if (req.timeMax === undefined) throw required('Missing timeMax.');
  const minMs = instant(req.timeMin);
  const maxMs = instant(req.timeMax);
  if (maxMs <= minMs) throw googleError(400, 'The specified time range is empty.', 'timeRangeEmpty');
  if (req.timeZone !== undefined && !IANAZone.isValidZone(req.timeZone)) throw invalid('Invalid time zone.', 'invalid');
  const items = req.items ?? [];
  if (items.length > MAX_FREEBUSY_ITEMS) throw invalid('Too many calendars requested.', 'invalid');
  const calendars: Record<string, unknown> = {};
  for (const { id } of items) {
    const email = id === 'primary' ? ctx.grant.email : id;
    const cal = ctx.world.findCalendar(email);
    const visible = cal !== undefined && (!cal.hidden || norm(email) === norm(ctx.grant.email));
    calendars[id] = visible
      ? { busy: mergeBusy(busyOf(cal), minMs, maxMs).map((b) => ({ start: rfc3339(b.startMs), end: rfc3339(b.endMs) })) }
      : { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
  }
  const iso = (ms: number): string => new Date(ms).toISOString();
  return { status: 200, body: { kind: 'calendar#freeBusy', timeMin: iso(minMs), timeMax: iso(maxMs), calendars } };
}

const EVENT_PATH = /^\/calendars\/([^/]+)\/events\/([^/]+)$/;

export const calendarRoutes: ServiceRoutes = {
  service: 'calendar',
  prefix: '/calendar/v3',
  routes: [
    { operation: 'freeBusy', method: 'POST', pattern: /^\/freeBusy$/, rpcMethod: 'calendar.v3.Freebusy.Query', scopes: SCOPES, handle: freeBusy },
    {
      operation: 'events.insert',
      method: 'POST',
      pattern: /^\/calendars\/([^/]+)\/events$/,
      rpcMethod: 'calendar.v3.Events.Insert',
      scopes: SCOPES,
      handle: insertEvent,
    },
    { operation: 'events.get', method: 'GET', pattern: EVENT_PATH, rpcMethod: 'calendar.v3.Events.Get', scopes: SCOPES, handle: getEvent },
    { operation: 'events.delete', method: 'DELETE', pattern: EVENT_PATH, rpcMethod: 'calendar.v3.Events.Delete', scopes: SCOPES, handle: deleteEvent },
  ],
};
