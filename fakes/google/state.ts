import { randomBytes, randomInt } from 'node:crypto';
import type { ParsedMime } from './mime.js';

/**
 * The fake Google world: calendars (busy blocks, events, invitations), each user's calendar list,
 * and mailboxes.
 */

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
  self?: true;
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
  /** `self` is set on the copy that sits on the organizer's own calendar. */
  organizer: { email: string; self?: true };
  creator: { email: string; self?: true };
  iCalUID: string;
  sequence: number;
  reminders: { useDefault: boolean };
  transparency?: 'opaque' | 'transparent';
  hangoutLink?: string;
  conferenceData?: ConferenceData;
  eventType: 'default';
}

export type ConferenceStatus = 'pending' | 'success' | 'failure';

export interface ConferenceData {
  createRequest?: { requestId: string; conferenceSolutionKey: { type: string }; status: { statusCode: ConferenceStatus } };
  entryPoints?: Array<{ entryPointType: 'video' | 'phone' | 'sip' | 'more'; uri: string; label?: string }>;
  conferenceSolution?: { key: { type: string }; name: string; iconUri: string };
  conferenceId?: string;
}

export interface StoredEvent {
  /** The organizer's calendar (lowercased id), where the event was inserted. */
  calendar: string;
  resource: CalendarEventResource;
  startMs: number;
  endMs: number;
  /** The `sendUpdates` query value of each call (undefined when the client omitted it). */
  sendUpdates: { insert: string | undefined; delete: string | undefined };
  deleted: boolean;
  /** Calendars the event was copied to as an invitation (attendees whose calendars the fake holds). */
  invited: string[];
  /** A Meet link still being made: it is ready the next time the event is read. */
  pendingConference?: { link: string };
}

/** An event organised on another calendar, as it sits on an invited attendee's calendar. */
export interface Invitation {
  event: StoredEvent;
  /** The attendee deleted their copy. */
  removed: boolean;
}

export interface Interval {
  startMs: number;
  endMs: number;
}

export type AccessRole = 'freeBusyReader' | 'reader' | 'writer' | 'owner';

/** Access roles in increasing order of power, with calendarList's `writerWithoutPrivateAccess`. */
export const ROLE_RANK: Readonly<Record<AccessRole | 'writerWithoutPrivateAccess', number>> = {
  freeBusyReader: 0,
  reader: 1,
  writerWithoutPrivateAccess: 2,
  writer: 3,
  owner: 4,
};

export interface CalendarState {
  /** Lowercased: the owner's address for a primary calendar. */
  id: string;
  /** The account this is the primary calendar of; undefined for a secondary calendar. */
  primaryOf: string | undefined;
  summary: string;
  description: string | undefined;
  timeZone: string;
  /** Free/busy not shared outside the calendar's own list entries (hideCalendar). */
  hidden: boolean;
  busy: Interval[];
  events: Map<string, StoredEvent>;
  invitations: Map<string, Invitation>;
}

/** One calendar on one user's calendar list, with that user's access to it. */
export interface CalendarListEntryState {
  calendarId: string;
  accessRole: AccessRole;
  selected: boolean;
  /** Hidden from the list (calendarList's `hidden`, shown only with showHidden=true). */
  hidden: boolean;
  colorId: string;
}

/**
 * What happens to a `hangoutsMeet` create request: `success` at once (default), `pending` until the
 * event is next read, `failure` (event made, no link), or `rejected` (400, no event), as Google does
 * when the calendar does not allow Meet.
 */
export type MeetMode = 'success' | 'pending' | 'failure' | 'rejected';

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

/** Ids of the kind Google gives secondary calendars (`…@group.calendar.google.com`), or no address at all. */
export const isSecondaryId = (id: string): boolean => !id.includes('@') || /\.calendar\.google\.com$/i.test(id);

export class GoogleWorld {
  private readonly calendars = new Map<string, CalendarState>();
  /** Each user's calendar list, keyed by user address then calendar id. */
  private readonly lists = new Map<string, Map<string, CalendarListEntryState>>();
  /** Meet behaviour by user address or by `@domain`. */
  readonly meet = new Map<string, MeetMode>();
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

  /** Makes `email`'s primary calendar exist (known to freeBusy, first on their calendar list). Idempotent. */
  calendar(email: string): CalendarState {
    const key = norm(email);
    let cal = this.calendars.get(key);
    if (cal === undefined) {
      cal = newCalendar(key, key, key);
      this.calendars.set(key, cal);
    }
    if (cal.primaryOf === key && this.listEntry(key, key) === undefined) {
      this.setListEntry(key, { calendarId: key, accessRole: 'owner', selected: true, hidden: false, colorId: '14' });
    }
    return cal;
  }

  /** A secondary calendar, made on first use. */
  secondaryCalendar(id: string, summary: string): CalendarState {
    const key = norm(id);
    let cal = this.calendars.get(key);
    if (cal === undefined) {
      cal = newCalendar(key, undefined, summary);
      this.calendars.set(key, cal);
    }
    return cal;
  }

  findCalendar(id: string): CalendarState | undefined {
    return this.calendars.get(norm(id));
  }

  listEntry(user: string, calendarId: string): CalendarListEntryState | undefined {
    return this.lists.get(norm(user))?.get(norm(calendarId));
  }

  setListEntry(user: string, entry: CalendarListEntryState): void {
    const key = norm(user);
    let list = this.lists.get(key);
    if (list === undefined) {
      list = new Map();
      this.lists.set(key, list);
    }
    list.set(norm(entry.calendarId), { ...entry, calendarId: norm(entry.calendarId) });
  }

  /** `user`'s calendar list: their primary calendar first, then entries in the order they were added. */
  calendarList(user: string): CalendarListEntryState[] {
    this.calendar(user);
    const list = [...(this.lists.get(norm(user))?.values() ?? [])];
    return [...list.filter((e) => e.calendarId === norm(user)), ...list.filter((e) => e.calendarId !== norm(user))];
  }

  meetMode(email: string): MeetMode {
    const key = norm(email);
    return this.meet.get(key) ?? this.meet.get(key.slice(key.indexOf('@'))) ?? 'success';
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

function newCalendar(id: string, primaryOf: string | undefined, summary: string): CalendarState {
  return {
    id,
    primaryOf,
    summary,
    description: undefined,
    timeZone: 'UTC',
    hidden: false,
    busy: [],
    events: new Map(),
    invitations: new Map(),
  };
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
