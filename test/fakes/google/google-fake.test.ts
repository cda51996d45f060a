import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { call } from '../../../fakes/google/fetch-json.js';
import { FakeGoogle } from '../../../fakes/google/index.js';

const registry = new TokenRegistry();
registry.linkIdentity('U_ALICE', 'alice@example.com');
const calToken = registry.mint('U_ALICE', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const gmailToken = registry.mint('U_ALICE', 'gmail', [GOOGLE_SCOPES.gmailCompose]).accessToken;
let fake: FakeGoogle;
let cal: string;

beforeAll(async () => {
  fake = await FakeGoogle.start({ registry, now: () => new Date('2026-11-20T12:00:00Z') });
  cal = `${fake.url}/calendar/v3`;
});
afterAll(async () => fake.stop());

describe('authentication and scopes', () => {
  it('answers 401 in Google format without a token or with an unknown one', async () => {
    for (const token of [undefined, 'ya29.not-a-real-token']) {
      const r = await call(cal, 'POST', '/freeBusy', token, { timeMin: '2026-11-23T00:00:00Z', timeMax: '2026-11-24T00:00:00Z' });
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(r.json).toEqual({
        error: {
          code: 401,
          message: expect.stringContaining('Request had invalid authentication credentials.') as unknown,
          errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
          status: 'UNAUTHENTICATED',
        },
      });
    }
    expect(fake.requests.slice(-2).map((r) => r.status)).toEqual([401, 401]);
  });

  it('rejects a Gmail token on Calendar with 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT', async () => {
    const r = await call(cal, 'POST', '/calendars/primary/events', gmailToken, {});
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            domain: 'googleapis.com',
            metadata: { service: 'calendar-json.googleapis.com', method: 'calendar.v3.Events.Insert' },
          },
        ],
      },
    });
  });

  it('keeps the token out of enumerable request-log fields', () => {
    const last = fake.requests.at(-1);
    expect(last?.token).toBe(gmailToken);
    expect(JSON.stringify(fake.requests)).not.toContain(gmailToken);
  });
});

describe('freeBusy', () => {
  it('returns clipped, merged, sorted busy blocks and notFound for unknown or hidden calendars', async () => {
    fake.addBusy('bob@example.com', '2026-11-23T15:00:00Z', '2026-11-23T16:00:00Z');
    fake.addBusy('bob@example.com', '2026-11-23T07:00:00Z', '2026-11-23T09:30:00Z');
    fake.addBusy('bob@example.com', '2026-11-23T15:30:00-00:00', '2026-11-23T16:30:00Z');
    fake.addBusy('carol@example.com', '2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z');
    fake.hideCalendar('carol@example.com');
    const items = ['primary', 'bob@example.com', 'nobody@example.com', 'carol@example.com'].map((id) => ({ id }));
    const r = await call(cal, 'POST', '/freeBusy', calToken, {
      timeMin: '2026-11-23T09:00:00+01:00',
      timeMax: '2026-11-23T18:00:00Z',
      timeZone: 'Europe/Paris',
      items,
    });
    expect(r.status).toBe(200);
    const notFound = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
    expect(r.json).toEqual({
      kind: 'calendar#freeBusy',
      timeMin: '2026-11-23T08:00:00.000Z',
      timeMax: '2026-11-23T18:00:00.000Z',
      calendars: {
        primary: { busy: [] },
        'bob@example.com': {
          busy: [
            { start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:30:00Z' },
            { start: '2026-11-23T15:00:00Z', end: '2026-11-23T16:30:00Z' },
          ],
        },
        'nobody@example.com': notFound,
        'carol@example.com': notFound,
      },
    });
  });

  it('answers tooManyCalendarsRequested for every calendar past 50, and 400 timeRangeEmpty for an empty range', async () => {
    const body = { timeMin: '2026-11-23T00:00:00Z', timeMax: '2026-11-24T00:00:00Z' };
    const fifty = Array.from({ length: 50 }, (_, i) => ({ id: i === 0 ? 'bob@example.com' : `u${i}@example.com` }));
    const ok = await call(cal, 'POST', '/freeBusy', calToken, { ...body, items: fifty });
    expect(ok.status).toBe(200);
    expect((ok.json as { calendars: Record<string, unknown> }).calendars['bob@example.com']).toEqual({ busy: expect.any(Array) as unknown });
    const items = [...fifty, { id: 'u50@example.com' }];
    const tooMany = await call(cal, 'POST', '/freeBusy', calToken, { ...body, items });
    expect(tooMany.status).toBe(200);
    const calendars = (tooMany.json as { calendars: Record<string, unknown> }).calendars;
    expect(Object.keys(calendars)).toHaveLength(51);
    for (const { id } of items) expect(calendars[id]).toEqual({ errors: [{ domain: 'global', reason: 'tooManyCalendarsRequested' }], busy: [] });
    const capped = await call(cal, 'POST', '/freeBusy', calToken, { ...body, calendarExpansionMax: 1, items: fifty.slice(0, 2) });
    expect((capped.json as { calendars: Record<string, { errors?: unknown }> }).calendars['bob@example.com']?.errors).toEqual([{ domain: 'global', reason: 'tooManyCalendarsRequested' }]);
    const empty = await call(cal, 'POST', '/freeBusy', calToken, { ...body, timeMax: body.timeMin });
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({
      error: { errors: [{ domain: 'calendar', reason: 'timeRangeEmpty', location: 'timeMax', locationType: 'parameter' }] },
    });
  });
});

describe('events', () => {
  const event = {
    id: 'meet0001abc',
    summary: 'Sync',
    description: 'Weekly',
    start: { dateTime: '2026-11-24T10:00:00-05:00', timeZone: 'America/New_York' },
    end: { dateTime: '2026-11-24T10:30:00-05:00', timeZone: 'America/New_York' },
    attendees: [{ email: 'bob@example.com' }],
  };

  it('inserts with a client id, rejects duplicates and bad ids, deletes once, and keeps the id reserved', async () => {
    const created = await call(cal, 'POST', '/calendars/primary/events?sendUpdates=all', calToken, event);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      kind: 'calendar#event',
      id: 'meet0001abc',
      status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from('meet0001abc alice@example.com').toString('base64').replace(/=+$/, '')}`,
      created: '2026-11-20T12:00:00.000Z',
      attendees: [{ email: 'bob@example.com', responseStatus: 'needsAction' }],
      organizer: { email: 'alice@example.com', self: true },
      iCalUID: 'meet0001abc@google.com',
      sequence: 0,
      reminders: { useDefault: true },
    });
    const dup = await call(cal, 'POST', '/calendars/primary/events', calToken, event);
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ error: { code: 409, message: 'The requested identifier already exists.', errors: [{ reason: 'duplicate' }] } });
    const bad = await call(cal, 'POST', '/calendars/primary/events', calToken, { ...event, id: 'Bad_ID' });
    expect(bad.json).toMatchObject({ error: { code: 400, message: 'Invalid resource id value.', errors: [{ reason: 'invalid' }] } });

    const fb = await call(cal, 'POST', '/freeBusy', calToken, {
      timeMin: '2026-11-24T00:00:00Z',
      timeMax: '2026-11-25T00:00:00Z',
      items: [{ id: 'primary' }],
    });
    expect(fb.json).toMatchObject({ calendars: { primary: { busy: [{ start: '2026-11-24T15:00:00Z', end: '2026-11-24T15:30:00Z' }] } } });

    const path = '/calendars/primary/events/meet0001abc';
    expect((await call(cal, 'DELETE', `${path}?sendUpdates=none`, calToken)).status).toBe(204);
    const gone = await call(cal, 'DELETE', path, calToken);
    expect(gone.json).toMatchObject({ error: { code: 410, message: 'Resource has been deleted', errors: [{ reason: 'deleted' }] } });
    expect((await call(cal, 'GET', path, calToken)).json).toMatchObject({ id: 'meet0001abc', status: 'cancelled' });
    expect((await call(cal, 'GET', '/calendars/primary/events/neverexisted', calToken)).status).toBe(404);
    expect((await call(cal, 'POST', '/calendars/primary/events', calToken, event)).status).toBe(409);

    expect(fake.events('alice@example.com')).toMatchObject([
      { id: 'meet0001abc', deleted: true, status: 'cancelled', attendees: ['bob@example.com'], sendUpdates: { insert: 'all', delete: 'none' } },
    ]);
  });

  it('generates a base32hex id when none is given', async () => {
    const { id: _omit, ...rest } = event;
    const r = await call(cal, 'POST', '/calendars/alice%40example.com/events', calToken, rest);
    expect(r.json).toMatchObject({ id: expect.stringMatching(/^[a-v0-9]{26}$/) as unknown });
  });
});

describe('failNext and latency', () => {
  it('injects a 429 with Retry-After for the next matching requests only', async () => {
    fake.failNext({ method: 'POST', path: '/freeBusy' }, { status: 429, retryAfter: '7', times: 2 });
    const body = { timeMin: '2026-11-23T00:00:00Z', timeMax: '2026-11-24T00:00:00Z', items: [] };
    const first = await call(cal, 'POST', '/freeBusy', calToken, body);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.json).toEqual({
      error: {
        code: 429,
        message: 'Rate Limit Exceeded',
        errors: [{ message: 'Rate Limit Exceeded', domain: 'usageLimits', reason: 'rateLimitExceeded' }],
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    expect((await call(cal, 'POST', '/freeBusy', calToken, body)).status).toBe(429);
    expect((await call(cal, 'POST', '/freeBusy', calToken, body)).status).toBe(200);
  });

  it('injects 403 userRateLimitExceeded by regex and honours latency', async () => {
    fake.failNext({ path: /\/events$/ }, { status: 403, reason: 'userRateLimitExceeded' });
    const r = await call(cal, 'POST', '/calendars/primary/events', calToken, {});
    expect(r.json).toMatchObject({ error: { code: 403, errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }] } });
    fake.setLatency(120);
    const t0 = Date.now();
    await call(cal, 'GET', '/calendars/primary/events/neverexisted', calToken);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    fake.setLatency(0);
  });
});

describe('lifecycle', () => {
  it('never threw inside the fake and stops promptly with keep-alive sockets open', async () => {
    expect(fake.requests.filter((r) => r.internalError !== undefined)).toEqual([]);
    const other = await FakeGoogle.start({ registry });
    await call(`${other.url}/calendar/v3`, 'GET', '/calendars/primary/events/abcdef', calToken);
    const t0 = Date.now();
    await other.stop();
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
