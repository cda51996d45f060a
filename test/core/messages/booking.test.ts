import { describe, expect, it } from 'vitest';
import { ACTION, decodeRequest, decodeSlot } from '../../../src/core/messages/actions.js';
import { buildConfirmation, buildDraftFailed, buildMeetingCancelled } from '../../../src/core/messages/booking.js';
import type { BookingOutcome } from '../../../src/core/outcomes.js';
import { allText, booked, buttonNamed, buttons, expectWithinSlackLimits, grant, SLOT_START, view } from './helpers.js';

type DraftFailed = Extract<BookingOutcome, { kind: 'draft-failed' }>;
const failed = (over: Partial<DraftFailed> = {}): DraftFailed => ({
  kind: 'draft-failed',
  requestId: 'req-1',
  title: 'Sync',
  reason: 'quota',
  eventRemoved: true,
  ...over,
});

describe('buildConfirmation', () => {
  it('says what, when (a date token), who, their time, and links the event and the draft', () => {
    const reply = buildConfirmation(booked());
    const text = allText(reply);
    const s = SLOT_START / 1000;
    expect(text).toContain(`*Weekly sync* is booked for *<!date^${s}^{date_long_pretty} at {time}|Tue 10 Mar 09:00 GMT+5:30>–<!date^${s + 1800}^{time}|09:30 GMT+5:30>*`);
    expect(text).toContain('*Who:* Alice and Bob');
    expect(text).toContain('*Their time:* 03:30 for Alice, London');
    expect(text).toContain('<https://calendar.google.com/event?eid=abc|Open the calendar event>');
    expect(text).toContain('<https://mail.google.com/mail/?authuser=olga%40example.com#drafts?compose=r123|Open the email draft in Gmail>');
    // The compose link stops finding the draft once it is edited; the drafts list always works.
    expect(text).toContain('<https://mail.google.com/mail/?authuser=olga%40example.com#drafts|all drafts>');
    expect(text).not.toContain('Google Meet');
    expect(reply.text).toContain('Booked: Weekly sync');
    expectWithinSlackLimits(reply);
  });

  it('links the Meet call when there is one', () => {
    const text = allText(buildConfirmation(booked({ meetLink: 'https://meet.google.com/abc-defg-hij' })));
    expect(text).toContain('<https://meet.google.com/abc-defg-hij|Join with Google Meet>');
  });

  it('leaves out a link that could break out of its brackets, rather than show it broken', () => {
    const text = allText(buildConfirmation(booked({ meetLink: 'https://x.test/a|<!channel>', eventLink: 'javascript:alert(1)' })));
    expect(text).not.toContain('Google Meet');
    expect(text).not.toContain('Open the calendar event');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Open the email draft in Gmail');
  });

  it('has a danger Cancel meeting button with a confirm dialog', () => {
    const cancel = buttonNamed(buildConfirmation(booked({ requestId: 'req-5' })), 'Cancel meeting');
    expect(cancel?.action_id).toBe(ACTION.cancelMeeting);
    expect(cancel?.style).toBe('danger');
    expect(decodeRequest(cancel?.value)).toEqual({ r: 'req-5' });
    expect(cancel?.confirm?.title?.text).toBe('Cancel this meeting?');
    expect(cancel?.confirm?.text.text).toMatch(/deletes the event.*draft/);
    expect(cancel?.confirm?.confirm?.text).toBe('Cancel meeting');
    expect(cancel?.confirm?.deny?.text).toBe('Keep it');
  });
});

describe('buildDraftFailed', () => {
  it('says the event was removed again when it was', () => {
    const reply = buildDraftFailed(failed());
    expect(allText(reply)).toMatch(/couldn’t finish booking \*Sync\*: quota\. I removed the calendar event again/);
    expect(buttons(reply.blocks)).toEqual([]);
    expectWithinSlackLimits(reply);
  });

  it('asks the user to delete the event when it could not be removed', () => {
    expect(allText(buildDraftFailed(failed({ eventRemoved: false })))).toMatch(/please delete it from your calendar/);
  });

  it('offers the times again, without the proposal’s heading, when a retry view is given', () => {
    const retry = view({ hasMore: false });
    const reply = buildDraftFailed(failed({ retry }));
    const books = buttons(reply.blocks).filter((b) => b.action_id === ACTION.pickSlot);
    expect(books.map((b) => decodeSlot(b.value)?.s)).toEqual(retry.slots.map((s) => s.start));
    expect(allText(reply)).toContain('You can pick a time again');
    expect(allText(reply)).not.toContain('Free times for');
    expectWithinSlackLimits(reply);
  });
});

describe('buildDraftFailed with a Gmail grant problem', () => {
  it('adds the reconnect prompt for that grant', () => {
    const reply = buildDraftFailed(failed({ missing: grant('expired', 'gmail') }));
    expect(allText(reply)).toMatch(/Gmail access has expired/);
    expect(buttonNamed(reply, 'Reconnect Gmail')?.url).toBe('https://auth.example.com/magic/gmail/expired');
    expect(decodeRequest(buttonNamed(reply, 'Continue')?.value)).toEqual({ r: 'req-1' });
    expectWithinSlackLimits(reply);
  });
});

describe('buildMeetingCancelled', () => {
  it('says whether the draft was deleted', () => {
    expect(allText(buildMeetingCancelled('Sync', true))).toMatch(/\*Sync\* is cancelled.*email draft is deleted/);
    expect(allText(buildMeetingCancelled('Sync', false))).toMatch(/draft was already gone/);
  });
});
