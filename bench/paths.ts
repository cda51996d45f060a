import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestTiming } from '../fakes/timing.js';
import { describeSteps } from './chain.js';
import type { Fakes } from './stack.js';

/** One measured stretch of a flow: its wall time and its remote requests, step by step. */
export interface PathRun {
  wallMs: number;
  steps: RequestTiming[][];
}

export interface PathSummary {
  medianMs: number;
  wallMs: number[];
  /** Sequential round trips (steps) of every run; they should all agree. */
  roundTrips: number[];
  /** The chain of the first measured run, e.g. `a ∥ b → c`. */
  chain: string;
  /** Steps that were only the bot's reply reaching Slack (the cookbook, a script, has none). */
  replySteps: number;
}

/** How the bot's answer reaches Slack: the response_url of a command or click, or a message in a DM. */
const REPLIES = new Set(['response_url', 'chat.postMessage', 'chat.postEphemeral']);

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function summarize(runs: readonly PathRun[]): PathSummary {
  const first = runs[0]?.steps ?? [];
  return {
    medianMs: median(runs.map((r) => r.wallMs)),
    wallMs: runs.map((r) => Math.round(r.wallMs * 10) / 10),
    roundTrips: runs.map((r) => r.steps.length),
    chain: describeSteps(first),
    replySteps: first.filter((step) => step.every((t) => t.service === 'slack' && REPLIES.has(t.name))).length,
  };
}

/** When the first Slack request named `name` that began after `from` had been answered (a tick after it is recorded). */
export async function slackEnd(stack: Fakes, name: string, from: number): Promise<number> {
  for (let i = 0; i < 1000; i++) {
    const t = stack.slack.timings.find((x) => x.name === name && x.startedAt >= from);
    if (t) return t.endedAt;
    await sleep(1);
  }
  throw new Error(`the bot's ${name} was recorded but never answered`);
}
