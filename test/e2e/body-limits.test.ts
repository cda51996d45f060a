import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/world/free-port.js';
import { startWorld, type World } from '../../fakes/world/harness.js';
import { SLACK_BODY_LIMITS } from '../../src/adapters/http/slack-body-guard.js';
import { BotProcesses, type BotProcess } from '../support/process-bot.js';
import { rssMb, stalledPost } from '../support/raw-post.js';

const MB = 1024 * 1024;
/** Bolt's own limit: a body just under it was buffered whole before the signature was looked at. */
const BOLT_LIMIT = 4 * MB;
/** How long a test waits for the bot to close a connection before calling it hung. */
const WAIT_MS = 20_000;

let world: World;
let bot: BotProcess;
const bots = new BotProcesses();

beforeAll(async () => {
  world = await startWorld();
  bot = await bots.start(world, world.envFor(await freePort()));
}, 60_000);
afterAll(async () => {
  bots.killAll();
  await world.stop();
});

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

describe('unsigned bodies on /slack/events are bounded before anything is buffered (a bot process)', () => {
  it('a body declared larger than the cap gets 413 and the connection closed, before it is sent whole', async () => {
    const declared = 2 * MB;
    const outcome = await stalledPost(bot.port, { declared, send: declared - 1, waitMs: WAIT_MS });
    expect(outcome, 'the bot never answered').toBeDefined();
    expect(statusOf(outcome?.response ?? '')).toBe(413);
    expect(outcome?.sent).toBeLessThan(declared);
  }, 30_000);

  it('a chunked body that runs past the cap gets 413 and the connection closed', async () => {
    const outcome = await stalledPost(bot.port, { send: 3 * MB, waitMs: WAIT_MS });
    expect(statusOf(outcome?.response ?? '')).toBe(413);
  }, 30_000);

  it('a body that stalls half way is dropped with 408', async () => {
    const outcome = await stalledPost(bot.port, { declared: 10_000, send: 1_000, waitMs: WAIT_MS });
    expect(outcome, 'the bot kept waiting for the rest').toBeDefined();
    expect(statusOf(outcome?.response ?? '')).toBe(408);
  }, 30_000);

  it('100 unfinished large requests are each closed by the bot, and its memory stays low', async () => {
    const before = rssMb(bot.child.pid ?? 0);
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0
          ? stalledPost(bot.port, { declared: BOLT_LIMIT - 1, send: BOLT_LIMIT - 2, waitMs: WAIT_MS })
          : stalledPost(bot.port, { send: 2 * SLACK_BODY_LIMITS.maxBytes, waitMs: WAIT_MS }),
      ),
    );
    const after = rssMb(bot.child.pid ?? 0);
    expect(
      outcomes.filter((o) => o === undefined),
      'connections the bot left open',
    ).toHaveLength(0);
    expect(outcomes.map((o) => statusOf(o?.response ?? ''))).toEqual(Array(100).fill(413));
    // Bolt alone grew by about 400 MB here (every body buffered); bounded, it barely moves.
    expect(after - before, `rss ${before} MB -> ${after} MB`).toBeLessThan(150);
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
  }, 60_000);
});
