import type { MemoryStore } from './memory-store.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BookingOutcome } from '../../src/core/outcomes.js';
import { bookSlot } from '../../src/flows/schedule/book-slot.js';
import { recoverBookings } from '../../src/flows/schedule/recover-bookings.js';
import { OLIVIA, proposal, scheduleWorld, SLOT, type PortFault } from './schedule-fakes.js';

/** Bookings still claimed: what recovery has yet to finish or roll back. */
const inFlight = (store: MemoryStore) => [...store.records.values()].filter((r) => r.booking.state === 'booking').map((r) => r.id);

/**
 * Every remote step of a booking and its roll-back, with its answer lost or the process killed
 * before, during or after it; the pick is a double click, recovery runs after the restart until
 * nothing is unfinished, then the user double-clicks Book again. Never two events or drafts, and
 * never an event without its draft (or a draft without its event).
 */
type Step = 'events.insert' | 'drafts.create' | 'events.delete' | 'drafts.delete';
type Point = Exclude<PortFault, 'unavailable' | 'unauthorized' | 'rate-limited'>;
type World = ReturnType<typeof scheduleWorld>;

/** Puts `fault` on `step`, with what it takes to reach that step (roll-backs follow a failed draft). */
const arm: Record<Step, (w: World, fault: PortFault) => void> = {
  'events.insert': (w, f) => void (w.calendar.faults.insert = [f]),
  'drafts.create': (w, f) => void (w.gmail.faults.create = [f]),
  // A rate-limited draft: Gmail made nothing, so the roll-back deletes the event only.
  'events.delete': (w, f) => {
    w.gmail.faults.create = ['rate-limited'];
    w.calendar.faults.delete = [f];
  },
  // A draft made but unconfirmed (its answer lost, the look failing): the roll-back deletes it too.
  'drafts.delete': (w, f) => {
    w.gmail.faults.create = ['lose-response'];
    w.gmail.faults.find = ['unavailable'];
    w.gmail.faults.delete = [f];
  },
};

const STEPS: Step[] = ['events.insert', 'drafts.create', 'events.delete', 'drafts.delete'];
const POINTS: Point[] = ['lose-response', 'kill-before', 'kill-during', 'kill-after'];
const ROWS: Array<{ name: string; setup: (w: World) => void }> = [
  ...STEPS.flatMap((step) => POINTS.map((point) => ({ name: `${step} × ${point}`, setup: (w: World) => arm[step](w, point) }))),
  {
    name: 'drafts.create lost × kill while looking for it',
    setup: (w) => {
      w.gmail.faults.create = ['lose-response'];
      w.gmail.faults.find = ['kill-before'];
    },
  },
  {
    name: 'events.insert lost × kill in its roll-back’s delete',
    setup: (w) => {
      w.calendar.faults.insert = ['lose-response'];
      w.calendar.faults.delete = ['kill-during'];
    },
  },
];

const AT = { channelId: 'C1', responseUrl: 'https://hooks.slack.test/actions/1' };
const said = (o: BookingOutcome) => (o.kind === 'draft-failed' ? `draft-failed (event ${o.eventRemoved ? 'removed' : 'kept'})` : o.kind);

async function doubleClick(w: World): Promise<string> {
  const both = await Promise.allSettled([bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT), bookSlot(w.deps, OLIVIA, 'req-1', SLOT.start, AT)]);
  return both.map((r) => (r.status === 'fulfilled' ? said(r.value) : 'killed')).join(' + ');
}

async function run(row: (typeof ROWS)[number], messageIds: 'keep' | 'replace') {
  const w = scheduleWorld();
  w.gmail.messageIds = messageIds;
  await w.store.put(proposal());
  row.setup(w);
  const saw = [await doubleClick(w)];
  if (!w.life.alive) w.restart();
  for (let round = 0; round < 5 && inFlight(w.store).length > 0; round++) {
    w.pass(2 * w.deps.bookingLeaseMs);
    for (const r of await recoverBookings(w.deps)) saw.push(`recovery: ${said(r.outcome)}`);
  }
  const recovered = { events: w.calendar.events.size, drafts: w.gmail.drafts.size };
  saw.push(`again: ${await doubleClick(w)}`);
  const record = await w.store.get('req-1');
  return { w, record, saw, recovered, events: w.calendar.events.size, drafts: w.gmail.drafts.size };
}

const table: string[] = ['| fault × point | drafts (after recovery → after clicking again) | events (same) | user saw |', '|---|---|---|---|'];
afterAll(() => console.log(`\n${table.join('\n')}\n`));

describe('fault matrix: lost answers × kill points × double clicks', () => {
  it.each(ROWS)('$name', async (row) => {
    const keep = await run(row, 'keep');
    const replace = await run(row, 'replace');
    for (const r of [keep, replace]) {
      // After recovery: a whole booking or nothing, never half of one.
      expect(r.recovered.events).toBeLessThanOrEqual(1);
      expect(r.recovered.drafts).toBe(r.recovered.events);
      expect(r.events).toBe(1);
      expect(r.drafts).toBe(1);
      expect(r.record?.booking.state).toBe('booked');
      if (r.record?.booking.state !== 'booked') continue;
      expect(r.w.calendar.events.has(r.record.booking.eventId)).toBe(true);
      expect(r.w.gmail.drafts.has(r.record.booking.draftId)).toBe(true);
      expect(inFlight(r.w.store)).toEqual([]);
    }
    // Gmail keeping or replacing the Message-ID changes nothing the user or Google sees.
    expect(replace.saw).toEqual(keep.saw);
    table.push(`| ${row.name} | ${keep.recovered.drafts} → ${keep.drafts} | ${keep.recovered.events} → ${keep.events} | ${keep.saw.join(' → ')} |`);
  });
});
