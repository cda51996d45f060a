import type { PoolSettings } from '../../config.js';
import type { Logger } from '../../flows/ports/index.js';
import { migrate } from './migrations.js';
import { DEFAULT_POOL, pgDb, type SqlDb } from './sql.js';
import { sqlStore, type SqlStore } from './sql-store.js';
import { sqliteDb } from './sqlite.js';

/** PostgreSQL when a URL is given (several instances share it), else SQLite embedded under `dataDir` (one instance). */
export async function openStore(opts: { databaseUrl?: string | undefined; dataDir: string; now?: () => number; pool?: PoolSettings; log?: Logger }): Promise<SqlStore> {
  const onIdleError = (e: Error) => opts.log?.warn('an idle database connection failed', { service: 'store', error: e.message });
  const db: SqlDb = opts.databaseUrl ? pgDb(opts.databaseUrl, opts.pool ?? DEFAULT_POOL, onIdleError) : sqliteDb(opts.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return sqlStore(db, opts.now);
}
