import { describe, expect, it } from 'vitest';
import { LOOKUP_CONCURRENCY, METADATA_CONCURRENCY } from '../../src/flows/inbox/page.js';
import { mapBounded } from '../../src/flows/inbox/map-bounded.js';
import { continueInbox, moreInbox, resumeInbox, summarizeInbox } from '../../src/flows/inbox/summarize.js';
import { fakeMail, fakes, MALLORY, NOW, OLIVIA } from './inbox-fakes.js';

const DM = 'D0OLIVIA';

describe('summarizeInbox', () => {
  it('lists once, then fetches the headers concurrently within the bound, all on the asker’s token', async () => {
    const f = fakes({ mail: fakeMail(20) });
    const out = await summarizeInbox(f.deps, OLIVIA, { limit: 20 }, DM);
    expect(out.kind).toBe('summary');
    expect(f.mailbox.lists).toEqual([{ token: 'tok-U0OLIVIA', query: 'is:unread in:inbox', maxResults: 20, pageToken: undefined }]);
    expect(f.mailbox.gets).toHaveLength(10);
    expect(f.mailbox.maxInFlight).toBe(METADATA_CONCURRENCY);
    expect(new Set(f.mailbox.gets.map((g) => g.token))).toEqual(new Set(['tok-U0OLIVIA']));
  });

  it('looks each sender up in Slack once, a few at a time, and never the asker’s own address', async () => {
    const others = 'bcdefghijklm'.split('').map((c) => `${c}@x.com`);
    const senders = ['a@x.com', 'a@x.com', 'u0olivia@acme.test', ...others];
    const f = fakes({ mail: fakeMail(senders.length, (i) => senders[i] ?? 'z@x.com'), colleagues: ['b@x.com'], pageSize: 20 });
    const out = await summarizeInbox(f.deps, OLIVIA, { limit: 20 }, DM);
    expect([...f.lookups].sort()).toEqual(['a@x.com', ...others].sort());
    expect(others.length + 1).toBeGreaterThan(LOOKUP_CONCURRENCY);
    expect(f.lookupsInFlight.max).toBe(LOOKUP_CONCURRENCY);
    if (out.kind !== 'summary') throw new Error(out.kind);
    expect(out.view.summary.colleagues.map((g) => g.sender.email)).toEqual(['b@x.com']);
  });

  it('measures "today" in the asker’s zone from users.info', async () => {
    const f = fakes();
    await summarizeInbox(f.deps, OLIVIA, { limit: 10, range: { kind: 'today' } }, DM);
    // 12:00Z is 17:30 in Kolkata; the day began at 18:30Z the day before
    expect(f.mailbox.lists[0]?.query).toBe(`is:unread in:inbox after:${Date.UTC(2026, 2, 9, 18, 30) / 1000}`);
  });

  it('a sender named as a Slack user is searched by their profile email; without one the ask is refused', async () => {
    const f = fakes({ people: { U0NOMAIL: { kind: 'person', id: 'U0NOMAIL', name: 'Nomail', zone: 'UTC', isBot: false, deleted: false } } });
    await summarizeInbox(f.deps, OLIVIA, { limit: 10, from: { kind: 'slack-user', userId: 'U0ALICE' } }, DM);
    expect(f.mailbox.lists[0]?.query).toBe('is:unread in:inbox from:u0alice@acme.test');
    const refused = await summarizeInbox(f.deps, OLIVIA, { limit: 10, from: { kind: 'slack-user', userId: 'U0NOMAIL' } }, DM);
    expect(refused).toMatchObject({ kind: 'bad-input' });
    expect(f.mailbox.lists).toHaveLength(1);
  });

  it('without a Gmail grant: the ask waits, and the link brings the user back to it', async () => {
    const f = fakes({ missing: true });
    const ask = { limit: 10, label: 'work' };
    const out = await summarizeInbox(f.deps, OLIVIA, ask, 'C1');
    expect(out).toMatchObject({ kind: 'needs-connection', requestId: 'req-1', missing: [{ connector: 'gmail', problem: 'not-connected' }] });
    expect(f.links).toEqual([{ user: 'U0OLIVIA', resumeId: 'req-1' }]);
    expect(f.pending.get('req-1')).toMatchObject({ kind: 'inbox', owner: OLIVIA, channelId: 'C1', payload: ask, waitingFor: ['gmail'], expiresAt: NOW + 24 * 3_600_000 });
    expect(f.mailbox.lists).toHaveLength(0);
  });
});

describe('continue, resume and Show more', () => {
  it('Continue by someone else does nothing with anyone’s grant; by the owner it runs once', async () => {
    const f = fakes({ missing: true, mail: fakeMail(2) });
    await summarizeInbox(f.deps, OLIVIA, { limit: 10 }, DM);
    f.tokenCalls.length = 0;
    expect(await continueInbox(f.deps, MALLORY, 'req-1')).toEqual({ kind: 'not-yours' });
    expect(f.tokenCalls).toEqual([]);
    expect(f.pending.has('req-1')).toBe(true);

    const connected = fakes({ mail: fakeMail(2) });
    connected.pending.set('req-1', f.pending.get('req-1')!);
    expect((await continueInbox(connected.deps, OLIVIA, 'req-1')).kind).toBe('summary');
    expect(connected.pending.has('req-1')).toBe(false);
    expect(await continueInbox(connected.deps, OLIVIA, 'req-1')).toEqual({ kind: 'gone' });
  });

  it('resume runs the waiting ask again as its owner; a request of another kind or an unreadable ask is not run', async () => {
    const f = fakes({ mail: fakeMail(1) });
    const base = { owner: OLIVIA, responseUrlUses: 0, createdAt: NOW, expiresAt: NOW + 1, waitingFor: ['gmail' as const], payload: { limit: 10 } };
    f.pending.set('p1', { ...base, id: 'p1', kind: 'inbox', channelId: 'D0OLIVIA' });
    const resumed = await resumeInbox(f.deps, { ...base, id: 'p1', kind: 'inbox', channelId: 'D0OLIVIA' });
    expect(resumed).toMatchObject({ kind: 'summary', view: { total: 1 } });
    expect(f.pending.has('p1')).toBe(false);
    expect(await resumeInbox(f.deps, { ...base, id: 'p3', kind: 'schedule', channelId: 'C1' })).toBeUndefined();
    expect(await resumeInbox(f.deps, { ...base, id: 'p4', kind: 'inbox', channelId: 'C1', payload: { limit: 'x' } })).toEqual({ kind: 'gone' });
  });

  it('Show more pages on with the same search, for the owner only', async () => {
    const f = fakes({ mail: fakeMail(13) });
    const first = await summarizeInbox(f.deps, OLIVIA, { limit: 10, range: { kind: 'hours', hours: 48 } }, DM);
    if (first.kind !== 'summary' || first.view.more === undefined) throw new Error('expected a first page with more');
    expect(first.view).toMatchObject({ total: 13, estimate: true, first: 1, shown: 10 });

    const before = f.mailbox.lists.length;
    expect(await moreInbox(f.deps, MALLORY, first.view.more, 'D0OLIVIA')).toEqual({ kind: 'not-yours' });
    expect(f.mailbox.lists.length).toBe(before);

    const later = await moreInbox({ ...f.deps, now: () => NOW + 3_600_000 }, OLIVIA, first.view.more, 'D0OLIVIA');
    if (later.kind !== 'summary') throw new Error(later.kind);
    expect(later.view).toMatchObject({ total: 13, estimate: false, first: 11, shown: 3, more: undefined });
    // the range is still measured from the first ask, an hour earlier
    expect(f.mailbox.lists.map((l) => [l.query, l.pageToken])).toEqual([
      [`is:unread in:inbox after:${(NOW - 48 * 3_600_000) / 1000}`, undefined],
      [`is:unread in:inbox after:${(NOW - 48 * 3_600_000) / 1000}`, '10'],
    ]);
    expect(await moreInbox(f.deps, OLIVIA, 'tampered', 'D0OLIVIA')).toEqual({ kind: 'gone' });
  });
});

describe('mapBounded', () => {
  it('keeps the order, never exceeds the bound, and fails when one fails', async () => {
    let now = 0;
    let max = 0;
    const out = await mapBounded([5, 1, 4, 2, 3], 2, async (x) => {
      now += 1;
      max = Math.max(max, now);
      for (let i = 0; i < x; i++) await Promise.resolve();
      now -= 1;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(max).toBe(2);
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
    await expect(mapBounded([1, 2], 8, async (x) => (x === 2 ? Promise.reject(new Error('boom')) : x))).rejects.toThrow('boom');
  });
});
