import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUsage } from '../../../src/core/messages/usage.js';
import { parseSchedule } from '../../../src/core/parse-schedule.js';
import { allText, buttons, expectWithinSlackLimits, texts } from './helpers.js';

describe('buildUsage', () => {
  it('without a reason shows the help: syntax, durations, when, example', () => {
    const reply = buildUsage();
    const text = allText(reply);
    expect(reply.text).toBe('How to use /schedule');
    expect(text).toContain('/schedule @alice');
    for (const form of ['`30m`', '`45min`', '`1h`', '`1h30m`', '`90m`', '`1.5h`']) expect(text).toContain(form);
    expect(text).toContain('5 min to 8 h');
    expect(text).toMatch(/`today`.*`tomorrow`.*`friday`.*`next week`/);
    expect(text).not.toContain(':warning:');
    expect(buttons(reply.blocks)).toEqual([]);
    expectWithinSlackLimits(reply);
  });

  it('with a reason puts the reason first, then the help', () => {
    const reply = buildUsage('Add a title after the duration.');
    expect(texts(reply.blocks)[0]).toBe(':warning: Add a title after the duration.');
    expect(allText(reply)).toContain('/schedule @alice');
    expect(reply.text).toBe('Add a title after the duration.');
    expectWithinSlackLimits(reply);
  });

  it('escapes the reason, also in the fallback text', () => {
    const reply = buildUsage('but got “<!channel>” & more');
    expect(texts(reply.blocks)[0]).toBe(':warning: but got “&lt;!channel&gt;” &amp; more');
    expect(reply.text).not.toContain('<!channel>');
  });

  it('every reason parseSchedule gives for realistic input fits in Slack', () => {
    const samples = ['<@U1>', '<@U1> 30m', '<@U1> 9h Sync', '30m Sync', '<@U1> 30 Sync', `<@U1> 30m ${'a'.repeat(300)}`, '<!here> 30m x'];
    for (const text of samples) {
      const parsed = parseSchedule(text);
      if (parsed.kind !== 'invalid') throw new Error(`expected invalid for ${text}`);
      expectWithinSlackLimits(buildUsage(parsed.reason));
    }
  });

  // Regression: parseSchedule once echoed the offending word into the reason in full, so the
  // usage section passed Slack's 3000-character limit and the /schedule ack was rejected.
  it.each([
    ['3000 letters', 'x'.repeat(3000)],
    ['800 angle brackets', '<'.repeat(800)],
    ['an overflowing duration', `${'9'.repeat(2990)}m`],
    ['an out-of-range duration', `${'0'.repeat(2990)}9h`],
  ])('the usage reply stays within Slack limits for a long offending word: %s', (_name, word) => {
    const parsed = parseSchedule(`<@U1> ${word} Sync`);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') {
      expect(parsed.reason.length).toBeLessThan(300);
      expectWithinSlackLimits(buildUsage(parsed.reason));
    }
  });

  it('the usage reply for any short /schedule text stays within Slack limits (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const parsed = parseSchedule(text);
        expectWithinSlackLimits(buildUsage(parsed.kind === 'invalid' ? parsed.reason : undefined));
      }),
    );
  });
});
