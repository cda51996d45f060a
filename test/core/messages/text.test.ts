import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, formatSlot, inert, listNames, listWithin, mrkdwnLink, shown } from '../../../src/core/messages/text.js';

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

describe('shown', () => {
  it('escapes, and cuts so the escaped text fits, never inside an entity', () => {
    expect(shown('<!here> & co', 100)).toBe('&lt;!here&gt; &amp; co');
    expect(shown('&&&&', 11)).toBe('&amp;&amp;…');
    expect(shown('abcdef', 4)).toBe('abc…');
  });

  it('never passes the limit and never leaves a raw < or > (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (s, max) => {
        const out = shown(s, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });
});

describe('inert', () => {
  it('is one line, escaped, and cannot format', () => {
    expect(inert('  *bold* _it_\n~gone~ `code` <@U1> ', 200)).toBe('∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ &lt;@U1&gt;');
  });
});

describe('listWithin', () => {
  it('lists all when they fit, readably', () => {
    expect(listWithin(['Ann', 'Bo', 'Cy'], 100)).toBe('Ann, Bo and Cy');
    expect(listWithin(['a', 'b'], 100, { separator: ' · ' })).toBe('a · b');
  });

  it('ends a long list in “+N more”', () => {
    expect(listWithin(['Ann', 'Bo', 'Cy', 'Di'], 100, { maxItems: 2 })).toBe('Ann, Bo, +2 more');
    expect(listWithin(['Ann', 'Bo', 'Cy', 'Di'], 15)).toBe('Ann, +3 more');
  });

  it('never passes its budget and always accounts for every item (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/[,+]/g, 'x')),
          { maxLength: 300 },
        ),
        fc.integer({ min: 10, max: 3000 }),
        (items, max) => {
          const out = listWithin(items, max, { maxItems: 10 });
          expect(out.length).toBeLessThanOrEqual(max);
          const more = /\+(\d+) more$/.exec(out);
          if (more) expect(Number(more[1])).toBeGreaterThan(0);
          else if (items.length > 0 && out !== '') expect(items.length).toBeLessThanOrEqual(10);
        },
      ),
    );
  });
});

describe('mrkdwnLink', () => {
  it('links an http(s) URL and refuses one that could break out of the brackets', () => {
    expect(mrkdwnLink('https://x.test/a?b=1', 'Open')).toBe('<https://x.test/a?b=1|Open>');
    for (const bad of ['javascript:alert(1)', 'https://x.test/a|b', 'https://x.test/<!here>', 'https://x.test/a b', `https://x.test/${'a'.repeat(2000)}`, undefined]) {
      expect(mrkdwnLink(bad, 'Open')).toBeUndefined();
    }
  });
});
