import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '../fakes/world/database.js';
import { freePort } from '../fakes/world/free-port.js';
import type { Cleanup } from './cleanup.js';
import { startNodeChild, type NodeChild } from './node-child.js';
import type { Builds } from './build.js';
import type { Fakes } from './stack.js';

export type StoreKind = 'embedded' | 'postgres';

/** One process the burst is sent to: the bot on a store, or the bare Bolt app. */
export interface Target {
  /** e.g. `bot (embedded)`, `bare Bolt app`. */
  name: string;
  child: NodeChild;
  /** Whether it answers /schedule at its response_url (the bot, the floor app) or only acks (the bare app). */
  proposes: boolean;
}

/** A temporary directory for one child: its working directory, and its DATA_DIR when embedded. */
async function tempDir(cleanup: Cleanup, what: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-'));
  cleanup.add(`${what}'s directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The bot's store: a fresh DATA_DIR for the embedded SQLite (no DATABASE_URL), or a fresh database on the local PostgreSQL. */
async function storeEnv(store: StoreKind, dir: string, cleanup: Cleanup): Promise<Record<string, string>> {
  if (store === 'embedded') return { DATA_DIR: join(dir, 'data') };
  const db = await freshDatabase();
  cleanup.add(`database ${db.url.replace(/^.*\//, '')}`, () => db.drop());
  return { DATABASE_URL: db.url };
}

/**
 * `node dist/main.js` in a process of its own, as `npm start` runs it (with its node flags), on a
 * free port with `store`. `nodeFlags` e.g. `--cpu-prof`.
 */
export async function startBotProcess(o: { fakes: Fakes; store: StoreKind; builds: Builds; cleanup: Cleanup; nodeFlags?: string[]; label?: string }): Promise<Target> {
  const name = o.label ?? `bot (${o.store})`;
  const dir = await tempDir(o.cleanup, name);
  const port = await freePort();
  const env = { ...o.fakes.env, ...(await storeEnv(o.store, dir, o.cleanup)), PUBLIC_URL: `http://127.0.0.1:${port}` };
  const child = await startNodeChild({ name, file: o.builds.bot, env, port, cwd: dir, cleanup: o.cleanup, nodeFlags: [...o.builds.botFlags, ...(o.nodeFlags ?? [])] });
  return { name, child, proposes: true };
}

/** bench/bare-bolt-app.ts, compiled, in a process of its own: the same Bolt and receiver, a /schedule that only acks. */
export async function startBareApp(o: { fakes: Fakes; builds: Builds; cleanup: Cleanup }): Promise<Target> {
  const name = 'bare Bolt app';
  const dir = await tempDir(o.cleanup, name);
  const port = await freePort();
  const child = await startNodeChild({ name, file: o.builds.bare, env: o.fakes.env, port, cwd: dir, cleanup: o.cleanup });
  return { name, child, proposes: false };
}

/**
 * bench/floor-app.ts, compiled, in a process of its own with the bot's node flags: the bare app's
 * Bolt, then only the remote calls a proposal needs (what CPU per /schedule cannot go below).
 */
export async function startFloorApp(o: { fakes: Fakes; builds: Builds; cleanup: Cleanup }): Promise<Target> {
  const name = 'floor app';
  const dir = await tempDir(o.cleanup, name);
  const port = await freePort();
  const child = await startNodeChild({ name, file: o.builds.floor, env: o.fakes.env, port, cwd: dir, cleanup: o.cleanup, nodeFlags: o.builds.botFlags });
  return { name, child, proposes: true };
}
