import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinutes, MAX_MINUTES, MIN_MINUTES, parseDuration } from '../../src/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30m', 30],
    ['45min', 45],
    ['45 mins', 45],
    ['1h', 60],
    ['1H', 60],
    ['1hr', 60],
    ['1h30m', 90],
    ['1h30', 90],
    ['1h 30min', 90],
    ['90m', 90],
    ['1.5h', 90],
    ['0.25h', 15],
    ['0.1h', 6],
    ['2hours', 120],
  ])('%s is %i minutes', (token, minutes) => {
    expect(parseDuration(token)).toEqual({ kind: 'ok', minutes });
  });

  it.each([
    ['4m', 4],
    ['0m', 0],
    ['9h', 540],
    ['8h1m', 481],
  ])('%s is out of range', (token, minutes) => {
    expect(parseDuration(token)).toEqual({ kind: 'out-of-range', minutes });
  });

  it.each(['1.01h', '0.01h', '', 'm', 'h', '1.5m', '30', 'thirty', '-30m', '1e3m', '1h30h'])('%j is not a duration', (token) => {
    expect(parseDuration(token)).toEqual({ kind: 'not-a-duration' });
  });

  it('a number of minutes too big for a double is not a duration', () => {
    expect(parseDuration(`${'9'.repeat(400)}m`)).toEqual({ kind: 'not-a-duration' });
  });

  // Regression: Number('4.1') * 60 is 245.99999999999997 in floating point; these were once
  // rejected as "not a duration" although they are whole minutes.
  it.each([
    ['4.1h', 246],
    ['2.05h', 123],
    ['4.15h', 249],
  ])('decimal hours that are whole minutes are accepted: %s is %i minutes', (token, minutes) => {
    expect(parseDuration(token)).toEqual({ kind: 'ok', minutes });
  });

  it('accepts every whole number of minutes in range and nothing outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
        const parsed = parseDuration(`${n}m`);
        expect(parsed).toEqual(n >= MIN_MINUTES && n <= MAX_MINUTES ? { kind: 'ok', minutes: n } : { kind: 'out-of-range', minutes: n });
      }),
    );
  });
});

describe('formatMinutes', () => {
  it.each([
    [5, '5 min'],
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [480, '8 h'],
  ])('%i is %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
