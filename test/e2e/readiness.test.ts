import { describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/world/free-port.js';
import { startWorld, type World } from '../../fakes/world/harness.js';
import { BotProcesses, type BotProcess, stopAfterEach } from '../support/process-bot.js';

let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

interface Report {
  ready: boolean;
  checks: Record<string, { status: string; problem?: string; variables?: string[]; url?: string }>;
}

async function readyz(bot: BotProcess): Promise<{ status: number; body: Report; text: string }> {
  const res = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Report, text };
}

/** The start-up warning a check logs when it fails, once it is there. */
async function startupWarning(bot: BotProcess, check: string): Promise<string> {
  const find = () =>
    bot
      .logs()
      .split('\n')
      .find((l) => l.includes(`"start-up check failed: ${check}"`));
  for (let line = find(); ; line = find()) {
    if (line) return line;
    await new Promise((resolve) => bot.child.stderr?.once('data', resolve));
  }
}

describe('/readyz: the database, Slack and Scalekit, named when they fail (a bot process)', () => {
  it('is 200 with every check ok, and a storm of probes costs one round of checks', async () => {
    world = await startWorld();
    const bot = await bots.start(world, world.envFor(await freePort()));
    const first = await readyz(bot);
    expect(first.status).toBe(200);
    expect(first.body.checks).toEqual({ database: { status: 'ok' }, slack: { status: 'ok' }, scalekit: { status: 'ok' } });
    const authTests = world.slack.callsTo('auth.test').length;
    const storm = await Promise.all(Array.from({ length: 50 }, () => readyz(bot)));
    expect(storm.every((r) => r.status === 200)).toBe(true);
    expect(world.slack.callsTo('auth.test').length - authTests).toBeLessThanOrEqual(1);
    expect(bot.logs()).not.toContain('start-up check failed');
  }, 60_000);

  it('is 503 naming SCALEKIT_ENV_URL and SLACK_BOT_TOKEN when they are wrong, and the start-up log says so; /healthz stays 200', async () => {
    world = await startWorld();
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const wrongToken = 'xoxb-not-the-bot-token-5e7a';
    const bot = await bots.start(world, { ...world.envFor(await freePort()), SCALEKIT_ENV_URL: nowhere, SLACK_BOT_TOKEN: wrongToken });
    const { status, body, text } = await readyz(bot);
    expect(status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.checks.database).toEqual({ status: 'ok' });
    expect(body.checks.scalekit).toMatchObject({ status: 'failing', variables: ['SCALEKIT_ENV_URL'], url: nowhere });
    expect(body.checks.slack).toMatchObject({ status: 'failing', variables: ['SLACK_BOT_TOKEN'] });
    expect(text).not.toContain(wrongToken);
    expect(text).not.toContain(world.scalekit.clientSecret);

    expect(await startupWarning(bot, 'scalekit')).toContain(`"url":"${nowhere}"`);
    expect(await startupWarning(bot, 'slack')).toContain('SLACK_BOT_TOKEN');
    expect(bot.logs()).not.toContain(wrongToken);
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    // Bolt's own auth.test at start-up rejected with nobody awaiting it: logged, and the process lives on.
    expect(bot.logs()).toContain('unhandled rejection; carrying on');
    expect(bot.child.exitCode).toBeNull();
  }, 60_000);

  it('names SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET when Scalekit refuses the credentials', async () => {
    world = await startWorld();
    const bot = await bots.start(world, { ...world.envFor(await freePort()), SCALEKIT_CLIENT_SECRET: 'not-the-client-secret-81c2' });
    const { status, body, text } = await readyz(bot);
    expect(status).toBe(503);
    expect(body.checks.scalekit).toMatchObject({ status: 'failing', variables: ['SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET'] });
    expect(text).not.toContain('not-the-client-secret-81c2');
    expect(await startupWarning(bot, 'scalekit')).toContain('SCALEKIT_CLIENT_SECRET');
  }, 60_000);
});
