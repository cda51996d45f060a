import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { slashCommandBody } from '../fakes/slack/payloads.js';
import { buttonsIn } from '../fakes/slack/signed-client.js';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import type { AckClientJob, AckClientResult } from './ack-client.js';
import { mention, TEAM, type Stack } from './stack.js';
import { tsWorker } from './ts-worker.js';

export interface Spread {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface AckBurst {
  requests: number;
  /** Requests not answered 200. */
  non200: number;
  /** As Slack would see it: a client on its own thread, from sending to having the whole response. */
  clientMs: number[];
  /** Inside the bot's thread: from accepting the connection to writing the ack. */
  botMs: number[];
  /** From the burst being handed to the client until the last proposal reached its response_url. */
  allProposalsMs: number;
  /** Proposals that offered at least one time (the rest said why not). */
  withSlots: number;
  /** The bot thread's busy time over the whole load, per request: ack and proposal together. */
  botBusyMsPerRequest: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function spread(xs: number[]): Spread {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? Number.NaN };
}

const isResult = (v: unknown): v is AckClientResult =>
  Array.isArray(v) &&
  v.every((r: unknown) => typeof r === 'object' && r !== null && 'status' in r && typeof r.status === 'number' && 'ms' in r && typeof r.ms === 'number');

const APP = { teamId: TEAM, teamDomain: 'fake-team', appId: 'A0FAKEAPP', verificationToken: 'fake-verification-token' };

/**
 * Every user sends a signed /schedule at the same moment, each mentioning the next user, from a
 * client thread of its own (ack-client.ts); then every proposal is awaited at its response_url.
 */
async function ackBurst(stack: Stack, users: FakeSlackUser[]): Promise<AckBurst> {
  const burst = users.map((u, i) => {
    const other = users[(i + 1) % users.length] ?? u;
    const responseUrl = stack.slack.newResponseUrl();
    const body = slashCommandBody(APP, {
      actor: { id: u.id, name: u.name, teamId: TEAM },
      channel: { id: 'C0GENERAL', name: 'general' },
      command: '/schedule',
      text: `${mention(other)} 30m Load ${i}`,
      responseUrl,
      triggerId: stack.slack.newTriggerId(),
    });
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...stack.sim.signHeaders(body) };
    return { responseUrl, request: { body, headers } };
  });
  const job: AckClientJob = { url: stack.sim.eventsUrl, requests: burst.map((b) => b.request) };

  const client = tsWorker(new URL('./ack-client.ts', import.meta.url), job);
  await once(client, 'message');
  await stack.bot.takeAcks();
  const before = await stack.bot.memory();
  const started = performance.now();
  client.postMessage('go');
  const [answered]: unknown[] = await once(client, 'message');
  await client.terminate();
  if (!isResult(answered)) throw new Error('the ack client answered something else');
  const posts = await Promise.all(burst.map((b) => stack.slack.waitForResponse(b.responseUrl, 90_000)));
  const allProposalsMs = performance.now() - started;
  const after = await stack.bot.memory();
  return {
    requests: users.length,
    non200: answered.filter((r) => r.status !== 200).length,
    clientMs: answered.map((r) => r.ms),
    botMs: await stack.bot.takeAcks(),
    allProposalsMs,
    withSlots: posts.filter((p) => buttonsIn(p.body.blocks).some((b) => b.text === 'Book')).length,
    botBusyMsPerRequest: (after.botBusyMs - before.botBusyMs) / users.length,
  };
}

export interface AckLoad {
  bursts: number;
  requestsPerBurst: number;
  /** Requests not answered 200, in all bursts. */
  non200: number;
  /** Over every request of every burst. */
  client: Spread;
  bot: Spread;
  /** Each burst's worst ack as the client saw it, to show how much the bursts differ. */
  clientMaxPerBurstMs: number[];
  /** Median over the bursts. */
  allProposalsMs: number;
  withSlots: number;
  botBusyMsPerRequest: number;
}

/** `bursts` bursts one after another (the same users again), pooled: one burst on a shared 2-core machine varies a lot. */
export async function ackLoad(stack: Stack, users: FakeSlackUser[], bursts: number): Promise<AckLoad> {
  const runs: AckBurst[] = [];
  for (let i = 0; i < bursts; i++) runs.push(await ackBurst(stack, users));
  const proposals = runs.map((r) => r.allProposalsMs).sort((a, b) => a - b);
  return {
    bursts,
    requestsPerBurst: users.length,
    non200: runs.reduce((n, r) => n + r.non200, 0),
    client: spread(runs.flatMap((r) => r.clientMs)),
    bot: spread(runs.flatMap((r) => r.botMs)),
    clientMaxPerBurstMs: runs.map((r) => Math.max(...r.clientMs)),
    allProposalsMs: proposals[Math.floor(proposals.length / 2)] ?? Number.NaN,
    withSlots: Math.min(...runs.map((r) => r.withSlots)),
    botBusyMsPerRequest: runs.reduce((n, r) => n + r.botBusyMsPerRequest, 0) / runs.length,
  };
}
