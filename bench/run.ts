import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ackLoad } from './ack-latency.js';
import { measureCriticalPaths, usersFor } from './critical-path.js';
import { measureInboxFetch } from './inbox-fetch.js';
import { measureInbox, UNREAD } from './inbox-summary.js';
import { METADATA_CONCURRENCY } from '../src/flows/inbox/page.js';
import { slotSearch } from './slot-search.js';
import { startStack } from './stack.js';
import { renderTable, type BenchResult } from './table.js';

/**
 * `npm run bench [-- --latency <ms>] [--runs <n>] [--users <n>] [--bursts <n>]`: the real bot
 * against the fakes, every fake remote call delayed by the latency. Prints one table and writes
 * it as JSON to bench/results/. Timings never fail anything: this reports, it does not judge.
 */
const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '7' },
    users: { type: 'string', default: '200' },
    bursts: { type: 'string', default: '3' },
  },
});
const latencyMs = Number(values.latency);
const runs = Number(values.runs);
const loadUsers = Number(values.users);
const bursts = Number(values.bursts);
for (const [name, v] of [['--latency', latencyMs], ['--runs', runs], ['--users', loadUsers], ['--bursts', bursts]] as const) {
  if (!Number.isInteger(v) || v < (name === '--latency' ? 0 : 1)) throw new Error(`${name} must be a whole number, got ${String(v)}`);
}

const MB = 1_048_576;
const step = (what: string): void => void process.stderr.write(`bench: ${what}\n`);

step(`starting the bot and the fakes (latency ${latencyMs} ms)`);
// The load's users, then the critical paths' users, then the inbox's owner.
const stack = await startStack({ users: loadUsers + usersFor(runs) + 1, latencyMs });
let result: BenchResult;
try {
  const atStart = await stack.bot.memory();
  step(`critical paths: bot and cookbook, ${runs} runs each`);
  const criticalPaths = await measureCriticalPaths(stack, stack.users.slice(loadUsers, loadUsers + usersFor(runs)), runs);
  step(`inbox summary: ${runs} runs each of two page sizes`);
  const inboxOwner = stack.users.at(-1);
  if (!inboxOwner) throw new Error('no user left for the inbox');
  const inbox = await measureInbox(stack, inboxOwner, stack.users.slice(0, 4), runs);
  step(`inbox fetch: all ${UNREAD} unread one by one and ${METADATA_CONCURRENCY} at a time, ${runs} runs each`);
  const inboxFetch = await measureInboxFetch(stack, inboxOwner, UNREAD, runs);
  step(`ack latency: ${bursts} bursts of ${loadUsers} concurrent /schedule`);
  const ack = await ackLoad(stack, stack.users.slice(0, loadUsers), bursts);
  const afterLoad = await stack.bot.memory();
  step('slot search');
  const slots = slotSearch();
  result = {
    date: new Date().toISOString(),
    command: `npm run bench -- --latency ${latencyMs} --runs ${runs} --users ${loadUsers} --bursts ${bursts}`,
    machine: { cores: os.availableParallelism(), node: process.version, platform: process.platform, arch: process.arch },
    store: stack.store,
    latencyMs,
    ack,
    criticalPaths,
    inbox,
    inboxFetch,
    slotSearch: slots,
    memory: {
      rssAfterStartMb: atStart.rss / MB,
      rssAfterLoadMb: afterLoad.rss / MB,
      botHeapAfterStartMb: atStart.botHeapUsed / MB,
      botHeapAfterLoadMb: afterLoad.botHeapUsed / MB,
    },
    botProblems: [...stack.problems],
  };
} finally {
  await stack.stop();
}

const table = renderTable(result);
const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
await mkdir(dir, { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
await writeFile(join(dir, `${result.date.replace(/[:.]/g, '-')}.json`), json);
await writeFile(join(dir, 'latest.json'), json);
process.stdout.write(`${result.command}\n\n${table}\n`);
if (result.botProblems.length > 0) {
  process.stderr.write(`bench: the bot logged ${result.botProblems.length} warnings or errors, e.g.\n${result.botProblems.slice(0, 3).join('\n')}\n`);
}
