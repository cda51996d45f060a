import { formatMinutes } from '../duration.js';
import type { ProposalView } from '../outcomes.js';
import { ACTION, encodeRequest, encodeSlot } from './actions.js';
import { escapeText, formatSlot, listNames } from './text.js';
import { button, context, section, type Block, type Reply } from './types.js';

export function unseenNote(unseen: readonly string[]): Block[] {
  if (unseen.length === 0) return [];
  return [context(`:eyes: I couldn’t see ${escapeText(listNames(unseen))}’s calendar${unseen.length > 1 ? 's' : ''}, so these times don’t account for ${unseen.length > 1 ? 'them' : 'it'}.`)];
}

export function buildProposal(v: ProposalView): Reply {
  const title = escapeText(v.title);
  const blocks: Block[] = [section(`Free times for *${title}* (${formatMinutes(v.minutes)}), ${escapeText(v.whenText)}:`)];
  for (const slot of v.slots) {
    const row = section(`*${formatSlot(slot, v.zone)}*`);
    if (row.type === 'section') row.accessory = button('Book', ACTION.pickSlot, { value: encodeSlot(v.requestId, slot.start), style: 'primary' });
    blocks.push(row);
  }
  blocks.push(...unseenNote(v.unseen));
  blocks.push(context(`Times in your zone, ${escapeText(v.zone)}.`));
  const controls = [button('Cancel', ACTION.cancelProposal, { value: encodeRequest(v.requestId) })];
  if (v.hasMore) controls.unshift(button('More times', ACTION.moreTimes, { value: encodeRequest(v.requestId) }));
  blocks.push({ type: 'actions', elements: controls });
  return { text: `Free times for ${title}`, blocks };
}

export function buildNoSlots(title: string, whenText: string, unseen: readonly string[]): Reply {
  return {
    text: `No free time found for ${escapeText(title)}`,
    blocks: [
      section(`I found no time when everyone is free and within working hours for *${escapeText(title)}*, ${escapeText(whenText)}. Try another day (\`next week\`) or a shorter meeting.`),
      ...unseenNote(unseen),
    ],
  };
}
