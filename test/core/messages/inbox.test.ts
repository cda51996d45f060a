import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/core/messages/actions.js';
import { buildInboxEmpty, buildInboxSummary, formatAge, threadLink } from '../../../src/core/messages/inbox.js';
import type { Block } from '../../../src/core/messages/types.js';
import { mail, T, viewOf } from '../inbox/fixtures.js';
import { buttonNamed, buttons, expectWithinSlackLimits, texts } from './helpers.js';

const MIN = 60_000;

/** Every text object in the blocks with its type, at any depth. */
function textObjects(blocks: readonly Block[]): Array<{ type: string; text: string }> {
  const out: Array<{ type: string; text: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') out.push({ type: o.type, text: o.text });
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

describe('buildInboxSummary', () => {
  it('says how many, lists each with bold subject, sender, age (a date token), snippet and a Gmail link', () => {
    const m = mail({ fromHeader: 'Ann Lee <ann@x.com>', subject: 'Budget', snippet: 'Numbers attached', receivedAt: T - 2 * 60 * MIN, threadId: 'thr1' });
    const reply = buildInboxSummary(viewOf([m]));
    const all = texts(reply.blocks).join('\n');
    expect(reply.text).toBe('1 unread · 0 urgent · 0 from people you work with');
    expect(all).toContain('*1 unread* in your inbox · 0 urgent · 0 from people you work with');
    const at = Math.floor(m.receivedAt / 1000);
    expect(all).toContain(`*Budget*\nAnn Lee &lt;ann@x.com&gt; · <!date^${at}^{date_short_pretty} at {time}|Tue 10 Mar 15:30 GMT+5:30> (2 h ago)\n“Numbers attached”`);
    expect(buttonNamed(reply, 'Open in Gmail')?.url).toBe('https://mail.google.com/mail/#inbox/thr1');
    expect(buttonNamed(reply, 'Show more')).toBeUndefined();
    expect(all).toContain('Only you can see this. Times show in your own time zone.');
    expectWithinSlackLimits(reply);
  });

  it('links open the asker’s own account, never /u/0/; mail found under a label opens in All Mail', () => {
    const m = mail({ threadId: 'thr1', id: 'msg1' });
    const inbox = buildInboxSummary(viewOf([m], { account: 'ann@x.com' }));
    expect(buttonNamed(inbox, 'Open in Gmail')?.url).toBe('https://mail.google.com/mail/?authuser=ann%40x.com#inbox/thr1');
    const labelled = buildInboxSummary(viewOf([m], { account: 'ann@x.com', filters: { label: 'work' } }));
    expect(buttonNamed(labelled, 'Open in Gmail')?.url).toBe('https://mail.google.com/mail/?authuser=ann%40x.com#all/msg1');
    for (const b of [...buttons(inbox.blocks), ...buttons(labelled.blocks)]) expect(b.url ?? '').not.toContain('/u/0');
  });

  it('says “about” and offers Show more while Gmail has more pages', () => {
    const items = Array.from({ length: 10 }, () => mail());
    const reply = buildInboxSummary(viewOf(items, { total: 57, estimate: true, more: 'signed-cursor' }));
    expect(reply.text).toBe('About 57 unread · 0 urgent · 0 from people you work with (newest 10 below)');
    expect(texts(reply.blocks).join('\n')).toContain('*About 57 unread* in your inbox. The newest 10: 0 urgent · 0 from people you work with.');
    const more = buttonNamed(reply, 'Show more');
    expect(more?.action_id).toBe(ACTION.inboxMore);
    expect(more?.value).toBe('signed-cursor');
    expect(reply.blocks.at(-1)?.type).toBe('actions');
  });

  it('names a later page by position, and the filters in code spans', () => {
    const reply = buildInboxSummary(viewOf([mail(), mail()], { first: 11, total: 12, filters: { from: 'boss@x.com', label: 'work_items', range: 'today' } }));
    expect(texts(reply.blocks)[0]).toBe(':envelope_with_arrow: *12 unread* with label `work_items` from `boss@x.com` today. Showing 11–12: 0 urgent · 0 from people you work with.');
    expect(reply.text).toBe('12 unread · 0 urgent · 0 from people you work with (11–12 below)');
  });

  it('counts first, then people you work with, urgent-looking mail and the rest, each under its title, saying why', () => {
    const plain = mail({ receivedAt: T - MIN });
    const asap = mail({ subject: 'Need it ASAP', receivedAt: T - 9 * MIN });
    const broke = mail({ subject: 'Build failed on main', receivedAt: T - 2 * MIN });
    const bob = mail({ fromHeader: 'bob@acme.test', receivedAt: T - 5 * MIN });
    const reply = buildInboxSummary(viewOf([plain, asap, broke, bob], {}, ['bob@acme.test']));
    const all = texts(reply.blocks).join('\n');
    const at = (s: string) => all.indexOf(s);
    expect(reply.text).toBe('4 unread · 2 urgent · 1 from people you work with');
    expect(at('4 unread')).toBe(at(':envelope_with_arrow:') + ':envelope_with_arrow: *'.length);
    expect(at('From people you work with')).toBeLessThan(at('bob@acme.test'));
    expect(at('bob@acme.test')).toBeLessThan(at('Looks urgent'));
    expect(at('Looks urgent')).toBeLessThan(at('Need it ASAP'));
    // Most urgent first; “urgent” and a failed build weigh the same, so the newer comes first.
    expect(at('Build failed on main')).toBeLessThan(at('Need it ASAP'));
    expect(at('Need it ASAP')).toBeLessThan(at('Everything else'));
    expect(at('Everything else')).toBeLessThan(at(plain.subject));
    expect(all).toContain('🚩 *Need it ASAP*');
    expect(all).toContain('Flagged: urgent “ASAP”');
    expect(all).toContain('Flagged: “Build failed”');
  });

  it('a colleague’s urgent mail stays with the colleague and keeps its flag', () => {
    const bob = mail({ fromHeader: 'bob@acme.test', subject: 'Outage in eu-west' });
    const reply = buildInboxSummary(viewOf([bob, mail()], {}, ['bob@acme.test']));
    const all = texts(reply.blocks).join('\n');
    expect(reply.text).toBe('2 unread · 1 urgent · 1 from people you work with');
    expect(all).toContain('From people you work with');
    expect(all).not.toContain('Looks urgent');
    expect(all).toContain('🚩 *Outage in eu-west*');
  });

  it('“what’s urgent?” lists only the flagged mail, and says so; or that nothing looks urgent', () => {
    const items = [mail({ subject: 'Due tomorrow: report' }), mail({ subject: 'Lunch?' }), mail({ fromHeader: 'bob@acme.test', subject: 'Hi' })];
    const reply = buildInboxSummary(viewOf(items, { filters: { onlyUrgent: true } }, ['bob@acme.test']));
    const all = texts(reply.blocks).join('\n');
    expect(all).toContain('*3 unread* in your inbox · 1 urgent · 1 from people you work with');
    expect(all).toContain('Only the messages that look urgent are listed.');
    expect(all).toContain('Due tomorrow: report');
    expect(all).not.toContain('Lunch?');
    expect(all).not.toContain('*Hi*');
    expect(buttons(reply.blocks).filter((b) => b.text.text === 'Open in Gmail')).toHaveLength(1);
    const none = buildInboxSummary(viewOf([mail({ subject: 'Lunch?' })], { filters: { onlyUrgent: true } }));
    expect(texts(none.blocks).join('\n')).toContain('Nothing on this page looks urgent.');
    expectWithinSlackLimits(none);
  });

  it('has no part titles when nothing looks urgent', () => {
    const all = texts(buildInboxSummary(viewOf([mail(), mail()])).blocks).join('\n');
    expect(all).not.toContain('Looks urgent');
    expect(all).not.toContain('Everything else');
  });

  it('groups several messages from one sender under one line', () => {
    const a = [mail({ fromHeader: 'Ann <ann@x.com>' }), mail({ fromHeader: 'ann@x.com' }), mail({ fromHeader: 'ann@x.com' })];
    const reply = buildInboxSummary(viewOf([...a, mail({ fromHeader: 'zed@x.com' })]));
    const header = reply.blocks.find((b) => b.type === 'context' && JSON.stringify(b).includes('3 unread'));
    expect(JSON.stringify(header)).toContain('Ann &lt;ann@x.com&gt; · 3 unread');
    const sections = reply.blocks.filter((b) => b.type === 'section' && JSON.stringify(b).includes('Open in Gmail'));
    expect(sections).toHaveLength(4);
    // inside the group the sender is not repeated; the lone sender is named on its entry
    expect(sections.filter((b) => JSON.stringify(b).includes('ann@x.com'))).toHaveLength(0);
    expect(sections.filter((b) => JSON.stringify(b).includes('zed@x.com'))).toHaveLength(1);
  });

  it('mail text can neither ping, link nor format: escaped, formatting characters made inert, verbatim sections', () => {
    const hostile = '<!channel> <@U123> <http://evil.test|click> *bold* _it_ ~gone~ `code` &';
    const m = mail({ fromHeader: `"${hostile}" <x@evil.test>`, subject: hostile, snippet: hostile });
    const reply = buildInboxSummary(viewOf([m, mail({ fromHeader: 'x@evil.test', subject: hostile })]));
    const objects = textObjects(reply.blocks);
    for (const o of [...objects, { type: 'mrkdwn', text: reply.text }]) {
      expect(o.text).not.toMatch(/<!channel>|<@U123>|<http:/);
      // In mrkdwn no mail text can open or close formatting: its *, _, ~ and ` are lookalikes.
      if (o.type === 'mrkdwn') expect(o.text).not.toMatch(/\*bold\*|_it_|~gone~|`code`/);
    }
    // plain_text formats nothing, so there the text stays as written, entity-escaped.
    expect(
      objects
        .filter((o) => o.type === 'plain_text')
        .map((o) => o.text)
        .join('\n'),
    ).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.test|click&gt; *bold*');
    const mrkdwn = objects
      .filter((o) => o.type === 'mrkdwn')
      .map((o) => o.text)
      .join('\n');
    expect(mrkdwn).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil.test|click&gt; ∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ &amp;');
    const entries = reply.blocks.filter((b) => b.type === 'section' && JSON.stringify(b).includes('Open in Gmail'));
    expect(entries.length).toBeGreaterThan(0);
    for (const b of entries) if (b.type === 'section') expect(b.text).toMatchObject({ type: 'mrkdwn', verbatim: true });
  });

  it('stays within Slack’s limits with 100 messages, and says what did not fit', () => {
    const items = Array.from({ length: 100 }, (_, i) => mail({ fromHeader: `s${i % 7}@x.com`, subject: i % 3 === 0 ? 'urgent' : 'hi' }));
    const reply = buildInboxSummary(viewOf(items, { total: 500, estimate: true, more: 'c' }));
    expectWithinSlackLimits(reply);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    const listed = buttons(reply.blocks).filter((b) => b.text.text === 'Open in Gmail').length;
    expect(texts(reply.blocks).join('\n')).toContain(`+${100 - listed} more on this page did not fit`);
    expect(buttonNamed(reply, 'Show more')).toBeDefined();
  });

  it('stays within limits with the longest, most-escaped texts', () => {
    const amp = '&'.repeat(5000);
    const items = Array.from({ length: 20 }, () => mail({ fromHeader: `"${amp}" <a@x.com>`, subject: amp, snippet: amp }));
    const reply = buildInboxSummary(viewOf(items, { filters: { from: 'x'.repeat(100), label: 'y'.repeat(100), range: 'today' } }));
    expectWithinSlackLimits(reply);
    expect(texts(reply.blocks).join('')).toContain('…');
  });
});

describe('formatAge', () => {
  it.each([
    [T - 20_000, 'just now (17:29)'],
    [T - 5 * MIN, '5 min ago (17:25)'],
    [T - 17 * 60 * MIN, '17 h ago (00:30)'],
    [T - 18 * 60 * MIN, '18 h ago (Mon 9 Mar, 23:30)'],
    [T - 3 * 24 * 60 * MIN, '3 days ago (Sat 7 Mar, 17:30)'],
    [Date.UTC(2025, 11, 31, 12), '69 days ago (31 Dec 2025, 17:30)'],
    [T + 5 * MIN, 'just now (17:35)'],
  ])('%i in Kolkata reads “%s”', (at, text) => {
    expect(formatAge(at, T, 'Asia/Kolkata')).toBe(text);
  });
});

describe('buildInboxEmpty', () => {
  it('says there is nothing, with the filters', () => {
    const reply = buildInboxEmpty({ from: 'boss@x.com', range: 'today' }, false);
    expect(texts(reply.blocks)[0]).toBe(':tada: No unread email in your inbox from `boss@x.com` today.');
    expect(buildInboxEmpty({}, true).text).toBe('No more unread email to show.');
  });
});

it('threadLink encodes the ids and carries the account', () => {
  expect(threadLink({ id: 'm/1', threadId: 'a/b' }, undefined)).toBe('https://mail.google.com/mail/#inbox/a%2Fb');
  expect(threadLink({ id: 'm/1', threadId: 'a/b' }, 'o+x@y.com', false)).toBe('https://mail.google.com/mail/?authuser=o%2Bx%40y.com#all/m%2F1');
});
