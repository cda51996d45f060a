import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE, InboxAsk, MAX_PAGE, parseInboxAsk } from '../../../src/core/inbox/ask.js';

const ask = (text: string) => {
  const r = parseInboxAsk(text);
  if (r.kind !== 'inbox') throw new Error(`"${text}" was not read as a mail ask`);
  return r.ask;
};

describe('parseInboxAsk', () => {
  it.each([
    ['any unread email?', { limit: DEFAULT_PAGE }],
    ['summarize my unread emails from the last 48 hours', { limit: DEFAULT_PAGE, range: { kind: 'hours', hours: 48 } }],
    ['unread from boss@company.com', { limit: DEFAULT_PAGE, from: { kind: 'text', value: 'boss@company.com' } }],
    ['unread with label work today', { limit: DEFAULT_PAGE, label: 'work', range: { kind: 'today' } }],
    ['what came in my inbox yesterday', { limit: DEFAULT_PAGE, range: { kind: 'yesterday' } }],
    ['unread mail this week', { limit: DEFAULT_PAGE, range: { kind: 'this-week' } }],
    ['emails from the past 3 days', { limit: DEFAULT_PAGE, range: { kind: 'hours', hours: 72 } }],
    ['unread in the last hour', { limit: DEFAULT_PAGE, range: { kind: 'hours', hours: 1 } }],
    ['email from alice', { limit: DEFAULT_PAGE, from: { kind: 'text', value: 'alice' } }],
    ['top 5 unread emails', { limit: 5 }],
    ['show me 50 unread messages in my inbox', { limit: MAX_PAGE }],
    ['unread labelled "Project X/Q3"', { limit: DEFAULT_PAGE, label: 'Project X/Q3' }],
    ['unread label:receipts', { limit: DEFAULT_PAGE, label: 'receipts' }],
  ])('reads “%s”', (text, expected) => {
    expect(ask(text)).toEqual(expected);
  });

  it('reads what Slack actually sends: the bot mention first, emails as mailto links, entities', () => {
    expect(ask('<@U0FAKEBOT> unread from <mailto:boss@company.com|boss@company.com> &amp; today')).toEqual({
      limit: DEFAULT_PAGE,
      from: { kind: 'text', value: 'boss@company.com' },
      range: { kind: 'today' },
    });
  });

  it.each([
    ['what’s urgent?', { limit: MAX_PAGE, onlyUrgent: true }],
    ["what's urgent", { limit: MAX_PAGE, onlyUrgent: true }],
    ['anything important?', { limit: MAX_PAGE, onlyUrgent: true }],
    ['<@U0FAKEBOT> is there anything urgent in my inbox?', { limit: MAX_PAGE, onlyUrgent: true }],
    ['urgent emails from today', { limit: MAX_PAGE, onlyUrgent: true, range: { kind: 'today' } }],
    ['top 5 urgent emails', { limit: 5, onlyUrgent: true }],
    ['anything important from boss@company.com?', { limit: MAX_PAGE, onlyUrgent: true, from: { kind: 'text', value: 'boss@company.com' } }],
  ])('reads “%s” as asking only for what looks urgent', (text, expected) => {
    expect(ask(text)).toEqual(expected);
  });

  it('a label or an address with an urgent word is a filter, not an urgent-only ask', () => {
    expect(ask('unread with label important')).toEqual({ limit: DEFAULT_PAGE, label: 'important' });
    expect(ask('unread from urgent@company.com')).toEqual({ limit: DEFAULT_PAGE, from: { kind: 'text', value: 'urgent@company.com' } });
  });

  it('a Slack user as sender is kept as the user, to be looked up', () => {
    expect(ask('unread from <@U0ALICE|alice> this week').from).toEqual({ kind: 'slack-user', userId: 'U0ALICE' });
  });

  it('never takes a time phrase or a label for the sender', () => {
    expect(ask('unread emails from the last 2 days').from).toBeUndefined();
    expect(ask('unread mail from today').from).toBeUndefined();
    expect(ask('unread with label from')).toEqual({ limit: DEFAULT_PAGE, label: 'from' });
    expect(ask('unread with label work from boss@x.com')).toMatchObject({ label: 'work', from: { value: 'boss@x.com' } });
  });

  it.each(['hello', 'help', 'help with unread email', 'help with urgent email', '/schedule @alice 30m Sync', '', '   ', 'what can you do?'])('“%s” gets the help', (text) => {
    expect(parseInboxAsk(text)).toEqual({ kind: 'help' });
  });

  it('drops a filter that could reach Slack or Gmail as markup', () => {
    expect(ask('unread from `rm`').from).toBeUndefined();
    expect(ask('unread from <!channel>').from).toBeUndefined();
    expect(ask('unread with label "a<b"').label).toBeUndefined();
  });

  it('never throws and always returns a valid ask (property)', () => {
    const words = fc.constantFrom('unread', 'email', 'from', 'label', 'with', 'last', '48', 'hours', 'today', 'top', '<@U1>', '<mailto:a@b.c|a@b.c>', '"', '`', '&amp;', 'x@y.z', ':', '\n');
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = parseInboxAsk(t);
        if (r.kind === 'inbox') expect(InboxAsk.safeParse(r.ask).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
