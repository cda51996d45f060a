import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, TokenRegistry } from '../../../fakes/token-registry.js';
import { call } from '../../../fakes/google/fetch-json.js';
import { FakeGoogle } from '../../../fakes/google/index.js';

const registry = new TokenRegistry();
registry.linkIdentity('U_ALICE', 'alice@example.com');
const gmailToken = registry.mint('U_ALICE', 'gmail', [GOOGLE_SCOPES.gmailCompose, GOOGLE_SCOPES.gmailReadonly]).accessToken;
const composeOnly = registry.mint('U_ALICE', 'gmail', [GOOGLE_SCOPES.gmailCompose]).accessToken;
const calToken = registry.mint('U_ALICE', 'gcal', [GOOGLE_SCOPES.calendar]).accessToken;
const NOW = new Date('2026-11-20T12:00:00Z');
let fake: FakeGoogle;
let gmail: string;

beforeAll(async () => {
  fake = await FakeGoogle.start({ registry, now: () => NOW });
  gmail = `${fake.url}/gmail/v1`;
});
afterAll(async () => fake.stop());

const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

describe('drafts', () => {
  const subject = 'Réunion — lundi ☕';
  const raw = [
    'From: alice@example.com',
    'To: "Bob, B." <bob@example.com>, carol@example.com',
    'Cc: dave@example.com',
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('Bonjour Bob,\r\nça marche ?\r\n').toString('base64'),
  ].join('\r\n');

  it('creates a draft from base64url raw and reads it back parsed', async () => {
    const r = await call(gmail, 'POST', '/users/me/drafts', gmailToken, { message: { raw: b64url(raw) } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      id: expect.stringMatching(/^r-\d+$/) as unknown,
      message: { id: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, threadId: expect.any(String) as unknown, labelIds: ['DRAFT'] },
    });
    const [draft] = fake.drafts('alice@example.com');
    expect(draft).toMatchObject({
      to: ['bob@example.com', 'carol@example.com'],
      cc: ['dave@example.com'],
      subject,
      body: 'Bonjour Bob,\nça marche ?\n',
      deleted: false,
    });
    const id = (r.json as { id: string }).id;
    const full = await call(gmail, 'GET', `/users/me/drafts/${id}?format=full`, gmailToken);
    const payload = (full.json as { message: { payload: { headers: { name: string; value: string }[]; body: { data: string } } } }).message.payload;
    expect(payload.headers).toContainEqual({ name: 'Subject', value: subject });
    expect(Buffer.from(payload.body.data, 'base64url').toString('utf8')).toBe('Bonjour Bob,\nça marche ?\n');
    const rawBack = await call(gmail, 'GET', `/users/me/drafts/${id}?format=raw`, gmailToken);
    expect(Buffer.from((rawBack.json as { message: { raw: string } }).message.raw, 'base64url').toString('utf8')).toBe(raw);

    expect((await call(gmail, 'DELETE', `/users/me/drafts/${id}`, gmailToken)).status).toBe(204);
    expect((await call(gmail, 'DELETE', `/users/me/drafts/${id}`, gmailToken)).status).toBe(404);
    expect(fake.drafts('alice@example.com')[0]?.deleted).toBe(true);
  });

  it('parses quoted-printable multipart bodies', async () => {
    const mp = [
      'To: bob@example.com',
      'Subject: =?utf-8?Q?Caf=C3?=',
      ' =?utf-8?Q?=A9_time?= (draft)',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=C3=A9 at 10=3F soft=',
      'break',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Café</p>',
      '--b1--',
    ].join('\r\n');
    expect((await call(gmail, 'POST', '/users/me/drafts', composeOnly, { message: { raw: b64url(mp) } })).status).toBe(200);
    expect(fake.drafts('alice@example.com').at(-1)).toMatchObject({
      subject: 'Café time (draft)',
      body: 'Café at 10? softbreak',
      html: '<p>Café</p>',
      mimeType: 'multipart/alternative',
    });
  });

  it('rejects missing or invalid raw with 400 invalidArgument', async () => {
    for (const body of [{}, { message: {} }, { message: { raw: '!!!not base64!!!' } }, { message: { raw: b64url('no headers here') } }]) {
      const r = await call(gmail, 'POST', '/users/me/drafts', gmailToken, body);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ error: { code: 400, errors: [{ reason: 'invalidArgument' }], status: 'INVALID_ARGUMENT' } });
    }
  });

  it('rejects a Calendar token on Gmail with gmail.googleapis.com metadata', async () => {
    const r = await call(gmail, 'POST', '/users/me/drafts', calToken, { message: { raw: b64url(raw) } });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({
      error: { details: [{ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', metadata: { service: 'gmail.googleapis.com' } }] },
    });
  });
});

describe('finding a draft by its Message-ID', () => {
  const withId = (messageId: string, subject: string): string =>
    b64url(['From: alice@example.com', 'To: bob@example.com', `Subject: ${subject}`, `Message-ID: ${messageId}`, 'Content-Type: text/plain; charset="UTF-8"', '', 'Hello'].join('\r\n'));
  const draftIds = async (q: string): Promise<string[]> => {
    const r = await call(gmail, 'GET', `/users/me/drafts?q=${encodeURIComponent(q)}`, composeOnly);
    expect(r.status).toBe(200);
    return ((r.json as { drafts?: { id: string }[] }).drafts ?? []).map((d) => d.id);
  };

  it('keeps the client Message-ID and finds the draft with rfc822msgid: in drafts.list and messages.list', async () => {
    const created = await call(gmail, 'POST', '/users/me/drafts', composeOnly, {
      message: { raw: withId('<booking-42.a1@bot.example.com>', 'Booked') },
    });
    const { id, message } = created.json as { id: string; message: { id: string; threadId: string } };
    expect(fake.drafts('alice@example.com').find((d) => d.id === id)?.messageIdHeader).toBe('<booking-42.a1@bot.example.com>');
    for (const q of ['rfc822msgid:<booking-42.a1@bot.example.com>', 'rfc822msgid:booking-42.a1@bot.example.com', 'rfc822msgid:BOOKING-42.A1@bot.example.com']) {
      expect(await draftIds(q)).toEqual([id]);
    }
    expect(await draftIds('rfc822msgid:booking-42@bot.example.com')).toEqual([]);
    const listed = await call(gmail, 'GET', `/users/me/drafts?q=${encodeURIComponent('rfc822msgid:<booking-42.a1@bot.example.com>')}`, composeOnly);
    expect(listed.json).toEqual({ drafts: [{ id, message: { id: message.id, threadId: message.threadId } }], resultSizeEstimate: 1 });
    const msgs = await call(gmail, 'GET', `/users/me/messages?q=${encodeURIComponent('rfc822msgid:booking-42.a1@bot.example.com')}`, gmailToken);
    expect(msgs.json).toEqual({ messages: [{ id: message.id, threadId: message.threadId }], resultSizeEstimate: 1 });
    const raw = await call(gmail, 'GET', `/users/me/drafts/${id}?format=raw`, composeOnly);
    expect(Buffer.from((raw.json as { message: { raw: string } }).message.raw, 'base64url').toString()).toContain('Message-ID: <booking-42.a1@bot.example.com>');
  });

  it('makes a new draft on every create (not idempotent), so a repeated Message-ID is found twice', async () => {
    const before = fake.drafts('alice@example.com').filter((d) => !d.deleted).length;
    for (let i = 0; i < 2; i++) {
      expect((await call(gmail, 'POST', '/users/me/drafts', composeOnly, { message: { raw: withId('<twice@bot.example.com>', 'Twice') } })).status).toBe(200);
    }
    expect(fake.drafts('alice@example.com').filter((d) => !d.deleted)).toHaveLength(before + 2);
    const found = await draftIds('rfc822msgid:twice@bot.example.com');
    expect(found).toHaveLength(2);
    for (const id of found) expect((await call(gmail, 'DELETE', `/users/me/drafts/${id}`, composeOnly)).status).toBe(204);
    expect(await draftIds('rfc822msgid:twice@bot.example.com')).toEqual([]);
    expect((await call(gmail, 'GET', '/users/me/drafts?q=rfc822msgid%3Atwice%40bot.example.com', composeOnly)).json).toEqual({
      resultSizeEstimate: 0,
    });
  });

  it('pages drafts.list newest first and refuses a bad pageToken; messages.list needs a read scope', async () => {
    for (const n of [1, 2, 3]) await call(gmail, 'POST', '/users/me/drafts', composeOnly, { message: { raw: withId(`<p${n}@bot.example.com>`, 'P') } });
    const all = await call(gmail, 'GET', '/users/me/drafts', composeOnly);
    const ids = ((all.json as { drafts: { id: string }[] }).drafts ?? []).map((d) => d.id);
    expect(ids.length).toBeGreaterThan(2);
    const live = fake.drafts('alice@example.com').filter((d) => !d.deleted);
    expect(ids[0]).toBe(live.at(-1)?.id);
    const p1 = await call(gmail, 'GET', '/users/me/drafts?maxResults=2', composeOnly);
    const { nextPageToken } = p1.json as { nextPageToken: string };
    const p2 = await call(gmail, 'GET', `/users/me/drafts?maxResults=2&pageToken=${nextPageToken}`, composeOnly);
    const pages = [p1, p2].flatMap((p) => ((p.json as { drafts?: { id: string }[] }).drafts ?? []).map((d) => d.id));
    expect(pages).toEqual(ids.slice(0, 4));
    expect((await call(gmail, 'GET', '/users/me/drafts?pageToken=nope', composeOnly)).status).toBe(400);
    expect((await call(gmail, 'GET', '/users/me/drafts', calToken)).status).toBe(403);
    expect((await call(gmail, 'GET', '/users/me/messages?q=rfc822msgid%3Ax%40y', composeOnly)).status).toBe(403);
  });

  it('can be told to replace the Message-ID, as a client must survive if Gmail does', async () => {
    fake.setDraftMessageIds('replace');
    try {
      const created = await call(gmail, 'POST', '/users/me/drafts', composeOnly, { message: { raw: withId('<mine@bot.example.com>', 'Mine') } });
      const { id } = created.json as { id: string };
      const stored = fake.drafts('alice@example.com').find((d) => d.id === id);
      expect(stored?.messageIdHeader).toMatch(/^<CA\+[\w-]+@mail\.gmail\.com>$/);
      expect(stored?.raw).not.toContain('mine@bot.example.com');
      expect(await draftIds('rfc822msgid:mine@bot.example.com')).toEqual([]);
      expect(await draftIds(`rfc822msgid:${stored?.messageIdHeader ?? ''}`)).toEqual([id]);
    } finally {
      fake.setDraftMessageIds('keep');
    }
  });
});

describe('messages', () => {
  const ids: Record<string, string> = {};
  beforeAll(() => {
    const seed = (key: string, hoursAgo: number, extra: { from?: string; unread?: boolean; labels?: string[] } = {}): void => {
      ids[key] = fake.addMessage('alice@example.com', {
        from: extra.from ?? `"${key}" <${key}@example.org>`,
        subject: `Subject ${key}`,
        snippet: `Snippet ${key}`,
        date: new Date(NOW.getTime() - hoursAgo * 3_600_000),
        ...(extra.unread === undefined ? {} : { unread: extra.unread }),
        ...(extra.labels === undefined ? {} : { labels: extra.labels }),
      });
    };
    seed('m1', 1);
    seed('m2', 5, { from: 'Boss <boss@corp.example>' });
    seed('m3', 30);
    seed('m4', 2, { unread: false });
    seed('m5', 3, { labels: ['INBOX', 'Work Stuff'] });
    seed('m6', 4, { labels: ['SPAM'] });
    seed('m7', 24 * 10);
  });

  const list = async (qs: string): Promise<{ messages?: { id: string }[]; nextPageToken?: string; resultSizeEstimate: number }> => {
    const r = await call(gmail, 'GET', `/users/me/messages?${qs}`, gmailToken);
    expect(r.status).toBe(200);
    return r.json as { messages?: { id: string }[]; nextPageToken?: string; resultSizeEstimate: number };
  };
  const idsOf = (r: { messages?: { id: string }[] }): string[] => (r.messages ?? []).map((m) => m.id);

  it('filters by q operators, newest first', async () => {
    const q = (s: string): string => `q=${encodeURIComponent(s)}`;
    expect(idsOf(await list(q('is:unread in:inbox newer_than:1d')))).toEqual([ids.m1, ids.m5, ids.m2]);
    expect(idsOf(await list(q('from:boss@corp')))).toEqual([ids.m2]);
    expect(idsOf(await list(q('after:2026/11/19 -is:unread in:inbox')))).toEqual([ids.m4]);
    expect(idsOf(await list(q(`in:inbox after:${Date.parse('2026-11-20T09:30:00Z') / 1000}`)))).toEqual([ids.m1, ids.m4]);
    expect(idsOf(await list(q('label:work-stuff')))).toEqual([ids.m5]);
    expect(idsOf(await list(q('in:spam')))).toEqual([ids.m6]);
    expect(idsOf(await list(q('newer_than:12h') + '&labelIds=UNREAD'))).toEqual([ids.m1, ids.m5, ids.m2]);
    expect(await list(q('from:nobody'))).toEqual({ resultSizeEstimate: 0 });
  });

  it('pages with maxResults and nextPageToken', async () => {
    const p1 = await list('q=in:inbox&maxResults=4');
    expect(idsOf(p1)).toEqual([ids.m1, ids.m4, ids.m5, ids.m2]);
    expect(p1.resultSizeEstimate).toBe(6);
    const p2 = await list(`q=in:inbox&maxResults=4&pageToken=${p1.nextPageToken ?? ''}`);
    expect(idsOf(p2)).toEqual([ids.m3, ids.m7]);
    expect(p2.nextPageToken).toBeUndefined();
  });

  it('returns metadata with only the requested headers', async () => {
    const path = `/users/me/messages/${ids.m2 ?? ''}?format=metadata&metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date`;
    const r = await call(gmail, 'GET', path, gmailToken);
    expect(r.json).toEqual({
      id: ids.m2,
      threadId: ids.m2,
      labelIds: ['UNREAD', 'INBOX'],
      snippet: 'Snippet m2',
      internalDate: String(NOW.getTime() - 5 * 3_600_000),
      sizeEstimate: expect.any(Number) as unknown,
      historyId: expect.any(String) as unknown,
      payload: {
        mimeType: 'text/plain',
        headers: [
          { name: 'Date', value: 'Fri, 20 Nov 2026 07:00:00 +0000' },
          { name: 'From', value: 'Boss <boss@corp.example>' },
          { name: 'Subject', value: 'Subject m2' },
        ],
      },
    });
    expect((await call(gmail, 'GET', '/users/me/messages/0123456789abcdef', gmailToken)).status).toBe(404);
    expect((await call(gmail, 'GET', '/users/me/messages', composeOnly)).status).toBe(403);
  });
});

it('never threw inside the fake', () => {
  expect(fake.requests.filter((r) => r.internalError !== undefined)).toEqual([]);
});
