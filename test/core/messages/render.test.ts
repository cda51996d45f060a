import { describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/core/messages/actions.js';
import { renderBooking, renderCancel, renderProposal, type Placement, type Rendered } from '../../../src/core/messages/render.js';
import type { BookingOutcome, CancelOutcome, ProposalOutcome } from '../../../src/core/outcomes.js';
import { allText, buttons, expectWithinSlackLimits } from './helpers.js';
import { outcomes } from './outcomes.js';

const { proposal: PROPOSAL, booking: BOOKING, cancel: CANCEL } = outcomes();

const PLACEMENTS: { proposal: ByKindPlacement<ProposalOutcome>; booking: ByKindPlacement<BookingOutcome>; cancel: ByKindPlacement<CancelOutcome> } = {
  proposal: { slots: 'replace', 'no-slots': 'replace', 'needs-connection': 'replace', 'bad-input': 'replace', failed: 'replace', gone: 'replace', 'not-yours': 'beside', closed: 'replace' },
  booking: {
    booked: 'replace',
    'draft-failed': 'replace',
    'slot-taken': 'replace',
    'rolled-back': 'replace',
    'needs-connection': 'replace',
    failed: 'beside',
    'in-progress': 'none',
    gone: 'beside',
    'not-yours': 'beside',
  },
  cancel: { cancelled: 'replace', 'needs-connection': 'beside', failed: 'beside', gone: 'beside', 'not-yours': 'beside' },
};
type ByKindPlacement<O extends { kind: string }> = { [K in O['kind']]: Placement };

function check(rendered: Rendered, placement: Placement): void {
  expect(rendered.placement).toBe(placement);
  if (placement === 'none') {
    expect(rendered.reply).toBeUndefined();
    return;
  }
  if (!rendered.reply) throw new Error('expected a reply');
  expectWithinSlackLimits(rendered.reply);
}

describe('render placement for every outcome kind', () => {
  it.each(Object.values(PROPOSAL))('proposal $kind', (o) => check(renderProposal(o), PLACEMENTS.proposal[o.kind]));
  it.each(Object.values(BOOKING))('booking $kind', (o) => check(renderBooking(o), PLACEMENTS.booking[o.kind]));
  it.each(Object.values(CANCEL))('cancel $kind', (o) => check(renderCancel(o), PLACEMENTS.cancel[o.kind]));

  it('not-yours never replaces the other person’s message', () => {
    for (const r of [renderProposal(PROPOSAL['not-yours']), renderBooking(BOOKING['not-yours']), renderCancel(CANCEL['not-yours'])]) {
      expect(r.placement).not.toBe('replace');
      expect(allText(r.reply ?? { text: '', blocks: [] })).toMatch(/someone else/);
    }
  });
});

describe('render picks the matching message', () => {
  const text = (r: Rendered) => allText(r.reply ?? { text: '', blocks: [] });
  const actionIds = (r: Rendered) => buttons(r.reply?.blocks ?? []).map((b) => b.action_id);

  it('proposal outcomes', () => {
    expect(actionIds(renderProposal(PROPOSAL.slots))).toContain(ACTION.pickSlot);
    expect(text(renderProposal(PROPOSAL['no-slots']))).toMatch(/no time when everyone is free/);
    expect(actionIds(renderProposal(PROPOSAL['needs-connection']))).toContain(ACTION.continueRequest);
    expect(text(renderProposal(PROPOSAL['bad-input']))).toMatch(/:warning: Add a title\. Sync.*\/schedule @alice/s);
    expect(text(renderProposal(PROPOSAL.failed))).toMatch(/isn’t answering/);
    expect(text(renderProposal(PROPOSAL.gone))).toMatch(/expired or was already closed/);
    expect(text(renderProposal(PROPOSAL.closed))).toMatch(/Cancelled\. Nothing was booked/);
  });

  it('booking outcomes', () => {
    expect(actionIds(renderBooking(BOOKING.booked))).toEqual([ACTION.cancelMeeting]);
    expect(text(renderBooking(BOOKING['draft-failed']))).toMatch(/couldn’t finish booking/);
    expect(actionIds(renderBooking(BOOKING['needs-connection']))).toContain(ACTION.openLink);
    expect(text(renderBooking(BOOKING.failed))).toMatch(/isn’t answering/);
    expect(text(renderBooking(BOOKING.gone))).toMatch(/expired/);
  });

  it('cancel outcomes', () => {
    expect(text(renderCancel(CANCEL.cancelled))).toMatch(/\*Sync\* is cancelled/);
    expect(actionIds(renderCancel(CANCEL['needs-connection']))).toContain(ACTION.openLink);
    expect(text(renderCancel(CANCEL.failed))).toMatch(/isn’t answering/);
    expect(text(renderCancel(CANCEL.gone))).toMatch(/expired/);
  });
});
