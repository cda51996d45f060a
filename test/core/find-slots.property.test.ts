import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findSlots, STEP_MINUTES } from '../../src/core/find-slots.js';
import type { Interval } from '../../src/core/intervals.js';
import { workingIntervals } from '../../src/core/working-hours.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const STEP = STEP_MINUTES * MIN;
const W0 = DateTime.fromISO('2026-03-09T00:00', { zone: 'UTC' }).toMillis();

/** Independent oracle: is [start, end) covered by the union of `pieces` (any order, may overlap)? */
function covered(slot: Interval, pieces: readonly Interval[]): boolean {
  let cursor = slot.start;
  for (let progress = true; cursor < slot.end && progress; ) {
    progress = false;
    for (const p of pieces) {
      if (p.start <= cursor && cursor < p.end) {
        cursor = p.end;
        progress = true;
      }
    }
  }
  return cursor >= slot.end;
}

const clash = (slot: Interval, busy: readonly Interval[]) => busy.some((b) => b.start < slot.end && slot.start < b.end && b.end > b.start);

function fits(slot: Interval, availability: readonly (readonly Interval[])[], busy: readonly Interval[], now: number): boolean {
  return slot.start >= now && availability.length > 0 && availability.every((p) => covered(slot, p)) && !clash(slot, busy);
}

const intervalIn = (span: number, maxLength: number) =>
  fc.tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: maxLength })).map(([s, len]) => ({ start: W0 + s, end: W0 + s + len }));

function scenario(span: number) {
  return fc.record({
    availability: fc.array(fc.array(intervalIn(span, Math.max(10 * 60 * MIN, span / 4)), { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
    busy: fc.array(intervalIn(span, 3 * 60 * MIN), { maxLength: 40 }),
    minutes: fc.integer({ min: 5, max: 480 }),
    now: fc.integer({ min: -DAY, max: span }).map((n) => W0 + n),
  });
}

function checkSound(q: { availability: Interval[][]; busy: Interval[]; minutes: number; now: number }, slots: readonly Interval[]): void {
  for (const slot of slots) {
    expect(slot.end - slot.start).toBe(q.minutes * MIN);
    expect(slot.start % STEP).toBe(0);
    expect(slot.start).toBeGreaterThanOrEqual(q.now);
    expect(clash(slot, q.busy)).toBe(false);
    for (const person of q.availability) expect(covered(slot, person)).toBe(true);
  }
  for (let i = 1; i < slots.length; i++) expect((slots[i] as Interval).start).toBeGreaterThan((slots[i - 1] as Interval).start);
}

describe('findSlots properties', () => {
  it('every slot has the asked length, is free, inside everyone’s availability, and not before now (2-week window)', () => {
    fc.assert(
      fc.property(scenario(14 * DAY), (q) => checkSound(q, findSlots(q))),
      { numRuns: 200 },
    );
  });

  it('is complete: every quarter-hour start that fits is returned, and nothing else (2-day window)', () => {
    fc.assert(
      fc.property(scenario(2 * DAY), (q) => {
        const got = findSlots(q).map((s) => s.start);
        const expected: number[] = [];
        for (let start = W0 - DAY; start <= W0 + 3 * DAY; start += STEP) {
          if (fits({ start, end: start + q.minutes * MIN }, q.availability, q.busy, q.now)) expected.push(start);
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is sound with real working hours in random zones', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide', 'Pacific/Auckland'];
    const hours = fc.record({
      zone: fc.constantFrom(...zones),
      startMinute: fc.integer({ min: 0, max: 12 * 4 }).map((q) => q * 15),
      length: fc.integer({ min: 4 * 4, max: 12 * 4 }).map((q) => q * 15),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    });
    fc.assert(
      fc.property(
        fc.array(hours, { minLength: 1, maxLength: 4 }),
        fc.array(intervalIn(14 * DAY, 3 * 60 * MIN), { maxLength: 40 }),
        fc.integer({ min: 5, max: 480 }),
        fc.integer({ min: 0, max: 14 * DAY }),
        (people, busy, minutes, offset) => {
          const from = W0;
          const to = W0 + 14 * DAY;
          const availability = people.map((h) => workingIntervals({ zone: h.zone, startMinute: h.startMinute, endMinute: h.startMinute + h.length, days: h.days }, from, to));
          const q = { availability, busy, minutes, now: W0 + offset };
          const slots = findSlots(q);
          checkSound(q, slots);
          for (const s of slots) expect(s.end).toBeLessThanOrEqual(to);
        },
      ),
      { numRuns: 200 },
    );
  });
});
