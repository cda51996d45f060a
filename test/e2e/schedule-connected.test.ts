import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice, bob } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.connect(organizer.id);
});
afterEach(async () => h.stop());

describe('a connected user schedules from Slack', () => {
  it('acks at once, proposes slots, books the event and drafts the follow-up', async () => {
    const cmd = await schedule(h, organizer, `${mention(alice)} ${mention(bob)} 30m Sync`);
    expect(cmd.status).toBe(200);
    // An empty ack: Slack would never let the answer replace a "working…" note (bolt-js#2287).
    expect(cmd.ack).toBeUndefined();

    const proposal = await reply(h, cmd.responseUrl);
    expect(proposal.replaceOriginal).toBe(false);
    const books = proposal.buttons.filter((b) => b.text === 'Book');
    expect(books.length).toBeGreaterThanOrEqual(1);
    expect(books.length).toBeLessThanOrEqual(3);
    expect(proposal.buttons.map((b) => b.text)).toContain('Cancel');
    // each slot in the reader's own time (a date token), with the attendees' local times beside it
    expect(allText(proposal)).toMatch(/<!date\^\d+\^\{date_long_pretty\} at \{time\}\|\w{3} \d+ \w{3} \d\d:\d\d E[SD]T>/);
    expect(allText(proposal)).toMatch(/for Alice, London/);

    const first = books[0]!;
    const pick = await click(h, organizer, first);
    expect(pick.status).toBe(200);
    const done = await reply(h, pick.responseUrl);
    expect(done.replaceOriginal).toBe(true);
    expect(done.text).toContain('Booked: Sync');

    const events = h.google.events(organizer.email).filter((e) => !e.deleted);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.summary).toBe('Sync');
    expect(event.attendees.sort()).toEqual([alice.email, bob.email].sort());
    expect(event.sendUpdates.insert).toBe('all');
    expect(event.id).toMatch(/^[0-9a-v]{5,1024}$/);
    const start = Date.parse(String(event.start.dateTime));
    const end = Date.parse(String(event.end.dateTime));
    expect(event.start.timeZone).toBe(organizer.tz);
    expect(end - start).toBe(30 * 60_000);
    expect(JSON.parse(first.value!).s).toBe(start);

    const drafts = h.google.drafts(organizer.email).filter((d) => !d.deleted);
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    expect(draft.to.join(',')).toContain(alice.email);
    expect(draft.to.join(',')).toContain(bob.email);
    const htmlLink = String(event.resource.htmlLink);
    expect(draft.body).toContain(htmlLink);
    // the organizer's own note beside Google's invitation, with each attendee zone's time
    expect(draft.subject).toMatch(/^Sync \(.+\): a note from Olivia Organizer$/);
    expect(draft.body).toMatch(/- Alice \(London\): .+ (?:GMT|BST)/);
    expect(draft.body).toMatch(/- Bob \(Chicago\): .+ C[SD]T/);
    expect(allText(done)).toContain(htmlLink);
    expect(allText(done)).toContain(`https://mail.google.com/mail/?authuser=${encodeURIComponent(organizer.email)}#drafts?compose=${draft.messageId}`);
    expect(allText(done)).not.toContain('/u/0');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('books once when the same slot is clicked twice at the same time', async () => {
    const cmd = await schedule(h, organizer, `${mention(alice)} 45min Planning`);
    const proposal = await reply(h, cmd.responseUrl);
    const book = proposal.buttons.find((b) => b.text === 'Book')!;
    const [a, b] = await Promise.all([click(h, organizer, book), click(h, organizer, book)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    await Promise.race([reply(h, a.responseUrl), reply(h, b.responseUrl)]);
    // a late third click on the booked proposal shows the same booking again
    const again = await click(h, organizer, book);
    expect((await reply(h, again.responseUrl)).text).toContain('Booked: Planning');
    expect(h.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    expect(h.google.drafts(organizer.email).filter((d) => !d.deleted)).toHaveLength(1);
    const inserts = h.google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(inserts).toHaveLength(1);
  });

  it('cancels a booked meeting: the event and the draft go, and a fresh pick gets a fresh event id', async () => {
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Review`);
    const proposal = await reply(h, cmd.responseUrl);
    const pick = await click(h, organizer, button(proposal, 'Book'));
    const done = await reply(h, pick.responseUrl);
    const cancel = await click(h, organizer, button(done, 'Cancel meeting'));
    const cancelled = await reply(h, cancel.responseUrl);
    expect(cancelled.text).toContain('Cancelled: Review');
    const [event] = h.google.events(organizer.email);
    expect(event?.deleted).toBe(true);
    expect(event?.sendUpdates.delete).toBe('all');
    expect(h.google.drafts(organizer.email).every((d) => d.deleted)).toBe(true);
  });

  it('More times offers times not shown before, still free and spread over days', async () => {
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Sync`);
    const first = await reply(h, cmd.responseUrl);
    const startsOf = (p: typeof first) => p.buttons.filter((b) => b.text === 'Book').map((b) => (JSON.parse(b.value!) as { s: number }).s);
    const more = await click(h, organizer, button(first, 'More times'));
    const second = await reply(h, more.responseUrl);
    expect(second.replaceOriginal).toBe(true);
    const before = startsOf(first);
    const after = startsOf(second);
    expect(after.length).toBeGreaterThan(0);
    for (const s of after) expect(before).not.toContain(s);
    const pick = await click(h, organizer, button(second, 'Book'));
    expect((await reply(h, pick.responseUrl)).text).toContain('Booked: Sync');
  });

  it('answers help and bad input with usage, ephemeral, after an empty ack, and does nothing else', async () => {
    const help = await schedule(h, organizer, 'help');
    expect(help.ack).toBeUndefined();
    const helpReply = await reply(h, help.responseUrl);
    expect(allText(helpReply)).toContain('/schedule @alice');
    expect(helpReply.raw.response_type).toBe('ephemeral');
    const bad = await schedule(h, organizer, `${mention(alice)} 3O Sync`);
    expect(bad.ack).toBeUndefined();
    const badReply = await reply(h, bad.responseUrl);
    expect(allText(badReply)).toContain('but got “3O”');
    expect(badReply.raw.response_type).toBe('ephemeral');
    // The bot's start-up warm-up (listConnectedAccounts) may land while the replies are awaited.
    expect(h.scalekit.calls.filter((c) => c.method !== 'listConnectedAccounts')).toEqual([]);
    expect(h.google.requests).toHaveLength(0);
    expect(h.slack.responses).toHaveLength(2);
  });
});
