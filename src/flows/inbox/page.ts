import type { InboxAsk } from '../../core/inbox/ask.js';
import { CURSOR_TTL_MS } from '../../core/inbox/cursor.js';
import type { FilterText, InboxOutcome } from '../../core/inbox/outcome.js';
import { buildGmailQuery, describeRange } from '../../core/inbox/query.js';
import { summarize, type MailItem } from '../../core/inbox/summary.js';
import type { SlackUserRef } from '../../core/identity.js';
import type { InboxDeps } from '../deps.js';
import type { MailboxApi, MailPage } from '../ports/index.js';
import { mapBounded } from './map-bounded.js';
import { PENDING_TTL_MS } from '../connect/pending.js';
import type { TokenLookup } from '../ports/index.js';
import { withGrant } from '../connect/with-grant.js';

/** Gmail's per-user quota is generous, but a burst of 50 gets 429s; 10 fetches a default page in one round. */
export const METADATA_CONCURRENCY = 10;
/** users.lookupByEmail is a Tier 3 method (about 50 a minute): a page's senders in one round, no more. */
export const LOOKUP_CONCURRENCY = 10;

/** One page to fetch: where it starts and the ask (its sender already an address) it belongs to. */
export interface PageRequest {
  owner: SlackUserRef;
  ask: InboxAsk;
  /** The moment the range is measured from: the first ask's, for every later page. */
  at: number;
  zone: string;
  pageToken?: string | undefined;
  offset: number;
  /** Where a connect prompt's request waits, should Gmail need connecting. */
  requestId: string;
  channelId: string;
}

const senderOf = (ask: InboxAsk) => (ask.from?.kind === 'text' ? ask.from.value : undefined);

export function filterText(ask: InboxAsk): FilterText {
  return { from: senderOf(ask), label: ask.label, range: ask.range ? describeRange(ask.range) : undefined, onlyUrgent: ask.onlyUrgent };
}

/** One list call, then every message's headers concurrently, all on the one token. */
async function fetchPage(mailbox: MailboxApi, token: string, query: string, limit: number, pageToken?: string) {
  const list: MailPage = await mailbox.list(token, { query, maxResults: limit, pageToken });
  const found = await mapBounded(list.ids, METADATA_CONCURRENCY, (id) => mailbox.metadata(token, id));
  return { list, items: found.filter((m): m is MailItem => m !== undefined) };
}

/** The senders who are in the asker's workspace, each address looked up once per page. */
async function colleaguesAmong(deps: InboxDeps, items: readonly MailItem[], ownEmail: string | undefined): Promise<Set<string>> {
  const own = ownEmail?.toLowerCase();
  const emails = [...new Set(items.flatMap((m) => (m.from.email !== undefined && m.from.email !== own ? [m.from.email] : [])))];
  const member = await mapBounded(emails, LOOKUP_CONCURRENCY, (e) => deps.colleagues.isMember(e));
  return new Set(emails.filter((_, i) => member[i]));
}

/** The ask waits here until Gmail is connected; `resumeInbox` or Continue runs it again. */
async function keepWaiting(deps: InboxDeps, r: PageRequest): Promise<void> {
  const now = deps.now();
  await deps.store.putPending({
    id: r.requestId,
    kind: 'inbox',
    owner: r.owner,
    channelId: r.channelId,
    responseUrlUses: 0,
    createdAt: now,
    expiresAt: now + PENDING_TTL_MS,
    waitingFor: ['gmail'],
    payload: r.ask,
  });
}

/**
 * Fetches and summarizes one page through the asker's own Gmail grant; a token looked up just
 * before, beside other work, saves a round trip.
 */
export async function summarizePage(deps: InboxDeps, r: PageRequest, ownEmail: string | undefined, prefetched?: TokenLookup): Promise<InboxOutcome> {
  const query = buildGmailQuery({ from: senderOf(r.ask), label: r.ask.label, range: r.ask.range }, r.at, r.zone);
  const got = await withGrant(deps.grants, { user: r.owner, resumeId: r.requestId }, 'gmail', (token) => fetchPage(deps.mailbox, token, query, r.ask.limit, r.pageToken), prefetched);
  if (got.kind === 'missing') {
    await keepWaiting(deps, r);
    return { kind: 'needs-connection', requestId: r.requestId, missing: [got.missing] };
  }
  if (got.kind === 'failed') return { kind: 'failed', failure: got.failure };

  const { list, items } = got.value;
  const filters = filterText(r.ask);
  if (items.length === 0) return { kind: 'empty', filters, paging: r.offset > 0 };
  const colleagues = await colleaguesAmong(deps, items, ownEmail);
  const now = deps.now();
  const seen = r.offset + list.ids.length;
  const last = list.nextPageToken === undefined;
  const more = last
    ? undefined
    : deps.inboxCursors.seal({ owner: r.owner, ask: r.ask, at: r.at, zone: r.zone, pageToken: list.nextPageToken ?? '', offset: seen, expiresAt: now + CURSOR_TTL_MS });
  return {
    kind: 'summary',
    view: {
      summary: summarize(items, colleagues),
      // Gmail's estimate can be below what was already paged through; never show fewer.
      total: last ? seen : Math.max(list.resultSizeEstimate, seen + 1),
      estimate: !last,
      first: r.offset + 1,
      shown: items.length,
      filters,
      zone: r.zone,
      now,
      more,
      account: ownEmail,
    },
  };
}
