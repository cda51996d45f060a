import { intersect, merge, subtract, type Interval } from './intervals.js';

export const STEP_MINUTES = 15;
const MINUTE = 60_000;

export interface SlotQuery {
  /** Each person's working time; a slot must lie inside all of them. */
  availability: readonly (readonly Interval[])[];
  /** Everyone's busy time, in any order. */
  busy: readonly Interval[];
  minutes: number;
  now: number;
  stepMinutes?: number;
}

/**
 * Every start on the step grid (aligned to the clock's quarter hours) where a meeting of the
 * asked length fits in everyone's working time and nobody's busy time, never before `now`.
 */
export function findSlots(q: SlotQuery): Interval[] {
  const step = (q.stepMinutes ?? STEP_MINUTES) * MINUTE;
  const length = q.minutes * MINUTE;
  let common: Interval[] | undefined;
  for (const person of q.availability) {
    const mine = merge(person);
    common = common === undefined ? mine : intersect(common, mine);
  }
  if (!common) return [];
  const free = subtract(common, merge(q.busy));
  const slots: Interval[] = [];
  for (const gap of free) {
    const earliest = Math.max(gap.start, q.now);
    for (let start = Math.ceil(earliest / step) * step; start + length <= gap.end; start += step) {
      slots.push({ start, end: start + length });
    }
  }
  return slots;
}
