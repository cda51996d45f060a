import { describe, expect, it } from 'vitest';
import { eventIdFor } from '../../src/core/event-id.js';
import { recoverBookings } from '../../src/flows/schedule/recover-bookings.js';
import { NOW, proposal, scheduleWorld, SLOT } from './schedule-fakes.js';

const LEASE = 60_000;

describe('recoverBookings: bookings whose process died', () => {
  it('finishes a booking whose event was made: the draft, then confirmed', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    const id = eventIdFor('req-1', 0, SLOT.start);
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [] });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT, eventId: id, eventLink: `https://calendar.test/event?eid=${id}` } }));
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
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [] });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT } }));
    const done = await recoverBookings(w.deps);
    expect(done.map((d) => d.outcome)).toMatchObject([{ kind: 'draft-failed', eventRemoved: true }]);
    expect(w.calendar.events.size).toBe(0);
    expect(w.gmail.drafts.size).toBe(0);
    expect((await w.store.get('req-1'))?.generation).toBe(1);
  });

  it('leaves a booking alone while its lease is alive', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - LEASE / 2, slot: SLOT } }));
    expect(await recoverBookings(w.deps)).toEqual([]);
    expect((await w.store.get('req-1'))?.booking).toMatchObject({ state: 'booking', claimedAt: NOW - LEASE / 2 });
    expect(w.grants.lookups).toEqual([]);
  });

  it('two recoveries at once finish a booking once', async () => {
    const w = scheduleWorld({ leaseMs: LEASE });
    const id = eventIdFor('req-1', 0, SLOT.start);
    await w.calendar.insertEvent('t', { id, title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [] });
    await w.store.put(proposal({ booking: { state: 'booking', claimedAt: NOW - 2 * LEASE, slot: SLOT, eventId: id, eventLink: 'https://calendar.test/e' } }));
    const [a, b] = await Promise.all([recoverBookings(w.deps), recoverBookings(w.deps)]);
    expect(a.length + b.length).toBe(1);
    expect(w.gmail.drafts.size).toBe(1);
  });
});
