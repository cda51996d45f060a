import { DateTime } from 'luxon';
import { formatMinutes } from './duration.js';
import type { Interval } from './intervals.js';

export interface DraftInput {
  to: readonly string[];
  title: string;
  slot: Interval;
  zone: string;
  eventLink: string;
  organizerName: string;
  /** The Message-ID header (see draft-probe.ts): what finds this draft again after a lost answer. */
  messageId?: string | undefined;
}

const noBreaks = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** RFC 2047 encoded-word for a header that may hold non-ASCII text. */
function encodeHeader(value: string): string {
  const clean = noBreaks(value);
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

export function draftSubject(title: string): string {
  return `Invitation: ${title}`;
}

export function draftBody(input: DraftInput): string {
  const start = DateTime.fromMillis(input.slot.start, { zone: input.zone });
  const end = DateTime.fromMillis(input.slot.end, { zone: input.zone });
  const minutes = Math.round((input.slot.end - input.slot.start) / 60_000);
  return [
    'Hi,',
    '',
    `I've scheduled "${input.title}" for ${start.toFormat('cccc, LLLL d')} at ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')} ${start.toFormat('ZZZZ')} (${input.zone}, ${formatMinutes(minutes)}).`,
    '',
    `Calendar event: ${input.eventLink}`,
    '',
    'Looking forward to it!',
    input.organizerName,
  ].join('\r\n');
}

/** The whole RFC 2822 message, base64url-encoded as Gmail's `raw` field wants it. */
export function buildDraftRaw(input: DraftInput): string {
  const body = Buffer.from(draftBody(input), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const message = [
    `To: ${input.to.map(noBreaks).join(', ')}`,
    `Subject: ${encodeHeader(draftSubject(input.title))}`,
    ...(input.messageId ? [`Message-ID: ${noBreaks(input.messageId)}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
  return Buffer.from(message, 'utf8').toString('base64url');
}

export function gmailDraftLink(draftMessageId: string): string {
  return `https://mail.google.com/mail/u/0/#drafts?compose=${encodeURIComponent(draftMessageId)}`;
}
