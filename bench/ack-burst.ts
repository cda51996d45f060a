import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { slashCommandBody } from '../fakes/slack/payloads.js';
import { buttonsIn } from '../fakes/slack/signed-client.js';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { SIGNING_SECRET } from '../fakes/world/harness.js';
import { slackSignature } from '../fakes/slack/signing.js';
import type { AckClientJob, AckClientResult } from './ack-client.js';
import type { ConnectionCounter } from './connection-count.js';
import { cpuMsOf } from './proc-stats.js';
import { mention, TEAM, type Fakes } from './stack.js';
import type { Target } from './targets.js';
import { tsWorker } from './ts-worker.js';

/** One burst against one target. */
export interface Burst {
  /** As Slack would see it: a client on its own thread, from sending to having the whole response. */
  clientMs: number[];
  /** Requests not answered 200. */
  non200: number;
  /** From the burst being handed to the client until the last proposal reached its response_url (the bare app: the last ack). */
  doneMs: number;
  /** Proposals that offered at least one time (the rest said why not); 0 for the bare app. */
  withSlots: number;
  /** The target process's user + system CPU time over the burst (ack + proposal), all its threads. */
  cpuMs: number;
  /** TCP connections the fakes accepted during the burst, per service. */
  connects: Record<string, number>;
  /** The burst on the monotonic clock in µs (what a .cpuprofile's timestamps use). */
  windowUs: [number, number];
}

const APP = { teamId: TEAM, teamDomain: 'fake-team', appId: 'A0FAKEAPP', verificationToken: 'fake-verification-token' };
const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

const isResult = (v: unknown): v is AckClientResult =>
  Array.isArray(v) && v.every((r: unknown) => typeof r === 'object' && r !== null && 'status' in r && typeof r.status === 'number' && 'ms' in r && typeof r.ms === 'number');

/** Every user's signed /schedule, each mentioning the next user, with its own response_url. */
function burstRequests(fakes: Fakes, users: FakeSlackUser[]) {
  const timestampSec = Math.floor(Date.now() / 1000);
  return users.map((u, i) => {
    const other = users[(i + 1) % users.length] ?? u;
    const responseUrl = fakes.slack.newResponseUrl();
    const body = slashCommandBody(APP, {
      actor: { id: u.id, name: u.name, teamId: TEAM },
      channel: { id: 'C0GENERAL', name: 'general' },
      command: '/schedule',
      text: `${mention(other)} 30m Load ${i}`,
      responseUrl,
      triggerId: fakes.slack.newTriggerId(),
    });
    const headers = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': String(timestampSec),
      'X-Slack-Signature': slackSignature(SIGNING_SECRET, timestampSec, body),
    };
    return { responseUrl, request: { body, headers } };
  });
}

/**
 * Every user sends a signed /schedule at the same moment from a client thread of its own
 * (ack-client.ts); for the bot, every proposal is then awaited at its response_url. The target's
 * CPU time is read from /proc before the burst and after its last proposal.
 */
export async function ackBurst(fakes: Fakes, target: Target, users: FakeSlackUser[], connections: ConnectionCounter): Promise<Burst> {
  const burst = burstRequests(fakes, users);
  const job: AckClientJob = { url: `${target.child.url}/slack/events`, requests: burst.map((b) => b.request) };
  const client = tsWorker(new URL('./ack-client.ts', import.meta.url), job);
  await once(client, 'message');
  connections.take();
  const cpuBefore = cpuMsOf(target.child.pid);
  const startUs = nowUs();
  const started = performance.now();
  client.postMessage('go');
  const [answered]: unknown[] = await once(client, 'message');
  await client.terminate();
  if (!isResult(answered)) throw new Error('the ack client answered something else');
  const posts = target.proposes ? await Promise.all(burst.map((b) => fakes.slack.waitForResponse(b.responseUrl, 90_000))) : [];
  const doneMs = performance.now() - started;
  const cpuMs = cpuMsOf(target.child.pid) - cpuBefore;
  return {
    clientMs: answered.map((r) => r.ms),
    non200: answered.filter((r) => r.status !== 200).length,
    doneMs,
    withSlots: posts.filter((p) => buttonsIn(p.body.blocks).some((b) => b.text === 'Book')).length,
    cpuMs,
    connects: connections.take(),
    windowUs: [startUs, nowUs()],
  };
}
