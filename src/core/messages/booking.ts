import type { Booked, BookingOutcome } from '../outcomes.js';
import { buildConnectPrompt } from './connect.js';
import { ACTION, encodeRequest } from './actions.js';
import { buildProposal } from './proposal.js';
import { escapeText, formatSlot } from './text.js';
import { button, context, section, type Reply } from './types.js';

export function buildConfirmation(b: Booked): Reply {
  return {
    text: `Booked: ${escapeText(b.title)}, ${formatSlot(b.slot, b.zone)}`,
    blocks: [
      section(`:white_check_mark: *${escapeText(b.title)}* is booked for *${formatSlot(b.slot, b.zone)}*.`),
      section(`<${b.eventLink}|Open the calendar event>  ·  <${b.draftLink}|Open the email draft in Gmail>`),
      context('Invitations went out from your calendar. The follow-up email waits in your drafts until you send it.'),
      {
        type: 'actions',
        elements: [
          {
            ...button('Cancel meeting', ACTION.cancelMeeting, { value: encodeRequest(b.requestId), style: 'danger' }),
            confirm: {
              title: { type: 'plain_text', text: 'Cancel this meeting?' },
              text: { type: 'mrkdwn', text: 'This deletes the event (attendees are told) and the email draft.' },
              confirm: { type: 'plain_text', text: 'Cancel meeting' },
              deny: { type: 'plain_text', text: 'Keep it' },
            },
          },
        ],
      },
    ],
  };
}

export function buildDraftFailed(o: Extract<BookingOutcome, { kind: 'draft-failed' }>): Reply {
  const { title, reason, eventRemoved, retry, missing } = o;
  const what = eventRemoved
    ? 'I removed the calendar event again, so nothing is left half-done.'
    : 'I could not remove the calendar event either: please delete it from your calendar.';
  const head = section(`:x: I couldn’t finish booking *${escapeText(title)}*: ${escapeText(reason)}. ${what}`);
  if (missing) return { text: `Couldn't finish booking ${escapeText(title)}`, blocks: [head, ...buildConnectPrompt(o.requestId, [missing]).blocks] };
  if (!retry) return { text: `Couldn't finish booking ${escapeText(title)}`, blocks: [head] };
  const again = buildProposal(retry);
  return { text: `Couldn't finish booking ${escapeText(title)}`, blocks: [head, context('You can pick a time again:'), ...again.blocks.slice(1)] };
}

export function buildMeetingCancelled(title: string, draftRemoved: boolean): Reply {
  const draft = draftRemoved ? ' and its email draft is deleted' : '; the email draft was already gone';
  return { text: `Cancelled: ${escapeText(title)}`, blocks: [section(`:wastebasket: *${escapeText(title)}* is cancelled: the event is deleted (attendees are told)${draft}.`)] };
}
