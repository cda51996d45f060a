import { intersect, merge, type Interval } from './intervals.js';
import { workingIntervals, type WorkingHours } from './working-hours.js';

export interface HoursOf {
  name: string;
  hours: WorkingHours;
}

/** Why a search found nothing, in numbers a person can act on. */
export type NoTimeReason =
  /** Two people's working hours never meet in the searched days; `apartMinutes` is the smallest gap. */
  | { kind: 'hours-never-overlap'; first: HoursOf; second: HoursOf; apartMinutes: number }
  /** Everyone's hours meet, but never for as long as the meeting. */
  | { kind: 'overlap-too-short'; overlapMinutes: number; minutes: number }
  /** There is common working time long enough; calendars fill it. */
  | { kind: 'calendars-full'; commonMinutes: number };

const MINUTE = 60_000;

function gapBetween(a: readonly Interval[], b: readonly Interval[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const x of a) for (const y of b) best = Math.min(best, Math.max(0, y.start - x.end, x.start - y.end));
  return best;
}

/**
 * Reads the searched window the way a person would ask "why nothing?": first whether everyone's
 * working hours meet at all, then whether they meet long enough, and only then the calendars.
 */
export function whyNoTime(q: { people: readonly HoursOf[]; from: number; to: number; minutes: number }): NoTimeReason {
  const spans = q.people.map((p) => ({ person: p, working: merge(workingIntervals(p.hours, q.from, q.to)) }));
  let common: Interval[] | undefined;
  for (const s of spans) common = common === undefined ? s.working : intersect(common, s.working);
  const longest = Math.max(0, ...(common ?? []).map((i) => i.end - i.start));

  if (longest === 0) {
    let worst: NoTimeReason | undefined;
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i];
        const b = spans[j];
        if (!a || !b || intersect(a.working, b.working).length > 0) continue;
        const apart = gapBetween(a.working, b.working);
        const apartMinutes = Number.isFinite(apart) ? Math.round(apart / MINUTE) : 0;
        if (!worst || (worst.kind === 'hours-never-overlap' && apartMinutes > worst.apartMinutes)) {
          worst = { kind: 'hours-never-overlap', first: a.person, second: b.person, apartMinutes };
        }
      }
    }
    // Pairwise they may all meet while the three together never do: then the overlap is zero.
    return worst ?? { kind: 'overlap-too-short', overlapMinutes: 0, minutes: q.minutes };
  }
  if (longest < q.minutes * MINUTE) return { kind: 'overlap-too-short', overlapMinutes: Math.floor(longest / MINUTE), minutes: q.minutes };
  const total = (common ?? []).reduce((sum, i) => sum + (i.end - i.start), 0);
  return { kind: 'calendars-full', commonMinutes: Math.floor(total / MINUTE) };
}
