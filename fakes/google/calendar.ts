import { IANAZone } from 'luxon';
import { z } from 'zod';
import { GOOGLE_SCOPES } from '../token-registry.js';
import { deleteEvent, getEvent, insertEvent, instant, required } from './calendar-events.js';
import { getCalendar, listCalendarList } from './calendar-list.js';
import { googleError, invalid } from './errors.js';
import { badRequest, jsonBody, type RequestContext, type Reply, type ServiceRoutes } from './route.js';
import { type CalendarState, type GoogleWorld, type Interval, mergeBusy, rfc3339 } from './state.js';

/** Calendar v3: freeBusy.query, calendarList.list, calendars.get and the event routes. */

const SCOPES = [GOOGLE_SCOPES.calendar] as const;
/** calendars.get: "Authorization scopes" of the reference (calendar, calendar.readonly, calendar.calendars(.readonly)). */
const CALENDAR_GET_SCOPES = [
  GOOGLE_SCOPES.calendar,
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.calendars',
  'https://www.googleapis.com/auth/calendar.calendars.readonly',
] as const;
const LIST_SCOPES = [
  GOOGLE_SCOPES.calendar,
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.calendarlist',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
] as const;
/** freeBusy's calendarExpansionMax: "Maximum value is 50", and the limit when it is not given. */
const MAX_FREEBUSY_ITEMS = 50;

const freeBusySchema = z.object({
  timeMin: z.string().optional(),
  timeMax: z.string().optional(),
  timeZone: z.string().optional(),
  groupExpansionMax: z.number().int().optional(),
  calendarExpansionMax: z.number().int().optional(),
  items: z.array(z.object({ id: z.string() })).optional(),
});

/** Seeded busy blocks, the calendar's own events and the invitations still on it (accepted or not). */
function busyOf(cal: CalendarState): Interval[] {
  const events = [...cal.events.values(), ...[...cal.invitations.values()].filter((i) => !i.removed).map((i) => i.event)];
  const fromEvents = events.filter((e) => !e.deleted && e.resource.status !== 'cancelled' && e.resource.transparency !== 'transparent').map((e) => ({ startMs: e.startMs, endMs: e.endMs }));
  return [...cal.busy, ...fromEvents];
}

/**
 * A calendar the caller may read free/busy of: one on their calendar list (whatever the role), or
 * someone's primary calendar that was not hidden (free/busy shared in the domain).
 */
function visibleCalendar(world: GoogleWorld, caller: string, id: string): CalendarState | undefined {
  const cal = id === 'primary' ? world.calendar(caller) : world.findCalendar(id);
  if (cal === undefined) return undefined;
  if (world.listEntry(caller, cal.id) !== undefined) return cal;
  return cal.primaryOf !== undefined && !cal.hidden ? cal : undefined;
}

function freeBusy(ctx: RequestContext): Reply {
  const req = jsonBody(ctx, freeBusySchema, badRequest);
  if (req.timeMin === undefined) throw required('Missing timeMin.');
  if (req.timeMax === undefined) throw required('Missing timeMax.');
  const minMs = instant(req.timeMin);
  const maxMs = instant(req.timeMax);
  if (maxMs <= minMs) {
    throw googleError(400, 'The specified time range is empty.', 'timeRangeEmpty', {
      domain: 'calendar',
      extra: { locationType: 'parameter', location: 'timeMax' },
    });
  }
  if (req.timeZone !== undefined && !IANAZone.isValidZone(req.timeZone)) throw invalid('Invalid time zone.', 'invalid');
  const items = req.items ?? [];
  const limit = Math.min(req.calendarExpansionMax ?? MAX_FREEBUSY_ITEMS, MAX_FREEBUSY_ITEMS);
  const calendars: Record<string, unknown> = {};
  for (const { id } of items) {
    const cal = items.length > limit ? undefined : visibleCalendar(ctx.world, ctx.grant.email, id);
    const reason = items.length > limit ? 'tooManyCalendarsRequested' : 'notFound';
    calendars[id] =
      cal !== undefined
        ? { busy: mergeBusy(busyOf(cal), minMs, maxMs).map((b) => ({ start: rfc3339(b.startMs), end: rfc3339(b.endMs) })) }
        : { errors: [{ domain: 'global', reason }], busy: [] };
  }
  const iso = (ms: number): string => new Date(ms).toISOString();
  return { status: 200, body: { kind: 'calendar#freeBusy', timeMin: iso(minMs), timeMax: iso(maxMs), calendars } };
}

const EVENT_PATH = /^\/calendars\/([^/]+)\/events\/([^/]+)$/;

export const calendarRoutes: ServiceRoutes = {
  service: 'calendar',
  prefix: '/calendar/v3',
  routes: [
    {
      operation: 'calendarList.list',
      method: 'GET',
      pattern: /^\/users\/([^/]+)\/calendarList$/,
      rpcMethod: 'calendar.v3.CalendarList.List',
      scopes: LIST_SCOPES,
      handle: listCalendarList,
    },
    { operation: 'calendars.get', method: 'GET', pattern: /^\/calendars\/([^/]+)$/, rpcMethod: 'calendar.v3.Calendars.Get', scopes: CALENDAR_GET_SCOPES, handle: getCalendar },
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
