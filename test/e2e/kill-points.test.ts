import { describe, expect, it } from 'vitest';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';
import { BotProcesses, type BotProcess, stopAfterEach } from '../support/process-bot.js';
import { allText, button, click, reply, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

async function startBot(port?: number): Promise<BotProcess> {
  return bots.start(world, { ...world.envFor(port ?? (await freePort())), BOOKING_LEASE_MS: '1000' });
}

const live = () => ({
  events: world.google.events(organizer.email).filter((e) => !e.deleted),
  drafts: world.google.drafts(organizer.email).filter((d) => !d.deleted),
});

/** A bot with a proposal on screen, and the pick of its first time, stopped where `hold` matches. */
async function killedAt(arm: () => { arrived: Promise<void>; gone: Promise<void>; release(): void }) {
  world = await startWorld();
  world.connect(organizer.id);
  const bot = await startBot();
  const h: SlackSide = { slack: world.slack, sim: world.simFor(bot.port) };
  const cmd = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
  const proposal = await reply(h, cmd.responseUrl);
  const held = arm();
  const pick = await click(h, organizer, button(proposal, 'Book'));
  // Fails fast on a bot that never makes the held call (it answers the pick instead).
  await Promise.race([held.arrived, reply(h, pick.responseUrl).then((p) => Promise.reject(new Error(`answered without the held call: ${p.text}`)))]);
  bot.kill('SIGKILL');
  await bot.exited;
  // Only then is the held call one whose client is gone: Google drops it.
  await held.gone;
  held.release();
  await startBot(bot.port);
  return { h, pick };
}

describe('kill -9 at an exact point, then a restart: no second event or draft', () => {
  it('after Gmail made the draft, before the store heard of it: recovery finds that draft', async () => {
    const { h, pick } = await killedAt(() => {
      world.google.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
      return world.google.holdNext({ operation: 'drafts.list' });
    });
    expect((await reply(h, pick.responseUrl, 1, 15_000)).text).toContain('Booked: Sync');
    const { events, drafts } = live();
    expect(events).toHaveLength(1);
    expect(drafts).toHaveLength(1);
    expect(world.google.calls('drafts.create')).toHaveLength(1);
    expect(drafts[0]?.body).toContain(String(events[0]?.resource.htmlLink));
  }, 60_000);

  it('the same with Gmail replacing the Message-ID: found by subject, recipient and event link', async () => {
    const { h, pick } = await killedAt(() => {
      world.google.setDraftMessageIds('replace');
      world.google.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
      return world.google.holdNext({ operation: 'drafts.list' });
    });
    expect((await reply(h, pick.responseUrl, 1, 15_000)).text).toContain('Booked: Sync');
    expect(live().drafts).toHaveLength(1);
    expect(world.google.calls('drafts.create')).toHaveLength(1);
  }, 60_000);

  it('after Google made the event, before the store heard of it (no second insert): rolled back by its id, then a pick books once', async () => {
    const { h, pick } = await killedAt(() => {
      world.google.faultNext({ operation: 'events.insert' }, { kind: 'lose-response' });
      return world.google.holdNext({ operation: 'events.get' });
    });
    const told = await reply(h, pick.responseUrl, 1, 15_000);
    expect(told.text).toContain('Couldn');
    expect(world.google.calls('events.insert')).toHaveLength(1);
    expect(live().events).toHaveLength(0);
    const again = await click(h, organizer, button(told, 'Book'));
    expect((await reply(h, again.responseUrl, 1, 15_000)).text).toContain('Booked: Sync');
    expect(live().events).toHaveLength(1);
    expect(live().drafts).toHaveLength(1);
  }, 60_000);

  it('during the roll-back’s events.delete (the draft had failed): the restart finishes the booking instead', async () => {
    const { h, pick } = await killedAt(() => {
      world.google.failNext({ operation: 'drafts.create' }, { status: 400 });
      return world.google.holdNext({ operation: 'events.delete' });
    });
    const told = await reply(h, pick.responseUrl, 1, 15_000);
    expect(allText(told)).toContain('Booked: Sync');
    expect(live().events).toHaveLength(1);
    expect(live().drafts).toHaveLength(1);
  }, 60_000);
});
