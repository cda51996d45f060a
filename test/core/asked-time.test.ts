import { describe, expect, it } from 'vitest';
import { answerAsked } from '../../src/core/asked-time.js';

const H = 3_600_000;
const at = (h: number, minutes = 60) => ({ start: h * H, end: h * H + minutes * 60_000 });

describe('answerAsked', () => {
  it('puts the asked time first when it is free, then the nearest others', () => {
    const r = answerAsked(at(15), [at(9), at(13), at(15), at(16)], []);
    expect(r.asked).toEqual({ start: 15 * H, free: true, busy: [] });
    expect(r.shown).toEqual([at(13), at(15), at(16)]);
  });

  it('when it is taken: who is busy then, and the nearest free times that day', () => {
    const r = answerAsked(
      at(15),
      [at(9), at(10), at(13), at(17)],
      [
        { name: 'Alice', busy: [{ start: 14.5 * H, end: 16 * H }] },
        { name: 'Bob', busy: [at(9)] },
      ],
    );
    expect(r.asked).toEqual({ start: 15 * H, free: false, busy: ['Alice'] });
    expect(r.shown).toEqual([at(10), at(13), at(17)]);
  });

  it('never shows two times that overlap', () => {
    const r = answerAsked(at(15), [at(14.75), at(15.25), at(15.5), at(18)], []);
    expect(r.shown).toEqual([at(14.75), at(18)]);
  });
});
