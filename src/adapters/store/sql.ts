import pg from 'pg';
import type { PoolSettings } from '../../config.js';
import { describeServer, isStoreUnavailable, storeFailure } from './store-error.js';

/**
 * The little of SQL the store needs, the same over a PostgreSQL server and the embedded SQLite (sqlite.ts), in one
 * dialect: PostgreSQL's, which pg-to-sqlite.ts maps to SQLite's.
 */
export interface SqlDb {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
export type SqlTx = Pick<SqlDb, 'query'>;

/** A server's defaults, for callers that have no configuration (tests, tools). */
export const DEFAULT_POOL: PoolSettings = { max: 10, connectTimeoutMs: 5_000, queryTimeoutMs: 10_000, idleTimeoutMs: 10_000, idleInTransactionTimeoutMs: 30_000 };

/** How much longer than the server's statement_timeout the bot waits for any answer at all. */
const NETWORK_GRACE_MS = 1_000;

/**
 * A pool in which nothing waits forever: a partition, a server that stops answering or a full pool
 * turns into a store error within the configured bounds, and a broken connection is dropped.
 */
export function pgDb(url: string, settings: PoolSettings = DEFAULT_POOL, onIdleError: (e: Error) => void = () => undefined): SqlDb {
  const where = describeServer(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    // The server cancels a slow statement and the connection stays usable; the client's own
    // timeout, a little later, covers a server that cannot answer at all.
    statement_timeout: settings.queryTimeoutMs,
    query_timeout: settings.queryTimeoutMs + NETWORK_GRACE_MS,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Lets the kernel notice a peer that vanished while a connection sat idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that loses its server must not take the process down with it.
  pool.on('error', onIdleError);
  const run = async <T>(on: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) => {
    try {
      return (await on.query(sql, params)).rows as T[];
    } catch (e) {
      throw storeFailure('query', e, where);
    }
  };
  return {
    query: <T>(sql: string, params?: unknown[]) => run<T>(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect().catch((e: unknown) => {
        throw storeFailure('connect', e, where);
      });
      let broken: Error | undefined;
      try {
        await run(client, 'BEGIN');
        const result = await work({ query: <T>(sql: string, params?: unknown[]) => run<T>(client, sql, params) });
        await run(client, 'COMMIT');
        return result;
      } catch (e) {
        // A connection that timed out is dropped rather than asked to roll back (which would wait
        // as long again): the server rolls back when it goes.
        if (isStoreUnavailable(e)) broken = e as Error;
        else await client.query('ROLLBACK').catch((err: unknown) => (broken = err instanceof Error ? err : new Error(String(err))));
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
