import { formatMinutes } from '../duration.js';
import type { ProposalView } from '../outcomes.js';
import type { NoTimeReason } from '../why-no-time.js';
import { explainNoTime } from './no-time.js';
import { ACTION, encodeRequest, encodeSlot } from './actions.js';
import { spanToken } from './date-token.js';
import { localTimesText, namesText } from './people.js';
import { MAX_TITLE, shown } from './text.js';
import { button, context, section, type Block, type Reply } from './types.js';

/** Most slot rows in one proposal; More times brings others. Keeps the message far below 50 blocks. */
export const MAX_SLOT_ROWS = 20;

/** "I couldn’t see Ann, Bo and +198 more’s calendars": within one context element for any number of guests. */
export function unseenNote(unseen: readonly string[]): Block[] {
  if (unseen.length === 0) return [];
  const who = namesText(unseen, 2000, 10);
  const several = unseen.length > 1;
  return [context(`:eyes: I couldn’t see ${who}’s calendar${several ? 's' : ''}, so these times don’t account for ${several ? 'them' : 'it'}.`)];
}

function slotRow(v: ProposalView, index: number): Block | undefined {
  const slot = v.slots[index];
  if (!slot) return undefined;
  const theirs = localTimesText(slot.start, v.zone, v.attendees, 1500);
  const row = section(`*${spanToken(slot, v.zone)}*${theirs !== '' ? `\n${theirs}` : ''}`);
  if (row.type === 'section') row.accessory = button('Book', ACTION.pickSlot, { value: encodeSlot(v.requestId, slot.start), style: 'primary' });
  return row;
}

/** The exact time asked for: marked when free, else who is in the way. */
function askedNote(v: ProposalView): Block[] {
  const a = v.asked;
  if (!a) return [];
  const when = spanToken({ start: a.start, end: a.start + v.minutes * 60_000 }, v.zone);
  if (a.free) return [context(`:star: ${when}, the time you asked for, is free for everyone; it comes first below.`)];
  const who = a.busy.length > 0 ? `${namesText(a.busy, 1500, 10)} ${a.busy.length === 1 ? 'is' : 'are'} busy then` : 'it is outside someone’s working hours';
  return [context(`You asked for ${when}, but ${who}. ${v.slots.length > 0 ? 'The nearest free times that day:' : 'Nothing else is free that day.'}`)];
}

export function buildProposal(v: ProposalView): Reply {
  const title = shown(v.title, MAX_TITLE);
  const who =
    v.attendees.length > 0
      ? ` with ${namesText(
          v.attendees.map((a) => a.name),
          1200,
          10,
        )}`
      : '';
  const blocks: Block[] = [section(`Free times for *${title}* (${formatMinutes(v.minutes)})${who}, ${shown(v.whenText, 200)}:`), ...askedNote(v)];
  const rows = Math.min(v.slots.length, MAX_SLOT_ROWS);
  for (let i = 0; i < rows; i += 1) {
    const row = slotRow(v, i);
    if (row) blocks.push(row);
  }
  if (v.slots.length > rows) blocks.push(context(`+${v.slots.length - rows} more free times not shown.`));
  blocks.push(...unseenNote(v.unseen));
  blocks.push(context(`Times show in your own Slack time zone; working hours were checked in ${shown(v.zone, 100)} for you and in each person’s own zone.`));
  const controls = [button('Cancel', ACTION.cancelProposal, { value: encodeRequest(v.requestId) })];
  if (v.hasMore) controls.unshift(button('More times', ACTION.moreTimes, { value: encodeRequest(v.requestId) }));
  blocks.push({ type: 'actions', elements: controls });
  return { text: `Free times for ${title}`, blocks };
}

export function buildNoSlots(title: string, whenText: string, unseen: readonly string[], reason?: NoTimeReason, minutes = 30): Reply {
  const t = shown(title, MAX_TITLE);
  return {
    text: `No free time found for ${t}`,
    blocks: [section(`I found no time when everyone is free and within working hours for *${t}*, ${shown(whenText, 200)}. ${explainNoTime(reason, minutes)}`), ...unseenNote(unseen)],
  };
}
