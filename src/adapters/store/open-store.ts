import type { PoolSettings } from '../../config.js';
import type { Logger } from '../../flows/ports/index.js';
import { migrate } from './migrations.js';
import type { SqlDb } from './sql.js';
import { sqlStore, type SqlStore } from './sql-store.js';

/**
 * PostgreSQL when a URL is given (several instances share it), else SQLite embedded under `dataDir` (one instance).
 * Only the driver in use is loaded: the other would cost the process 7–10 MB of memory for nothing.
 */
export async function openStore(opts: { databaseUrl?: string | undefined; dataDir: string; now?: () => number; pool?: PoolSettings; log?: Logger }): Promise<SqlStore> {
  const onIdleError = (e: Error) => opts.log?.warn('an idle database connection failed', { service: 'store', error: e.message });
  let db: SqlDb;
  if (opts.databaseUrl) {
    const { DEFAULT_POOL, pgDb } = await import('./sql.js');
    db = pgDb(opts.databaseUrl, opts.pool ?? DEFAULT_POOL, onIdleError);
  } else {
    db = (await import('./sqlite.js')).sqliteDb(opts.dataDir);
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return sqlStore(db, opts.now);
}
