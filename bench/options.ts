import { parseArgs } from 'node:util';
import type { StoreKind } from './targets.js';

export interface BenchOptions {
  quick: boolean;
  latencyMs: number;
  /** Critical paths, inbox: measured runs after one warm-up. */
  runs: number;
  /** Users in one burst of /schedule. */
  users: number;
  /** Measured bursts per target and store (after a small warm-up burst). */
  bursts: number;
  stores: StoreKind[];
  /** The command line that reproduces this run. */
  command: string;
}

const FULL = { latency: 50, runs: 7, users: 200, bursts: 3, store: 'both' } as const;
/** For iterating: a smaller burst, fewer runs, the default store only. */
const QUICK = { latency: 50, runs: 3, users: 50, bursts: 2, store: 'embedded' } as const;

export const USAGE = 'npm run bench [-- --quick] [--latency <ms>] [--runs <n>] [--users <n>] [--bursts <n>] [--store embedded|postgres|both]';

export function benchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      latency: { type: 'string' },
      runs: { type: 'string' },
      users: { type: 'string' },
      bursts: { type: 'string' },
      store: { type: 'string' },
    },
  });
  const base = values.quick ? QUICK : FULL;
  const whole = (name: string, given: string | undefined, fallback: number, min: number): number => {
    const v = given === undefined ? fallback : Number(given);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got ${String(given)}\n${USAGE}`);
    return v;
  };
  const store = values.store ?? base.store;
  const stores: StoreKind[] | undefined = store === 'both' ? ['embedded', 'postgres'] : store === 'embedded' || store === 'postgres' ? [store] : undefined;
  if (!stores) throw new Error(`--store must be embedded, postgres or both\n${USAGE}`);
  const o = {
    quick: values.quick,
    latencyMs: whole('latency', values.latency, base.latency, 0),
    runs: whole('runs', values.runs, base.runs, 1),
    users: whole('users', values.users, base.users, 2),
    bursts: whole('bursts', values.bursts, base.bursts, 1),
    stores,
  };
  const command = `npm run bench --${o.quick ? ' --quick' : ''} --latency ${o.latencyMs} --runs ${o.runs} --users ${o.users} --bursts ${o.bursts} --store ${store}`;
  return { ...o, command };
}
