import { describe, expect, it } from 'vitest';
import { cancelMeeting } from '../../src/flows/schedule/cancel-meeting.js';
import { cancelProposal } from '../../src/flows/schedule/cancel-proposal.js';
import { MALLORY, OLIVIA, proposal, scheduleWorld, SLOT } from './schedule-fakes.js';

const booked = { state: 'booked' as const, slot: SLOT, eventId: 'ev1', eventLink: 'https://calendar.test/e', draftId: 'd1', draftLink: 'https://mail.test/d1' };

async function bookedWorld() {
  const w = scheduleWorld();
  await w.calendar.insertEvent('t', { id: 'ev1', title: 'Sync', description: '', slot: SLOT, zone: 'UTC', attendees: [], meet: false });
  await w.gmail.createDraft('t', { raw: 'raw', probe: { messageId: '<m@x>', subject: 'Invitation: Sync', to: '', since: 0, marker: '' } });
  await w.store.put(proposal({ booking: booked }));
  return w;
}

describe('cancelMeeting', () => {
  it('deletes the event and the draft, and the next pick gets a fresh event id', async () => {
    const w = await bookedWorld();
    expect(await cancelMeeting(w.deps, OLIVIA, 'req-1')).toEqual({ kind: 'cancelled', title: 'Sync', draftRemoved: true });
    expect(w.calendar.events.size).toBe(0);
    expect(w.gmail.drafts.size).toBe(0);
    const r = await w.store.get('req-1');
    expect(r?.booking).toEqual({ state: 'cancelled' });
    expect(r?.generation).toBe(1);
    expect(await cancelMeeting(w.deps, OLIVIA, 'req-1')).toEqual({ kind: 'gone' });
  });

  it('only for its owner', async () => {
    const w = await bookedWorld();
    expect(await cancelMeeting(w.deps, MALLORY, 'req-1')).toEqual({ kind: 'not-yours' });
    expect(w.calendar.events.size).toBe(1);
    expect(w.grants.lookups).toEqual([]);
  });

  it('a draft the user already sent or deleted still cancels the meeting', async () => {
    const w = await bookedWorld();
    w.gmail.drafts.clear();
    expect(await cancelMeeting(w.deps, OLIVIA, 'req-1')).toEqual({ kind: 'cancelled', title: 'Sync', draftRemoved: false });
    expect(w.calendar.events.size).toBe(0);
  });

  it('Calendar down: nothing is marked cancelled, and the user is told', async () => {
    const w = await bookedWorld();
    w.calendar.faults.delete = ['unavailable'];
    expect(await cancelMeeting(w.deps, OLIVIA, 'req-1')).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable', connector: 'calendar' } });
    expect((await w.store.get('req-1'))?.booking.state).toBe('booked');
  });
});

describe('cancelProposal', () => {
  it('closes an open proposal and forgets the request that waited for Google', async () => {
    const w = scheduleWorld();
    await w.store.put(proposal());
    await w.store.putPending({ id: 'req-1', kind: 'schedule', owner: OLIVIA, channelId: 'C1', responseUrlUses: 0, createdAt: 0, expiresAt: 1e15, waitingFor: ['gmail'], payload: 'req-1' });
    expect(await cancelProposal(w.deps, MALLORY, 'req-1')).toEqual({ kind: 'not-yours' });
    expect(await cancelProposal(w.deps, OLIVIA, 'req-1')).toEqual({ kind: 'closed' });
    expect(w.store.pending.has('req-1')).toBe(false);
    expect(await cancelProposal(w.deps, OLIVIA, 'req-1')).toEqual({ kind: 'gone' });
  });
});
