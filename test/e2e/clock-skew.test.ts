import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { freePort } from '../../fakes/world/free-port.js';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { LogTap } from '../support/log-tap.js';
import { button, click, repliesTo, reply, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
const LEASE_MS = 2_000;
/** Far beyond the lease: the second instance's clock runs ten minutes ahead. */
const SKEW_MS = 10 * 60_000;

let world: World;
const bots: RunningBot[] = [];

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.stop()));
  await world.stop();
});

async function instance(tap: LogTap, now?: () => number): Promise<RunningBot> {
  const env = { ...world.envFor(await freePort()), BOOKING_LEASE_MS: String(LEASE_MS) };
  world.capture(() => tap.text());
  const bot = await startBot(loadConfig(env), { writeLog: tap.write, retry: { baseMs: 5, maxMs: 20 }, ...(now ? { now } : {}) });
  bots.push(bot);
  return bot;
}

const recoveryPass = (line: string) => line.includes('booking recovery pass');

describe('two instances whose clocks disagree by more than the lease', () => {
  it('the one running ahead never takes over a booking the other is still making', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const a = await instance(new LogTap());
    const side: SlackSide = { slack: world.slack, sim: world.simFor(a.port) };
    const cmd = await side.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
    const proposal = await reply(side, cmd.responseUrl);

    // A claims the slot and makes the event; its draft is held, so the booking stays in flight.
    const draft = world.google.holdNext({ method: 'POST', path: '/drafts' });
    const pick = await click(side, organizer, button(proposal, 'Book'));
    await draft.arrived;

    // B starts with its clock ahead; three of its recovery passes (a lease or more of real time
    // while A keeps renewing) look at the booking.
    const bTap = new LogTap();
    const passes = bTap.next(recoveryPass, 3, 15_000, 'three recovery passes on the skewed instance');
    await instance(bTap, () => Date.now() + SKEW_MS);
    await passes;

    draft.release();
    expect((await reply(side, pick.responseUrl)).text).toContain('Booked: Sync');
    const booked = repliesTo(side, pick.responseUrl).filter((p) => p.text.includes('Booked'));
    expect(booked).toHaveLength(1);
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    expect(world.google.drafts(organizer.email).filter((d) => !d.deleted)).toHaveLength(1);
    const [row] = await world.database.query<{ record: { journal: Array<{ step: string }> } }>('select record from schedule_requests');
    expect(row?.record.journal.map((j) => j.step)).not.toContain('recovered');
  }, 60_000);
});
