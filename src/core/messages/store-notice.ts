import { shown } from './text.js';
import { section, type Reply } from './types.js';

/** The bot's database is out of reach: nothing the user asked for was kept, so trying later is the way out. */
export function buildStoreUnavailable(reference: string): Reply {
  const text = `:cloud: I can’t reach my database right now, so I couldn’t do that and nothing was booked. Please try again in a few minutes; if it keeps happening, tell whoever runs this bot (reference \`${shown(reference, 32)}\`).`;
  return { text, blocks: [section(text)] };
}
