import { failing, type ReadinessCheck } from '../http/readiness.js';
import type { SqlDb } from './sql.js';

/** `select 1 as ok` on the store (named, as the SQLite mapping requires): the pool's own bounds apply, and the readiness check bounds it again. */
export function storeCheck(db: SqlDb, server: boolean): ReadinessCheck {
  const variables = server ? ['DATABASE_URL'] : ['DATA_DIR'];
  return {
    name: 'database',
    variables,
    async run() {
      try {
        await db.query('select 1 as ok');
        return { status: 'ok' };
      } catch (e) {
        return failing(e instanceof Error ? e.message : String(e), variables);
      }
    },
  };
}
