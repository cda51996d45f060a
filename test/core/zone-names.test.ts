import { describe, expect, it } from 'vitest';
import { cityOf, localTimes, safeZone } from '../../src/core/zone-names.js';

const AT = Date.UTC(2026, 11, 2, 20, 0);

describe('cityOf', () => {
  it.each([
    ['Europe/London', 'London'],
    ['America/New_York', 'New York'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
    ['UTC', 'UTC'],
    ['Etc/GMT+5', 'GMT+5'],
  ])('%s is %s', (zone, city) => {
    expect(cityOf(zone)).toBe(city);
  });
});

describe('safeZone', () => {
  it('keeps a known zone and turns anything else into UTC', () => {
    expect(safeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    for (const z of ['', 'Nowhere/Else', undefined]) expect(safeZone(z)).toBe('UTC');
  });
});

describe('localTimes', () => {
  it('lists the zones whose clock differs from the organizer’s, with their people, and the weekday where the date differs', () => {
    const t = localTimes(AT, 'America/New_York', [
      { name: 'Alice', zone: 'Europe/London' },
      { name: 'Bob' },
      { name: 'Ken', zone: 'Asia/Tokyo' },
      { name: 'Ed', zone: 'Europe/London' },
      { name: 'Nia', zone: 'America/Toronto' },
      { name: 'Zed', zone: 'Not/AZone' },
    ]);
    expect(t.map((x) => [x.city, x.names, x.time, x.weekday])).toEqual([
      ['London', ['Alice', 'Ed'], '20:00', undefined],
      ['Tokyo', ['Ken'], '05:00', 'Thu'],
    ]);
  });
});
