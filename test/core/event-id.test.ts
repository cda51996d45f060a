import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventIdFor } from '../../src/core/event-id.js';

const VALID = /^[0-9a-v]{5,1024}$/;

describe('eventIdFor', () => {
  it('is a valid Google Calendar event id for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.nat(), fc.nat(), (requestId, generation, start) => {
        expect(eventIdFor(requestId, generation, start)).toMatch(VALID);
      }),
    );
  });

  it('is stable for the same input', () => {
    expect(eventIdFor('req-1', 0, 1_773_046_800_000)).toBe(eventIdFor('req-1', 0, 1_773_046_800_000));
  });

  it('changes when the generation, the slot or the request changes', () => {
    const base = eventIdFor('req-1', 0, 1_773_046_800_000);
    expect(eventIdFor('req-1', 1, 1_773_046_800_000)).not.toBe(base);
    expect(eventIdFor('req-1', 0, 1_773_047_700_000)).not.toBe(base);
    expect(eventIdFor('req-2', 0, 1_773_046_800_000)).not.toBe(base);
  });

  it('distinct inputs give distinct ids', () => {
    fc.assert(
      fc.property(fc.tuple(fc.string({ maxLength: 20 }), fc.nat(5), fc.nat()), fc.tuple(fc.string({ maxLength: 20 }), fc.nat(5), fc.nat()), (a, b) => {
        fc.pre(a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]);
        expect(eventIdFor(...a)).not.toBe(eventIdFor(...b));
      }),
    );
  });
});
