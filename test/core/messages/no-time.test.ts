import { describe, expect, it } from 'vitest';
import { explainNoTime } from '../../../src/core/messages/no-time.js';
import { defaultHours } from '../../../src/core/working-hours.js';

const olivia = { name: 'Olivia', hours: defaultHours('America/New_York') };
const priya = { name: 'Priya', hours: defaultHours('Asia/Kolkata') };

describe('explainNoTime', () => {
  it('hours that never meet: whose, in their zones, how far apart, and no advice about other days or shorter meetings', () => {
    const text = explainNoTime({ kind: 'hours-never-overlap', first: olivia, second: priya, apartMinutes: 150 }, 30);
    expect(text).toContain('Olivia works 09:00–17:00 New York time');
    expect(text).toContain('Priya works 09:00–17:00 Kolkata time');
    expect(text).toContain('2 h 30 min apart');
    expect(text).toContain('Other days won’t help');
    expect(text).not.toMatch(/shorter meeting/);
  });

  it('an overlap shorter than the meeting: offers the length that would fit', () => {
    expect(explainNoTime({ kind: 'overlap-too-short', overlapMinutes: 180, minutes: 240 }, 240)).toMatch(/3 h at most.*4 h asked for.*3 h or less would fit/);
  });

  it('full calendars: other days or a shorter meeting', () => {
    expect(explainNoTime({ kind: 'calendars-full', commonMinutes: 2400 }, 30)).toMatch(/40 h.*next week.*shorter meeting/);
  });
});
