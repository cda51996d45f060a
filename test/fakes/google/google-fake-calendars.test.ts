import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { call } from '../../../fakes/google/fetch-json.js';
import { FakeGoogle } from '../../../fakes/google/index.js';

const registry = new TokenRegistry();
for (const [who, email] of [
  ['U_ALICE', 'alice@example.com'],
  ['U_BOB', 'bob@example.com'],
  ['U_CAROL', 'carol@example.com'],
] as const) {
  registry.linkIdentity(who, email);
}
const alice = registry.mint('U_ALICE', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const bob = registry.mint('U_BOB', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const carol = registry.mint('U_CAROL', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const aliceGmail = registry.mint('U_ALICE', 'gmail', [GOOGLE_SCOPES.gmailCompose]).accessToken;
const TEAM = 'c_team01@group.calendar.google.com';
const HOLIDAYS = 'en.usa#holiday@group.v.calendar.google.com';
let fake: FakeGoogle;
let cal: string;

beforeAll(async () => {
  fake = await FakeGoogle.start({ registry, now: () => new Date('2026-11-20T12:00:00Z') });
  cal = `${fake.url}/calendar/v3`;
  fake.addCalendar('alice@example.com', { timeZone: 'Europe/Paris' });
  fake.addCalendar('carol@example.com');
  fake.addBusy('bob@example.com', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z');
  fake.addSecondaryCalendar('alice@example.com', {
    id: TEAM,
    summary: 'Team',
    timeZone: 'America/New_York',
    busy: [{ start: '2026-11-23T14:00:00Z', end: '2026-11-23T15:00:00Z' }],
  });
  fake.addSecondaryCalendar('bob@example.com', { id: TEAM, accessRole: 'reader', selected: false });
  fake.addSecondaryCalendar('alice@example.com', { id: HOLIDAYS, summary: 'Holidays', accessRole: 'reader', hidden: true });
  fake.addSecondaryCalendar('alice@example.com', { id: 'bob@example.com', accessRole: 'freeBusyReader', selected: false });
});
afterAll(async () => fake.stop());

interface ListPage {
  kind: string;
  items: Array<Record<string, unknown>>;
  nextPageToken?: string;
  nextSyncToken?: string;
}
const list = async (token: string, qs = ''): Promise<ListPage> => {
  const r = await call(cal, 'GET', `/users/me/calendarList${qs}`, token);
  expect(r.status).toBe(200);
  return r.json as ListPage;
};
const day = { timeMin: '2026-11-23T00:00:00Z', timeMax: '2026-11-24T00:00:00Z' };
const freeBusy = async (token: string, ids: string[]): Promise<Record<string, { busy: unknown[]; errors?: unknown[] }>> => {
  const r = await call(cal, 'POST', '/freeBusy', token, { ...day, items: ids.map((id) => ({ id })) });
  expect(r.status).toBe(200);
  return (r.json as { calendars: Record<string, { busy: unknown[]; errors?: unknown[] }> }).calendars;
};
const notFound = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };

describe('calendarList.list', () => {
  it("lists the caller's calendars in Google's shape, primary first, hidden ones left out", async () => {
    const page = await list(alice);
    expect(page.kind).toBe('calendar#calendarList');
    expect(page.nextSyncToken).toEqual(expect.any(String));
    expect(page.nextPageToken).toBeUndefined();
    expect(page.items.map((i) => i.id)).toEqual(['alice@example.com', TEAM, 'bob@example.com']);
    expect(page.items[0]).toEqual({
      kind: 'calendar#calendarListEntry',
      etag: expect.stringMatching(/^"\d+"$/) as unknown,
      id: 'alice@example.com',
      summary: 'alice@example.com',
      timeZone: 'Europe/Paris',
      colorId: '14',
      backgroundColor: '#9fe1e7',
      foregroundColor: '#000000',
      selected: true,
      accessRole: 'owner',
      defaultReminders: [{ method: 'popup', minutes: 10 }],
      notificationSettings: { notifications: expect.any(Array) as unknown },
      primary: true,
      conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
    });
    expect(page.items[1]).toMatchObject({ id: TEAM, summary: 'Team', timeZone: 'America/New_York', accessRole: 'owner', selected: true });
    expect(page.items[1]).not.toHaveProperty('primary');
    const bobsPrimary = page.items[2] ?? {};
    expect(bobsPrimary).toMatchObject({ accessRole: 'freeBusyReader', defaultReminders: [] });
    expect(bobsPrimary).not.toHaveProperty('selected');
    expect(bobsPrimary).not.toHaveProperty('primary');
  });

  it('honours showHidden and minAccessRole, and refuses values Google refuses', async () => {
    const hidden = await list(alice, '?showHidden=true');
    expect(hidden.items.find((i) => i.id === HOLIDAYS)).toMatchObject({ hidden: true, accessRole: 'reader' });
    expect((await list(alice, '?minAccessRole=reader&showHidden=true')).items.map((i) => i.id)).toEqual(['alice@example.com', TEAM, HOLIDAYS]);
    expect((await list(alice, '?minAccessRole=owner')).items.map((i) => i.id)).toEqual(['alice@example.com', TEAM]);
    expect((await list(bob, '?minAccessRole=writer')).items.map((i) => i.id)).toEqual(['bob@example.com']);
    expect((await list(bob)).items.find((i) => i.id === TEAM)).toMatchObject({ accessRole: 'reader' });
    for (const qs of ['?minAccessRole=admin', '?maxResults=0', '?maxResults=ten', '?pageToken=bm9wZQ']) {
      const r = await call(cal, 'GET', `/users/me/calendarList${qs}`, alice);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ error: { code: 400, errors: [{ reason: 'invalid' }] } });
    }
    expect((await call(cal, 'GET', '/users/bob@example.com/calendarList', alice)).status).toBe(404);
    expect((await call(cal, 'GET', '/users/me/calendarList', aliceGmail)).json).toMatchObject({
      error: { code: 403, details: [{ metadata: { method: 'calendar.v3.CalendarList.List' } }] },
    });
  });

  it('pages with maxResults and pageToken; the last page carries nextSyncToken', async () => {
    const ids: unknown[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await list(alice, `?showHidden=true&maxResults=1${token === undefined ? '' : `&pageToken=${token}`}`);
      expect(page.items).toHaveLength(1);
      ids.push(...page.items.map((i) => i.id));
      if (page.nextPageToken !== undefined) expect(page.nextSyncToken).toBeUndefined();
      token = page.nextPageToken;
      pages += 1;
    } while (token !== undefined);
    expect(pages).toBe(4);
    expect(ids).toEqual(['alice@example.com', TEAM, HOLIDAYS, 'bob@example.com']);
  });

  it('exposes the same list to tests', () => {
    expect(fake.calendarListOf('bob@example.com').map((e) => [e.id, e.accessRole])).toEqual([
      ['bob@example.com', 'owner'],
      [TEAM, 'reader'],
    ]);
  });
});

describe('freeBusy per calendar id', () => {
  it("answers for calendars on the caller's list and for others' primary calendars, notFound otherwise", async () => {
    fake.addSecondaryCalendar('carol@example.com', { id: 'c_private@group.calendar.google.com', busy: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' }] });
    const mine = await freeBusy(alice, [TEAM, 'bob@example.com', 'c_private@group.calendar.google.com', 'c_nothing@group.calendar.google.com']);
    expect(mine[TEAM]).toEqual({ busy: [{ start: '2026-11-23T14:00:00Z', end: '2026-11-23T15:00:00Z' }] });
    expect(mine['bob@example.com']).toEqual({ busy: [{ start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z' }] });
    expect(mine['c_private@group.calendar.google.com']).toEqual(notFound);
    expect(mine['c_nothing@group.calendar.google.com']).toEqual(notFound);
    expect((await freeBusy(bob, [TEAM]))[TEAM]).toEqual({ busy: [{ start: '2026-11-23T14:00:00Z', end: '2026-11-23T15:00:00Z' }] });
    expect(await freeBusy(carol, [TEAM, 'c_private@group.calendar.google.com'])).toEqual({
      [TEAM]: notFound,
      'c_private@group.calendar.google.com': { busy: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' }] },
    });
  });

  it('a hidden primary calendar is still seen by those who have it on their list', async () => {
    fake.addCalendar('dave@example.com');
    fake.addBusy('dave@example.com', '2026-11-23T11:00:00Z', '2026-11-23T12:00:00Z');
    fake.hideCalendar('dave@example.com');
    expect((await freeBusy(alice, ['dave@example.com']))['dave@example.com']).toEqual(notFound);
    fake.addSecondaryCalendar('alice@example.com', { id: 'dave@example.com', accessRole: 'freeBusyReader' });
    expect((await freeBusy(alice, ['dave@example.com']))['dave@example.com']).toEqual({
      busy: [{ start: '2026-11-23T11:00:00Z', end: '2026-11-23T12:00:00Z' }],
    });
    expect(() => fake.addBusy('c_unknown@group.calendar.google.com', day.timeMin, day.timeMax)).toThrow(/unknown calendar/);
  });
});

describe('events on calendars of the list', () => {
  const event = (id: string, attendees: string[] = []): Record<string, unknown> => ({
    id,
    summary: 'Planning',
    start: { dateTime: '2026-11-23T16:00:00Z' },
    end: { dateTime: '2026-11-23T17:00:00Z' },
    attendees: attendees.map((email) => ({ email })),
  });
  const teamPath = `/calendars/${encodeURIComponent(TEAM)}/events`;

  it('writes need writer or owner access, reads need reader, others are notFound', async () => {
    const made = await call(cal, 'POST', teamPath, alice, event('team00001'));
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ organizer: { email: TEAM, self: true }, creator: { email: 'alice@example.com' } });
    expect((made.json as { creator: Record<string, unknown> }).creator).not.toHaveProperty('self');
    const refused = await call(cal, 'POST', teamPath, bob, event('team00002'));
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      error: { code: 403, message: 'You need to have writer access to this calendar.', errors: [{ domain: 'calendar', reason: 'requiredAccessLevel' }] },
    });
    expect((await call(cal, 'DELETE', `${teamPath}/team00001`, bob)).status).toBe(403);
    expect((await call(cal, 'GET', `${teamPath}/team00001`, bob)).json).toMatchObject({ id: 'team00001', status: 'confirmed' });
    expect((await call(cal, 'GET', `${teamPath}/team00001`, carol)).status).toBe(404);
    expect((await call(cal, 'GET', '/calendars/bob%40example.com/events/team00001', alice)).status).toBe(404);
    expect((await freeBusy(alice, [TEAM]))[TEAM]?.busy).toHaveLength(2);
  });

  it("copies an event to invited attendees' calendars, busy for freeBusy, until the organizer deletes it", async () => {
    const made = await call(cal, 'POST', '/calendars/primary/events?sendUpdates=all', alice, event('invite001', ['bob@example.com', 'carol@example.com', 'outsider@else.example']));
    expect(made.status).toBe(200);
    expect(fake.eventsOf('bob@example.com')).toMatchObject([
      { id: 'invite001', calendar: 'bob@example.com', organizer: 'alice@example.com', invitation: true, deleted: false, status: 'confirmed' },
    ]);
    expect(fake.events('bob@example.com')).toEqual([]);
    expect(fake.eventsOf('outsider@else.example')).toEqual([]);
    const asBob = await call(cal, 'GET', '/calendars/primary/events/invite001', bob);
    expect(asBob.json).toMatchObject({
      id: 'invite001',
      organizer: { email: 'alice@example.com' },
      attendees: [
        { email: 'bob@example.com', self: true, responseStatus: 'needsAction' },
        { email: 'carol@example.com', responseStatus: 'needsAction' },
        { email: 'outsider@else.example', responseStatus: 'needsAction' },
      ],
    });
    expect((asBob.json as { organizer: Record<string, unknown> }).organizer).not.toHaveProperty('self');
    const slot = { start: '2026-11-23T16:00:00Z', end: '2026-11-23T17:00:00Z' };
    expect((await freeBusy(bob, ['primary'])).primary?.busy).toContainEqual(slot);
    expect((await freeBusy(alice, ['carol@example.com']))['carol@example.com']?.busy).toEqual([slot]);
    expect((await call(cal, 'POST', '/calendars/primary/events', bob, event('invite001'))).status).toBe(409);

    expect((await call(cal, 'DELETE', '/calendars/primary/events/invite001?sendUpdates=all', alice)).status).toBe(204);
    expect((await call(cal, 'GET', '/calendars/primary/events/invite001', bob)).json).toMatchObject({ status: 'cancelled' });
    expect((await freeBusy(bob, ['primary'])).primary?.busy).not.toContainEqual(slot);
    expect(fake.eventsOf('carol@example.com')).toMatchObject([{ id: 'invite001', deleted: true, status: 'cancelled' }]);
    expect((await call(cal, 'DELETE', '/calendars/primary/events/invite001', carol)).status).toBe(410);
  });

  it('an attendee removing their copy frees only their own calendar', async () => {
    await call(cal, 'POST', '/calendars/primary/events', alice, event('invite002', ['bob@example.com', 'carol@example.com']));
    expect((await call(cal, 'DELETE', '/calendars/primary/events/invite002', bob)).status).toBe(204);
    expect((await call(cal, 'DELETE', '/calendars/primary/events/invite002', bob)).status).toBe(410);
    expect((await call(cal, 'GET', '/calendars/primary/events/invite002', bob)).json).toMatchObject({ status: 'cancelled' });
    expect((await call(cal, 'GET', '/calendars/primary/events/invite002', alice)).json).toMatchObject({ status: 'confirmed' });
    const fb = await freeBusy(alice, ['primary', 'bob@example.com', 'carol@example.com']);
    const slot = { start: '2026-11-23T16:00:00Z', end: '2026-11-23T17:00:00Z' };
    expect(fb.primary?.busy).toContainEqual(slot);
    expect(fb['carol@example.com']?.busy).toContainEqual(slot);
    expect(fb['bob@example.com']?.busy).not.toContainEqual(slot);
    expect(fake.eventsOf('bob@example.com').find((e) => e.id === 'invite002')).toMatchObject({ deleted: true, invitation: true });
    expect(fake.events('alice@example.com').find((e) => e.id === 'invite002')).toMatchObject({ deleted: false, invitation: false });
  });
});

describe('Meet links (conferenceData)', () => {
  const withMeet = (id: string, type = 'hangoutsMeet'): Record<string, unknown> => ({
    id,
    summary: 'Call',
    start: { dateTime: '2026-11-25T16:00:00Z' },
    end: { dateTime: '2026-11-25T16:30:00Z' },
    conferenceData: { createRequest: { requestId: `req-${id}`, conferenceSolutionKey: { type } } },
  });
  const insert = (token: string, body: Record<string, unknown>, qs = '?conferenceDataVersion=1') => call(cal, 'POST', `/calendars/primary/events${qs}`, token, body);

  it('makes a Meet link at once with conferenceDataVersion=1', async () => {
    const r = await insert(alice, withMeet('meet00001'));
    expect(r.status).toBe(200);
    const body = r.json as { hangoutLink: string; conferenceData: { conferenceId: string } };
    expect(body.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(body.conferenceData).toEqual({
      createRequest: { requestId: 'req-meet00001', conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri: body.hangoutLink, label: body.hangoutLink.replace('https://', '') }],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet', iconUri: expect.stringMatching(/^https:\/\//) as unknown },
      conferenceId: body.hangoutLink.slice('https://meet.google.com/'.length),
    });
    expect((await call(cal, 'GET', '/calendars/primary/events/meet00001', alice)).json).toMatchObject({ hangoutLink: body.hangoutLink });
  });

  it('ignores conferenceData without conferenceDataVersion=1, and refuses other versions', async () => {
    for (const [id, qs] of [
      ['meet00002', ''],
      ['meet00003', '?conferenceDataVersion=0'],
    ] as const) {
      const r = await insert(alice, withMeet(id), qs);
      expect(r.status).toBe(200);
      expect(r.json).not.toHaveProperty('conferenceData');
      expect(r.json).not.toHaveProperty('hangoutLink');
    }
    const bad = await insert(alice, withMeet('meet00004'), '?conferenceDataVersion=2');
    expect(bad.status).toBe(400);
    expect(fake.events('alice@example.com').map((e) => e.id)).not.toContain('meet00004');
  });

  it('pending: no link in the insert answer, the link is there when the event is read again', async () => {
    fake.setMeet('alice@example.com', 'pending');
    try {
      const r = await insert(alice, withMeet('meet00005'));
      expect(r.json).toMatchObject({ conferenceData: { createRequest: { status: { statusCode: 'pending' } } } });
      expect(r.json).not.toHaveProperty('hangoutLink');
      expect((r.json as { conferenceData: object }).conferenceData).not.toHaveProperty('entryPoints');
      const again = await call(cal, 'GET', '/calendars/primary/events/meet00005', alice);
      expect(again.json).toMatchObject({
        hangoutLink: expect.stringMatching(/^https:\/\/meet\.google\.com\//) as unknown,
        conferenceData: { createRequest: { requestId: 'req-meet00005', status: { statusCode: 'success' } } },
      });
    } finally {
      fake.setMeet('alice@example.com', 'success');
    }
  });

  it('failure: the event is made without a link', async () => {
    fake.setMeet('@example.com', 'failure');
    try {
      const r = await insert(bob, withMeet('meet00006'));
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ id: 'meet00006', conferenceData: { createRequest: { status: { statusCode: 'failure' } } } });
      expect(r.json).not.toHaveProperty('hangoutLink');
      expect(fake.events('bob@example.com').map((e) => e.id)).toContain('meet00006');
    } finally {
      fake.setMeet('@example.com', 'success');
    }
  });

  it('rejected (Meet not allowed) or another solution type: 400 Invalid conference type value, and no event', async () => {
    fake.setMeet('carol@example.com', 'rejected');
    const invalid = {
      error: { code: 400, message: 'Invalid conference type value.', errors: [{ domain: 'global', reason: 'invalid', message: 'Invalid conference type value.' }] },
    };
    const r = await insert(carol, withMeet('meet00007'));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(invalid);
    expect(fake.events('carol@example.com').map((e) => e.id)).not.toContain('meet00007');
    expect((await list(carol)).items[0]).toMatchObject({ conferenceProperties: { allowedConferenceSolutionTypes: [] } });
    expect((await insert(carol, withMeet('meet00007'), '')).status).toBe(200);
    expect((await insert(alice, withMeet('meet00008', 'eventHangout'))).json).toMatchObject(invalid);
  });
});

it('never threw inside the fake', () => {
  expect(fake.requests.filter((r) => r.internalError !== undefined)).toEqual([]);
});
