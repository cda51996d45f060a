import { describe, expect, it } from 'vitest';
import { eventIdFor } from '../../src/core/event-id.js';
import { bookSlot } from '../../src/flows/schedule/book-slot.js';
import { recoverBookings } from '../../src/flows/schedule/recover-bookings.js';
import { NOW, OLIVIA, proposal, scheduleWorld, SLOT } from './schedule-fakes.js';

const AT = { channelId: 'C1', responseUrl: 'https://hooks.slack.test/actions/1' };

const LEASE = 60_000;

describe('recoverBookings: bookings whose process died', () => {
  it('finishes a booking whose event was made: the draft, then confirmed', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    const id = eventIdFor('req-1', 0, SLOT.start);
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [], meet: false });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT, eventId: id, eventLink: `https://calendar.test/event?eid=${id}` } }));
    w.store.advanceClock(2 * LEASE);
    const done = await recoverBookings(w.deps);
    expect(done.map((d) => d.outcome.kind)).toEqual(['booked']);
    expect(w.gmail.drafts.size).toBe(1);
    const r = await w.store.get('req-1');
    expect(r?.booking).toMatchObject({ state: 'booked', eventId: id });
    expect(r?.journal.map((j) => j.step)).toEqual(['recovered', 'draft-created', 'confirmed']);
  });

  it('rolls back a booking that died before its event was recorded, by the id Google may hold', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    const id = eventIdFor('req-1', 0, SLOT.start);
    // Google made it, but the process died before the store heard of it.
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [], meet: false });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT } }));
    w.store.advanceClock(2 * LEASE);
    const done = await recoverBookings(w.deps);
    expect(done.map((d) => d.outcome)).toMatchObject([{ kind: 'draft-failed', eventRemoved: true }]);
    expect(w.calendar.events.size).toBe(0);
    expect(w.gmail.drafts.size).toBe(0);
    expect((await w.store.get('req-1'))?.generation).toBe(1);
  });

  it('leaves a booking alone while its lease is alive by the store’s clock, however far ahead ours runs', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - LEASE / 2, slot: SLOT } }));
    w.store.advanceClock(LEASE / 2);
    w.clock.now += 10 * LEASE;
    expect(await recoverBookings(w.deps)).toEqual([]);
    expect((await w.store.get('req-1'))?.booking).toMatchObject({ state: 'booking', claimedAt: NOW - LEASE / 2 });
    expect(w.grants.lookups).toEqual([]);
  });

  it('two recoveries at once finish a booking once', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    const id = eventIdFor('req-1', 0, SLOT.start);
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [], meet: false });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT, eventId: id, eventLink: 'https://calendar.test/e' } }));
    w.store.advanceClock(2 * LEASE);
    const [a, b] = await Promise.all([recoverBookings(w.deps), recoverBookings(w.deps)]);
    expect(a.length + b.length).toBe(1);
    expect(w.gmail.drafts.size).toBe(1);
  });

  it('a roll-back whose delete failed is retried by every sweep until the event is gone, and the owner told once', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    w.gmail.faults.create = ['unavailable'];
    w.calendar.faults.delete = ['unavailable', 'unavailable'];
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).toMatchObject({ kind: 'draft-failed', eventRemoved: false, retry: undefined });
    const id = eventIdFor('req-1', 0, SLOT.start);
    expect((await w.store.get('req-1'))?.booking).toMatchObject({ state: 'booking', undo: { eventId: id } });

    w.pass(2 * LEASE);
    expect(await recoverBookings(w.deps)).toEqual([]);
    expect(w.calendar.events.has(id)).toBe(true);

    w.pass(2 * LEASE);
    const done = await recoverBookings(w.deps);
    expect(done.map((d) => d.outcome)).toMatchObject([{ kind: 'rolled-back', title: 'Sync', retry: { slots: expect.any(Array) } }]);
    expect(w.calendar.events.size).toBe(0);
    expect(w.gmail.drafts.size).toBe(0);
    const r = await w.store.get('req-1');
    expect([r?.booking.state, r?.generation]).toEqual(['open', 1]);
    expect(r?.journal.map((j) => j.step)).toEqual(['claimed', 'event-created', 'roll-back-failed', 'compensated']);

    w.pass(2 * LEASE);
    expect(await recoverBookings(w.deps)).toEqual([]);
  });

  it('Gmail and Scalekit both down: the roll-back cannot even get a token, and is finished once Scalekit answers', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    w.gmail.faults.create = ['unavailable'];
    // the two tokens of the booking itself, then nothing
    w.grants.downAfter = 2;
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).toMatchObject({ kind: 'draft-failed', eventRemoved: false });
    w.pass(2 * LEASE);
    expect(await recoverBookings(w.deps)).toEqual([]);
    expect(w.calendar.events.size).toBe(1);

    w.grants.downAfter = Number.POSITIVE_INFINITY;
    w.pass(2 * LEASE);
    expect((await recoverBookings(w.deps)).map((d) => d.outcome.kind)).toEqual(['rolled-back']);
    expect(w.calendar.events.size).toBe(0);
    // the draft might have been made unseen: it was looked for, and there was none
    expect(w.gmail.calls).toContain('find');
  });

  it('a draft left behind by a roll-back that could not reach Gmail is deleted by recovery', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    // made, but unconfirmed; the look after it fails, then the roll-back's own look too
    w.gmail.faults.create = ['lose-response'];
    w.gmail.faults.find = ['unavailable', 'unavailable'];
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).toMatchObject({ kind: 'draft-failed', eventRemoved: true });
    expect([w.calendar.events.size, w.gmail.drafts.size]).toEqual([0, 1]);
    w.pass(2 * LEASE);
    expect((await recoverBookings(w.deps)).map((d) => d.outcome.kind)).toEqual(['rolled-back']);
    expect([w.calendar.events.size, w.gmail.drafts.size]).toEqual([0, 0]);
  });
});
