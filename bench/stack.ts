import { FakeGoogle } from '../fakes/google/index.js';
import { FakeScalekit } from '../fakes/scalekit/server.js';
import { SlackClientSim } from '../fakes/slack/signed-client.js';
import { FakeSlack, type FakeSlackUser } from '../fakes/slack/web-api.js';
import type { RequestTiming } from '../fakes/timing.js';
import { TokenRegistry } from '../fakes/token-registry.js';
import { BOT_TOKEN, SIGNING_SECRET, botEnv } from '../fakes/world/harness.js';
import type { Cleanup } from './cleanup.js';

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

/** The three fakes in the bench's process, shared by every bot and bare app the bench starts. */
export interface Fakes {
  slack: FakeSlack;
  scalekit: FakeScalekit;
  google: FakeGoogle;
  users: FakeSlackUser[];
  /** What a bot (or the bare app) needs to talk to the fakes: tokens, secrets and URLs. */
  env: Record<string, string>;
  /** Every request any fake answered, in no particular order. */
  timings(): RequestTiming[];
  /** Each fake's base URL, by the name the tables use. */
  urls: Record<'slack' | 'scalekit' | 'google', string>;
}

/** The fakes and a simulated Slack client for one running bot. */
export interface Stack extends Fakes {
  sim: SlackClientSim;
}

export const simFor = (fakes: Fakes, botUrl: string): SlackClientSim => new SlackClientSim({ botUrl, signingSecret: SIGNING_SECRET, slack: fakes.slack, teamId: TEAM, timeoutMs: 30_000 });

/**
 * The three fakes on loopback with `users` people who have all connected Calendar and Gmail
 * before, every fake remote call delayed by `latencyMs`. Stopped by `cleanup`.
 */
export async function startFakes(opts: { users: number; latencyMs: number; cleanup: Cleanup }): Promise<Fakes> {
  const registry = new TokenRegistry();
  const users = Array.from({ length: opts.users }, (_, i) => benchUser(i));
  for (const u of users) if (u.email) registry.linkIdentity(identifierOf(u), u.email);
  const [scalekit, google, slack] = await Promise.all([FakeScalekit.start({ registry }), FakeGoogle.start({ registry }), FakeSlack.start({ botToken: BOT_TOKEN, teamId: TEAM, users })]);
  opts.cleanup.add('the fakes', async () => void (await Promise.all([scalekit.stop(), google.stop(), slack.stop()])));
  for (const u of users) {
    if (u.email) google.addCalendar(u.email);
    scalekit.activate('googlecalendar', identifierOf(u));
    scalekit.activate('gmail', identifierOf(u));
  }
  scalekit.setLatency(opts.latencyMs);
  google.setLatency(opts.latencyMs);
  slack.setLatency(opts.latencyMs);
  return {
    slack,
    scalekit,
    google,
    users,
    // What an operator would run with; debug lines would make the bot slower than it is.
    env: { ...botEnv({ slack, scalekit, google }), LOG_LEVEL: 'warn' },
    timings: () => [...slack.timings, ...scalekit.timings, ...google.timings],
    urls: { slack: slack.url, scalekit: scalekit.url, google: google.url },
  };
}
