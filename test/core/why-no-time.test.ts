import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { whyNoTime } from '../../src/core/why-no-time.js';
import { defaultHours } from '../../src/core/working-hours.js';

const from = DateTime.fromISO('2026-12-07T00:00', { zone: 'UTC' }).toMillis(); // a Monday
const to = from + 5 * 86_400_000;
const person = (name: string, zone: string, startHour = 9, endHour = 17) => ({ name, hours: { ...defaultHours(zone), startMinute: startHour * 60, endMinute: endHour * 60 } });

describe('whyNoTime', () => {
  it('New York and Kolkata office hours never meet: says who and how far apart', () => {
    const r = whyNoTime({ people: [person('Olivia', 'America/New_York'), person('Priya', 'Asia/Kolkata')], from, to, minutes: 30 });
    // Kolkata 17:00 is 06:30 in New York (EST): 2.5 h before Olivia's 09:00.
    expect(r).toEqual({ kind: 'hours-never-overlap', first: expect.objectContaining({ name: 'Olivia' }), second: expect.objectContaining({ name: 'Priya' }), apartMinutes: 150 });
  });

  it('hours that meet for less than the meeting: the overlap in minutes', () => {
    // London 09–17 and New York 09–17 (EST) meet 14:00–17:00 London: 180 minutes.
    const r = whyNoTime({ people: [person('Alice', 'Europe/London'), person('Olivia', 'America/New_York')], from, to, minutes: 240 });
    expect(r).toEqual({ kind: 'overlap-too-short', overlapMinutes: 180, minutes: 240 });
  });

  it('enough common hours: it is the calendars', () => {
    const r = whyNoTime({ people: [person('Alice', 'Europe/London'), person('Bob', 'Europe/Berlin')], from, to, minutes: 60 });
    expect(r).toMatchObject({ kind: 'calendars-full' });
    expect(r.kind === 'calendars-full' && r.commonMinutes).toBe(5 * 7 * 60);
  });

  it('three whose pairs meet but never all together: no overlap at all', () => {
    const people = [person('A', 'UTC', 9, 13), person('B', 'UTC', 12, 16), person('C', 'UTC', 14, 18)];
    expect(whyNoTime({ people, from, to, minutes: 30 })).toEqual({
      kind: 'hours-never-overlap',
      first: expect.objectContaining({ name: 'A' }),
      second: expect.objectContaining({ name: 'C' }),
      apartMinutes: 60,
    });
  });

  it('a half-hour zone across a DST change keeps its numbers', () => {
    const marchFrom = DateTime.fromISO('2026-03-06T00:00', { zone: 'UTC' }).toMillis();
    const r = whyNoTime({ people: [person('Olivia', 'America/New_York'), person('Priya', 'Asia/Kolkata')], from: marchFrom, to: marchFrom + 7 * 86_400_000, minutes: 30 });
    // After 8 March New York is on EDT: Kolkata 17:00 is 07:30 there, 1.5 h before 09:00; the smallest gap wins.
    expect(r).toMatchObject({ kind: 'hours-never-overlap', apartMinutes: 90 });
  });
});
