import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bindParams, type SqliteStatement, translate } from './pg-to-sqlite.js';
import type { SqlDb, SqlTx } from './sql.js';

/** The embedded store's file, under DATA_DIR. */
export const SQLITE_FILE = 'scheduler.sqlite';
const STATEMENT_CACHE = 128;

/**
 * The embedded store: SQLite in `${dataDir}/scheduler.sqlite`, spoken to in the store's one dialect (PostgreSQL's),
 * mapped by pg-to-sqlite.ts. better-sqlite3 runs each statement synchronously (microseconds for the store's
 * statements), so there is no pool and no worker: one connection, and an async mutex around it.
 *
 * `transaction(work)` holds the mutex from `BEGIN IMMEDIATE` (SQLite's write lock, taken up front, which is what
 * `select … for update` asks of PostgreSQL) to COMMIT or ROLLBACK, while `work` awaits whatever it likes; `tx.query`
 * runs directly inside it. A plain `query` waits for the mutex, so it never lands inside someone else's
 * transaction. A `db.query` or `db.transaction` awaited from inside `work` would wait for itself: use `tx.query`.
 */
export function sqliteDb(dataDir: string, opts: { busyTimeoutMs?: number } = {}): SqlDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5_000)}`);
  // PostgreSQL's behaviour, which the store's SQL is written for.
  db.pragma('foreign_keys = ON');
  db.pragma('case_sensitive_like = ON');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');

  const cache = new Map<string, { mapped: SqliteStatement; statement: Database.Statement }>();
  const prepared = (sql: string) => {
    let hit = cache.get(sql);
    if (hit) {
      cache.delete(sql);
    } else {
      const mapped = translate(sql);
      hit = { mapped, statement: db.prepare(mapped.sql) };
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, hit);
    return hit;
  };
  const run = <T>(sql: string, params: readonly unknown[]): T[] => {
    const { mapped, statement } = prepared(sql);
    const args = bindParams(mapped, params);
    if (statement.reader) return statement.all(...args) as T[];
    statement.run(...args);
    return [];
  };

  // The mutex: a chain of promises, each holder starting when the one before it has settled.
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const exclusive = <T>(fn: () => T | Promise<T>): Promise<T> => {
    waiting++;
    const result = tail.then(fn).finally(() => waiting--);
    tail = result.catch(() => undefined);
    return result;
  };
  let closing: Promise<void> | undefined;
  const open = () => {
    if (closing) throw new Error('the embedded store is closed');
  };

  return {
    async query<T>(sql: string, params: unknown[] = []) {
      open();
      // Nobody holds or waits for the mutex: run now rather than a turn of the event loop later.
      return waiting === 0 ? run<T>(sql, params) : exclusive(() => run<T>(sql, params));
    },
    async transaction<T>(work: (tx: SqlTx) => Promise<T>) {
      open();
      return exclusive(async () => {
        begin.run();
        let live = true;
        const tx: SqlTx = {
          async query<R>(sql: string, params: unknown[] = []) {
            if (!live) throw new Error('tx.query after its transaction ended');
            return run<R>(sql, params);
          },
        };
        try {
          const result = await work(tx);
          commit.run();
          return result;
        } catch (e) {
          // Some errors (SQLITE_FULL, SQLITE_IOERR…) have rolled back already.
          if (db.inTransaction) rollback.run();
          throw e;
        } finally {
          live = false;
        }
      });
    },
    close() {
      closing ??= exclusive(() => {
        cache.clear();
        db.close();
      });
      return closing;
    },
  };
}
