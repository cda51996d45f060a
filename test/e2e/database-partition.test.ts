import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/world/free-port.js';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { TcpProxy } from '../../fakes/world/tcp-proxy.js';
import { BotProcesses, type BotProcess } from '../support/process-bot.js';
import { allText, reply, schedule, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
/** How long a user may wait for the bot to say the database is gone: the timeouts below, and slack. */
const ANSWER_BOUND_MS = 10_000;
/** main.ts gives up on a clean stop after 20 s, whatever hangs. */
const STOP_BOUND_MS = 25_000;

let world: World;
let proxy: TcpProxy;
const bots = new BotProcesses();

afterEach(async () => {
  bots.killAll();
  await proxy.stop();
  await world.stop();
});

function exitWithin(bot: BotProcess, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), ms);
  });
  return Promise.race([bot.exited, late]).finally(() => clearTimeout(timer));
}

describe('PostgreSQL cut off by a network partition', () => {
  it('answers every request with a clear error in time, names the store in the log, works again once healed, and stops within its bound', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const db = new URL(world.database.url);
    proxy = await TcpProxy.start({ host: db.hostname, port: Number(db.port || 5432) });
    const bot = await bots.start(world, {
      ...world.envFor(await freePort()),
      DATABASE_URL: proxy.urlFor(world.database.url),
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_QUERY_TIMEOUT_MS: '1500',
    });
    const side: SlackSide = { slack: world.slack, sim: world.simFor(bot.port) };
    const ask = async () => (await schedule(side, organizer, `${mention(alice)} 30m Sync`)).responseUrl;
    expect((await reply(side, await ask())).text).toContain('Free times for Sync');

    proxy.partition();
    // More requests than the pool has connections (10): none may wait forever for one.
    const urls = await Promise.all(Array.from({ length: 12 }, ask));
    const answers = await Promise.all(urls.map((u) => reply(side, u, 1, ANSWER_BOUND_MS)));
    for (const a of answers) expect(allText(a)).toContain('can’t reach my database');
    expect(bot.logs()).toMatch(/"service":"store"/);
    expect(bot.logs()).toContain('DATABASE_URL');
    // alive, but not ready, and /readyz says where to look
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { database: { status: 'failing', variables: ['DATABASE_URL'] } } });

    proxy.heal();
    const before = proxy.accepted;
    expect((await reply(side, await ask(), 1, ANSWER_BOUND_MS)).text).toContain('Free times for Sync');
    // the pool got over its dead connections by making new ones
    expect(proxy.accepted).toBeGreaterThan(before);

    proxy.partition();
    await ask();
    bot.kill('SIGTERM');
    expect(await exitWithin(bot, STOP_BOUND_MS)).toBe(0);
  }, 90_000);
});
