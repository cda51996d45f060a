import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { ackBurst } from './ack-burst.js';
import type { ConnectionCounter } from './connection-count.js';
import { cpuMsOf, rssOf } from './proc-stats.js';
import type { Fakes } from './stack.js';
import type { Target } from './targets.js';

/** Commands sent at once in a trickle: a busy workspace on an ordinary day, not a rush. */
export const TRICKLE_GROUP = 10;

/** Long enough for anything a target does once quiet (the bot's idle collection after 200 ms) to fall inside. */
const SETTLE_MS = 500;

export interface Trickle {
  groupSize: number;
  commands: number;
  /** Per target (by name): CPU per command from the first group until SETTLE_MS after the last. */
  cpuMsPerCommand: Record<string, number>;
  /** Per target: VmRSS SETTLE_MS after the last group. */
  rssMb: Record<string, number>;
}

/**
 * `users`, `TRICKLE_GROUP` at a time, each group awaited (every proposal posted)
 * before the next, the targets taking turns group by group. Between a target's groups the others
 * run, so each goes quiet between its own groups, as a bot does when commands come a few at a
 * time. CPU is read per process over the whole sequence, so what a target does while quiet counts.
 */
export async function trickle(fakes: Fakes, targets: Target[], users: FakeSlackUser[], connections: ConnectionCounter): Promise<Trickle> {
  const before = new Map(targets.map((t) => [t, cpuMsOf(t.child.pid)]));
  for (let i = 0; i < users.length; i += TRICKLE_GROUP) {
    for (const t of targets) await ackBurst(fakes, t, users.slice(i, i + TRICKLE_GROUP), connections);
  }
  await sleep(SETTLE_MS);
  return {
    groupSize: TRICKLE_GROUP,
    commands: users.length,
    cpuMsPerCommand: Object.fromEntries(targets.map((t) => [t.name, (cpuMsOf(t.child.pid) - (before.get(t) ?? 0)) / users.length])),
    rssMb: Object.fromEntries(targets.map((t) => [t.name, rssOf(t.child.pid).rssMb])),
  };
}
