import { DateTime } from 'luxon';
import { formatMinutes } from './duration.js';
import type { Interval } from './intervals.js';
import { localTimes, safeZone, type Person } from './zone-names.js';
import { zoneAbbreviation } from './zone-clock.js';

export { gmailDraftLink, gmailDraftsLink } from './gmail-links.js';

export interface DraftInput {
  to: readonly string[];
  title: string;
  slot: Interval;
  /** The organizer's zone. */
  zone: string;
  eventLink: string;
  organizerName: string;
  /** Who is invited, with their zone where known: the body gives each zone its own time. */
  attendees?: readonly Person[] | undefined;
  /** The event's video call, when it has one. */
  meetLink?: string | undefined;
  /** The Message-ID header (see draft-probe.ts): what finds this draft again after a lost answer. */
  messageId?: string | undefined;
}

const noBreaks = (s: string) => s.replace(/[\r\n]+/g, ' ');
const clip = (s: string, max: number) => {
  const flat = noBreaks(s).trim();
  const cps = [...flat];
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : flat;
};

/** RFC 2047 encoded-word for a header that may hold non-ASCII text. */
function encodeHeader(value: string): string {
  const clean = noBreaks(value);
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/**
 * `Sync (Wed 2 Dec, 15:00 EST): a note from Olivia`. Google Calendar already sends each guest
 * "Invitation: Sync @ …"; this mail is the organizer's own note beside it, so its subject must
 * not read as a second invitation (nor thread with it): the title first, so the two are seen
 * together, then when, in the organizer's zone, then who writes.
 */
export function draftSubject(input: Pick<DraftInput, 'title' | 'slot' | 'zone' | 'organizerName'>): string {
  const name = clip(input.organizerName, 60);
  const z = safeZone(input.zone);
  const start = DateTime.fromMillis(input.slot.start, { zone: z });
  const when = `${start.toFormat('ccc d LLL, HH:mm')} ${zoneAbbreviation(input.slot.start, z)}`;
  return `${clip(input.title, 150)} (${when}): ${name !== '' ? `a note from ${name}` : 'a note before we meet'}`;
}

/** `Tuesday, March 10 at 09:00–09:45 IST` for a span on the clock of `zone`. */
function spanIn(slot: Interval, zone: string): string {
  const start = DateTime.fromMillis(slot.start, { zone });
  const end = DateTime.fromMillis(slot.end, { zone });
  return `${start.toFormat('cccc, LLLL d')} at ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')} ${zoneAbbreviation(slot.start, zone)}`;
}

function joinNames(names: readonly string[]): string {
  const shownNames = names.slice(0, 10).map((n) => clip(n, 60));
  const more = names.length - shownNames.length;
  if (more > 0) return `${shownNames.join(', ')} and ${more} more`;
  return shownNames.length <= 1 ? shownNames.join('') : `${shownNames.slice(0, -1).join(', ')} and ${shownNames.at(-1)}`;
}

export function draftBody(input: DraftInput): string {
  const zone = safeZone(input.zone);
  const minutes = Math.round((input.slot.end - input.slot.start) / 60_000);
  const theirs = localTimes(input.slot.start, zone, input.attendees ?? []).map((t) => `- ${joinNames(t.names)} (${t.city}): ${spanIn(input.slot, t.zone)}`);
  return [
    'Hi,',
    '',
    `I've scheduled "${noBreaks(input.title)}" for ${spanIn(input.slot, zone)} (${zone}, ${formatMinutes(minutes)}).`,
    ...(theirs.length > 0 ? ['', 'In your time zones that is:', ...theirs] : []),
    '',
    ...(input.meetLink !== undefined && input.meetLink !== '' ? [`Join with Google Meet: ${noBreaks(input.meetLink)}`] : []),
    `Calendar event: ${input.eventLink}`,
    '',
    'Looking forward to it!',
    noBreaks(input.organizerName),
  ].join('\r\n');
}

/** The whole RFC 2822 message, base64url-encoded as Gmail's `raw` field wants it. */
export function buildDraftRaw(input: DraftInput): string {
  const body = Buffer.from(draftBody(input), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const message = [
    `To: ${input.to.map(noBreaks).join(', ')}`,
    `Subject: ${encodeHeader(draftSubject(input))}`,
    ...(input.messageId ? [`Message-ID: ${noBreaks(input.messageId)}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
  return Buffer.from(message, 'utf8').toString('base64url');
}
