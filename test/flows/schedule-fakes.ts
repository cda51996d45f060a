import type { SlackUserRef } from '../../src/core/identity.js';
import type { Connector, GrantProblem } from '../../src/core/outcomes.js';
import type { ScheduleDeps } from '../../src/flows/deps.js';
import { ServiceError, type DirectoryEntry, type Grants, type TokenLookup } from '../../src/flows/ports/index.js';
import type { ScheduleRecord } from '../../src/flows/schedule/record.js';
import { Life, MemoryCalendar, MemoryGmail } from './memory-google.js';
import { MemoryStore } from './memory-store.js';

export const NOW = Date.UTC(2026, 11, 2, 14);
export const OLIVIA: SlackUserRef = { teamId: 'T1', userId: 'U0OLIVIA' };
export const MALLORY: SlackUserRef = { teamId: 'T1', userId: 'U0MAL' };
export const SLOT = { start: NOW + 3_600_000, end: NOW + 5_400_000 };

export { Killed, Life, MemoryCalendar, MemoryGmail, type PortFault } from './memory-google.js';

/** Scalekit's side: a token per user and connector, or the reason there is none. */
export class MemoryGrants implements Grants {
  readonly state = new Map<string, TokenLookup>();
  readonly lookups: string[] = [];
  readonly links: Array<{ user: string; connector: Connector; resumeId?: string | undefined }> = [];
  private minted = 0;

  constructor(private readonly life: Life = new Life()) {}

  connect(user: SlackUserRef, connectors: Connector[] = ['calendar', 'gmail']): void {
    for (const c of connectors) this.state.set(`${user.userId}/${c}`, { kind: 'token', token: `tok-${user.userId}-${c}-${++this.minted}` });
  }

  break(user: SlackUserRef, connector: Connector, problem: GrantProblem): void {
    this.state.set(`${user.userId}/${connector}`, { kind: 'missing', problem });
  }

  /** Scalekit stops answering after this many lookups. */
  downAfter = Number.POSITIVE_INFINITY;

  async token(user: SlackUserRef, connector: Connector): Promise<TokenLookup> {
    this.life.check();
    if (this.lookups.length >= this.downAfter) throw new ServiceError({ service: 'scalekit', operation: 'token', problem: 'unavailable' });
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

/** The people the directory knows: the organizer and Alice, as the proposal names them. */
const PEOPLE: Record<string, DirectoryEntry> = {
  U0OLIVIA: { kind: 'person', id: 'U0OLIVIA', name: 'olivia', email: 'olivia@acme.test', zone: 'America/New_York', isBot: false, deleted: false },
  U0ALICE: { kind: 'person', id: 'U0ALICE', name: 'alice', email: 'alice@acme.test', zone: 'Europe/London', isBot: false, deleted: false },
};

export function scheduleWorld(opts: { leaseMs?: number } = {}) {
  const life = new Life();
  const clock = { now: NOW };
  const store = new MemoryStore();
  const calendar = new MemoryCalendar(life);
  const gmail = new MemoryGmail(life, () => clock.now);
  const grants = new MemoryGrants(life);
  // A dead process writes nothing more.
  life.whenKilled(() => (store.failing = true));
  const logs: Array<{ level: string; msg: string; ctx?: Record<string, unknown> | undefined }> = [];
  const log = (level: string) => (msg: string, ctx?: Record<string, unknown>) => void logs.push({ level, msg, ctx });
  let ids = 0;
  const deps: ScheduleDeps = {
    grants,
    calendar,
    gmail,
    store,
    directory: { person: async (id) => PEOPLE[id] ?? { kind: 'not-found', id } },
    now: () => clock.now,
    newId: () => (ids++ === 0 ? 'req-1' : `req-${ids}`),
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    bookingLeaseMs: opts.leaseMs ?? 60_000,
  };
  grants.connect(OLIVIA);
  /** Time passes for everyone: the flows' clock and the store's. */
  const pass = (ms: number) => {
    clock.now += ms;
    store.advanceClock(ms);
  };
  /** A new process on the same store, after the dead one's lease ran out. */
  const restart = () => {
    life.alive = true;
    store.failing = false;
    pass(2 * deps.bookingLeaseMs);
  };
  return { deps, store, calendar, gmail, grants, logs, clock, life, restart, pass };
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
