import { describe, expect, it } from 'vitest';
import { bookSlot } from '../../src/flows/schedule/book-slot.js';
import { FRESH_PROPOSAL_MS } from '../../src/flows/schedule/slot-check.js';
import { MALLORY, NOW, OLIVIA, proposal, scheduleWorld, SLOT } from './schedule-fakes.js';

const AT = { channelId: 'C1', responseUrl: 'https://hooks.slack.test/actions/1' };

/** Two proposals of the same meeting, as two /schedule commands leave them. */
async function twoProposals() {
  const w = scheduleWorld();
  await w.store.put(proposal({ id: 'req-old', createdAt: NOW - 120_000, proposedAt: NOW - 120_000 }));
  await w.store.put(proposal({ id: 'req-new', proposedAt: NOW - 30_000 }));
  return w;
}

const freshStarts = (o: Awaited<ReturnType<typeof bookSlot>>) => (o.kind === 'slot-taken' && o.fresh?.kind === 'slots' ? o.fresh.view.slots.map((s) => s.start) : undefined);

describe('Book checks the time again: the bot’s own bookings always, Google for an older proposal', () => {
  it('Book on the newer proposal, then on the older at the same time: taken, with fresh times, one event', async () => {
    const w = await twoProposals();
    expect((await bookSlot(w.deps, OLIVIA, 'req-new', SLOT.start, AT)).kind).toBe('booked');
    const late = await bookSlot(w.deps, OLIVIA, 'req-old', SLOT.start, AT);
    expect(late).toMatchObject({ kind: 'slot-taken', title: 'Sync', busy: [SLOT], fresh: { kind: 'slots' } });
    expect(freshStarts(late)).not.toContain(SLOT.start);
    expect(w.calendar.events.size).toBe(1);
    const old = await w.store.get('req-old');
    expect(old?.booking).toEqual({ state: 'open' });
    expect(old?.shown).toEqual(freshStarts(late));
  });

  it('both at once: exactly one books, the other is told it was taken', async () => {
    const w = await twoProposals();
    const outs = await Promise.all([bookSlot(w.deps, OLIVIA, 'req-new', SLOT.start, AT), bookSlot(w.deps, OLIVIA, 'req-old', SLOT.start, AT)]);
    expect(outs.map((o) => o.kind).sort()).toEqual(['booked', 'slot-taken']);
    expect(w.calendar.events.size).toBe(1);
    expect(w.gmail.drafts.size).toBe(1);
  });

  it('another organizer’s booking that invites the same attendee at that time takes it too', async () => {
    const w = scheduleWorld();
    w.grants.connect(MALLORY);
    await w.store.put(proposal({ id: 'req-mal', owner: MALLORY, organizer: { slackId: 'U0MAL', name: 'mallory', zone: 'UTC', email: 'mallory@acme.test' } }));
    await w.store.put(proposal());
    expect((await bookSlot(w.deps, MALLORY, 'req-mal', SLOT.start, AT)).kind).toBe('booked');
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('slot-taken');
  });

  it('a booking of other people at the same time does not take it', async () => {
    const w = scheduleWorld();
    w.grants.connect(MALLORY);
    const bob = [{ email: 'bob@acme.test', name: 'bob' }];
    await w.store.put(proposal({ id: 'req-mal', owner: MALLORY, organizer: { slackId: 'U0MAL', name: 'mallory', zone: 'UTC', email: 'mallory@acme.test' }, attendees: bob }));
    await w.store.put(proposal());
    expect((await bookSlot(w.deps, MALLORY, 'req-mal', SLOT.start, AT)).kind).toBe('booked');
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('booked');
  });

  it('an older proposal whose time became busy at Google: fresh times, no event', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal({ proposedAt: NOW - FRESH_PROPOSAL_MS - 1 }));
    w.calendar.busy.set('alice@acme.test', [SLOT]);
    const out = await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT);
    expect(out).toMatchObject({ kind: 'slot-taken', busy: [SLOT] });
    expect(freshStarts(out)).not.toContain(SLOT.start);
    expect(w.calendar.events.size).toBe(0);
  });

  it('a proposal made minutes ago asks Google nothing more before the event', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal({ proposedAt: NOW - FRESH_PROPOSAL_MS + 1 }));
    w.calendar.busy.set('alice@acme.test', [SLOT]);
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('booked');
    expect(w.calendar.calls[0]).toBe('insert');
  });
});
