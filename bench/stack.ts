import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGoogle } from '../fakes/google/index.js';
import { FakeScalekit } from '../fakes/scalekit/server.js';
import { SlackClientSim } from '../fakes/slack/signed-client.js';
import { FakeSlack, type FakeSlackUser } from '../fakes/slack/web-api.js';
import type { RequestTiming } from '../fakes/timing.js';
import { TokenRegistry } from '../fakes/token-registry.js';
import { freshDatabase } from '../fakes/world/database.js';
import { BOT_TOKEN, SIGNING_SECRET, botEnv } from '../fakes/world/harness.js';
import { startBotThread, type BotThread } from './bot-thread.js';

export const TEAM = 'T0BENCH';

/**
 * Neighbours in this list share working hours all year (New York–London, London–Berlin,
 * Berlin–UTC, UTC–New York), and user i mentions user i+1, so every request has slots to offer.
 */
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'UTC'] as const;

export function benchUser(i: number): FakeSlackUser {
  return { id: `U0B${String(i).padStart(5, '0')}`, name: `user${i}`, realName: `Bench User ${i}`, email: `user${i}@bench.test`, tz: ZONES[i % ZONES.length] ?? 'UTC' };
}

export const identifierOf = (u: FakeSlackUser): string => `slack:${TEAM}:${u.id}`;
export const mention = (u: FakeSlackUser): string => `<@${u.id}|${u.name}>`;

export interface Stack {
  bot: BotThread;
  slack: FakeSlack;
  scalekit: FakeScalekit;
  google: FakeGoogle;
  sim: SlackClientSim;
  users: FakeSlackUser[];
  /** Every request any fake answered, in no particular order. */
  timings(): RequestTiming[];
  /** Warnings and errors the bot logged: a benchmark of a bot that is failing would measure nothing. */
  problems: string[];
  /** Where the bot keeps its records: a fresh database on the local PostgreSQL, else the embedded one. */
  store: 'postgres' | 'embedded';
  stop(): Promise<void>;
}

/** A fresh database on the PostgreSQL the tests use when one answers; else an embedded store in a temporary directory. */
async function openBenchStore(): Promise<{ store: Stack['store']; env: Record<string, string>; drop(): Promise<void> }> {
  try {
    const db = await freshDatabase();
    return { store: 'postgres', env: { DATABASE_URL: db.url }, drop: () => db.drop() };
  } catch {
    const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
    return { store: 'embedded', env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
  }
}

/**
 * The real bot (on its own thread, see bot-worker.ts) and the three fakes on loopback, with
 * `users` people who have all connected Calendar and Gmail before, and every fake remote call
 * delayed by `latencyMs`.
 */
export async function startStack(opts: { users: number; latencyMs: number }): Promise<Stack> {
  const registry = new TokenRegistry();
  const users = Array.from({ length: opts.users }, (_, i) => benchUser(i));
  for (const u of users) if (u.email) registry.linkIdentity(identifierOf(u), u.email);
  const [scalekit, google, slack] = await Promise.all([
    FakeScalekit.start({ registry }),
    FakeGoogle.start({ registry }),
    FakeSlack.start({ botToken: BOT_TOKEN, teamId: TEAM, users }),
  ]);
  for (const u of users) {
    if (u.email) google.addCalendar(u.email);
    scalekit.activate('googlecalendar', identifierOf(u));
    scalekit.activate('gmail', identifierOf(u));
  }
  scalekit.setLatency(opts.latencyMs);
  google.setLatency(opts.latencyMs);
  slack.setLatency(opts.latencyMs);

  const problems: string[] = [];
  const database = await openBenchStore();
  const env: Record<string, string> = {
    ...botEnv({ slack, scalekit, google }),
    ...database.env,
    PORT: '0',
    // What an operator would run with; debug lines would make the bot slower than it is.
    LOG_LEVEL: 'warn',
  };
  const bot = await startBotThread(env, (line) => problems.push(line)).catch(async (e: unknown) => {
    await Promise.all([scalekit.stop(), google.stop(), slack.stop(), database.drop()]);
    throw e;
  });
  const sim = new SlackClientSim({ botUrl: `http://127.0.0.1:${bot.port}`, signingSecret: SIGNING_SECRET, slack, teamId: TEAM, timeoutMs: 30_000 });
  return {
    bot,
    slack,
    scalekit,
    google,
    sim,
    users,
    problems,
    store: database.store,
    timings: () => [...slack.timings, ...scalekit.timings, ...google.timings],
    async stop() {
      await bot.stop();
      await Promise.all([scalekit.stop(), google.stop(), slack.stop()]);
      await database.drop();
    },
  };
}
