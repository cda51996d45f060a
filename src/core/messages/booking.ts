import { draftsListOf } from '../gmail-links.js';
import type { Booked, BookingOutcome } from '../outcomes.js';
import { buildConnectPrompt } from './connect.js';
import { ACTION, encodeRequest } from './actions.js';
import { spanToken } from './date-token.js';
import { localTimesText, namesText } from './people.js';
import { buildProposal } from './proposal.js';
import { MAX_TITLE, mrkdwnLink, shown } from './text.js';
import { button, confirmDialog, context, section, type Block, type Reply } from './types.js';

/** Longest reason shown for a failed booking. */
const MAX_REASON = 500;

export function buildConfirmation(b: Booked): Reply {
  const title = shown(b.title, MAX_TITLE);
  const when = spanToken(b.slot, b.zone);
  const blocks: Block[] = [section(`:white_check_mark: *${title}* is booked for *${when}*.`)];
  const details: string[] = [];
  if (b.attendees.length > 0)
    details.push(
      `*Who:* ${namesText(
        b.attendees.map((a) => a.name),
        1200,
        10,
      )}`,
    );
  const theirs = localTimesText(b.slot.start, b.zone, b.attendees, 1200);
  if (theirs !== '') details.push(`*Their time:* ${theirs}`);
  if (details.length > 0) blocks.push(section(details.join('\n')));
  const meet = mrkdwnLink(b.meetLink, 'Join with Google Meet');
  if (meet !== undefined) blocks.push(section(`:video_camera: ${meet}`));
  else if (b.meetWanted) blocks.push(context('No Google Meet link: Google did not add one to this event (your workspace may not allow Meet). Add a call to the event if you need one.'));
  const draft = mrkdwnLink(b.draftLink, 'Open the email draft in Gmail');
  const drafts = mrkdwnLink(draftsListOf(b.draftLink), 'all drafts');
  const links = [mrkdwnLink(b.eventLink, 'Open the calendar event'), draft !== undefined && drafts !== undefined ? `${draft} (or ${drafts}, if you already edited it)` : draft].filter(
    (l): l is string => l !== undefined,
  );
  if (links.length > 0) blocks.push(section(links.join('  ·  ')));
  blocks.push(context('Invitations went out from your calendar. The follow-up email waits in your drafts until you send it.'));
  blocks.push({
    type: 'actions',
    elements: [
      {
        ...button('Cancel meeting', ACTION.cancelMeeting, { value: encodeRequest(b.requestId), style: 'danger' }),
        confirm: confirmDialog({ title: 'Cancel this meeting?', text: 'This deletes the event (attendees are told) and the email draft.', confirm: 'Cancel meeting' }),
      },
    ],
  });
  return { text: `Booked: ${title}, ${when}`, blocks };
}

export function buildDraftFailed(o: Extract<BookingOutcome, { kind: 'draft-failed' }>): Reply {
  const { reason, eventRemoved, retry, missing } = o;
  const title = shown(o.title, MAX_TITLE);
  const what = eventRemoved ? 'I removed the calendar event again, so nothing is left half-done.' : 'I could not remove the calendar event either: please delete it from your calendar.';
  const head = section(`:x: I couldn’t finish booking *${title}*: ${shown(reason, MAX_REASON)}. ${what}`);
  const text = `Couldn't finish booking ${title}`;
  if (missing) return { text, blocks: [head, ...buildConnectPrompt(o.requestId, [missing]).blocks] };
  if (!retry) return { text, blocks: [head] };
  const again = buildProposal(retry);
  return { text, blocks: [head, context('You can pick a time again:'), ...again.blocks.slice(1)] };
}

export function buildMeetingCancelled(title: string, draftRemoved: boolean): Reply {
  const t = shown(title, MAX_TITLE);
  const draft = draftRemoved ? ' and its email draft is deleted' : '; the email draft was already gone';
  return { text: `Cancelled: ${t}`, blocks: [section(`:wastebasket: *${t}* is cancelled: the event is deleted (attendees are told)${draft}.`)] };
}
