import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../../src/adapters/store/sql.js';
import { SQLITE_FILE, sqliteDb } from '../../../src/adapters/store/sqlite.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('embedded SQLite (sqliteDb)', () => {
  const dirs: string[] = [];
  const open = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sched-sqlite-'));
    dirs.push(dir);
    const db = sqliteDb(dir);
    await db.query('create table counters (id text primary key, n bigint not null)');
    await db.query("insert into counters (id, n) values ('c', 0)");
    return { db, dir };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const count = async (db: SqlDb) => (await db.query<{ n: number }>("select n from counters where id = 'c'"))[0]?.n;

  it('keeps its state in DATA_DIR/scheduler.sqlite, in WAL mode, across a reopen', async () => {
    const { db, dir } = await open();
    await db.query("update counters set n = 41 + 1 where id = 'c'");
    expect(await db.query('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await db.close();
    expect(existsSync(join(dir, SQLITE_FILE))).toBe(true);
    const again = sqliteDb(dir);
    expect(await count(again)).toBe(42);
    await again.close();
  });

  it('serialises overlapping transactions: none starts inside another, no update is lost', async () => {
    const { db } = await open();
    const increments = Array.from({ length: 20 }, () =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<{ n: number }>("select n from counters where id = 'c' for update");
        await tick(); // another transaction's BEGIN would land here if nothing held it back
        await tx.query("update counters set n = $1 where id = 'c'", [(row?.n ?? 0) + 1]);
        return row?.n;
      }),
    );
    const seen = await Promise.all(increments);
    expect(await count(db)).toBe(20);
    expect([...seen].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await db.close();
  });

  it('makes a plain query wait for the running transaction rather than land inside it', async () => {
    const { db } = await open();
    let inside: number | undefined;
    const tx = db.transaction(async (t) => {
      await t.query("update counters set n = 100 where id = 'c'");
      await tick();
      inside = (await t.query<{ n: number }>("select n from counters where id = 'c'"))[0]?.n;
      throw new Error('changed my mind');
    });
    const plainWrite = db.query("update counters set n = n + 1 where id = 'c'");
    await expect(tx).rejects.toThrow('changed my mind');
    await plainWrite;
    expect(inside).toBe(100);
    // The rollback undid only the transaction's write; the plain update ran after it, on the committed 0.
    expect(await count(db)).toBe(1);
    await db.close();
  });

  it('rolls back on a failing statement and carries on', async () => {
    const { db } = await open();
    await expect(
      db.transaction(async (tx) => {
        await tx.query("update counters set n = 5 where id = 'c'");
        await tx.query("insert into counters (id, n) values ('c', 1)");
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await count(db)).toBe(0);
    expect(await db.transaction(async (tx) => (await tx.query<{ n: number }>("select n from counters where id = 'c'"))[0]?.n)).toBe(0);
    await db.close();
  });

  it('refuses a tx.query kept past its transaction', async () => {
    const { db } = await open();
    const kept = await db.transaction(async (tx) => tx);
    await expect(kept.query('select n from counters')).rejects.toThrow(/after its transaction ended/);
    await db.close();
  });

  it('returns bigint columns as JS numbers and JSON as text', async () => {
    const { db } = await open();
    await db.query('create table docs (id text primary key, doc jsonb not null, at bigint not null)');
    await db.query('insert into docs (id, doc, at) values ($1, $2, $3)', ['d', JSON.stringify({ a: 1 }), 1_796_000_000_123]);
    expect(await db.query('select doc, at from docs where id = $1', ['d'])).toEqual([{ doc: '{"a":1}', at: 1_796_000_000_123 }]);
    await db.close();
  });

  it('closes after the running transaction, and refuses work after close', async () => {
    const { db } = await open();
    let committed = false;
    const tx = db.transaction(async (t) => {
      await tick();
      await t.query("update counters set n = 7 where id = 'c'");
      committed = true;
    });
    const closed = db.close();
    await expect(db.query('select n from counters')).rejects.toThrow(/closed/);
    await tx;
    await closed;
    expect(committed).toBe(true);
  });
});
