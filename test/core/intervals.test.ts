import { describe, expect, it } from 'vitest';
import { intersect, merge, overlaps, subtract, type Interval } from '../../src/core/intervals.js';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('merge', () => {
  it('sorts, joins overlapping and touching intervals, and drops empty ones', () => {
    expect(merge([iv(10, 20), iv(0, 5), iv(5, 7), iv(15, 30), iv(40, 40), iv(50, 45), iv(35, 36)])).toEqual([iv(0, 7), iv(10, 30), iv(35, 36)]);
  });

  it('keeps a contained interval inside its container', () => {
    expect(merge([iv(0, 100), iv(10, 20)])).toEqual([iv(0, 100)]);
  });

  it('does not mutate its input', () => {
    const input = [iv(0, 10), iv(5, 20)];
    merge(input);
    expect(input).toEqual([iv(0, 10), iv(5, 20)]);
  });

  it('is empty for no intervals', () => {
    expect(merge([])).toEqual([]);
  });
});

describe('intersect', () => {
  it('keeps only the common parts', () => {
    expect(intersect([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
  });

  it('drops touching-only pairs', () => {
    expect(intersect([iv(0, 10)], [iv(10, 20)])).toEqual([]);
  });

  it('handles equal ends and many pieces', () => {
    expect(intersect([iv(0, 10), iv(12, 20), iv(30, 40)], [iv(5, 10), iv(11, 35)])).toEqual([iv(5, 10), iv(12, 20), iv(30, 35)]);
  });

  it('is empty when either side is empty', () => {
    expect(intersect([], [iv(0, 1)])).toEqual([]);
    expect(intersect([iv(0, 1)], [])).toEqual([]);
  });
});

describe('subtract', () => {
  it('cuts busy time out of free windows', () => {
    expect(subtract([iv(0, 100)], [iv(10, 20), iv(30, 40)])).toEqual([iv(0, 10), iv(20, 30), iv(40, 100)]);
  });

  it('handles busy time spanning window edges and several windows', () => {
    expect(subtract([iv(0, 10), iv(20, 30), iv(40, 50)], [iv(5, 25), iv(45, 60)])).toEqual([iv(0, 5), iv(25, 30), iv(40, 45)]);
  });

  it('leaves nothing when busy covers everything, and everything when busy is empty', () => {
    expect(subtract([iv(10, 20)], [iv(0, 30)])).toEqual([]);
    expect(subtract([iv(10, 20)], [])).toEqual([iv(10, 20)]);
  });

  it('ignores busy time entirely outside the windows', () => {
    expect(subtract([iv(10, 20)], [iv(0, 10), iv(20, 30)])).toEqual([iv(10, 20)]);
  });
});

describe('overlaps', () => {
  it('is true for a shared stretch and false for touching or apart intervals', () => {
    expect(overlaps(iv(0, 10), iv(9, 20))).toBe(true);
    expect(overlaps(iv(0, 10), iv(2, 3))).toBe(true);
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(10, 20), iv(0, 10))).toBe(false);
    expect(overlaps(iv(0, 1), iv(5, 6))).toBe(false);
  });
});
