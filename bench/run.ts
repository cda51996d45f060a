import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METADATA_CONCURRENCY } from '../src/flows/inbox/page.js';
import { build } from './build.js';
import { cleanupStack } from './cleanup.js';
import { countConnections } from './connection-count.js';
import { usersFor } from './critical-path.js';
import { measureInboxFetch } from './inbox-fetch.js';
import { UNREAD } from './inbox-summary.js';
import { benchOptions } from './options.js';
import { profileBot } from './profile-run.js';
import { slotSearch } from './slot-search.js';
import { startFakes } from './stack.js';
import { runOnStore, type StoreRun } from './store-run.js';
import { renderTable, type BenchResult } from './table.js';
import { startBareApp } from './targets.js';

/**
 * `npm run bench [-- --quick] [--latency <ms>] [--runs <n>] [--users <n>] [--bursts <n>] [--store …]`:
 * the real bot (`node dist/main.js`, a process of its own) against the fakes, every fake remote
 * call delayed by the latency, beside a bare Bolt app; prints one table and writes it as JSON to
 * bench/results/. Timings never fail anything: this reports, it does not judge.
 */
const opts = benchOptions(process.argv.slice(2));
const t0 = Date.now();
const step = (what: string): void => void process.stderr.write(`bench [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s]: ${what}\n`);
const cleanup = cleanupStack(step);

async function bench(): Promise<BenchResult> {
  step('building dist/ (npm run build), the bare Bolt app and the floor app');
  const builds = await build();
  step(`starting the fakes (latency ${opts.latencyMs} ms) and the bare Bolt app`);
  // The bursts' users, the trickle's, the critical paths' users, then the inbox's owner.
  const fakes = await startFakes({ users: 2 * opts.users + usersFor(opts.runs) + 1, latencyMs: opts.latencyMs, cleanup });
  const loadUsers = fakes.users.slice(0, opts.users);
  const trickleUsers = fakes.users.slice(opts.users, 2 * opts.users);
  const pathUsers = fakes.users.slice(2 * opts.users, 2 * opts.users + usersFor(opts.runs));
  const inboxOwner = fakes.users.at(-1);
  if (!inboxOwner) throw new Error('no user left for the inbox');
  const connections = countConnections(fakes.urls);
  cleanup.add('the connection counter', () => connections.stop());
  const bare = await startBareApp({ fakes, builds, cleanup });

  const stores: StoreRun[] = [];
  for (const [i, store] of opts.stores.entries()) {
    const paths = i === 0 ? { users: pathUsers, inboxOwner, runs: opts.runs } : undefined;
    stores.push(await runOnStore({ fakes, store, bare, builds, cleanup, connections, loadUsers, trickleUsers, bursts: opts.bursts, step, ...(paths ? { paths } : {}) }));
  }
  const first = stores[0];
  if (!first?.paths) throw new Error('the first store measured no critical paths');
  step(`inbox fetch: all ${UNREAD} unread one by one and ${METADATA_CONCURRENCY} at a time, ${opts.runs} runs each`);
  const inboxFetch = await measureInboxFetch(fakes, inboxOwner, UNREAD, opts.runs);
  step('slot search');
  const slots = slotSearch();
  step(`CPU profile: a bot of its own under --cpu-prof (${first.store} store), one burst of ${opts.users}`);
  const profile = await profileBot({ fakes, store: first.store, builds, cleanup, users: loadUsers, connections });
  const bareExit = await bare.child.stop();
  if (bareExit !== 0) step(`the bare Bolt app exited ${String(bareExit)} on SIGTERM`);

  const require = createRequire(import.meta.url);
  const bolt = JSON.parse(await readFile(require.resolve('@slack/bolt/package.json'), 'utf8')) as { version: string };
  return {
    date: new Date().toISOString(),
    command: opts.command,
    machine: { cores: os.availableParallelism(), node: process.version, platform: process.platform, arch: process.arch, bolt: bolt.version },
    botCommand: ['node', ...builds.botFlags, 'dist/main.js'].join(' '),
    latencyMs: opts.latencyMs,
    stores,
    pathsStore: first.store === 'embedded' ? 'embedded store' : 'PostgreSQL',
    criticalPaths: first.paths.criticalPaths,
    inbox: first.paths.inbox,
    inboxFetch,
    slotSearch: slots,
    profile,
    problems: [...stores.flatMap((s) => s.problems), ...bare.child.lines.map((l) => `bare app: ${l}`)],
  };
}

let result: BenchResult;
try {
  result = await bench();
} finally {
  await cleanup.run();
}

const table = renderTable(result);
const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
await mkdir(dir, { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
await writeFile(join(dir, `${result.date.replace(/[:.]/g, '-')}.json`), json);
await writeFile(join(dir, 'latest.json'), json);
process.stdout.write(`${result.command}\n\n${table}\n`);
if (result.problems.length > 0) {
  process.stderr.write(`bench: ${result.problems.length} warnings or errors were logged, e.g.\n${result.problems.slice(0, 3).join('\n')}\n`);
}
