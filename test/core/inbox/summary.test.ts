import { describe, expect, it } from 'vitest';
import { parseSender, summarize, urgencyOf } from '../../../src/core/inbox/summary.js';
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
    expect(urgencyOf(mail({ subject }), new Set()).map((r) => r.kind)).toEqual(['words']);
  });

  it('looks at the snippet too, and names the word', () => {
    expect(urgencyOf(mail({ snippet: 'the deadline is Friday' }), new Set())).toEqual([{ kind: 'words', word: 'deadline' }]);
  });

  it('does not flag words that merely contain one', () => {
    expect(urgencyOf(mail({ subject: 'Unimportant deadlines-ish? importantly no', snippet: 'urgently' }), new Set())).toEqual([]);
  });

  it('flags mail from someone in the workspace', () => {
    const m = mail({ fromHeader: 'Bob <bob@acme.test>' });
    expect(urgencyOf(m, new Set(['bob@acme.test']))).toEqual([{ kind: 'colleague' }]);
    expect(urgencyOf(m, new Set())).toEqual([]);
  });
});

describe('summarize', () => {
  it('puts urgent-looking mail first, newest first in each part', () => {
    const older = mail({ subject: 'ASAP please', receivedAt: T - 5 * 60_000 });
    const newest = mail({ receivedAt: T });
    const colleague = mail({ fromHeader: 'bob@acme.test', receivedAt: T - 60_000 });
    const plain = mail({ receivedAt: T - 10 * 60_000 });
    const s = summarize([older, newest, colleague, plain], new Set(['bob@acme.test']));
    expect(s.urgent.flatMap((g) => g.entries.map((e) => e.item.id))).toEqual([colleague.id, older.id]);
    expect(s.rest.flatMap((g) => g.entries.map((e) => e.item.id))).toEqual([newest.id, plain.id]);
  });

  it('groups one sender’s messages, placed by their newest', () => {
    const a1 = mail({ fromHeader: 'A <a@x.com>', receivedAt: T });
    const b = mail({ fromHeader: 'b@x.com', receivedAt: T - 1000 });
    const a2 = mail({ fromHeader: 'a@X.com', receivedAt: T - 2000 });
    const a3 = mail({ fromHeader: '"A" <a@x.com>', receivedAt: T - 3000 });
    const s = summarize([a3, b, a2, a1], new Set());
    expect(s.urgent).toEqual([]);
    expect(s.rest.map((g) => [g.sender.email, g.entries.map((e) => e.item.id)])).toEqual([
      ['a@x.com', [a1.id, a2.id, a3.id]],
      ['b@x.com', [b.id]],
    ]);
  });

  it('an empty page is empty', () => {
    expect(summarize([], new Set())).toEqual({ urgent: [], rest: [] });
  });
});
