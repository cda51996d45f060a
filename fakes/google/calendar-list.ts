import { invalid, notFound } from './errors.js';
import type { RequestContext, Reply } from './route.js';
import { type CalendarListEntryState, type GoogleWorld, ROLE_RANK, norm } from './state.js';

/**
 * calendarList.list (GET /users/me/calendarList): the caller's calendar list, primary first, with
 * maxResults (default 100, at most 250), pageToken, minAccessRole and showHidden. syncToken and
 * showDeleted are accepted and ignored (the fake never deletes list entries).
 */

const MAX_PAGE = 250;
const COLORS: Readonly<Record<string, { backgroundColor: string; foregroundColor: string }>> = {
  '1': { backgroundColor: '#ac725e', foregroundColor: '#000000' },
  '7': { backgroundColor: '#42d692', foregroundColor: '#000000' },
  '14': { backgroundColor: '#9fe1e7', foregroundColor: '#000000' },
  '17': { backgroundColor: '#9a9cff', foregroundColor: '#000000' },
};

const pageToken = (offset: number): string => Buffer.from(`calendarList:${offset}`).toString('base64url');

function offsetOf(token: string | null): number {
  if (token === null) return 0;
  const m = /^calendarList:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (m === null) throw invalid('Invalid page token value.');
  return Number(m[1]);
}

function pageSize(value: string | null): number {
  if (value === null) return 100;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw invalid(`Invalid value '${value}'. Values must match the following regular expression: '[1-9][0-9]*'`);
  return Math.min(Number(value), MAX_PAGE);
}

function minRank(value: string | null): number {
  if (value === null) return 0;
  if (!(value in ROLE_RANK)) throw invalid(`Invalid value for minAccessRole: ${value}`);
  return ROLE_RANK[value as keyof typeof ROLE_RANK];
}

/** One entry as Google renders it; `primary`, `selected` and `hidden` appear only when true. */
export function listEntryResource(world: GoogleWorld, user: string, entry: CalendarListEntryState): Record<string, unknown> {
  const cal = world.findCalendar(entry.calendarId);
  const primary = cal?.primaryOf === norm(user);
  const canWrite = ROLE_RANK[entry.accessRole] >= ROLE_RANK.writer;
  const meetAllowed = world.meetMode(cal?.primaryOf ?? user) !== 'rejected';
  return {
    kind: 'calendar#calendarListEntry',
    etag: `"${1_700_000_000_000_000 + entry.calendarId.length}"`,
    id: entry.calendarId,
    summary: cal?.summary ?? entry.calendarId,
    ...(cal?.description === undefined ? {} : { description: cal.description }),
    timeZone: cal?.timeZone ?? 'UTC',
    colorId: entry.colorId,
    ...(COLORS[entry.colorId] ?? COLORS['17']),
    ...(entry.hidden ? { hidden: true } : {}),
    ...(entry.selected ? { selected: true } : {}),
    accessRole: entry.accessRole,
    defaultReminders: canWrite && primary ? [{ method: 'popup', minutes: 10 }] : [],
    ...(primary
      ? {
          notificationSettings: {
            notifications: ['eventCreation', 'eventChange', 'eventCancellation', 'eventResponse'].map((type) => ({ type, method: 'email' })),
          },
          primary: true,
        }
      : {}),
    conferenceProperties: { allowedConferenceSolutionTypes: meetAllowed ? ['hangoutsMeet'] : [] },
  };
}

export function listCalendarList(ctx: RequestContext): Reply {
  if (ctx.params[0] !== 'me') throw notFound();
  const size = pageSize(ctx.query.get('maxResults'));
  const rank = minRank(ctx.query.get('minAccessRole'));
  const showHidden = ctx.query.get('showHidden') === 'true';
  const offset = offsetOf(ctx.query.get('pageToken'));
  const user = ctx.grant.email;
  const matching = ctx.world
    .calendarList(user)
    .filter((e) => ROLE_RANK[e.accessRole] >= rank)
    .filter((e) => showHidden || !e.hidden);
  const items = matching.slice(offset, offset + size).map((e) => listEntryResource(ctx.world, user, e));
  const more = offset + size < matching.length;
  return {
    status: 200,
    body: {
      kind: 'calendar#calendarList',
      etag: `"${1_700_000_000_000_000 + matching.length}"`,
      ...(more ? { nextPageToken: pageToken(offset + size) } : { nextSyncToken: `fake-sync-${Buffer.from(norm(user)).toString('base64url')}` }),
      items,
    },
  };
}

/**
 * calendars.get (GET /calendars/{calendarId}): a calendar's own metadata. `primary` is the
 * caller's primary calendar, whose id is the account's address; another id must be on the caller's
 * calendar list (otherwise 404 notFound, the fake's choice for calendars the caller cannot read).
 */
export function getCalendar(ctx: RequestContext): Reply {
  const id = ctx.params[0] ?? '';
  const user = ctx.grant.email;
  const cal = id === 'primary' ? ctx.world.calendar(user) : ctx.world.findCalendar(id);
  if (cal === undefined || (id !== 'primary' && ctx.world.listEntry(user, cal.id) === undefined)) throw notFound();
  const meetAllowed = ctx.world.meetMode(cal.primaryOf ?? user) !== 'rejected';
  return {
    status: 200,
    body: {
      kind: 'calendar#calendar',
      etag: `"${1_700_000_000_000_000 + cal.id.length}"`,
      id: cal.id,
      summary: cal.summary,
      ...(cal.description === undefined ? {} : { description: cal.description }),
      timeZone: cal.timeZone,
      conferenceProperties: { allowedConferenceSolutionTypes: meetAllowed ? ['hangoutsMeet'] : [] },
    },
  };
}
