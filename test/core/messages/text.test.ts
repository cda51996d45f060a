import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, formatSlot, listNames } from '../../../src/core/messages/text.js';

describe('escapeText', () => {
  it('escapes Slack control characters', () => {
    expect(escapeText('<!channel>')).toBe('&lt;!channel&gt;');
    expect(escapeText('R&D <@U1>')).toBe('R&amp;D &lt;@U1&gt;');
    expect(escapeText('&lt;')).toBe('&amp;lt;');
    expect(escapeText('plain *bold* text')).toBe('plain *bold* text');
  });

  it('never leaves a raw < or > and round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const e = escapeText(s);
        expect(e).not.toMatch(/[<>]/);
        expect(e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(s);
      }),
    );
  });
});

describe('formatSlot', () => {
  const start = Date.UTC(2026, 10, 23, 15, 0);
  const slot = { start, end: start + 30 * 60_000 };

  it('shows the time in the given zone with its abbreviation', () => {
    expect(formatSlot(slot, 'America/New_York')).toBe('Mon 23 Nov, 10:00–10:30 EST');
    expect(formatSlot(slot, 'UTC')).toBe('Mon 23 Nov, 15:00–15:30 UTC');
  });

  it('shows 09:00 in Kolkata for 03:30Z', () => {
    const early = Date.UTC(2026, 2, 10, 3, 30);
    expect(formatSlot({ start: early, end: early + 3_600_000 }, 'Asia/Kolkata')).toMatch(/^Tue 10 Mar, 09:00–10:00 /);
  });
});

describe('listNames', () => {
  it('joins names readably', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['Ann'])).toBe('Ann');
    expect(listNames(['Ann', 'Bo'])).toBe('Ann and Bo');
    expect(listNames(['Ann', 'Bo', 'Cy'])).toBe('Ann, Bo and Cy');
  });
});
