import { describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/world/free-port.js';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { BotProcesses, stopAfterEach } from '../support/process-bot.js';
import { reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

describe('signed bodies Bolt cannot take (a bot process)', () => {
  it('refuses a signed `null` body, as a form payload or as JSON, with 400 and stays up', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const bot = await bots.start(world, world.envFor(await freePort()));
    const sim = world.simFor(bot.port);
    const post = (body: string, contentType: string) => sim.postRaw(body, { 'Content-Type': contentType, ...sim.signHeaders(body) });

    for (const [body, type] of [
      ['payload=null', FORM],
      ['null', JSON_TYPE],
      ['payload=42', FORM],
      ['[]', JSON_TYPE],
      ['"text"', JSON_TYPE],
    ] as const) {
      const res = await post(body, type);
      expect(res.status, body).toBe(400);
    }
    expect(bot.child.exitCode).toBeNull();

    // still the same process, answering as before
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const side = { slack: world.slack, sim };
    const proposal = await reply(side, (await schedule(side, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    expect(proposal.text).toContain('Free times for Sync');
    expect(bot.logs()).not.toContain('unhandled rejection');
  }, 60_000);
});
