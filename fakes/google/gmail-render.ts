import { DateTime } from 'luxon';
import { invalid } from './errors.js';
import { type MimeHeader, encodeBase64Url, parseRfc2822 } from './mime.js';
import type { GoogleWorld, StoredMessage } from './state.js';

/** Gmail message resources in the `minimal` / `metadata` / `full` / `raw` formats, and seeding of inbox mail. */

export type MessageFormat = 'minimal' | 'metadata' | 'full' | 'raw';
const FORMATS: readonly string[] = ['minimal', 'metadata', 'full', 'raw'];

export function messageFormat(value: string | null): MessageFormat {
  const format = (value ?? 'full').toLowerCase();
  if (!FORMATS.includes(format)) throw invalid(`Invalid format: ${format}`, 'invalidArgument');
  return format as MessageFormat;
}

export function snippetOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function textPart(partId: string, mimeType: string, data: string): Record<string, unknown> {
  const bytes = Buffer.from(data, 'utf8');
  return {
    partId,
    mimeType,
    filename: '',
    headers: [{ name: 'Content-Type', value: `${mimeType}; charset="UTF-8"` }],
    body: { size: bytes.length, data: encodeBase64Url(bytes) },
  };
}

function payload(m: StoredMessage, format: MessageFormat, wanted: string[]): Record<string, unknown> {
  const { headers: all, mimeType, body, html } = m.parsed;
  const names = new Set(wanted.map((h) => h.toLowerCase()));
  const headers: MimeHeader[] = format === 'metadata' && names.size > 0 ? all.filter((h) => names.has(h.name.toLowerCase())) : all;
  const copy = headers.map((h) => ({ name: h.name, value: h.value }));
  if (format === 'metadata') return { mimeType, headers: copy };
  if (!mimeType.startsWith('multipart/')) {
    return { ...textPart('', mimeType, mimeType === 'text/html' ? (html ?? '') : body), headers: copy };
  }
  const parts = [textPart('0', 'text/plain', body), ...(html === undefined ? [] : [textPart('1', 'text/html', html)])];
  return { partId: '', mimeType, filename: '', headers: copy, body: { size: 0 }, parts };
}

export function renderMessage(m: StoredMessage, format: MessageFormat, metadataHeaders: string[] = []): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: m.id,
    threadId: m.threadId,
    labelIds: [...m.labelIds],
    snippet: m.snippet,
    sizeEstimate: m.raw.length,
    historyId: m.historyId,
    internalDate: String(m.internalDate.getTime()),
  };
  if (format === 'raw') return { ...base, raw: encodeBase64Url(m.raw) };
  if (format === 'minimal') return base;
  return { ...base, payload: payload(m, format, metadataHeaders) };
}

export interface SeedMessage {
  from: string;
  subject: string;
  snippet: string;
  date: string | Date;
  /** Label ids; system labels are upper-case (INBOX, IMPORTANT, CATEGORY_PERSONAL...). Default ['INBOX']. */
  labels?: string[];
  /** Adds the UNREAD label. Default true. */
  unread?: boolean;
  /** The text/plain body; defaults to the snippet. */
  body?: string;
  threadId?: string;
}

const encodeWord = (s: string): string => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);

/** Builds a real RFC 2822 message for seeded inbox mail and stores it in `email`'s mailbox. */
export function seedMessage(world: GoogleWorld, email: string, seed: SeedMessage): StoredMessage {
  const date = typeof seed.date === 'string' ? new Date(seed.date) : seed.date;
  if (Number.isNaN(date.getTime())) throw new Error(`addMessage: invalid date ${String(seed.date)}`);
  const id = world.newMessageId();
  const body = seed.body ?? seed.snippet;
  const raw = Buffer.from(
    [
      `Delivered-To: ${email}`,
      `Date: ${DateTime.fromJSDate(date, { zone: 'utc' }).toRFC2822() ?? date.toUTCString()}`,
      `From: ${seed.from}`,
      `To: ${email}`,
      `Subject: ${encodeWord(seed.subject)}`,
      `Message-ID: <${id}@mail.example.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(body, 'utf8').toString('base64'),
    ].join('\r\n'),
    'utf8',
  );
  const parsed = parseRfc2822(raw);
  if (parsed === undefined) throw new Error('addMessage: could not build a message');
  const labels = seed.labels ?? ['INBOX'];
  const message: StoredMessage = {
    id,
    threadId: seed.threadId ?? id,
    labelIds: (seed.unread ?? true) && !labels.includes('UNREAD') ? ['UNREAD', ...labels] : [...labels],
    internalDate: date,
    snippet: seed.snippet,
    raw,
    parsed,
    historyId: world.nextHistoryId(),
  };
  world.mailbox(email).messages.push(message);
  return message;
}
