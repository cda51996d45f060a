import { describe, expect, it } from 'vitest';
import { ACTION, decodeRequest, decodeSlot } from '../../../src/core/messages/actions.js';
import { buildConfirmation, buildDraftFailed, buildMeetingCancelled } from '../../../src/core/messages/booking.js';
import type { BookingOutcome } from '../../../src/core/outcomes.js';
import { allText, booked, buttonNamed, buttons, expectWithinSlackLimits, grant, view } from './helpers.js';

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
  it('links the event and the draft, with the time in the organizer’s zone', () => {
    const reply = buildConfirmation(booked());
    const text = allText(reply);
    expect(text).toContain('<https://calendar.google.com/event?eid=abc|Open the calendar event>');
    expect(text).toContain('<https://mail.google.com/mail/u/0/#drafts?compose=r123|Open the email draft in Gmail>');
    expect(text).toContain('*Weekly sync* is booked for *Tue 10 Mar, 09:00–09:30');
    expectWithinSlackLimits(reply);
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
