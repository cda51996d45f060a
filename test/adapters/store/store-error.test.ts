import { describe, expect, it } from 'vitest';
import { describeServer, isStoreUnavailable, storeFailure } from '../../../src/adapters/store/store-error.js';

const where = describeServer('postgres://bot:hunter2-password@db.internal:6543/sched');
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('store failures', () => {
  it('names the server and the variable, never the password', () => {
    expect(where).toBe('PostgreSQL at db.internal:6543 (DATABASE_URL)');
    expect(storeFailure('query', new Error('Query read timeout'), where).message).not.toContain('hunter2');
  });

  it('tells an unreachable or timed-out database apart from a wrong statement', () => {
    for (const e of [
      new Error('Query read timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated due to connection timeout'),
      new Error('Connection terminated unexpectedly'),
      coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      coded('canceling statement due to statement timeout', '57014'),
      coded('terminating connection due to administrator command', '57P01'),
      coded('sorry, too many clients already', '53300'),
      coded('connection failure', '08006'),
    ]) {
      expect(isStoreUnavailable(storeFailure('query', e, where)), e.message).toBe(true);
    }
    const wrong = storeFailure('query', coded('syntax error at or near "selec"', '42601'), where);
    expect(isStoreUnavailable(wrong)).toBe(false);
    expect(wrong).toMatchObject({ service: 'store', operation: 'query', problem: 'unknown' });
  });
});
