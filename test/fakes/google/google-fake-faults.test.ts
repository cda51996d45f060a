import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { type Answer, call } from '../../../fakes/google/fetch-json.js';
import { FakeGoogle } from '../../../fakes/google/index.js';

const registry = new TokenRegistry();
registry.linkIdentity('U_ALICE', 'alice@example.com');
const calToken = registry.mint('U_ALICE', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const gmailToken = registry.mint('U_ALICE', 'gmail', [GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailReadonly]).accessToken;
let fake: FakeGoogle;
let cal: string;
let gmail: string;

beforeAll(async () => {
  fake = await FakeGoogle.start({ registry, now: () => new Date('2026-11-20T12:00:00Z') });
  cal = `${fake.url}/calendar/v3`;
  gmail = `${fake.url}/gmail/v1`;
});
afterAll(async () => fake.stop());

/** The answer, or 'lost' when the connection closed without one (what fetch reports as a TypeError). */
async function attempt(base: string, method: string, path: string, token: string, body?: unknown): Promise<Answer | 'lost'> {
  try {
    return await call(base, method, path, token, body);
  } catch (err) {
    if (err instanceof TypeError) return 'lost';
    throw err;
  }
}

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const rawDraft = (subject: string): string => b64url(['To: bob@example.com', `Subject: ${subject}`, 'Content-Type: text/plain; charset="UTF-8"', '', 'Hello'].join('\r\n'));
const event = (id: string): Record<string, unknown> => ({
  id,
  summary: 'Sync',
  start: { dateTime: '2026-11-24T10:00:00Z' },
  end: { dateTime: '2026-11-24T10:30:00Z' },
});
const liveDrafts = (): number => fake.drafts('alice@example.com').filter((d) => !d.deleted).length;

describe('lose-response: the operation happens, the answer never arrives', () => {
  it('events.insert: the event exists, and the retry meets 409 duplicate', async () => {
    fake.faultNext({ operation: 'events.insert' }, { kind: 'lose-response' });
    expect(await attempt(cal, 'POST', '/calendars/primary/events', calToken, event('lost00001'))).toBe('lost');
    expect(fake.events('alice@example.com').map((e) => e.id)).toContain('lost00001');
    const [recorded] = fake.calls('events.insert');
    expect(recorded).toMatchObject({ operation: 'events.insert', fault: 'lose-response', status: 200 });
    const retry = await attempt(cal, 'POST', '/calendars/primary/events', calToken, event('lost00001'));
    expect(retry).toMatchObject({ status: 409, json: { error: { errors: [{ reason: 'duplicate' }] } } });
    expect(await attempt(cal, 'GET', '/calendars/primary/events/lost00001', calToken)).toMatchObject({ status: 200 });
  });

  it('drafts.create is not idempotent: a lost create and its retry leave two drafts', async () => {
    const before = liveDrafts();
    fake.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
    expect(await attempt(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: rawDraft('Once') } })).toBe('lost');
    expect(liveDrafts()).toBe(before + 1);
    const retry = await attempt(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: rawDraft('Once') } });
    expect(retry).toMatchObject({ status: 200 });
    expect(liveDrafts()).toBe(before + 2);
    expect(fake.calls('drafts.create').map((r) => r.fault)).toEqual(['lose-response', undefined]);
  });

  it('events.delete and drafts.delete: gone after the lost answer, so the retry meets 410 / 404', async () => {
    await call(cal, 'POST', '/calendars/primary/events', calToken, event('lost00002'));
    fake.faultNext({ operation: 'events.delete' }, { kind: 'lose-response' });
    expect(await attempt(cal, 'DELETE', '/calendars/primary/events/lost00002', calToken)).toBe('lost');
    expect(fake.events('alice@example.com').find((e) => e.id === 'lost00002')?.deleted).toBe(true);
    expect(await attempt(cal, 'DELETE', '/calendars/primary/events/lost00002', calToken)).toMatchObject({ status: 410 });

    const created = await call(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: rawDraft('Delete me') } });
    const id = (created.json as { id: string }).id;
    fake.faultNext({ operation: 'drafts.delete' }, { kind: 'lose-response' });
    expect(await attempt(gmail, 'DELETE', `/users/me/drafts/${id}`, gmailToken)).toBe('lost');
    expect(fake.drafts('alice@example.com').find((d) => d.id === id)?.deleted).toBe(true);
    expect(await attempt(gmail, 'DELETE', `/users/me/drafts/${id}`, gmailToken)).toMatchObject({ status: 404 });
  });

  it('reads lose their answer once, then answer again', async () => {
    const fb = { timeMin: '2026-11-23T00:00:00Z', timeMax: '2026-11-24T00:00:00Z', items: [{ id: 'primary' }] };
    const reads: Array<[Parameters<FakeGoogle['faultNext']>[0]['operation'], () => Promise<Answer | 'lost'>]> = [
      ['freeBusy', () => attempt(cal, 'POST', '/freeBusy', calToken, fb)],
      ['events.get', () => attempt(cal, 'GET', '/calendars/primary/events/lost00001', calToken)],
      ['messages.list', () => attempt(gmail, 'GET', '/users/me/messages', gmailToken)],
      ['calendarList.list', () => attempt(cal, 'GET', '/users/me/calendarList', calToken)],
      ['drafts.list', () => attempt(gmail, 'GET', '/users/me/drafts?q=rfc822msgid%3Ax%40y', gmailToken)],
    ];
    for (const [operation, read] of reads) {
      fake.faultNext({ operation }, { kind: 'lose-response' });
      expect(await read()).toBe('lost');
      expect(await read()).toMatchObject({ status: 200 });
    }
  });
});

describe('slow', () => {
  it('acts at once and answers late by default, so a client that gives up still made the draft', async () => {
    const before = liveDrafts();
    fake.faultNext({ operation: 'drafts.create' }, { kind: 'slow', ms: 400 });
    const t0 = Date.now();
    const pending = call(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: rawDraft('Slow') } });
    await new Promise((r) => setTimeout(r, 150));
    expect(liveDrafts()).toBe(before + 1);
    expect((await pending).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
  });

  it('with beforeActing, nothing happens until the wait is over', async () => {
    fake.faultNext({ operation: 'events.insert' }, { kind: 'slow', ms: 400, beforeActing: true });
    const pending = call(cal, 'POST', '/calendars/primary/events', calToken, event('late00001'));
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.events('alice@example.com').map((e) => e.id)).not.toContain('late00001');
    expect((await pending).status).toBe(200);
    expect(fake.events('alice@example.com').map((e) => e.id)).toContain('late00001');
  });
});

describe('errors by operation', () => {
  it('a 503 after applying: the client sees the error, yet the event was made', async () => {
    fake.faultNext({ operation: 'events.insert' }, { kind: 'error', status: 503, afterApplying: true });
    const r = await call(cal, 'POST', '/calendars/primary/events', calToken, event('applied01'));
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ error: { code: 503, errors: [{ reason: 'backendError' }], status: 'UNAVAILABLE' } });
    expect(fake.events('alice@example.com').map((e) => e.id)).toContain('applied01');
  });

  it('a 500 before acting: nothing was made; only the named operation is hit', async () => {
    fake.failNext({ operation: 'events.insert' }, { status: 500, times: 2 });
    expect((await call(cal, 'GET', '/calendars/primary/events/applied01', calToken)).status).toBe(200);
    expect((await call(cal, 'POST', '/calendars/primary/events', calToken, event('refused01'))).status).toBe(500);
    expect((await call(cal, 'POST', '/calendars/primary/events', calToken, event('refused01'))).status).toBe(500);
    expect(fake.events('alice@example.com').map((e) => e.id)).not.toContain('refused01');
    expect((await call(cal, 'POST', '/calendars/primary/events', calToken, event('refused01'))).status).toBe(200);
    expect(fake.pendingFaults()).toEqual([]);
  });

  it('holds by operation until released', async () => {
    const held = fake.holdNext({ operation: 'drafts.create' });
    const before = liveDrafts();
    const pending = call(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: rawDraft('Held') } });
    await held.arrived;
    expect(liveDrafts()).toBe(before);
    held.release();
    expect((await pending).status).toBe(200);
    expect(liveDrafts()).toBe(before + 1);
  });

  it('drops a held request whose client went away, once `gone` says the server saw it go', async () => {
    const held = fake.holdNext({ operation: 'drafts.create' });
    const before = liveDrafts();
    const aborted = new AbortController();
    const pending = fetch(`${gmail}/users/me/drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gmailToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: { raw: rawDraft('Held') } }),
      signal: aborted.signal,
    }).catch((e: unknown) => e);
    await held.arrived;
    aborted.abort();
    await pending;
    await held.gone;
    held.release();
    // The fake records every request it answers: this one must never be answered or applied.
    await new Promise((r) => setImmediate(r));
    expect(liveDrafts()).toBe(before);
  });

  it('rejects a fault that could never fire', () => {
    expect(() => fake.faultNext({ operation: 'freeBusy' }, { kind: 'lose-response', times: 0 })).toThrow();
    expect(() => fake.faultNext({ operation: 'freeBusy' }, { kind: 'slow', ms: Number.NaN })).toThrow();
  });
});

it('never threw inside the fake', () => {
  expect(fake.requests.filter((r) => r.internalError !== undefined)).toEqual([]);
});
