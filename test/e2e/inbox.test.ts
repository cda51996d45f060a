import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/messages/actions.js';
import { PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { dm, gmailGets, gmailLists, HOUR, queryOf, shown } from '../support/inbox-steps.js';
import { button, click, reply } from '../support/slack-steps.js';

const { organizer, alice, mallory } = PEOPLE;
let h: Harness;

afterEach(async () => h.stop());

describe('unread email in a DM (real clock)', () => {
  beforeEach(async () => {
    h = await startHarness();
    h.connect(organizer.id);
    h.connect(mallory.id);
  });

  it('summarizes unread inbox mail in the DM: urgent first, grouped, linked, on the asker’s grant', async () => {
    const now = Date.now();
    const box = organizer.email;
    const news1 = h.google.addMessage(box, { from: 'News <news@ext.test>', subject: 'Weekly digest', snippet: 'All the news', date: new Date(now - 1 * HOUR) });
    h.google.addMessage(box, { from: 'News <news@ext.test>', subject: 'Daily digest', snippet: 'More news', date: new Date(now - 2 * HOUR) });
    h.google.addMessage(box, { from: `Alice <${alice.email}>`, subject: 'Lunch?', snippet: 'Tacos', date: new Date(now - 3 * HOUR) });
    h.google.addMessage(box, { from: 'ceo@ext.test', subject: 'Board deck', snippet: 'Need it ASAP', date: new Date(now - 4 * HOUR) });
    h.google.addMessage(box, { from: 'old@ext.test', subject: 'Already read', snippet: 'x', date: new Date(now - HOUR), unread: false });
    h.google.addMessage(box, { from: 'arch@ext.test', subject: 'Archived', snippet: 'x', date: new Date(now - HOUR), labels: ['work'] });

    const post = await dm(h, organizer, 'any unread email?');
    const text = shown(post);
    expect(post.text).toBe('4 unread · 1 urgent · 1 from people you work with');
    expect(text).not.toContain('Already read');
    expect(text).not.toContain('Archived');
    // a workspace member first, then urgent-looking mail (ASAP), then everything else, newest first in each part
    const order = ['From people you work with', 'Lunch?', 'Looks urgent', 'Board deck', 'Everything else', 'Weekly digest', 'Daily digest'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Flagged: urgent “ASAP”');
    expect(text).toContain('News &lt;news@ext.test&gt; · 2 unread');
    // links open the asker's own mailbox, never whichever account is /u/0/
    const links = post.buttons.filter((b) => b.text === 'Open in Gmail').map((b) => b.url);
    expect(links).toContain(`https://mail.google.com/mail/?authuser=${encodeURIComponent(organizer.email)}#inbox/${news1}`);
    for (const l of links) expect(l).not.toContain('/u/0');
    expect(post.buttons.some((b) => b.actionId === ACTION.inboxMore)).toBe(false);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);

    // one list, then metadata only, every call with the organizer's own token
    expect(gmailLists(h).map(queryOf)).toEqual(['is:unread in:inbox']);
    expect(gmailGets(h)).toHaveLength(4);
    for (const g of gmailGets(h)) expect(g.query).toMatchObject({ format: 'metadata', metadataHeaders: ['From', 'Subject', 'Date'] });
    expect(new Set(h.google.requests.map((r) => r.email))).toEqual(new Set([organizer.email]));
    expect(
      h.slack
        .callsTo('users.lookupByEmail')
        .map((c) => c.args.email)
        .sort(),
    ).toEqual([alice.email, 'ceo@ext.test', 'news@ext.test']);
  });

  it('anything that is not about mail gets the help, and no Google call', async () => {
    const post = await dm(h, organizer, 'hello there');
    expect(shown(post)).toContain('/schedule @alice');
    expect(shown(post)).toContain('summarize my unread emails from the last 48 hours');
    expect(h.google.requests).toHaveLength(0);
  });

  it('ignores edits, bot messages and other subtypes', async () => {
    await h.sim.event({ type: 'message', user: organizer.id, text: 'any unread email?', subtype: 'message_changed' });
    await h.sim.event({ type: 'message', user: organizer.id, text: 'any unread email?', subtype: 'bot_message' });
    const post = await dm(h, organizer, 'hi');
    expect(shown(post)).toContain('Here is what I can do');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.google.requests).toHaveLength(0);
  });

  it('an empty inbox says so', async () => {
    const post = await dm(h, organizer, 'any unread mail?');
    expect(shown(post)).toContain('No unread email in your inbox');
    expect(gmailLists(h)).toHaveLength(1);
    expect(gmailGets(h)).toHaveLength(0);
  });

  it('pages with Show more, for the asker only', async () => {
    const now = Date.now();
    for (let i = 0; i < 13; i++) {
      h.google.addMessage(organizer.email, { from: `p${i}@ext.test`, subject: `Message ${i}`, snippet: 's', date: new Date(now - (i + 1) * 60_000) });
    }
    const first = await dm(h, organizer, 'any unread email?');
    expect(first.text).toBe('About 13 unread · 0 urgent · 0 from people you work with (newest 10 below)');
    expect(shown(first)).toContain('Message 9');
    expect(shown(first)).not.toContain('Message 10');
    const more = button(first, 'Show more');
    expect(more.value?.length ?? 0).toBeLessThanOrEqual(2000);

    const googleBefore = h.google.requests.length;
    const scalekitBefore = h.scalekit.calls.length;
    const stolen = await click(h, mallory, more);
    expect((await reply(h, stolen.responseUrl)).text).toContain('belongs to someone else');
    expect(h.google.requests.length).toBe(googleBefore);
    expect(h.scalekit.calls.length).toBe(scalekitBefore);

    const next = await reply(h, (await click(h, organizer, more)).responseUrl);
    expect(next.replaceOriginal).toBe(false);
    expect(shown(next)).toContain('Showing 11–13');
    for (const i of [10, 11, 12]) expect(shown(next)).toContain(`Message ${i}`);
    expect(shown(next)).not.toContain('Message 9');
    expect(next.buttons.some((b) => b.text === 'Show more')).toBe(false);
    const lists = gmailLists(h);
    expect(lists[1]?.query.pageToken).toBeDefined();
    expect(queryOf(lists[1])).toBe(queryOf(lists[0]));
    expect(lists.every((r) => r.email === organizer.email)).toBe(true);

    const forged = await click(h, organizer, { ...more, value: `${more.value ?? ''}x` });
    expect((await reply(h, forged.responseUrl)).text).toContain('expired');
  });
});

describe('filters reach Gmail as the search (fixed clock)', () => {
  // Tue 10 Mar 2026, 11:00 in New York (EDT since 8 March): the organizer's zone.
  const NOW = Date.UTC(2026, 2, 10, 15, 0);
  beforeEach(async () => {
    h = await startHarness({ now: () => NOW });
    h.connect(organizer.id);
  });

  it.each([
    ['unread from boss@company.com', 'is:unread in:inbox from:boss@company.com'],
    ['summarize my unread emails from the last 48 hours', `is:unread in:inbox after:${(NOW - 48 * HOUR) / 1000}`],
    ['unread with label work today', `is:unread label:work after:${DateTime.fromISO('2026-03-10T00:00', { zone: 'America/New_York' }).toSeconds()}`],
    ['unread emails this week', `is:unread in:inbox after:${DateTime.fromISO('2026-03-09T00:00', { zone: 'America/New_York' }).toSeconds()}`],
    [`unread from <@${alice.id}>`, `is:unread in:inbox from:${alice.email}`],
  ])('“%s” searches %s', async (ask, q) => {
    await dm(h, organizer, ask);
    expect(gmailLists(h).map(queryOf)).toEqual([q]);
  });

  it('the label and the day select the right mail', async () => {
    const box = organizer.email;
    h.google.addMessage(box, { from: 'a@ext.test', subject: 'Work today', snippet: 's', date: new Date(NOW - 2 * HOUR), labels: ['work'] });
    h.google.addMessage(box, { from: 'b@ext.test', subject: 'Work yesterday', snippet: 's', date: new Date(NOW - 16 * HOUR), labels: ['work'] });
    h.google.addMessage(box, { from: 'c@ext.test', subject: 'Inbox today', snippet: 's', date: new Date(NOW - HOUR) });
    const post = await dm(h, organizer, 'unread with label work today');
    expect(shown(post)).toContain('Work today');
    expect(shown(post)).not.toContain('Work yesterday');
    expect(shown(post)).not.toContain('Inbox today');
    expect(shown(post)).toContain('*1 unread* with label `work` today · 0 urgent · 0 from people you work with');
    // when it came is a date token (the reader's zone and clock), its fallback in the asker's zone
    expect(shown(post)).toContain(`<!date^${(NOW - 2 * HOUR) / 1000}^{date_short_pretty} at {time}|Tue 10 Mar 09:00 EDT> (2 h ago)`);
  });
});
