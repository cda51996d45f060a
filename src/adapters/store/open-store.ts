import { migrate } from './migrations.js';
import { pgDb, type SqlDb } from './sql.js';
import { sqlStore, type SqlStore } from './sql-store.js';
import { sqliteDb } from './sqlite.js';

/** PostgreSQL when a URL is given (several instances share it), else SQLite embedded under `dataDir` (one instance). */
export async function openStore(opts: { databaseUrl?: string | undefined; dataDir: string; now?: () => number }): Promise<SqlStore> {
  const db: SqlDb = opts.databaseUrl ? pgDb(opts.databaseUrl) : sqliteDb(opts.dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return sqlStore(db, opts.now);
}
