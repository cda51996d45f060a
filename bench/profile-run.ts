import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { compareTargets } from './ack-compare.js';
import type { Builds } from './build.js';
import type { Cleanup } from './cleanup.js';
import type { ConnectionCounter } from './connection-count.js';
import { readProfile, summarizeProfile, type ProfileSummary } from './cpu-profile.js';
import type { Fakes } from './stack.js';
import { startBotProcess, type StoreKind } from './targets.js';

export interface ProfileRun {
  store: StoreKind;
  commands: number;
  /** The bot's exit code after SIGTERM (0: it drained and closed its store). */
  exitCode: number | null;
  /** CPU per /schedule of this run from /proc: the profiler's own cost included. */
  cpuMsPerCommand: number;
  summary: ProfileSummary;
}

/**
 * A bot of its own under `node --cpu-prof`, so the profiler's overhead stays out of the other
 * measurements: a warm-up burst, then one burst of `users`, then SIGTERM, on which the bot exits
 * and Node writes the profile. Only the samples taken during the measured burst are summarized.
 */
export async function profileBot(o: { fakes: Fakes; store: StoreKind; builds: Builds; cleanup: Cleanup; users: FakeSlackUser[]; connections: ConnectionCounter }): Promise<ProfileRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-cpuprof-'));
  o.cleanup.add(`profile directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const bot = await startBotProcess({ ...o, label: `bot (${o.store}, --cpu-prof)`, nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const { loads, windows } = await compareTargets(o.fakes, [bot], o.users, 1, o.connections);
  const exitCode = await bot.child.stop();
  const profile = await readProfile(dir);
  // For reading a profile in full (e.g. in Chrome's DevTools): BENCH_KEEP_PROFILE=<file>.
  const keep = process.env.BENCH_KEEP_PROFILE;
  if (keep) await writeFile(keep, JSON.stringify({ profile, windows: windows.get(bot) ?? [] }));
  const summary = summarizeProfile(profile, windows.get(bot) ?? []);
  return { store: o.store, commands: o.users.length, exitCode, cpuMsPerCommand: loads[0]?.cpuMsPerCommand ?? Number.NaN, summary };
}
