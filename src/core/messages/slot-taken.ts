import { MAX_TITLE, shown } from './text.js';
import { section, type Reply } from './types.js';

/** The picked time clashed with another meeting of the same people: say so, then the fresh times. */
export function buildSlotTaken(title: string, fresh: Reply | undefined): Reply {
  const head = section(`:hourglass: That time was just taken: someone invited to *${shown(title, MAX_TITLE)}* now has another meeting then, so I didn’t book it.`);
  if (!fresh) return { text: 'That time was just taken', blocks: [head] };
  // One block of the 50 Slack allows goes to the notice; the fresh proposal keeps the rest.
  return { text: `That time was just taken. ${fresh.text}`.slice(0, 3000), blocks: [head, ...fresh.blocks.slice(0, 49)] };
}
