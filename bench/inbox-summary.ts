import { performance } from 'node:perf_hooks';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { stepsOf } from './chain.js';
import { slackEnd, summarize, type PathRun, type PathSummary } from './paths.js';
import type { Stack } from './stack.js';

export const UNREAD = 50;
const HOUR = 3_600_000;

export interface InboxPaths {
  runs: number;
  unread: number;
  /** What the DM said, the page it asked for, and what was measured. */
  asks: Array<{ text: string; pageSize: number; path: PathSummary }>;
}

/**
 * Fifty unread messages in `user`'s inbox from twelve senders, four of them people in the
 * workspace (the summary looks every sender up in Slack to flag colleagues).
 */
function seedInbox(stack: Stack, user: FakeSlackUser, colleagues: readonly FakeSlackUser[]): void {
  const senders = [...colleagues.slice(0, 4).map((c) => `${c.realName ?? c.name} <${c.email ?? ''}>`), ...Array.from({ length: 8 }, (_, i) => `Sender ${i} <sender${i}@ext.test>`)];
  const now = Date.now();
  for (let i = 0; i < UNREAD; i++) {
    stack.google.addMessage(user.email ?? '', {
      from: senders[i % senders.length] ?? 'x@ext.test',
      subject: i % 7 === 0 ? `Need this ASAP #${i}` : `Update #${i}`,
      snippet: `Message ${i} of the inbox benchmark`,
      date: new Date(now - (i + 1) * HOUR),
    });
  }
}

/** One DM to the bot, until its summary has reached Slack. */
async function askOnce(stack: Stack, user: FakeSlackUser, text: string): Promise<PathRun> {
  const channel = stack.slack.dmChannelOf(user.id);
  const before = stack.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).length;
  const t0 = performance.now();
  const ack = await stack.sim.event({ type: 'message', user: user.id, text });
  if (ack.status !== 200) throw new Error(`the DM event answered ${ack.status}`);
  let seen = 0;
  const post = await stack.slack.waitFor((r) => r.kind === 'call' && r.method === 'chat.postMessage' && r.args.channel === channel && ++seen > before, 30_000, 'the inbox summary');
  if (post.kind !== 'call' || !String(post.args.text).includes('unread')) throw new Error(`the DM was not answered with a summary: ${JSON.stringify(post).slice(0, 400)}`);
  const end = await slackEnd(stack, 'chat.postMessage', t0);
  return { wallMs: end - t0, steps: stepsOf(stack.timings(), t0, end) };
}

/** `runs` summaries of the default page and of the largest page, after one warm-up of each. */
export async function measureInbox(stack: Stack, user: FakeSlackUser, colleagues: readonly FakeSlackUser[], runs: number): Promise<InboxPaths> {
  seedInbox(stack, user, colleagues);
  const asks = [
    { text: 'any unread email?', pageSize: 10 },
    { text: 'show me 20 unread emails', pageSize: 20 },
  ];
  const measured = [];
  for (const ask of asks) {
    const done: PathRun[] = [];
    for (let k = 0; k <= runs; k++) {
      const run = await askOnce(stack, user, ask.text);
      if (k > 0) done.push(run);
    }
    measured.push({ ...ask, path: summarize(done) });
  }
  return { runs, unread: UNREAD, asks: measured };
}
