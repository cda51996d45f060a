import pg from 'pg';

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

export function pgDb(url: string, max = 10): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its server must not take the process down with it.
  pool.on('error', () => undefined);
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
