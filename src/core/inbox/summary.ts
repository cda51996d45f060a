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

export type UrgencyReason = { kind: 'words'; word: string } | { kind: 'colleague' };

export interface SummaryEntry {
  item: MailItem;
  urgent: UrgencyReason[];
}

/** One sender's messages on this page, newest first. */
export interface SummaryGroup {
  sender: Sender;
  entries: SummaryEntry[];
}

export interface InboxSummary {
  urgent: SummaryGroup[];
  rest: SummaryGroup[];
}

/** `"Ann Lee" <ann@x.com>`, `Ann <ann@x.com>`, `ann@x.com`: Gmail has already decoded RFC 2047. */
export function parseSender(header: string): Sender {
  const raw = header.trim();
  const angle = /^(.*?)<([^<>\s]+@[^<>\s]+)>\s*$/.exec(raw);
  if (angle) {
    const name = (angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').trim();
    return { name: name === '' ? undefined : name, email: (angle[2] ?? '').toLowerCase(), raw };
  }
  if (/^[^\s<>@]+@[^\s<>@]+$/.test(raw)) return { email: raw.toLowerCase(), raw };
  return { raw };
}

const URGENT_WORDS = /\b(urgent|asap|a\.s\.a\.p\.?|deadline|important)\b/i;

/** Why a message looks urgent: its words, or that someone in the asker's workspace sent it. */
export function urgencyOf(item: MailItem, colleagues: ReadonlySet<string>): UrgencyReason[] {
  const reasons: UrgencyReason[] = [];
  const m = URGENT_WORDS.exec(`${item.subject}\n${item.snippet}`);
  if (m?.[1]) reasons.push({ kind: 'words', word: m[1].toLowerCase().startsWith('a.s') ? 'asap' : m[1].toLowerCase() });
  if (item.from.email !== undefined && colleagues.has(item.from.email)) reasons.push({ kind: 'colleague' });
  return reasons;
}

const senderKey = (s: Sender) => s.email ?? s.raw.toLowerCase();

/** Groups by sender, newest sender first and newest message first within a sender. */
function group(entries: SummaryEntry[]): SummaryGroup[] {
  const byKey = new Map<string, SummaryGroup>();
  const sorted = [...entries].sort((a, b) => b.item.receivedAt - a.item.receivedAt || a.item.id.localeCompare(b.item.id));
  for (const e of sorted) {
    const key = senderKey(e.item.from);
    const g = byKey.get(key);
    if (g) g.entries.push(e);
    else byKey.set(key, { sender: e.item.from, entries: [e] });
  }
  return [...byKey.values()];
}

/** Urgent-looking mail first, then the rest; each part grouped by sender. */
export function summarize(items: readonly MailItem[], colleagues: ReadonlySet<string>): InboxSummary {
  const entries = items.map((item) => ({ item, urgent: urgencyOf(item, colleagues) }));
  return {
    urgent: group(entries.filter((e) => e.urgent.length > 0)),
    rest: group(entries.filter((e) => e.urgent.length === 0)),
  };
}
