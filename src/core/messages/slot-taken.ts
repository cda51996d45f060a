import { escapeText } from './text.js';
import { section, type Reply } from './types.js';

/** The picked time clashed with another meeting of the same people: say so, then the fresh times. */
export function buildSlotTaken(title: string, fresh: Reply | undefined): Reply {
  const head = section(`:hourglass: That time was just taken: someone invited to *${escapeText(title)}* now has another meeting then, so I didn’t book it.`);
  if (!fresh) return { text: 'That time was just taken', blocks: [head] };
  return { text: `That time was just taken. ${fresh.text}`, blocks: [head, ...fresh.blocks] };
}
