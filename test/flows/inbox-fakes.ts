import { hmacCursorSeal } from '../../src/core/inbox/cursor.js';
import { parseSender, type MailItem } from '../../src/core/inbox/summary.js';
import type { SlackUserRef } from '../../src/core/identity.js';
import type { InboxDeps } from '../../src/flows/deps.js';
import type { MailboxApi } from '../../src/flows/ports/index.js';
import type { PendingRequest } from '../../src/flows/connect/pending.js';
import { MemoryStore } from './memory-store.js';
import type { DirectoryEntry, Grants, TokenLookup } from '../../src/flows/ports/index.js';

export const NOW = Date.UTC(2026, 2, 10, 12);
export const OLIVIA: SlackUserRef = { teamId: 'T1', userId: 'U0OLIVIA' };
export const MALLORY: SlackUserRef = { teamId: 'T1', userId: 'U0MAL' };

/** A mailbox whose calls stay open until the event loop turns, so overlap can be counted. */
export class FakeMailbox implements MailboxApi {
  readonly lists: Array<{ token: string; query: string; maxResults: number; pageToken?: string | undefined }> = [];
  readonly gets: Array<{ token: string; id: string }> = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    private readonly mail: MailItem[],
    private readonly pageSize = 10,
  ) {}

  async list(token: string, q: { query: string; maxResults: number; pageToken?: string | undefined }) {
    this.lists.push({ token, ...q });
    const start = q.pageToken === undefined ? 0 : Number(q.pageToken);
    const end = start + Math.min(q.maxResults, this.pageSize);
    return {
      ids: this.mail.slice(start, end).map((m) => m.id),
      nextPageToken: end < this.mail.length ? String(end) : undefined,
      resultSizeEstimate: this.mail.length,
    };
  }

  async metadata(token: string, id: string) {
    this.gets.push({ token, id });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setImmediate(r));
    this.inFlight -= 1;
    return this.mail.find((m) => m.id === id);
  }
}

export function fakeMail(count: number, from: (i: number) => string = (i) => `p${i}@ext.test`): MailItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    threadId: `t${i}`,
    from: parseSender(from(i)),
    subject: `Subject ${i}`,
    snippet: '',
    receivedAt: NOW - (i + 1) * 60_000,
  }));
}

export interface Fakes {
  deps: InboxDeps;
  mailbox: FakeMailbox;
  pending: Map<string, PendingRequest>;
  tokenCalls: string[];
  links: Array<{ user: string; resumeId: string | undefined }>;
  lookups: string[];
  lookupsInFlight: { now: number; max: number };
}

export function fakes(opts: { mail?: MailItem[]; missing?: boolean; colleagues?: string[]; people?: Record<string, DirectoryEntry>; pageSize?: number } = {}): Fakes {
  const mailbox = new FakeMailbox(opts.mail ?? [], opts.pageSize);
  const store = new MemoryStore();
  const pending = store.pending;
  const tokenCalls: string[] = [];
  const links: Fakes['links'] = [];
  const lookups: string[] = [];
  const lookupsInFlight = { now: 0, max: 0 };
  const grants: Grants = {
    async token(user): Promise<TokenLookup> {
      tokenCalls.push(user.userId);
      return opts.missing ? { kind: 'missing', problem: 'not-connected' } : { kind: 'token', token: `tok-${user.userId}` };
    },
    async link(user, connector, resumeId) {
      links.push({ user: user.userId, resumeId });
      return `https://auth.test/${connector}/${user.userId}`;
    },
    async authorizationLink(user, connector) {
      return `https://scalekit.test/magic/${connector}/${user.userId}`;
    },
    async verify() {},
    async disconnect() {},
  };
  let ids = 0;
  const deps: InboxDeps = {
    grants,
    mailbox,
    inboxCursors: hmacCursorSeal('test-secret-test-secret-test-secret'),
    store,
    directory: {
      async person(userId) {
        return opts.people?.[userId] ?? { kind: 'person', id: userId, name: userId, email: `${userId.toLowerCase()}@acme.test`, zone: 'Asia/Kolkata', isBot: false, deleted: false };
      },
    },
    colleagues: {
      async isMember(email) {
        lookups.push(email);
        lookupsInFlight.now += 1;
        lookupsInFlight.max = Math.max(lookupsInFlight.max, lookupsInFlight.now);
        await new Promise((r) => setImmediate(r));
        lookupsInFlight.now -= 1;
        return (opts.colleagues ?? []).includes(email);
      },
    },
    now: () => NOW,
    newId: () => `req-${++ids}`,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  };
  return { deps, mailbox, pending, tokenCalls, links, lookups, lookupsInFlight };
}
