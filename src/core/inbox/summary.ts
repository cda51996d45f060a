import { DEFAULT_RULES, scoreUrgency, type CompiledRule, type UrgencyMatch } from './urgency.js';

export { URGENCY_RULES, URGENT_AT, urgencyRules, type UrgencyRule } from './urgency.js';

/** One unread message, as the summary needs it. */
export interface MailItem {
  id: string;
  threadId: string;
  from: Sender;
  subject: string;
  snippet: string;
  receivedAt: number;
}

export interface Sender {
  name?: string | undefined;
  email?: string | undefined;
  /** The From header as received, for senders whose header does not parse. */
  raw: string;
}

/** One reason a message looks urgent: a row of the urgency table that matched. */
export type UrgencyReason = UrgencyMatch;

export interface SummaryEntry {
  item: MailItem;
  /** Why it looks urgent, strongest first; empty when it does not. */
  urgent: UrgencyReason[];
  /** Sent by someone in the asker's Slack workspace. */
  colleague: boolean;
  /** The urgency score (see `urgency.ts`), for ordering. */
  score: number;
}

/** One sender's messages on this page, newest first. */
export interface SummaryGroup {
  sender: Sender;
  entries: SummaryEntry[];
}

/**
 * One page of unread mail in three parts, each message in exactly one: from people you work
 * with (flagged ones among them keep their flag), urgent-looking mail from anyone else, and
 * the rest.
 */
export interface InboxSummary {
  colleagues: SummaryGroup[];
  urgent: SummaryGroup[];
  rest: SummaryGroup[];
}

/** `"Ann Lee" <ann@x.com>`, `Ann <ann@x.com>`, `ann@x.com`: Gmail has already decoded RFC 2047. */
export function parseSender(header: string): Sender {
  const raw = header.trim();
  const angle = /^(.*?)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(raw);
  if (angle) {
    const name = (angle[1] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\\(.)/g, '$1')
      .trim();
    return { name: name === '' ? undefined : name, email: (angle[2] ?? '').toLowerCase(), raw };
  }
  if (/^[^\s<>@]+@[^\s<>@]+$/.test(raw)) return { email: raw.toLowerCase(), raw };
  return { raw };
}

/** Why a message looks urgent by the urgency table (its subject and snippet); empty if it does not. */
export function urgencyOf(item: MailItem, rules: readonly CompiledRule[] = DEFAULT_RULES): UrgencyReason[] {
  const u = scoreUrgency(`${item.subject}\n${item.snippet}`, rules);
  return u.urgent ? u.matches.filter((m) => m.weight > 0) : [];
}

const senderKey = (s: Sender) => s.email ?? s.raw.toLowerCase();

/** Groups by sender in the order given; a sender's group sits where its first message does. */
function group(entries: SummaryEntry[]): SummaryGroup[] {
  const byKey = new Map<string, SummaryGroup>();
  for (const e of entries) {
    const key = senderKey(e.item.from);
    const g = byKey.get(key);
    if (g) g.entries.push(e);
    else byKey.set(key, { sender: e.item.from, entries: [e] });
  }
  return [...byKey.values()];
}

const newestFirst = (a: SummaryEntry, b: SummaryEntry) => b.item.receivedAt - a.item.receivedAt || a.item.id.localeCompare(b.item.id);

/**
 * Mail from people you work with first, then urgent-looking mail (most urgent first), then the
 * rest; each part grouped by sender, newest first. `rules` is the urgency table, a workspace's
 * own rows included (see `urgencyRules`).
 */
export function summarize(items: readonly MailItem[], colleagues: ReadonlySet<string>, rules: readonly CompiledRule[] = DEFAULT_RULES): InboxSummary {
  const entries = items.map((item): SummaryEntry => {
    const u = scoreUrgency(`${item.subject}\n${item.snippet}`, rules);
    return {
      item,
      urgent: u.urgent ? u.matches.filter((m) => m.weight > 0) : [],
      colleague: item.from.email !== undefined && colleagues.has(item.from.email),
      score: u.score,
    };
  });
  const flagged = (e: SummaryEntry) => e.urgent.length > 0;
  return {
    colleagues: group(entries.filter((e) => e.colleague).sort(newestFirst)),
    urgent: group(entries.filter((e) => !e.colleague && flagged(e)).sort((a, b) => b.score - a.score || newestFirst(a, b))),
    rest: group(entries.filter((e) => !e.colleague && !flagged(e)).sort(newestFirst)),
  };
}

export interface SummaryCounts {
  /** Messages on this page. */
  listed: number;
  urgent: number;
  colleagues: number;
}

export function countsOf(s: InboxSummary): SummaryCounts {
  const all = [...s.colleagues, ...s.urgent, ...s.rest].flatMap((g) => g.entries);
  return { listed: all.length, urgent: all.filter((e) => e.urgent.length > 0).length, colleagues: all.filter((e) => e.colleague).length };
}

/** Only the flagged messages, in the same parts and order: the answer to "what's urgent?". */
export function onlyUrgent(s: InboxSummary): InboxSummary {
  const keep = (groups: readonly SummaryGroup[]) => groups.map((g) => ({ sender: g.sender, entries: g.entries.filter((e) => e.urgent.length > 0) })).filter((g) => g.entries.length > 0);
  return { colleagues: keep(s.colleagues), urgent: keep(s.urgent), rest: [] };
}
