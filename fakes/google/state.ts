import { randomBytes, randomInt } from 'node:crypto';
import type { ParsedMime } from './mime.js';

/** The fake Google world: calendars (busy blocks + bot-created events) and mailboxes. */

export interface EventDateTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

export interface EventAttendee {
  email: string;
  responseStatus: string;
  displayName?: string;
  optional?: boolean;
  organizer?: boolean;
  self?: boolean;
}

export interface CalendarEventResource {
  kind: 'calendar#event';
  etag: string;
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  htmlLink: string;
  created: string;
  updated: string;
  summary?: string;
  description?: string;
  location?: string;
  start: EventDateTime;
  end: EventDateTime;
  attendees?: EventAttendee[];
  organizer: { email: string; self: true };
  creator: { email: string; self: true };
  iCalUID: string;
  sequence: number;
  reminders: { useDefault: boolean };
  transparency?: 'opaque' | 'transparent';
  eventType: 'default';
}

export interface StoredEvent {
  calendar: string;
  resource: CalendarEventResource;
  startMs: number;
  endMs: number;
  /** The `sendUpdates` query value of each call (undefined when the client omitted it). */
  sendUpdates: { insert: string | undefined; delete: string | undefined };
  deleted: boolean;
}

export interface Interval {
  startMs: number;
  endMs: number;
}

export interface CalendarState {
  hidden: boolean;
  busy: Interval[];
  events: Map<string, StoredEvent>;
}

/** A Gmail message (inbox mail or a draft's message), kept as raw RFC 2822 plus its parsed form. */
export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: Date;
  snippet: string;
  raw: Buffer;
  parsed: ParsedMime;
  historyId: string;
}

export interface StoredDraft {
  id: string;
  message: StoredMessage;
  created: Date;
  deleted: boolean;
}

export interface Mailbox {
  messages: StoredMessage[];
  drafts: Map<string, StoredDraft>;
}

export const norm = (email: string): string => email.trim().toLowerCase();

export class GoogleWorld {
  private readonly calendars = new Map<string, CalendarState>();
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly usedIds = new Set<string>();
  private history = 1000;
  /**
   * What drafts.create does with the Message-ID header of the raw message: `keep` it as the client
   * wrote it (the default), or `replace` it with one of Gmail's own making.
   */
  draftMessageIds: 'keep' | 'replace' = 'keep';

  nextHistoryId(): string {
    this.history += 1;
    return String(this.history);
  }

  /** Makes a calendar exist (known to freeBusy). Idempotent. */
  calendar(email: string): CalendarState {
    const key = norm(email);
    let cal = this.calendars.get(key);
    if (cal === undefined) {
      cal = { hidden: false, busy: [], events: new Map() };
      this.calendars.set(key, cal);
    }
    return cal;
  }

  findCalendar(email: string): CalendarState | undefined {
    return this.calendars.get(norm(email));
  }

  mailbox(email: string): Mailbox {
    const key = norm(email);
    let box = this.mailboxes.get(key);
    if (box === undefined) {
      box = { messages: [], drafts: new Map() };
      this.mailboxes.set(key, box);
    }
    return box;
  }

  /** 16 lowercase hex digits, like Gmail message and thread ids. */
  newMessageId(): string {
    return this.unique(() => `1${randomBytes(8).toString('hex').slice(1)}`);
  }

  /** `r-` followed by 19 digits, like Gmail draft ids. */
  newDraftId(): string {
    return this.unique(() => `r-${randomInt(1, 9)}${Array.from({ length: 18 }, () => randomInt(0, 10)).join('')}`);
  }

  /** 26 base32hex characters, like server-generated Calendar event ids. */
  newEventId(): string {
    const alphabet = '0123456789abcdefghijklmnopqrstuv';
    return this.unique(() => Array.from(randomBytes(26), (b) => alphabet[b % 32] ?? '0').join(''));
  }

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }
}

/** Sorted, merged busy intervals clipped to [minMs, maxMs). */
export function mergeBusy(intervals: Interval[], minMs: number, maxMs: number): Interval[] {
  const clipped = intervals
    .map((i) => ({ startMs: Math.max(i.startMs, minMs), endMs: Math.min(i.endMs, maxMs) }))
    .filter((i) => i.endMs > i.startMs)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out[out.length - 1];
    if (last !== undefined && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else out.push({ ...i });
  }
  return out;
}

/** RFC 3339 UTC without milliseconds, as freeBusy busy blocks are rendered. */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
