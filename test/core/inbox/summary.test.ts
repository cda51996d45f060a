import { describe, expect, it } from 'vitest';
import { countsOf, onlyUrgent, parseSender, summarize, urgencyOf, urgencyRules } from '../../../src/core/inbox/summary.js';
import { mail, T } from './fixtures.js';

describe('parseSender', () => {
  it.each([
    ['"Lee, Ann" <Ann@X.com>', { name: 'Lee, Ann', email: 'ann@x.com' }],
    ['Ann <ann@x.com>', { name: 'Ann', email: 'ann@x.com' }],
    ['<ann@x.com>', { name: undefined, email: 'ann@x.com' }],
    ['ann@x.com', { email: 'ann@x.com' }],
    ['Mailer Daemon', {}],
    ['', {}],
  ])('%s', (header, expected) => {
    expect(parseSender(header)).toEqual({ ...expected, raw: header.trim() });
  });
});

describe('urgencyOf', () => {
  it.each(['URGENT: invoice', 'Need this asap', 'Deadline moved', 'Important update', 'reply A.S.A.P.'])('flags the words in “%s”', (subject) => {
    expect(urgencyOf(mail({ subject })).length).toBeGreaterThan(0);
  });

  it('looks at the snippet too, and names the reason and the words', () => {
    expect(urgencyOf(mail({ snippet: 'the deadline is Friday' }))).toEqual([{ reason: 'deadline', weight: 2, match: 'deadline' }]);
  });

  it('does not flag words that merely contain one', () => {
    expect(urgencyOf(mail({ subject: 'Unimportant deadlines-ish? importantly no', snippet: 'urgently' }))).toEqual([]);
  });

  it('is about the words only: who sent it is the summary’s other part', () => {
    expect(urgencyOf(mail({ fromHeader: 'Bob <bob@acme.test>' }))).toEqual([]);
  });
});

describe('summarize', () => {
  it('puts mail from people you work with first, then urgent-looking mail, then the rest, newest first in each', () => {
    const older = mail({ subject: 'ASAP please', receivedAt: T - 5 * 60_000 });
    const newest = mail({ receivedAt: T });
    const colleague = mail({ fromHeader: 'bob@acme.test', receivedAt: T - 60_000 });
    const plain = mail({ receivedAt: T - 10 * 60_000 });
    const s = summarize([older, newest, colleague, plain], new Set(['bob@acme.test']));
    const ids = (groups: typeof s.rest) => groups.flatMap((g) => g.entries.map((e) => e.item.id));
    expect(ids(s.colleagues)).toEqual([colleague.id]);
    expect(ids(s.urgent)).toEqual([older.id]);
    expect(ids(s.rest)).toEqual([newest.id, plain.id]);
    expect(s.colleagues[0]?.entries[0]).toMatchObject({ colleague: true, urgent: [] });
  });

  it('puts the most urgent first within the urgent part', () => {
    const deadline = mail({ subject: 'Report due tomorrow', receivedAt: T });
    const outage = mail({ subject: 'Outage: checkout down', receivedAt: T - 60_000 });
    const s = summarize([deadline, outage], new Set());
    expect(s.urgent.flatMap((g) => g.entries.map((e) => e.item.id))).toEqual([outage.id, deadline.id]);
  });

  it('keeps a colleague’s urgent mail with the colleague, flag and all', () => {
    const m = mail({ fromHeader: 'bob@acme.test', subject: 'Build failed on main' });
    const s = summarize([m], new Set(['bob@acme.test']));
    expect(s.urgent).toEqual([]);
    expect(s.colleagues[0]?.entries[0]?.urgent.map((r) => r.reason)).toEqual(['build failed']);
    expect(countsOf(s)).toEqual({ listed: 1, urgent: 1, colleagues: 1 });
    expect(onlyUrgent(s).colleagues).toHaveLength(1);
  });

  it('takes a workspace’s own rows', () => {
    const m = mail({ subject: 'P1: payments' });
    expect(summarize([m], new Set()).urgent).toEqual([]);
    const rules = urgencyRules([{ pattern: 'P1', reason: 'P1 ticket', weight: 3 }]);
    expect(summarize([m], new Set(), rules).urgent[0]?.entries[0]?.urgent).toEqual([{ reason: 'P1 ticket', weight: 3, match: 'P1' }]);
  });

  it('groups one sender’s messages, placed by their newest', () => {
    const a1 = mail({ fromHeader: 'A <a@x.com>', receivedAt: T });
    const b = mail({ fromHeader: 'b@x.com', receivedAt: T - 1000 });
    const a2 = mail({ fromHeader: 'a@X.com', receivedAt: T - 2000 });
    const a3 = mail({ fromHeader: '"A" <a@x.com>', receivedAt: T - 3000 });
    const s = summarize([a3, b, a2, a1], new Set());
    expect(s.urgent).toEqual([]);
    expect(s.colleagues).toEqual([]);
    expect(s.rest.map((g) => [g.sender.email, g.entries.map((e) => e.item.id)])).toEqual([
      ['a@x.com', [a1.id, a2.id, a3.id]],
      ['b@x.com', [b.id]],
    ]);
  });

  it('an empty page is empty', () => {
    expect(summarize([], new Set())).toEqual({ colleagues: [], urgent: [], rest: [] });
  });
});
