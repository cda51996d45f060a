import { performance } from 'node:perf_hooks';
import { ScalekitClient } from '@scalekit-sdk/node';
import { buttonsIn } from '../fakes/slack/signed-client.js';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { stepsOf } from './chain.js';
import { runCookbook } from './cookbook-flow.js';
import { slackEnd, summarize, type PathRun, type PathSummary } from './paths.js';
import { identifierOf, mention, type Stack } from './stack.js';

export interface CriticalPaths {
  runs: number;
  botPropose: PathSummary;
  botPick: PathSummary;
  cookbookPropose: PathSummary;
  cookbookBook: PathSummary;
  cookbookWhole: PathSummary;
}

/** How many users a measurement of `runs` runs needs: three per round, plus the warm-up round. */
export const usersFor = (runs: number): number => 3 * (runs + 1);

async function botRun(stack: Stack, organizer: FakeSlackUser, attendee: FakeSlackUser, title: string): Promise<{ propose: PathRun; pick: PathRun }> {
  const t0 = performance.now();
  const cmd = await stack.sim.slashCommand({ user: organizer, text: `${mention(attendee)} 30m ${title}` });
  if (cmd.status !== 200) throw new Error(`/schedule answered ${cmd.status}`);
  const proposal = await stack.slack.waitForResponse(cmd.responseUrl, 30_000);
  const end0 = await slackEnd(stack, 'response_url', t0);
  const book = buttonsIn(proposal.body.blocks).find((b) => b.text === 'Book');
  if (!book) throw new Error(`the bot proposed no time: ${JSON.stringify(proposal.body).slice(0, 400)}`);

  const t1 = performance.now();
  const click = await stack.sim.clickButton({ user: organizer, actionId: book.actionId, ...(book.value !== undefined ? { value: book.value } : {}) });
  const done = await stack.slack.waitForResponse(click.responseUrl, 30_000);
  const end1 = await slackEnd(stack, 'response_url', t1);
  if (!String(done.body.text).includes('Booked')) throw new Error(`the pick did not book: ${JSON.stringify(done.body).slice(0, 400)}`);
  const all = stack.timings();
  return {
    propose: { wallMs: end0 - t0, steps: stepsOf(all, t0, end0) },
    pick: { wallMs: end1 - t1, steps: stepsOf(all, t1, end1) },
  };
}

async function cookbookRun(stack: Stack, client: ScalekitClient, user: FakeSlackUser, attendee: FakeSlackUser, title: string) {
  const t0 = performance.now();
  let found = t0;
  await runCookbook(
    client,
    { calendarApiUrl: `${stack.google.url}/calendar/v3`, gmailApiUrl: `${stack.google.url}/gmail/v1`, identifier: identifierOf(user), attendeeEmail: attendee.email ?? '', title },
    () => (found = performance.now()),
  );
  const end = performance.now();
  const all = stack.timings();
  const part = (from: number, to: number): PathRun => ({ wallMs: to - from, steps: stepsOf(all, from, to) });
  return { propose: part(t0, found), book: part(found, end), whole: part(t0, end) };
}

/**
 * `runs` times, one after another on a quiet system: the bot's /schedule → proposal and
 * pick → confirmation for a fresh connected user, then the cookbook for another. The first round
 * of each is a warm-up (M2M token, connections) and is not counted.
 */
export async function measureCriticalPaths(stack: Stack, users: FakeSlackUser[], runs: number): Promise<CriticalPaths> {
  const client = new ScalekitClient(stack.scalekit.url, stack.scalekit.clientId, stack.scalekit.clientSecret);
  const bot: Array<{ propose: PathRun; pick: PathRun }> = [];
  const cook: Array<{ propose: PathRun; book: PathRun; whole: PathRun }> = [];
  for (let k = 0; k <= runs; k++) {
    const [organizer, attendee, cookUser] = users.slice(3 * k, 3 * k + 3);
    if (!organizer || !attendee || !cookUser) throw new Error(`measureCriticalPaths needs ${usersFor(runs)} users`);
    const b = await botRun(stack, organizer, attendee, `Bench ${k}`);
    const c = await cookbookRun(stack, client, cookUser, attendee, `Cookbook ${k}`);
    if (k > 0) {
      bot.push(b);
      cook.push(c);
    }
  }
  return {
    runs,
    botPropose: summarize(bot.map((r) => r.propose)),
    botPick: summarize(bot.map((r) => r.pick)),
    cookbookPropose: summarize(cook.map((r) => r.propose)),
    cookbookBook: summarize(cook.map((r) => r.book)),
    cookbookWhole: summarize(cook.map((r) => r.whole)),
  };
}
