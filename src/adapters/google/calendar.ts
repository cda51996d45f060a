import { z } from 'zod';
import { FREEBUSY_MAX_IDS, type CalendarApi, type CalendarEntry, type CreatedEvent, type EventLookup, type FreeBusyEntry, type NewEvent } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { googleFetch, type GoogleRequest, type RetryPolicy } from './http.js';

const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

/** A calendar that comes back with `errors` is unknown, not free. */
const FreeBusyResponse = z.object({
  calendars: z.record(
    z.string(),
    z.object({
      busy: z.array(z.object({ start: z.string(), end: z.string() })).default([]),
      errors: z.array(z.object({ reason: z.string().optional() })).optional(),
    }),
  ),
});

const CalendarList = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        summary: z.string().default(''),
        summaryOverride: z.string().optional(),
        primary: z.boolean().default(false),
        selected: z.boolean().default(false),
        hidden: z.boolean().default(false),
        accessRole: z.enum(['freeBusyReader', 'reader', 'writer', 'owner']),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
});
/** A calendar list longer than this many pages is cut: nobody looks at a thousand calendars. */
const MAX_LIST_PAGES = 4;

const EventResponse = z.object({
  id: z.string(),
  htmlLink: z.string(),
  status: z.string().optional(),
  hangoutLink: z.string().optional(),
  conferenceData: z.object({ entryPoints: z.array(z.object({ entryPointType: z.string(), uri: z.string() })).default([]) }).optional(),
});
type EventBody = z.infer<typeof EventResponse>;
/** The Meet link Google gives an event: its hangoutLink, else the conference's video entry point. */
const meetLinkOf = (e: EventBody): string | undefined => e.hangoutLink ?? e.conferenceData?.entryPoints.find((p) => p.entryPointType === 'video')?.uri;

export function googleCalendar(baseUrl: string, retry: RetryPolicy): CalendarApi {
  const call = (operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, token: string, more: Partial<GoogleRequest> = {}) =>
    googleFetch({ service: 'calendar', operation, method, url: `${baseUrl}${path}`, token, scope: CALENDAR_SCOPE, ...more }, retry);

  const parse = <T>(operation: string, schema: z.ZodType<T>, body: unknown): T => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ServiceError({ service: 'calendar', operation, problem: 'unknown', detail: 'unexpected response shape' });
    return parsed.data;
  };

  const readEvent = (token: string, id: string) => call('events.get', 'GET', `/calendars/primary/events/${encodeURIComponent(id)}`, token);

  /** An insert's or a get's answer: a cancelled event keeps its id for ever and cannot stand for a booking. */
  function liveEvent(operation: string, body: unknown): CreatedEvent {
    const event = parse(operation, EventResponse, body);
    if (event.status === 'cancelled') throw new ServiceError({ service: 'calendar', operation, problem: 'gone', status: 200 });
    return { id: event.id, htmlLink: event.htmlLink, meetLink: meetLinkOf(event) };
  }

  async function freeBusyBatch(token: string, timeMin: number, timeMax: number, ids: string[]): Promise<Map<string, FreeBusyEntry>> {
    const res = await call('freebusy.query', 'POST', '/freeBusy', token, {
      idempotent: true,
      body: { timeMin: new Date(timeMin).toISOString(), timeMax: new Date(timeMax).toISOString(), items: ids.map((id) => ({ id })) },
    });
    const body = parse('freebusy.query', FreeBusyResponse, res.body);
    const out = new Map<string, FreeBusyEntry>();
    for (const id of ids) {
      const cal = body.calendars[id];
      if (!cal) out.set(id, { kind: 'unseen', reason: 'missing' });
      else if (cal.errors && cal.errors.length > 0) out.set(id, { kind: 'unseen', reason: cal.errors[0]?.reason ?? 'error' });
      else out.set(id, { kind: 'busy', busy: cal.busy.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })) });
    }
    return out;
  }

  async function getEvent(token: string, id: string): Promise<EventLookup> {
    const res = await readEvent(token, id);
    if (res.status === 404) return { kind: 'missing' };
    if (res.status !== 200) throw new ServiceError({ service: 'calendar', operation: 'events.get', problem: 'unknown', status: res.status });
    const event = parse('events.get', EventResponse, res.body);
    return event.status === 'cancelled' ? { kind: 'cancelled' } : { kind: 'live', event: { id: event.id, htmlLink: event.htmlLink, meetLink: meetLinkOf(event) } };
  }

  return {
    async calendars(token) {
      const out: CalendarEntry[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const query = new URLSearchParams({ maxResults: '250', ...(pageToken ? { pageToken } : {}) });
        const res = await call('calendarList.list', 'GET', `/users/me/calendarList?${query}`, token);
        if (res.status !== 200) throw new ServiceError({ service: 'calendar', operation: 'calendarList.list', problem: 'unknown', status: res.status });
        const list = parse('calendarList.list', CalendarList, res.body);
        for (const c of list.items) {
          if (!c.hidden) out.push({ id: c.id, summary: c.summaryOverride ?? c.summary, primary: c.primary, selected: c.selected || c.primary, accessRole: c.accessRole });
        }
        pageToken = list.nextPageToken;
        if (!pageToken) break;
      }
      return out;
    },

    async freeBusy(token, q) {
      const batches: string[][] = [];
      for (let i = 0; i < q.ids.length; i += FREEBUSY_MAX_IDS) batches.push(q.ids.slice(i, i + FREEBUSY_MAX_IDS));
      const answers = await Promise.all(batches.map((ids) => freeBusyBatch(token, q.timeMin, q.timeMax, ids)));
      return new Map(answers.flatMap((m) => [...m]));
    },

    async insertEvent(token, e: NewEvent) {
      try {
        return await insert(token, e, e.meet);
      } catch (err) {
        // A calendar that may not have Meet conferences refuses the whole insert ("Invalid
        // conference type value"); the meeting matters more than its link, so it is made without.
        if (!e.meet || !(err instanceof ServiceError) || err.problem !== 'invalid') throw err;
        return insert(token, e, false);
      }
    },

    getEvent,

    async deleteEvent(token, eventId) {
      const res = await call('events.delete', 'DELETE', `/calendars/primary/events/${encodeURIComponent(eventId)}?sendUpdates=all`, token);
      if (res.status >= 300 && res.status !== 404 && res.status !== 410) {
        throw new ServiceError({ service: 'calendar', operation: 'events.delete', problem: 'unknown', status: res.status });
      }
    },
  };

  async function insert(token: string, e: NewEvent, meet: boolean): Promise<CreatedEvent> {
    const res = await call('events.insert', 'POST', `/calendars/primary/events?sendUpdates=all${meet ? '&conferenceDataVersion=1' : ''}`, token, {
      body: {
        id: e.id,
        summary: e.title,
        description: e.description,
        start: { dateTime: new Date(e.slot.start).toISOString(), timeZone: e.zone },
        end: { dateTime: new Date(e.slot.end).toISOString(), timeZone: e.zone },
        attendees: e.attendees.map((email) => ({ email })),
        // The event id doubles as the request id: a retry of the same booking asks for the same conference.
        ...(meet ? { conferenceData: { createRequest: { requestId: e.id, conferenceSolutionKey: { type: 'hangoutsMeet' } } } } : {}),
      },
      // Google does not promise to detect a reused id on insert, so a lost answer is followed by
      // a read of the id rather than by a second insert that might make a second event.
      findEarlier: async () => {
        const found = await readEvent(token, e.id);
        return found.status === 200 ? found : undefined;
      },
    });
    // 409: an earlier try (a retry, a double click) already made this very event.
    if (res.status === 409) {
      const found = await getEvent(token, e.id);
      if (found.kind === 'live') return found.event;
      throw new ServiceError({ service: 'calendar', operation: 'events.insert', problem: found.kind === 'cancelled' ? 'gone' : 'conflict', status: 409 });
    }
    if (res.status !== 200) throw new ServiceError({ service: 'calendar', operation: 'events.insert', problem: 'unknown', status: res.status });
    return liveEvent('events.insert', res.body);
  }
}
