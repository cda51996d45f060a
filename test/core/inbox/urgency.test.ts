import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreUrgency, URGENCY_RULES, URGENT_AT, urgencyRules } from '../../../src/core/inbox/urgency.js';

/** The table, read as cases: the text, whether it is flagged, and the reasons it gives. */
const CASES: Array<[string, boolean, string[]]> = [
  ['URGENT: invoice', true, ['urgent']],
  ['Need this asap', true, ['urgent']],
  ['reply A.S.A.P.', true, ['urgent']],
  ['Important update', true, ['important']],
  // Deadlines
  ['Deadline moved', true, ['deadline']],
  ['Please review before Friday', true, ['deadline']],
  ['Numbers by EOD please', true, ['deadline']],
  ['by end of day', true, ['deadline']],
  ['Report due tomorrow', true, ['deadline']],
  ['Invoice due by Monday', true, ['deadline']],
  ['Payment due in 3 days', true, ['deadline']],
  ['Need it EOD', true, ['deadline']],
  // Failures
  ['Build failed on main', true, ['build failed']],
  ['[CI] Tests have failed for #1234', true, ['build failed']],
  ['Nightly job failing since Tuesday', true, ['failing']],
  ['Outage in eu-west', true, ['outage']],
  ['Incident INC-42 opened', true, ['incident']],
  ['The site is down', true, ['down']],
  ['Checkout went down again', true, ['down']],
  ['Error rate above threshold', true, ['error']],
  // Not urgent
  ['Lunch on Friday?', false, []],
  ['Due to the weather the party moves', false, []],
  ['Sit down and relax', false, []],
  ['Unimportant deadlines-ish? importantly no, urgently', false, []],
  ['Weekly newsletter', false, []],
  // Words that take urgency back
  ['[Resolved] Outage in eu-west', false, []],
  ['Incident INC-42: all clear', false, []],
  ['Error report, no action required', false, []],
];

describe('the urgency table', () => {
  it.each(CASES)('“%s” flagged: %s, for %j', (text, flagged, reasons) => {
    const u = scoreUrgency(text);
    expect(u.urgent).toBe(flagged);
    expect(u.score >= URGENT_AT).toBe(flagged);
    if (flagged) expect(u.matches.filter((m) => m.weight > 0).map((m) => m.reason)).toEqual(reasons);
  });

  it('counts each reason once: “by EOD” is one deadline', () => {
    expect(scoreUrgency('Numbers by EOD').matches).toEqual([{ reason: 'deadline', weight: 2, match: 'by EOD' }]);
  });

  it('names the words as written in the mail, strongest reason first', () => {
    expect(scoreUrgency('Deadline: the BUILD FAILED').matches.map((m) => [m.reason, m.match])).toEqual([
      ['build failed', 'BUILD FAILED'],
      ['deadline', 'Deadline'],
    ]);
  });

  it('every row is data: a pattern, a reason and a weight', () => {
    for (const r of URGENCY_RULES) {
      expect(r.reason.trim()).not.toBe('');
      expect(Number.isFinite(r.weight)).toBe(true);
      expect(r.pattern instanceof RegExp || typeof r.pattern === 'string').toBe(true);
    }
  });

  it('a workspace adds rows: a phrase (whole words, any case) or a pattern, and negative rows', () => {
    const rules = urgencyRules([
      { pattern: 'sev 1', reason: 'sev 1', weight: 3 },
      { pattern: /\bpayroll\b/gi, reason: 'payroll', weight: 2 },
      { pattern: 'load test', reason: 'only a drill', weight: -5 },
    ]);
    expect(scoreUrgency('SEV  1 in payments', rules).urgent).toBe(true);
    expect(scoreUrgency('sev 12 follow-up', rules).urgent).toBe(false);
    // A g flag is dropped, so the same row matches every time, not every other time.
    expect([1, 2, 3].map(() => scoreUrgency('payroll run', rules).urgent)).toEqual([true, true, true]);
    expect(scoreUrgency('Outage during the load test', rules).urgent).toBe(false);
  });

  it('leaves out rows it cannot trust', () => {
    const rules = urgencyRules([
      { pattern: '', reason: 'empty', weight: 3 },
      { pattern: 'x', reason: ' ', weight: 3 },
      { pattern: 'y', reason: 'nan', weight: Number.NaN },
      { pattern: /(?:)/, reason: 'matches everything', weight: 3 },
    ]);
    expect(rules).toHaveLength(URGENCY_RULES.length);
  });

  it('a phrase row escapes regular-expression characters', () => {
    const rules = urgencyRules([{ pattern: 'a.b (c)', reason: 'literal', weight: 3 }]);
    expect(scoreUrgency('a.b (c)', rules).urgent).toBe(true);
    expect(scoreUrgency('axb c', rules).urgent).toBe(false);
  });

  it('never throws and stays quick on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const started = performance.now();
        const u = scoreUrgency(text);
        expect(u.urgent).toBe(u.score >= URGENT_AT);
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { numRuns: 300 },
    );
  });
});
