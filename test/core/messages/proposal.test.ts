import { describe, expect, it } from 'vitest';
import { ACTION, decodeRequest, decodeSlot } from '../../../src/core/messages/actions.js';
import { buildNoSlots, buildProposal } from '../../../src/core/messages/proposal.js';
import { allText, buttonNamed, buttons, expectWithinSlackLimits, SLOT_START, texts, view } from './helpers.js';

describe('buildProposal', () => {
  it('has one section per slot, each with a Book button for that slot', () => {
    const v = view();
    const reply = buildProposal(v);
    const rows = reply.blocks.filter((b) => b.type === 'section' && b.accessory?.type === 'button');
    expect(rows).toHaveLength(v.slots.length);
    rows.forEach((row, i) => {
      if (row.type !== 'section' || row.accessory?.type !== 'button') throw new Error('not a slot row');
      expect(row.accessory.text.text).toBe('Book');
      expect(row.accessory.action_id).toBe(ACTION.pickSlot);
      expect(decodeSlot(row.accessory.value)).toEqual({ r: 'req-1', s: v.slots[i]?.start });
    });
    expectWithinSlackLimits(reply);
  });

  it('shows each time as a Slack date token (the reader’s own zone and clock), with a fallback in the organizer’s zone', () => {
    const text = allText(buildProposal(view()));
    const s = SLOT_START / 1000;
    expect(text).toContain(`*<!date^${s}^{date_long_pretty} at {time}|Tue 10 Mar 09:00 GMT+5:30>–<!date^${s + 1800}^{time}|09:30 GMT+5:30>*`);
    expect(text).toContain(`<!date^${s + 86_400}^{date_long_pretty} at {time}|Wed 11 Mar 09:00 GMT+5:30>`);
    expect(text).toContain('Asia/Kolkata');
    expect(allText(buildProposal(view({ zone: 'UTC' })))).toContain(`<!date^${s}^{date_long_pretty} at {time}|Tue 10 Mar 03:30 UTC>–<!date^${s + 1800}^{time}|04:00 UTC>`);
  });

  it('names the attendees, and under each slot the time for each whose clock differs, with their city', () => {
    const attendees = [
      { name: 'Alice', zone: 'Europe/London' },
      { name: 'Bob' },
      { name: 'Cy', zone: 'America/Los_Angeles' },
      { name: 'Di', zone: 'Asia/Calcutta' },
      { name: 'Ed', zone: 'Europe/London' },
    ];
    const reply = buildProposal(view({ attendees }));
    const text = allText(reply);
    expect(texts(reply.blocks)[0]).toContain('with Alice, Bob, Cy, Di and Ed');
    // 03:30Z: London is on GMT; Los Angeles (PDT from 8 March) is still on the day before.
    expect(text).toContain('03:30 for Alice and Ed, London · Mon 20:30 for Cy, Los Angeles');
    // Bob's zone is unknown and Di's clock shows the organizer's time: neither is listed.
    expect(text).not.toMatch(/for (?:Bob|Di)\b/);
  });

  it('names the title, length and when', () => {
    const text = allText(buildProposal(view({ minutes: 90, whenText: 'next week' })));
    expect(text).toContain('*Weekly sync*');
    expect(text).toContain('1 h 30 min');
    expect(text).toContain('next week');
  });

  it('offers More times only when there are more', () => {
    const more = buildProposal(view({ hasMore: true }));
    expect(decodeRequest(buttonNamed(more, 'More times')?.value)).toEqual({ r: 'req-1' });
    expect(buttonNamed(more, 'More times')?.action_id).toBe(ACTION.moreTimes);
    expect(buttonNamed(buildProposal(view({ hasMore: false })), 'More times')).toBeUndefined();
  });

  it('always offers Cancel for the request', () => {
    for (const hasMore of [true, false]) {
      const cancel = buttonNamed(buildProposal(view({ hasMore })), 'Cancel');
      expect(cancel?.action_id).toBe(ACTION.cancelProposal);
      expect(decodeRequest(cancel?.value)).toEqual({ r: 'req-1' });
    }
  });

  it('says whose calendars it could not see, ending a long list in “+N more” within one context text', () => {
    const many = Array.from({ length: 300 }, (_, i) => `guest-with-a-long-address-${i}@example.com`);
    const reply = buildProposal(view({ unseen: many }));
    const note = texts(reply.blocks).find((t) => t.includes('couldn’t see')) ?? '';
    expect(note.length).toBeLessThanOrEqual(3000);
    expect(note).toMatch(/guest-with-a-long-address-0@example\.com, .*\+\d+ more’s calendars/);
    expectWithinSlackLimits(reply);
  });

  it('says whose calendars it could not see', () => {
    expect(allText(buildProposal(view({ unseen: ['ann@x.com'] })))).toMatch(/couldn’t see ann@x\.com’s calendar,.*account for it/);
    expect(allText(buildProposal(view({ unseen: ['Ann', 'Bo', 'Cy'] })))).toMatch(/Ann, Bo and Cy’s calendars.*account for them/);
    expect(allText(buildProposal(view({ unseen: [] })))).not.toContain('couldn’t see');
  });

  it('escapes the title and unseen names', () => {
    const text = allText(buildProposal(view({ title: '<!channel> & co', unseen: ['<@U1>'] })));
    expect(text).toContain('&lt;!channel&gt; &amp; co');
    expect(text).toContain('&lt;@U1&gt;');
    expect(text).not.toMatch(/<!channel>|<@U1>/);
  });

  it('works with a single slot', () => {
    const reply = buildProposal(view({ slots: [{ start: SLOT_START, end: SLOT_START + 1_800_000 }], hasMore: false }));
    expect(buttons(reply.blocks).map((b) => b.text.text)).toEqual(['Book', 'Cancel']);
  });
});

describe('buildNoSlots', () => {
  it('explains there is no common time and suggests a way out', () => {
    const reply = buildNoSlots('Weekly sync', 'tomorrow', []);
    expect(allText(reply)).toMatch(/no time when everyone is free.*\*Weekly sync\*, tomorrow.*next week/);
    expect(reply.blocks).toHaveLength(1);
    expectWithinSlackLimits(reply);
  });

  it('mentions unseen calendars', () => {
    expect(allText(buildNoSlots('Sync', 'today', ['Ann']))).toContain('couldn’t see Ann’s calendar');
  });
});
