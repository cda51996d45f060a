import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../src/adapters/store/migrations.js';
import { pgDb, type SqlDb } from '../../../src/adapters/store/sql.js';
import { sqlStore, type SqlStore } from '../../../src/adapters/store/sql-store.js';
import { sqliteDb } from '../../../src/adapters/store/sqlite.js';
import { storeCheck } from '../../../src/adapters/store/store-probe.js';
import type { PendingRequest } from '../../../src/flows/connect/pending.js';
import type { ScheduleRecord } from '../../../src/flows/schedule/record.js';
import { freshDatabase, type TestDatabase } from '../../../fakes/world/database.js';

const owner = { teamId: 'T1', userId: 'U1' };

function record(id: string, over: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    id,
    owner,
    channelId: 'C1',
    responseUrl: 'https://hooks.slack.test/r/1',
    createdAt: 1_000,
    request: { mentions: ['U2'], emails: [], minutes: 30, title: 'Sync', when: { kind: 'default' } },
    attendees: [{ email: 'a@x.test', name: 'A', slackId: 'U2', zone: 'Europe/London' }],
    whenText: 'the next 5 working days',
    candidates: [{ start: 10, end: 20 }],
    shown: [10],
    unseen: [],
    generation: 0,
    booking: { state: 'open' },
    journal: [],
    ...over,
  };
}

const backends: Array<[string, () => Promise<{ db: SqlDb; cleanup: () => Promise<void> }>]> = [
  [
    'embedded SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sched-store-'));
      const db = sqliteDb(dir);
      return { db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL server',
    async () => {
      const database: TestDatabase = await freshDatabase();
      return { db: pgDb(database.url), cleanup: () => database.drop() };
    },
  ],
];

describe.each(backends)('store on %s', (_name, open) => {
  let store: SqlStore;
  let cleanup: () => Promise<void>;
  let clock = 5_000;

  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    expect(await migrate(opened.db)).toEqual(MIGRATIONS.map((m) => m.version));
    store = sqlStore(opened.db, () => clock);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('applies migrations once', async () => {
    expect(await migrate(store.db)).toEqual([]);
  });

  it('answers the readiness check (/readyz) as ready', async () => {
    expect(await storeCheck(store.db, _name === 'PostgreSQL server').run()).toEqual({ status: 'ok' });
  });

  it('stores and reads back a schedule record, checked on the way out', async () => {
    await store.put(record('r1'));
    expect(await store.get('r1')).toEqual(record('r1'));
    expect(await store.get('missing')).toBeUndefined();
  });

  it('keeps everyone’s preferences in a record read back, the organizer’s included', async () => {
    const prefs = { startMinute: 7 * 60, endMinute: 15 * 60, days: [1, 2, 3, 4], defaultMinutes: 45, zone: 'Asia/Kolkata' };
    const organizer = { slackId: 'U1', name: 'olivia', zone: 'America/New_York', email: 'o@x.test', prefs };
    const attendees = [{ email: 'a@x.test', name: 'A', slackId: 'U2', zone: 'Europe/London', prefs: { ...prefs, zone: undefined } }];
    await store.put(record('r-prefs', { organizer, attendees }));
    const back = await store.get('r-prefs');
    expect(back?.organizer?.prefs).toEqual(prefs);
    expect(back?.attendees[0]?.prefs).toMatchObject({ startMinute: 7 * 60, defaultMinutes: 45 });
  });

  it('serialises concurrent updates of one record', async () => {
    await store.put(record('r2'));
    await Promise.all(Array.from({ length: 12 }, () => store.update('r2', (r) => ({ next: { ...r, generation: r.generation + 1 }, result: r.generation }))));
    expect((await store.get('r2'))?.generation).toBe(12);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    await store.put(record('r3'));
    const wins = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.update('r3', (r) =>
          r.booking.state === 'open' ? { next: { ...r, booking: { state: 'booking', claimedAt: 100 + i, slot: { start: 10, end: 20 } } }, result: true } : { result: false },
        ),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('hands out bookings whose claim the database has not seen renewed for a lease, each once', async () => {
    // The callers' claimedAt says nothing: the database stamps claims with its own clock.
    await store.put(record('old', { booking: { state: 'booking', claimedAt: 9e15, slot: { start: 10, end: 20 } } }));
    await store.put(record('new', { booking: { state: 'booking', claimedAt: 0, slot: { start: 10, end: 20 } } }));
    await store.db.query("update schedule_requests set claimed_at = claimed_at - 120000 where id = 'old'");
    const [first, second] = await Promise.all([store.takeUnfinished(60_000), store.takeUnfinished(60_000)]);
    expect([...(first ?? []), ...(second ?? [])]).toEqual(['old']);
    expect(await store.takeUnfinished(60_000)).toEqual([]);
    // a write of the booking renews its claim
    await store.db.query("update schedule_requests set claimed_at = claimed_at - 120000 where id = 'new'");
    await store.update('new', (r) => ({ next: r, result: undefined }));
    expect(await store.takeUnfinished(60_000)).toEqual([]);
  });

  it('claims with the bookings in progress or booked whose slot overlaps, leaving out the claiming request', async () => {
    const slot = { start: 1_000_000, end: 1_000_600 };
    const booked = { state: 'booked' as const, slot, eventId: 'e', eventLink: 'l', draftId: 'd', draftLink: 'dl' };
    await store.put(record('ov-booked', { booking: booked }));
    await store.put(record('ov-booking', { booking: { state: 'booking', claimedAt: 1, slot: { start: 999_700, end: 1_000_001 } } }));
    await store.put(record('ov-touching', { booking: { ...booked, slot: { start: 1_000_600, end: 1_001_200 } } }));
    await store.put(record('ov-open', { candidates: [slot], shown: [slot.start] }));
    await store.put(record('ov-cancelled', { booking: { state: 'cancelled' } }));
    const seen = (id: string, at: typeof slot | undefined) =>
      store.claim(
        id,
        () => at,
        (_r, overlapping) => ({ result: overlapping.map((o) => o.id).sort() }),
      );
    expect(await seen('ov-booking', slot)).toEqual(['ov-booked']);
    expect(await seen('ov-open', slot)).toEqual(['ov-booked', 'ov-booking']);
    expect(await seen('ov-open', undefined)).toEqual([]);
    expect(await seen('missing', slot)).toBeUndefined();
    // what the change returns as next is written, and holds its time
    await store.claim(
      'ov-open',
      () => slot,
      (r) => ({ next: { ...r, booking: { state: 'booking', claimedAt: 2, slot } }, result: undefined }),
    );
    expect((await store.get('ov-open'))?.booking.state).toBe('booking');
    expect(await seen('ov-cancelled', slot)).toEqual(['ov-booked', 'ov-booking', 'ov-open']);
  });

  it('lets concurrent claims of one time on different requests take turns: exactly one claims it', async () => {
    const slot = { start: 2_000_000, end: 2_000_600 };
    const ids = Array.from({ length: 8 }, (_, i) => `turn-${i}`);
    for (const id of ids) await store.put(record(id, { candidates: [slot], shown: [slot.start] }));
    // Every connection open beforehand, so that the claims' transactions truly overlap.
    await Promise.all(ids.map(() => store.db.transaction((tx) => tx.query('select 1 as ok'))));
    const claimed = await Promise.all(
      ids.map((id) =>
        store.claim(
          id,
          () => slot,
          (r, overlapping) => (overlapping.length > 0 ? { result: false } : { next: { ...r, booking: { state: 'booking', claimedAt: 1, slot } }, result: true }),
        ),
      ),
    );
    expect(claimed.filter(Boolean)).toHaveLength(1);
  });

  it('keeps pending requests until they expire or are deleted', async () => {
    const p: PendingRequest = { id: 'p1', kind: 'schedule', owner, channelId: 'C1', responseUrlUses: 1, createdAt: 1, expiresAt: 6_000, waitingFor: ['gmail'], payload: 'r1' };
    await store.putPending(p);
    expect(await store.getPending('p1')).toEqual(p);
    clock = 7_000;
    expect(await store.getPending('p1')).toBeUndefined();
    clock = 5_000;
    await store.deletePending('p1');
    expect(await store.getPending('p1')).toBeUndefined();
  });

  it('says first-time exactly once per key, even under concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => store.firstTime('nonce-1', 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.firstTime('nonce-2', 10_000)).toBe(true);
  });

  it('keeps preferences per workspace and user', async () => {
    const prefs = { startMinute: 480, endMinute: 960, days: [1, 2, 3, 4], defaultMinutes: 45, zone: 'Asia/Kolkata' };
    await store.putPrefs(owner, prefs);
    expect(await store.getPrefs(owner)).toEqual(prefs);
    expect(await store.getPrefs({ teamId: 'T2', userId: 'U1' })).toBeUndefined();
  });

  it('reads several people’s preferences in one go, of their workspace only', async () => {
    const mine = { startMinute: 480, endMinute: 960, days: [1, 2, 3], zone: 'Europe/Berlin' };
    const theirs = { startMinute: 600, endMinute: 1080, days: [1, 2, 3, 4, 5] };
    await store.putPrefs({ teamId: 'T1', userId: 'UA' }, mine);
    await store.putPrefs({ teamId: 'T1', userId: 'UB' }, theirs);
    await store.putPrefs({ teamId: 'T9', userId: 'UC' }, theirs);
    const found = await store.prefsOf({ teamId: 'T1' }, ['UA', 'UB', 'UC', 'UA', 'UNONE']);
    expect(Object.fromEntries(found)).toEqual({ UA: mine, UB: theirs });
    expect((await store.prefsOf({ teamId: 'T1' }, [])).size).toBe(0);
  });

  it('sweeps what has expired', async () => {
    await store.firstTime('short', 1);
    await store.sweep(2);
    expect(await store.firstTime('short', 10)).toBe(true);
  });
});
