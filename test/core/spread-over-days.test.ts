import fc from 'fast-check';
import { localDate } from '../../src/core/zone-clock.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { overlaps, type Interval } from '../../src/core/intervals.js';
import { PROPOSALS_PER_PAGE, spreadOverDays } from '../../src/core/spread-over-days.js';

const ZONE = 'Europe/Berlin';
const MIN = 60_000;
const slot = (iso: string, minutes = 30): Interval => {
  const start = DateTime.fromISO(iso, { zone: ZONE }).toMillis();
  return { start, end: start + minutes * MIN };
};
const label = (list: readonly Interval[]) => list.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toFormat('ccc HH:mm'));

/** Every quarter hour from 09:00 to 11:00 on Mon, Tue and Wed. */
const candidates = ['2026-03-09', '2026-03-10', '2026-03-11'].flatMap((d) =>
  Array.from({ length: 8 }, (_, i) => slot(`${d}T${String(9 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`)),
);

describe('spreadOverDays', () => {
  it('takes the first slot of each day first, earliest days first', () => {
    expect(label(spreadOverDays(candidates, ZONE))).toEqual(['Mon 09:00', 'Tue 09:00', 'Wed 09:00']);
  });

  it('stops at count days when there are more days than count', () => {
    expect(label(spreadOverDays(candidates, ZONE, [], 2))).toEqual(['Mon 09:00', 'Tue 09:00']);
  });

  it('fills from the same days with slots that do not overlap a chosen one', () => {
    expect(label(spreadOverDays(candidates, ZONE, [], 5))).toEqual(['Mon 09:00', 'Mon 09:30', 'Mon 10:00', 'Tue 09:00', 'Wed 09:00']);
  });

  it('fills a single day without overlap', () => {
    const oneDay = candidates.slice(0, 8);
    expect(label(spreadOverDays(oneDay, ZONE))).toEqual(['Mon 09:00', 'Mon 09:30', 'Mon 10:00']);
  });

  it('a later page offers other hours, never the shown times moved by a quarter hour', () => {
    const shown = spreadOverDays(candidates, ZONE).map((s) => s.start);
    const next = spreadOverDays(candidates, ZONE, shown);
    expect(label(next)).toEqual(['Mon 10:00', 'Tue 10:00', 'Wed 10:00']);
    expect(next.every((s) => shown.every((t) => Math.abs(s.start - t) >= 60 * MIN))).toBe(true);
  });

  it('a later page goes to days not shown yet before filling shown ones', () => {
    const thursday = ['2026-03-12T09:00', '2026-03-12T09:15'].map((iso) => slot(iso));
    const shown = [candidates[0]!.start, candidates[8]!.start, candidates[16]!.start];
    const next = label(spreadOverDays([...candidates, ...thursday], ZONE, shown));
    expect(next).toContain('Thu 09:00');
    expect(next).toHaveLength(3);
  });

  it('falls back to nearer times only when nothing farther is left', () => {
    const monday = candidates.slice(0, 4);
    expect(label(spreadOverDays(monday, ZONE, [monday[0]!.start]))).toEqual(['Mon 09:15', 'Mon 09:45']);
  });

  it('returns fewer than count when candidates run out, and nothing for none', () => {
    expect(label(spreadOverDays([slot('2026-03-09T09:00')], ZONE))).toEqual(['Mon 09:00']);
    expect(spreadOverDays([], ZONE)).toEqual([]);
    expect(
      spreadOverDays(
        candidates,
        ZONE,
        candidates.map((s) => s.start),
      ),
    ).toEqual([]);
  });

  it('groups by the calendar day in the given zone', () => {
    // 23:30 and 00:30 Berlin are the same UTC day but different Berlin days.
    const late = slot('2026-03-09T23:30');
    const early = slot('2026-03-10T00:30');
    expect(spreadOverDays([late, slot('2026-03-09T23:45'), early], ZONE, [], 2)).toEqual([late, early]);
  });

  it('never returns more than count, only fresh candidates, sorted, without overlap within a day', () => {
    const arb = fc.record({
      starts: fc.uniqueArray(fc.integer({ min: 0, max: 14 * 24 * 4 }), { maxLength: 60 }),
      minutes: fc.integer({ min: 15, max: 120 }),
      shownCount: fc.nat({ max: 20 }),
      count: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ starts, minutes, shownCount, count }) => {
        const base = slot('2026-03-09T00:00').start;
        const list = [...starts].sort((a, b) => a - b).map((q) => ({ start: base + q * 15 * MIN, end: base + q * 15 * MIN + minutes * MIN }));
        const shown = list.slice(0, shownCount).map((s) => s.start);
        const got = spreadOverDays(list, ZONE, shown, count);
        expect(got.length).toBeLessThanOrEqual(count);
        const day = (s: Interval) => DateTime.fromMillis(s.start, { zone: ZONE }).toISODate();
        const freshDays = new Set(list.filter((s) => !shown.includes(s.start)).map(day));
        expect(got.length).toBeGreaterThanOrEqual(Math.min(count, freshDays.size));
        for (const s of got) {
          expect(list).toContainEqual(s);
          expect(shown).not.toContain(s.start);
        }
        for (let i = 1; i < got.length; i++) expect((got[i] as Interval).start).toBeGreaterThan((got[i - 1] as Interval).start);
        for (const a of got) for (const b of got) if (a !== b && day(a) === day(b)) expect(overlaps(a, b)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('defaults to PROPOSALS_PER_PAGE', () => {
    expect(PROPOSALS_PER_PAGE).toBe(3);
    expect(spreadOverDays(candidates, ZONE, [], undefined)).toHaveLength(PROPOSALS_PER_PAGE);
  });
});

describe('localDate', () => {
  it('is the wall-clock date in the zone, across midnight and a half-hour offset', () => {
    const at = Date.UTC(2026, 10, 23, 19, 0);
    expect(localDate(at, 'America/New_York')).toBe('2026-11-23');
    expect(localDate(at, 'Asia/Kolkata')).toBe('2026-11-24');
    expect(localDate(Date.UTC(2026, 10, 23, 18, 29), 'Asia/Kolkata')).toBe('2026-11-23');
  });
});
