import { describe, expect, it } from 'vitest';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';
import { BotProcesses, type BotProcess, stopAfterEach } from '../support/process-bot.js';
import { button, click, reply, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

async function startBotProcess(port?: number): Promise<BotProcess> {
  const p = port ?? (await freePort());
  return bots.start(world, { ...world.envFor(p), BOOKING_LEASE_MS: '1000' });
}

const asSide = (port: number): SlackSide => ({ slack: world.slack, sim: world.simFor(port) });

async function proposalFrom(port: number) {
  const h = asSide(port);
  const cmd = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
  return { h, proposal: await reply(h, cmd.responseUrl) };
}

describe('a bot that dies or stops mid-booking', () => {
  it('killed between "event created" and "draft created": after a restart there is no orphaned event', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const first = await startBotProcess();
    const { h, proposal } = await proposalFrom(first.port);

    const draft = world.google.holdNext({ method: 'POST', path: '/drafts' });
    const pick = await click(h, organizer, button(proposal, 'Book'));
    await draft.arrived;
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    first.kill('SIGKILL');
    await first.exited;
    await draft.gone;
    draft.release();

    await startBotProcess(first.port);
    const done = await reply(h, pick.responseUrl, 1, 15_000);
    const live = world.google.events(organizer.email).filter((e) => !e.deleted);
    const drafts = world.google.drafts(organizer.email).filter((d) => !d.deleted);
    // the event was on record, so the restarted bot finishes the booking rather than undoing it
    expect(done.text).toContain('Booked: Sync');
    expect(live).toHaveLength(1);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.body).toContain(live[0]?.resource.htmlLink);
  }, 60_000);

  it('killed before the event is on record: the restart rolls back whatever Google made', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const first = await startBotProcess();
    const { h, proposal } = await proposalFrom(first.port);

    const insert = world.google.holdNext({ method: 'POST', path: '/events' });
    const pick = await click(h, organizer, button(proposal, 'Book'));
    await insert.arrived;
    first.kill('SIGKILL');
    await first.exited;
    await insert.gone;
    insert.release();

    await startBotProcess(first.port);
    const told = await reply(h, pick.responseUrl, 1, 15_000);
    expect(told.text).toContain('Couldn');
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(0);
    // the slots are offered again and a fresh pick books with a fresh event id
    const again = await click(h, organizer, button(told, 'Book'));
    expect((await reply(h, again.responseUrl, 1, 15_000)).text).toContain('Booked: Sync');
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
  }, 60_000);

  it('SIGTERM mid-booking: stops taking work, finishes the booking, exits 0', async () => {
    world = await startWorld();
    world.connect(organizer.id);
    const bot = await startBotProcess();
    const { h, proposal } = await proposalFrom(bot.port);

    const draft = world.google.holdNext({ method: 'POST', path: '/drafts' });
    const pick = await click(h, organizer, button(proposal, 'Book'));
    await draft.arrived;
    bot.kill('SIGTERM');
    // new work is refused while the booking drains
    await new Promise((r) => setTimeout(r, 200));
    const refused = await fetch(`http://127.0.0.1:${bot.port}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    expect(refused).not.toBe(200);
    draft.release();

    expect(await bot.exited).toBe(0);
    expect((await reply(h, pick.responseUrl)).text).toContain('Booked: Sync');
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    expect(world.google.drafts(organizer.email).filter((d) => !d.deleted)).toHaveLength(1);
  }, 60_000);
});
