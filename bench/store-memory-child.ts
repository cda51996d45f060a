import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { migrate } from '../src/adapters/store/migrations.js';
import type { SqlDb } from '../src/adapters/store/sql.js';
import { sqlStore } from '../src/adapters/store/sql-store.js';
import type { ScheduleRecord } from '../src/flows/schedule/record.js';

/**
 * One candidate store in a process of its own, for bench/store-memory.ts, compiled (no loader, nothing else in the
 * process): `node dist/store-memory/bench/store-memory-child.js <none|sqlite|pglite> <dataDir> <ops> [pglite entry]`.
 * Opens the store, runs the migrations, then `ops` store operations one after another (a put, an update of that
 * record, a firstTime, in turn), and prints one JSON line: timings and its own memory from /proc/self/status.
 */

export interface ChildResult {
  /** Opening the database and running the migrations. */
  openMs: number;
  opMs: number;
  /** VmRSS once open, before the operations. */
  rssOpenMb: number;
  /** VmRSS after the operations. */
  rssMb: number;
  /** VmHWM: the most the process was ever resident. */
  peakMb: number;
}

interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(work: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The adapter the bot had before SQLite (src/adapters/store/sql.ts, pgliteDb), with PGlite loaded from `entry`. */
async function pgliteDb(dataDir: string, entry: string): Promise<SqlDb> {
  const { PGlite } = (await import(pathToFileURL(entry).href)) as { PGlite: { create(dir: string): Promise<PGliteLike> } };
  const db = await PGlite.create(dataDir);
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
    transaction: (work) => db.transaction((tx) => work({ query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows })),
    close: () => db.close(),
  };
}

async function open(kind: string, dataDir: string, entry: string | undefined): Promise<SqlDb | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'sqlite') return (await import('../src/adapters/store/sqlite.js')).sqliteDb(dataDir);
  if (kind === 'pglite' && entry) return pgliteDb(dataDir, entry);
  throw new Error(`unknown store ${kind} (or no PGlite entry)`);
}

function memory(): { rssMb: number; peakMb: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const mb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
}

function record(id: string): ScheduleRecord {
  return {
    id,
    owner: { teamId: 'T1', userId: 'U1' },
    channelId: 'C1',
    responseUrl: 'https://hooks.slack.test/r/1',
    createdAt: Date.now(),
    request: { mentions: ['U2'], emails: [], minutes: 30, title: 'Sync', when: { kind: 'default' } },
    attendees: [{ email: 'a@x.test', name: 'A', slackId: 'U2', zone: 'Europe/London' }],
    whenText: 'the next 5 working days',
    candidates: [
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ],
    shown: [10],
    unseen: [],
    generation: 0,
    booking: { state: 'open' },
    journal: [],
  };
}

async function main(): Promise<void> {
  const [kind = '', dataDir = '', opsArg = '2000', entry] = process.argv.slice(2);
  const ops = Number(opsArg);
  const started = performance.now();
  const db = await open(kind, dataDir, entry);
  if (db) await migrate(db);
  const openMs = performance.now() - started;
  const rssOpenMb = memory().rssMb;
  const store = db ? sqlStore(db) : undefined;
  // Ids of their own, so that a second run on the same directory adds rows as a bot's next day would.
  const tag = Date.now().toString(36);
  const t = performance.now();
  if (store) {
    for (let i = 0; i < ops; i++) {
      const id = `${tag}-${Math.floor(i / 3)}`;
      if (i % 3 === 0) await store.put(record(id));
      else if (i % 3 === 1) await store.update(id, (r) => ({ next: { ...r, generation: r.generation + 1 }, result: undefined }));
      else await store.firstTime(`${tag}-k${i}`, Date.now() + 60_000);
    }
  }
  const opMs = store ? (performance.now() - t) / ops : 0;
  const result: ChildResult = { openMs, opMs, rssOpenMb, ...memory() };
  await db?.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
