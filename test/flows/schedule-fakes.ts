import type { SlackUserRef } from '../../src/core/identity.js';
import type { Connector, GrantProblem } from '../../src/core/outcomes.js';
import type { ScheduleDeps } from '../../src/flows/deps.js';
import { ServiceError, type CalendarApi, type CreatedEvent, type GmailApi, type Grants, type NewEvent, type TokenLookup } from '../../src/flows/ports/index.js';
import type { ScheduleRecord } from '../../src/flows/schedule/record.js';
import { MemoryStore } from './memory-store.js';

export const NOW = Date.UTC(2026, 11, 2, 14);
export const OLIVIA: SlackUserRef = { teamId: 'T1', userId: 'U0OLIVIA' };
export const MALLORY: SlackUserRef = { teamId: 'T1', userId: 'U0MAL' };
export const SLOT = { start: NOW + 3_600_000, end: NOW + 5_400_000 };

type Fault = 'unavailable' | 'unauthorized' | 'rate-limited';
const fail = (service: string, operation: string, problem: Fault) => new ServiceError({ service, operation, problem, status: problem === 'unauthorized' ? 401 : 503 });

/** Calendar in memory: insert is idempotent by id, as the adapter's 409 handling makes it. */
export class MemoryCalendar implements CalendarApi {
  readonly events = new Map<string, NewEvent>();
  readonly deleted: string[] = [];
  readonly tokens: string[] = [];
  readonly faults: Partial<Record<'insert' | 'delete', Fault[]>> = {};

  private take(op: 'insert' | 'delete'): void {
    const f = this.faults[op]?.shift();
    if (f) throw fail('calendar', op, f);
  }

  async calendars(): Promise<never> {
    throw new Error('not used by these flows');
  }

  async freeBusy(): Promise<never> {
    throw new Error('not used by these flows');
  }

  async insertEvent(token: string, event: NewEvent): Promise<CreatedEvent> {
    this.tokens.push(token);
    this.take('insert');
    if (!this.events.has(event.id)) this.events.set(event.id, event);
    return { id: event.id, htmlLink: `https://calendar.test/event?eid=${event.id}` };
  }

  async deleteEvent(token: string, eventId: string): Promise<void> {
    this.tokens.push(token);
    this.take('delete');
    if (this.events.delete(eventId)) this.deleted.push(eventId);
  }
}

/** Gmail drafts in memory: every create makes a new draft, as Gmail's does. */
export class MemoryGmail implements GmailApi {
  readonly drafts = new Map<string, string>();
  readonly faults: Partial<Record<'create' | 'delete', Fault[]>> = {};
  private next = 0;

  private take(op: 'create' | 'delete'): void {
    const f = this.faults[op]?.shift();
    if (f) throw fail('gmail', op, f);
  }

  async createDraft(_token: string, raw: string): Promise<{ draftId: string; messageId: string }> {
    this.take('create');
    const id = `d${++this.next}`;
    this.drafts.set(id, raw);
    return { draftId: id, messageId: `m${this.next}` };
  }

  async deleteDraft(_token: string, draftId: string): Promise<boolean> {
    this.take('delete');
    return this.drafts.delete(draftId);
  }
}

/** Scalekit's side: a token per user and connector, or the reason there is none. */
export class MemoryGrants implements Grants {
  readonly state = new Map<string, TokenLookup>();
  readonly lookups: string[] = [];
  readonly links: Array<{ user: string; connector: Connector; resumeId?: string | undefined }> = [];
  private minted = 0;

  connect(user: SlackUserRef, connectors: Connector[] = ['calendar', 'gmail']): void {
    for (const c of connectors) this.state.set(`${user.userId}/${c}`, { kind: 'token', token: `tok-${user.userId}-${c}-${++this.minted}` });
  }

  break(user: SlackUserRef, connector: Connector, problem: GrantProblem): void {
    this.state.set(`${user.userId}/${connector}`, { kind: 'missing', problem });
  }

  async token(user: SlackUserRef, connector: Connector): Promise<TokenLookup> {
    this.lookups.push(`${user.userId}/${connector}`);
    return this.state.get(`${user.userId}/${connector}`) ?? { kind: 'missing', problem: 'not-connected' };
  }

  async link(user: SlackUserRef, connector: Connector, resumeId?: string): Promise<string> {
    this.links.push({ user: user.userId, connector, resumeId });
    return `https://connect.test/${connector}/${user.userId}`;
  }

  async authorizationLink(user: SlackUserRef, connector: Connector): Promise<string> {
    return `https://scalekit.test/magic/${connector}/${user.userId}`;
  }

  async verify(): Promise<void> {}

  async disconnect(user: SlackUserRef, connector: Connector): Promise<void> {
    this.state.delete(`${user.userId}/${connector}`);
  }
}

export function scheduleWorld(opts: { leaseMs?: number } = {}) {
  const store = new MemoryStore();
  const calendar = new MemoryCalendar();
  const gmail = new MemoryGmail();
  const grants = new MemoryGrants();
  const logs: Array<{ level: string; msg: string; ctx?: Record<string, unknown> | undefined }> = [];
  const clock = { now: NOW };
  const log = (level: string) => (msg: string, ctx?: Record<string, unknown>) => void logs.push({ level, msg, ctx });
  const deps: ScheduleDeps = {
    grants,
    calendar,
    gmail,
    store,
    directory: { person: async (id) => ({ kind: 'not-found', id }) },
    now: () => clock.now,
    newId: () => 'req-1',
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    bookingLeaseMs: opts.leaseMs ?? 60_000,
  };
  grants.connect(OLIVIA);
  return { deps, store, calendar, gmail, grants, logs, clock };
}

/** A proposal as search leaves it: organizer and attendees resolved, three slots shown. */
export function proposal(over: Partial<ScheduleRecord> = {}): ScheduleRecord {
  const slots = [SLOT, { start: SLOT.start + 86_400_000, end: SLOT.end + 86_400_000 }];
  return {
    id: 'req-1',
    owner: OLIVIA,
    channelId: 'C1',
    responseUrl: 'https://hooks.slack.test/commands/1',
    createdAt: NOW - 60_000,
    request: { mentions: ['U0ALICE'], emails: [], minutes: 30, title: 'Sync', when: { kind: 'default' } },
    organizer: { slackId: 'U0OLIVIA', name: 'olivia', zone: 'America/New_York', email: 'olivia@acme.test' },
    attendees: [{ email: 'alice@acme.test', name: 'alice', slackId: 'U0ALICE', zone: 'Europe/London' }],
    whenText: 'the next 5 working days',
    minutes: 30,
    candidates: slots,
    shown: slots.map((s) => s.start),
    unseen: [],
    generation: 0,
    booking: { state: 'open' },
    journal: [],
    ...over,
  };
}
