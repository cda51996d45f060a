import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { ackBurst, type Burst } from './ack-burst.js';
import type { ConnectionCounter } from './connection-count.js';
import { median } from './paths.js';
import { cpuMsOf, rssOf, type Rss } from './proc-stats.js';
import type { Fakes } from './stack.js';
import type { Target } from './targets.js';

export interface Spread {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One target's bursts, pooled. */
export interface TargetLoad {
  name: string;
  bursts: number;
  requestsPerBurst: number;
  non200: number;
  /** Over every request of every burst, as the client saw them. */
  ack: Spread;
  /** Acks that took longer than Slack waits (3 s): Slack would have shown the user an error. */
  acksOver3s: number;
  clientMaxPerBurstMs: number[];
  /** Median over the bursts: until the last proposal was posted (the bare app: the last ack). */
  doneMs: number;
  /** The fewest proposals with times in any burst. */
  withSlots: number;
  /** The process's CPU time over all bursts and the settles after them / the commands sent. */
  cpuMsPerCommand: number;
  /** The same, burst by burst: the first meets caches the warm-up left cold (tokens, profiles), the later ones warm. */
  cpuMsPerCommandEach: number[];
  /** Per service, the connections accepted in each burst. */
  connectsPerBurst: Record<string, number[]>;
  /** After the last burst. */
  memory: Rss;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { p50Ms: percentile(s, 50), p95Ms: percentile(s, 95), p99Ms: percentile(s, 99), maxMs: s.at(-1) ?? Number.NaN };
}

function pool(target: Target, runs: Burst[], users: number): TargetLoad {
  const all = runs.flatMap((r) => r.clientMs);
  const services = Object.keys(runs[0]?.connects ?? {});
  return {
    name: target.name,
    bursts: runs.length,
    requestsPerBurst: users,
    non200: runs.reduce((n, r) => n + r.non200, 0),
    ack: spread(all),
    acksOver3s: all.filter((ms) => !(ms <= 3000)).length,
    clientMaxPerBurstMs: runs.map((r) => Math.max(...r.clientMs)),
    doneMs: median(runs.map((r) => r.doneMs)),
    withSlots: Math.min(...runs.map((r) => r.withSlots)),
    cpuMsPerCommand: runs.reduce((n, r) => n + r.cpuMs, 0) / (runs.length * users),
    cpuMsPerCommandEach: runs.map((r) => r.cpuMs / users),
    connectsPerBurst: Object.fromEntries(services.map((s) => [s, runs.map((r) => r.connects[s] ?? 0)])),
    memory: rssOf(target.child.pid),
  };
}

/**
 * Lets the last burst's stragglers (GC, closing sockets) settle before the next one starts. The
 * bot collects its heap 200 ms after going quiet (src/idle-gc.ts): that falls inside, and counts.
 */
const SETTLE_MS = 500;

/** One burst, then the settle after it; the CPU spent settling counts to the burst that left it. */
async function burstAndSettle(fakes: Fakes, target: Target, users: FakeSlackUser[], connections: ConnectionCounter): Promise<Burst> {
  const burst = await ackBurst(fakes, target, users, connections);
  const answeredAt = cpuMsOf(target.child.pid);
  await sleep(SETTLE_MS);
  return { ...burst, cpuMs: burst.cpuMs + cpuMsOf(target.child.pid) - answeredAt };
}

/**
 * The same burst against each target in turn, `bursts` rounds, the order alternating every
 * round so that neither always goes first; one smaller unmeasured round first warms both up
 * (JIT, Bolt's auth.test, Scalekit's M2M token, the store's first queries). Side by side in one
 * run, so that a busy shared machine slows both alike and the ratio still means something.
 */
export async function compareTargets(
  fakes: Fakes,
  targets: Target[],
  users: FakeSlackUser[],
  bursts: number,
  connections: ConnectionCounter,
): Promise<{ loads: TargetLoad[]; windows: Map<Target, Array<[number, number]>> }> {
  const warmup = users.slice(0, Math.min(20, users.length));
  for (const t of targets) {
    await ackBurst(fakes, t, warmup, connections);
    await sleep(SETTLE_MS);
  }
  const runs = new Map<Target, Burst[]>(targets.map((t) => [t, []]));
  for (let i = 0; i < bursts; i++) {
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      runs.get(t)?.push(await burstAndSettle(fakes, t, users, connections));
    }
  }
  return {
    loads: targets.map((t) => pool(t, runs.get(t) ?? [], users.length)),
    windows: new Map(targets.map((t) => [t, (runs.get(t) ?? []).map((r) => r.windowUs)])),
  };
}
