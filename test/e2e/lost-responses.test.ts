import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;
afterEach(async () => h.stop());

async function proposal() {
  h = await startHarness();
  h.connect(organizer.id);
  return reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
}

const liveEvents = () => h.google.events(organizer.email).filter((e) => !e.deleted);
const liveDrafts = () => h.google.drafts(organizer.email).filter((d) => !d.deleted);

async function bookOnce(p: Awaited<ReturnType<typeof proposal>>) {
  const pick = await click(h, organizer, button(p, 'Book'));
  return reply(h, pick.responseUrl);
}

describe('Google answers that never arrive do not make a second event or draft', () => {
  it.each(['keep', 'replace'] as const)('a lost drafts.create answer: the draft is looked for, found, and not made again (Message-IDs: %s)', async (ids) => {
    const p = await proposal();
    h.google.setDraftMessageIds(ids);
    h.google.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
    expect((await bookOnce(p)).text).toContain('Booked: Sync');
    expect(liveDrafts()).toHaveLength(1);
    expect(h.google.calls('drafts.create')).toHaveLength(1);
    expect(liveDrafts()[0]?.body).toContain(String(liveEvents()[0]?.resource.htmlLink));
    if (ids === 'keep') expect(liveDrafts()[0]?.messageIdHeader).toMatch(/^<sched-[0-9a-f]+-0-[0-9a-z]+@scheduler\.invalid>$/);
  });

  it('a 503 from drafts.create whose write went through counts as maybe-made too', async () => {
    const p = await proposal();
    h.google.faultNext({ operation: 'drafts.create' }, { kind: 'error', status: 503, afterApplying: true });
    expect((await bookOnce(p)).text).toContain('Booked: Sync');
    expect(liveDrafts()).toHaveLength(1);
  });

  it('a 503 from drafts.create that made nothing is looked for, then sent again', async () => {
    const p = await proposal();
    h.google.faultNext({ operation: 'drafts.create' }, { kind: 'error', status: 503 });
    expect((await bookOnce(p)).text).toContain('Booked: Sync');
    const order = h.google.requests.map((r) => r.operation).filter((o) => o === 'drafts.create' || o === 'drafts.list');
    // looked for (by Message-ID, then by subject) before the second create
    expect(order).toEqual(['drafts.create', 'drafts.list', 'drafts.list', 'drafts.create']);
    expect(liveDrafts()).toHaveLength(1);
  });

  it('a lost events.insert answer: the event is read by its id before any second insert', async () => {
    const p = await proposal();
    h.google.faultNext({ operation: 'events.insert' }, { kind: 'lose-response' });
    expect((await bookOnce(p)).text).toContain('Booked: Sync');
    expect(h.google.calls('events.insert')).toHaveLength(1);
    expect(h.google.calls('events.get')).toHaveLength(1);
    expect(liveEvents()).toHaveLength(1);
    expect(liveDrafts()).toHaveLength(1);
  });

  it('two clicks at once while the draft’s answer is lost: one event, one draft', async () => {
    const p = await proposal();
    h.google.faultNext({ operation: 'drafts.create' }, { kind: 'lose-response' });
    const book = button(p, 'Book');
    const [a, b] = await Promise.all([click(h, organizer, book), click(h, organizer, book)]);
    await Promise.race([reply(h, a.responseUrl), reply(h, b.responseUrl)]);
    const again = await click(h, organizer, book);
    expect((await reply(h, again.responseUrl)).text).toContain('Booked: Sync');
    expect(liveEvents()).toHaveLength(1);
    expect(liveDrafts()).toHaveLength(1);
  });

  it.each(['events.delete', 'drafts.delete'] as const)('Cancel meeting with a lost %s answer: both are gone and the user is told', async (operation) => {
    const done = await bookOnce(await proposal());
    h.google.faultNext({ operation }, { kind: 'lose-response' });
    const cancel = await click(h, organizer, button(done, 'Cancel meeting'));
    expect((await reply(h, cancel.responseUrl)).text).toContain('Cancelled: Sync');
    expect(liveEvents()).toHaveLength(0);
    expect(liveDrafts()).toHaveLength(0);
  });
});
