import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule, type Posted } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;
afterEach(async () => h.stop());

/** The bot's clock, which a test can move on (Slack's signatures still use the real one). */
const clock = { offsetMs: 0 };

async function start() {
  clock.offsetMs = 0;
  h = await startHarness({ now: () => Date.now() + clock.offsetMs });
  h.connect(organizer.id);
}

const propose = async () => reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
const liveEvents = () => h.google.events(organizer.email).filter((e) => !e.deleted);
const startOf = (b: { value?: string | undefined }) => (JSON.parse(b.value ?? '{}') as { s: number }).s;

/** The Book button for the same time in another proposal. */
function sameTime(p: Posted, start: number) {
  const b = p.buttons.find((x) => x.text === 'Book' && startOf(x) === start);
  if (!b) throw new Error('the two proposals offer different times');
  return b;
}

describe('a time booked or busy since it was proposed is not booked again', () => {
  it('Book on the newer proposal, then on the older at the same time: "just taken" and fresh times, one event', async () => {
    await start();
    const older = await propose();
    const newer = await propose();
    const first = button(newer, 'Book');
    expect((await reply(h, (await click(h, organizer, first)).responseUrl)).text).toContain('Booked: Sync');

    const late = await click(h, organizer, sameTime(older, startOf(first)));
    const taken = await reply(h, late.responseUrl);
    expect(allText(taken)).toContain('That time was just taken');
    const fresh = taken.buttons.filter((b) => b.text === 'Book').map(startOf);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh).not.toContain(startOf(first));
    expect(liveEvents()).toHaveLength(1);

    // a fresh time books
    const again = await click(h, organizer, button(taken, 'Book'));
    expect((await reply(h, again.responseUrl)).text).toContain('Booked: Sync');
    expect(liveEvents()).toHaveLength(2);
  });

  it('both proposals booked at the same time at once: exactly one event', async () => {
    await start();
    const older = await propose();
    const newer = await propose();
    const b = button(newer, 'Book');
    const [x, y] = await Promise.all([click(h, organizer, b), click(h, organizer, sameTime(older, startOf(b)))]);
    const answers = await Promise.all([reply(h, x.responseUrl), reply(h, y.responseUrl)]);
    expect(answers.map((a) => (a.text.startsWith('Booked') ? 'booked' : allText(a).includes('just taken') ? 'taken' : a.text)).sort()).toEqual(['booked', 'taken']);
    expect(liveEvents()).toHaveLength(1);
  });

  it('an older proposal whose time became busy at Google: fresh times, no event', async () => {
    await start();
    const p = await propose();
    // the last time offered: the first may be only minutes away, and so past once the clock moves
    const b = p.buttons.filter((x) => x.text === 'Book').at(-1)!;
    const start0 = startOf(b);
    h.google.addBusy(alice.email, new Date(start0).toISOString(), new Date(start0 + 30 * 60_000).toISOString());
    clock.offsetMs = 4 * 60_000;
    const taken = await reply(h, (await click(h, organizer, b)).responseUrl);
    expect(allText(taken)).toContain('That time was just taken');
    expect(taken.buttons.filter((x) => x.text === 'Book').map(startOf)).not.toContain(start0);
    expect(liveEvents()).toHaveLength(0);
  });

  it('a fresh proposal costs no second freeBusy at Book', async () => {
    await start();
    const p = await propose();
    expect((await reply(h, (await click(h, organizer, button(p, 'Book'))).responseUrl)).text).toContain('Booked: Sync');
    expect(h.google.calls('freeBusy')).toHaveLength(1);
  });
});
