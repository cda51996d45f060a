import { describe, expect, it } from 'vitest';
import { eventIdFor } from '../../src/core/event-id.js';
import { bookSlot } from '../../src/flows/schedule/book-slot.js';
import { MALLORY, OLIVIA, proposal, scheduleWorld, SLOT } from './schedule-fakes.js';

/** The draft's text: base64url MIME whose body is base64 itself. */
function draftBody(raw: string): string {
  const mime = Buffer.from(raw, 'base64url').toString('utf8');
  return Buffer.from(mime.split('\r\n\r\n')[1]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
}

const AT = { channelId: 'C1', responseUrl: 'https://hooks.slack.test/actions/1' };

describe('bookSlot: the booking saga over in-memory ports', () => {
  it('claims, makes the event under its derived id, then the draft, and journals each step', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal());
    const out = await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT);
    expect(out).toMatchObject({ kind: 'booked', booking: { requestId: 'req-1', title: 'Sync', slot: SLOT } });
    const id = eventIdFor('req-1', 0, SLOT.start);
    expect([...w.calendar.events.keys()]).toEqual([id]);
    expect(w.calendar.events.get(id)?.attendees).toEqual(['alice@acme.test']);
    expect(w.gmail.drafts.size).toBe(1);
    expect(draftBody([...w.gmail.drafts.values()][0] ?? '')).toContain(`eid=${id}`);
    const r = await w.store.get('req-1');
    expect(r?.booking).toMatchObject({ state: 'booked', eventId: id, draftId: 'd1' });
    expect(r?.journal.map((j) => j.step)).toEqual(['claimed', 'event-created', 'draft-created', 'confirmed']);
  });

  it('a double click books once: the second click sees the booking in progress or booked', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal());
    const [a, b] = await Promise.all([bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT), bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)]);
    expect([a.kind, b.kind].sort()).toEqual(['booked', 'in-progress']);
    expect(w.calendar.events.size).toBe(1);
    expect(w.gmail.drafts.size).toBe(1);
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('booked');
    expect(w.gmail.drafts.size).toBe(1);
  });

  it('someone else’s click books nothing and asks for no token', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, MALLORY, 'req-1', SLOT.start, AT)).toEqual({ kind: 'not-yours' });
    expect(w.calendar.events.size).toBe(0);
    expect(w.grants.lookups).toEqual([]);
    expect((await w.store.get('req-1'))?.booking).toEqual({ state: 'open' });
  });

  it('a slot that was never shown, or has passed, is gone', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start + 1, AT)).toEqual({ kind: 'gone' });
    w.clock.now = SLOT.start + 1;
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).toEqual({ kind: 'gone' });
    expect(w.calendar.events.size).toBe(0);
  });

  it('a missing Gmail grant stops before the event and keeps the request for after connecting', async () => {
    const w = scheduleWorld();
    w.grants.break(OLIVIA, 'gmail', 'revoked');
    await w.store.put(proposal());
    const out = await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT);
    expect(out).toMatchObject({ kind: 'needs-connection', missing: [{ connector: 'gmail', problem: 'revoked', link: expect.any(String) }] });
    expect(w.calendar.events.size).toBe(0);
    expect(w.store.pending.get('req-1')).toMatchObject({ kind: 'schedule', waitingFor: ['gmail'], responseUrl: AT.responseUrl });
    expect((await w.store.get('req-1'))?.booking).toEqual({ state: 'open' });
  });

  it('a draft that cannot be made takes the event away again and moves to a fresh event id', async () => {
    const w = scheduleWorld();
    w.gmail.faults.create = ['unavailable'];
    await w.store.put(proposal());
    const out = await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT);
    expect(out).toMatchObject({ kind: 'draft-failed', eventRemoved: true, retry: { slots: expect.any(Array) } });
    expect(w.calendar.events.size).toBe(0);
    expect(w.calendar.deleted).toEqual([eventIdFor('req-1', 0, SLOT.start)]);
    const r = await w.store.get('req-1');
    expect(r?.generation).toBe(1);
    expect(r?.booking).toEqual({ state: 'open' });
    expect(r?.journal.map((j) => j.step)).toEqual(['claimed', 'event-created', 'compensated']);
    // Trying again books under the next generation's id.
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('booked');
    expect([...w.calendar.events.keys()]).toEqual([eventIdFor('req-1', 1, SLOT.start)]);
  });

  it('when the roll-back fails too, the user is told the event is still there and the log says which', async () => {
    const w = scheduleWorld();
    w.gmail.faults.create = ['unavailable'];
    w.calendar.faults.delete = ['unavailable'];
    await w.store.put(proposal());
    expect(await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).toMatchObject({ kind: 'draft-failed', eventRemoved: false });
    expect(w.calendar.events.size).toBe(1);
    expect(w.logs.some((l) => l.level === 'error' && l.msg.includes('orphaned'))).toBe(true);
  });

  it('a Google 401 gets one fresh token and one more try', async () => {
    const w = scheduleWorld();
    w.calendar.faults.insert = ['unauthorized'];
    await w.store.put(proposal());
    expect((await bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)).kind).toBe('booked');
    expect(w.grants.lookups.filter((l) => l === 'U0OLIVIA/calendar')).toHaveLength(2);
  });
});
