import type { Interval } from '../../src/core/intervals.js';
import {
  ServiceError,
  type CalendarApi,
  type CreatedEvent,
  type DraftProbe,
  type DraftRef,
  type EventLookup,
  type FreeBusyEntry,
  type GmailApi,
  type NewEvent,
} from '../../src/flows/ports/index.js';
import { Faults, Life } from './memory-faults.js';

export { Killed, Life, type PortFault } from './memory-faults.js';

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Calendar in memory: insert is idempotent by id and a deleted id stays taken, as the adapter makes them. */
export class MemoryCalendar implements CalendarApi {
  /** Live events by id. */
  readonly events = new Map<string, NewEvent>();
  readonly cancelled = new Set<string>();
  readonly deleted: string[] = [];
  readonly tokens: string[] = [];
  /** Busy times by calendar ('primary' is the organizer's), besides the events. */
  readonly busy = new Map<string, Interval[]>();
  readonly faults: Faults<'insert' | 'get' | 'delete' | 'freeBusy'>['queued'];
  readonly calls: string[] = [];
  private readonly f: Faults<'insert' | 'get' | 'delete' | 'freeBusy'>;

  constructor(life: Life = new Life()) {
    this.f = new Faults('calendar', life);
    this.faults = this.f.queued;
  }

  async calendars(): Promise<never> {
    throw new Error('not used by these flows');
  }

  async freeBusy(_token: string, q: { timeMin: number; timeMax: number; ids: string[] }): Promise<Map<string, FreeBusyEntry>> {
    this.calls.push('freeBusy');
    return this.f.run('freeBusy', () => {
      const window = { start: q.timeMin, end: q.timeMax };
      const live = [...this.events.values()];
      return new Map(
        q.ids.map((id): [string, FreeBusyEntry] => {
          const mine = live.filter((e) => id === 'primary' || e.attendees.includes(id)).map((e) => e.slot);
          return [id, { kind: 'busy', busy: [...(this.busy.get(id) ?? []), ...mine].filter((b) => overlaps(b, window)) }];
        }),
      );
    });
  }

  async insertEvent(token: string, event: NewEvent): Promise<CreatedEvent> {
    this.tokens.push(token);
    this.calls.push('insert');
    return this.f.run('insert', () => {
      if (this.cancelled.has(event.id)) throw new ServiceError({ service: 'calendar', operation: 'events.insert', problem: 'gone', status: 409 });
      if (!this.events.has(event.id)) this.events.set(event.id, event);
      return { id: event.id, htmlLink: `https://calendar.test/event?eid=${event.id}` };
    });
  }

  async getEvent(_token: string, eventId: string): Promise<EventLookup> {
    this.calls.push('get');
    return this.f.run('get', (): EventLookup => {
      if (this.events.has(eventId)) return { kind: 'live', event: { id: eventId, htmlLink: `https://calendar.test/event?eid=${eventId}` } };
      return this.cancelled.has(eventId) ? { kind: 'cancelled' } : { kind: 'missing' };
    });
  }

  async deleteEvent(token: string, eventId: string): Promise<void> {
    this.tokens.push(token);
    this.calls.push('delete');
    return this.f.run('delete', () => {
      if (!this.events.delete(eventId)) return;
      this.cancelled.add(eventId);
      this.deleted.push(eventId);
    });
  }
}

interface StoredDraft {
  raw: string;
  messageIdHeader: string | undefined;
  subject: string;
  to: string;
  body: string;
  created: number;
}

/** Headers and the (base64) body of a raw draft; anything unreadable is left empty. */
function parseRaw(raw: string): Omit<StoredDraft, 'raw' | 'created' | 'messageIdHeader'> & { messageId: string | undefined } {
  const mime = Buffer.from(raw, 'base64url').toString('utf8');
  const split = mime.indexOf('\r\n\r\n');
  const headers = (split < 0 ? '' : mime.slice(0, split)).split('\r\n');
  const header = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const body = split < 0 ? '' : Buffer.from(mime.slice(split + 4).replace(/\r\n/g, ''), 'base64').toString('utf8');
  return { messageId: header('message-id'), subject: header('subject') ?? '', to: header('to') ?? '', body };
}

/** Gmail drafts in memory: every create makes a new draft, as Gmail's does; `replace` models Gmail dropping our Message-ID. */
export class MemoryGmail implements GmailApi {
  /** Live drafts' raw messages by draft id. */
  readonly drafts = new Map<string, string>();
  readonly faults: Faults<'create' | 'find' | 'delete'>['queued'];
  messageIds: 'keep' | 'replace' = 'keep';
  readonly calls: string[] = [];
  private readonly stored = new Map<string, StoredDraft>();
  private readonly f: Faults<'create' | 'find' | 'delete'>;
  private next = 0;

  constructor(
    life: Life = new Life(),
    private readonly now: () => number = Date.now,
  ) {
    this.f = new Faults('gmail', life);
    this.faults = this.f.queued;
  }

  async createDraft(_token: string, draft: { raw: string; probe: DraftProbe }): Promise<DraftRef> {
    this.calls.push('create');
    return this.f.run('create', () => {
      const id = `d${++this.next}`;
      const { messageId, ...rest } = parseRaw(draft.raw);
      const messageIdHeader = this.messageIds === 'keep' ? messageId : `<CA+${this.next}@mail.gmail.com>`;
      this.stored.set(id, { raw: draft.raw, messageIdHeader, created: this.now(), ...rest });
      this.drafts.set(id, draft.raw);
      return { draftId: id, messageId: `m${this.next}` };
    });
  }

  async findDraft(_token: string, probe: DraftProbe): Promise<DraftRef | undefined> {
    this.calls.push('find');
    return this.f.run('find', () => {
      const live = [...this.stored.entries()].filter(([id]) => this.drafts.has(id));
      const hit =
        live.find(([, d]) => d.messageIdHeader === probe.messageId) ??
        live.find(([, d]) => d.subject === probe.subject && d.to.includes(probe.to) && d.created >= probe.since - 3_600_000 && d.body.includes(probe.marker));
      return hit ? { draftId: hit[0], messageId: `m${hit[0].slice(1)}` } : undefined;
    });
  }

  async deleteDraft(_token: string, draftId: string): Promise<boolean> {
    this.calls.push('delete');
    return this.f.run('delete', () => this.drafts.delete(draftId));
  }
}
