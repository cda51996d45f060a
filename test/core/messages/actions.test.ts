import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION, decodeRequest, decodeSlot, encodeRequest, encodeSlot } from '../../../src/core/messages/actions.js';

describe('action ids', () => {
  it('are distinct', () => {
    const ids = Object.values(ACTION);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('button values', () => {
  it('round-trip a request and a slot', () => {
    expect(decodeRequest(encodeRequest('req-1'))).toEqual({ r: 'req-1' });
    expect(decodeSlot(encodeSlot('req-1', 1_773_113_400_000))).toEqual({ r: 'req-1', s: 1_773_113_400_000 });
  });

  it('round-trip any request id up to 64 chars (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.nat(), (r, s) => {
        expect(decodeRequest(encodeRequest(r))).toEqual({ r });
        expect(decodeSlot(encodeSlot(r, s))).toEqual({ r, s });
      }),
    );
  });

  it.each([undefined, '', 'not json', '{}', '{"r":""}', '{"r":5}', 'null', '[1]', JSON.stringify({ r: 'x'.repeat(65) })])('decodeRequest rejects %j', (value) => {
    expect(decodeRequest(value)).toBeUndefined();
  });

  it.each(['{"r":"a"}', '{"r":"a","s":-1}', '{"r":"a","s":1.5}', '{"r":"a","s":"1"}'])('decodeSlot rejects %j', (value) => {
    expect(decodeSlot(value)).toBeUndefined();
  });

  it('a slot value is also a request value (the request part is read the same)', () => {
    expect(decodeRequest(encodeSlot('req-9', 5))).toEqual({ r: 'req-9' });
  });
});
