import { parseDuration, MIN_MINUTES, MAX_MINUTES } from './duration.js';
import { z } from 'zod';
import { When, whenAtEnd } from './when.js';

export const MAX_ATTENDEES = 20;
export const MAX_TITLE_LENGTH = 200;

/** `minutes` is absent when the user gave none: their default duration applies. */
export const ScheduleRequest = z.object({
  mentions: z.array(z.string()),
  emails: z.array(z.string()),
  minutes: z.number().optional(),
  title: z.string(),
  when: When,
});
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

export type ScheduleParse =
  | { kind: 'help' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'request'; request: ScheduleRequest };

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const SPECIAL_MENTION = /^<!(channel|here|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>$/;
const ANY_MARKUP = /<[@#!][^>]*>/;

/** Echoes a word back without letting a pasted novel blow Slack's message limits. */
const quote = (word: string) => (word.length > 40 ? `${word.slice(0, 40)}…` : word);

type Attendee = { kind: 'mention'; id: string } | { kind: 'email'; email: string };

function attendeeOf(token: string): Attendee | undefined {
  const mention = token.match(MENTION);
  if (mention?.[1]) return { kind: 'mention', id: mention[1] };
  const mailto = token.match(MAILTO);
  const bare = mailto?.[1] ?? token;
  if (EMAIL.test(bare)) return { kind: 'email', email: bare.toLowerCase() };
  return undefined;
}

/** Parses the text after `/schedule`: `<attendees…> [duration] <title…> [when]`. */
export function parseSchedule(text: string): ScheduleParse {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || (words.length === 1 && /^(help|\?|-h|--help)$/i.test(words[0] ?? ''))) {
    return { kind: 'help' };
  }

  const mentions: string[] = [];
  const emails: string[] = [];
  let minutes: number | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (SPECIAL_MENTION.test(word)) {
      return { kind: 'invalid', reason: `I can't invite ${word.startsWith('<!subteam') ? 'a user group' : 'a whole channel'}: mention people one by one.` };
    }
    const attendee = attendeeOf(word);
    if (attendee?.kind === 'mention') {
      if (!mentions.includes(attendee.id)) mentions.push(attendee.id);
      continue;
    }
    if (attendee?.kind === 'email') {
      if (!emails.includes(attendee.email)) emails.push(attendee.email);
      continue;
    }
    if (minutes !== undefined) break;
    const duration = parseDuration(word);
    if (duration.kind === 'out-of-range') {
      return { kind: 'invalid', reason: `A meeting must last from ${MIN_MINUTES} minutes to ${MAX_MINUTES / 60} hours; “${quote(word)}” is ${duration.minutes} minutes.` };
    }
    if (duration.kind === 'not-a-duration') break;
    minutes = duration.minutes;
  }

  if (mentions.length + emails.length === 0) {
    return { kind: 'invalid', reason: 'Mention at least one person (like @alice) or give an email address.' };
  }
  if (mentions.length + emails.length > MAX_ATTENDEES) {
    return { kind: 'invalid', reason: `I can invite at most ${MAX_ATTENDEES} people at once.` };
  }
  const next = words[i];
  // A number where the duration goes is a duration gone wrong (`30`, `3O`, `2hrs30`), not a title.
  if (minutes === undefined && next !== undefined && /^\d+(?:[.,]\d+)?(?:[a-z]+\d*)?$/i.test(next)) {
    return { kind: 'invalid', reason: `Expected how long the meeting lasts (like 30m, 45min, 1h or 1h30m) after the attendees, but got “${quote(next)}”.` };
  }

  const rest = words.slice(i);
  const found = whenAtEnd(rest);
  const titleWords = found ? rest.slice(0, rest.length - found.used) : rest;
  const raw = titleWords.join(' ');
  // Slack sends &, < and > as entities in command text; the title is kept as the user typed it.
  const title = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  if (title.length === 0) {
    return { kind: 'invalid', reason: 'Add a title after the people and the duration, like `/schedule @alice 30m Weekly sync`.' };
  }
  if (ANY_MARKUP.test(raw)) {
    return { kind: 'invalid', reason: 'Put everyone you invite before the duration; the title cannot contain mentions or channels.' };
  }
  if (title.length > MAX_TITLE_LENGTH) {
    return { kind: 'invalid', reason: `The title is too long (${title.length} characters; at most ${MAX_TITLE_LENGTH}).` };
  }
  return { kind: 'request', request: { mentions, emails, minutes, title, when: found?.when ?? { kind: 'default' } } };
}
