import { MAX_MINUTES, MIN_MINUTES } from '../duration.js';
import { shown } from './text.js';
import { context, section, type Reply } from './types.js';

const HOW = [
  '*Find a time and book it:* `/schedule @alice [@bob] [name@example.com] &lt;duration&gt; &lt;title&gt; [when]`',
  `• *Duration:* \`30m\`, \`45min\`, \`1h\`, \`1h30m\`, \`90m\`, \`1.5h\` (${MIN_MINUTES} min to ${MAX_MINUTES / 60} h)`,
  '• *When* (optional): `today`, `tomorrow`, a weekday like `friday`, or `next week`; otherwise the next 5 working days',
  '• Example: `/schedule @alice 30m Sync tomorrow`',
].join('\n');

/** Longest reason shown; parseSchedule's are far shorter. */
const MAX_REASON = 1000;

/** Help for `/schedule help`, and the same help under the reason when the input didn't parse. */
export function buildUsage(reason?: string): Reply {
  const blocks = reason === undefined ? [section(HOW)] : [section(`:warning: ${shown(reason, MAX_REASON)}`), section(HOW)];
  blocks.push(
    context('I look for free time in Google Calendar for you and everyone you mention, within each person’s working hours, then create the event and a Gmail draft for you to send.'),
  );
  return { text: reason === undefined || reason.trim() === '' ? 'How to use /schedule' : shown(reason, MAX_REASON), blocks };
}
