import { describe, expect, it } from 'vitest';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';
import { BotProcesses, stopAfterEach } from '../support/process-bot.js';
import { allText, button, click, reply, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

describe('a roll-back that fails is retried until nothing is left', () => {
  it('draft and event delete both fail: the user is told, and once Calendar answers the event goes and they hear so once', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    // A short lease, so that recovery sweeps every half second.
    const bot = await bots.start(world, { ...world.envFor(await freePort()), BOOKING_LEASE_MS: '1000' });
    const h: SlackSide = { slack: world.slack, sim: world.simFor(bot.port) };
    const cmd = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
    const proposal = await reply(h, cmd.responseUrl);

    world.google.failNext({ operation: 'drafts.create' }, { status: 503, times: 4 });
    world.google.failNext({ operation: 'events.delete' }, { status: 503, times: 4 });
    const pick = await click(h, organizer, button(proposal, 'Book'));
    const failed = await reply(h, pick.responseUrl, 1, 20_000);
    expect(allText(failed)).toContain('could not remove the calendar event');

    const cleaned = await reply(h, pick.responseUrl, 2, 20_000);
    expect(allText(cleaned)).toContain('cleaned up after the booking of *Sync*');
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(0);
    expect(world.google.drafts(organizer.email).filter((d) => !d.deleted)).toHaveLength(0);
    expect(world.google.pendingFaults()).toEqual([]);

    // told once: later sweeps find nothing left to do, and the fresh times book
    const again = await click(h, organizer, button(cleaned, 'Book'));
    expect((await reply(h, again.responseUrl, 1, 15_000)).text).toContain('Booked: Sync');
    expect(world.slack.responsesTo(pick.responseUrl)).toHaveLength(2);
  }, 60_000);
});
