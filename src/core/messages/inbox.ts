import { DateTime } from 'luxon';
import { gmailThreadLink } from '../gmail-links.js';
import type { FilterText, InboxView } from '../inbox/outcome.js';
import { countsOf, onlyUrgent, type InboxSummary, type Sender, type SummaryEntry, type SummaryGroup, type UrgencyReason } from '../inbox/summary.js';
import { MAX_BUTTON_VALUE } from '../inbox/cursor.js';
import { ACTION } from './actions.js';
import { dateToken, RECEIVED } from './date-token.js';
import { inert, oneLine, shown } from './text.js';
import { button, context, plainText, section, type Block, type Reply } from './types.js';

const MAX_BLOCKS = 50;
/** Longest subject, sender and snippet, once escaped: an entry stays far below 3000 characters. */
const MAX_SUBJECT = 300;
const MAX_SENDER = 200;
const MAX_SNIPPET = 500;
const MAX_MATCH = 40;
const MAX_URL = 3000;

/** A conversation in the asker's own Gmail account (never `/u/0/`, which is whoever signed in first). */
export const threadLink = (m: { id: string; threadId: string }, account: string | undefined, inInbox = true): string => gmailThreadLink(m, account, inInbox);

/**
 * Mail text for plain_text objects: one line, cut, then entity-escaped, which Slack asks for in
 * every text object and which keeps `<!channel>`, `<@U…>` and `<http://x|y>` inert. Cut before
 * escaping is not enough for the worst case (all `&`), so the cut counts the escaped length.
 */
export function mailText(s: string, max: number): string {
  return shown(oneLine(s), max);
}

const plain = (text: string) => plainText(text, false);

/** A user-typed filter inside mrkdwn: a code span renders no formatting, escaping stops links. */
const code = (s: string) => `\`${shown(oneLine(s).replace(/`/g, "'"), 200)}\``;

export function senderText(s: Sender): string {
  if (s.name !== undefined && s.email !== undefined) return `${s.name} <${s.email}>`;
  return s.email ?? (s.raw === '' ? 'Unknown sender' : s.raw);
}

/** "just now", "5 min ago", "2 h ago", "3 days ago": how long ago, when the summary was made. */
export function ageText(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `${Math.floor(minutes / 1440)} day${minutes >= 2880 ? 's' : ''} ago`;
}

/** "2 h ago (14:05)", "3 days ago (Fri 7 Mar, 09:12)", in the given zone: plain text, for logs and fallbacks. */
export function formatAge(at: number, now: number, zone: string): string {
  const local = DateTime.fromMillis(at, { zone });
  const today = DateTime.fromMillis(now, { zone });
  const format = local.hasSame(today, 'day') ? 'HH:mm' : local.hasSame(today, 'year') ? 'ccc d LLL, HH:mm' : 'd LLL yyyy, HH:mm';
  return `${ageText(at, now)} (${local.toFormat(format)})`;
}

/** `deadline “by EOD”`, or just `“URGENT”` where the words are the reason. */
function reasonText(r: UrgencyReason): string {
  const words = `“${inert(r.match, MAX_MATCH)}”`;
  return oneLine(r.match).toLowerCase() === r.reason.toLowerCase() ? words : `${shown(r.reason, 40)} ${words}`;
}

/**
 * One message: bold subject, sender, when it came (a date token, so in the reader's own zone
 * and clock), the snippet, why it is flagged, and a button to open it. Mail text goes into
 * mrkdwn only through `inert`, and the section is `verbatim`, so nothing in a mail can ping,
 * link, or format.
 */
function entryBlock(e: SummaryEntry, withSender: boolean, v: InboxView): Block {
  const { item } = e;
  const subject = inert(item.subject, MAX_SUBJECT) || '(no subject)';
  const when = `${dateToken(item.receivedAt, v.zone, RECEIVED)} (${ageText(item.receivedAt, v.now)})`;
  const lines = [`${e.urgent.length > 0 ? '🚩 ' : ''}*${subject}*`, withSender ? `${inert(senderText(item.from), MAX_SENDER)} · ${when}` : when];
  const snippet = inert(item.snippet, MAX_SNIPPET);
  if (snippet !== '') lines.push(`“${snippet}”`);
  if (e.urgent.length > 0) lines.push(`Flagged: ${e.urgent.slice(0, 5).map(reasonText).join(', ')}`);
  const url = threadLink(item, v.account, v.filters.label === undefined);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: lines.join('\n'), verbatim: true },
    // Gmail ids are short; a link too long for a button (3000) is not a Gmail link worth showing.
    ...(url.length <= MAX_URL ? { accessory: button('Open in Gmail', ACTION.openLink, { url }) } : {}),
  };
}

/** Adds groups while the block budget lasts; returns how many messages did not fit. */
function addGroups(blocks: Block[], groups: readonly SummaryGroup[], v: InboxView, budget: { left: number }): number {
  let omitted = 0;
  for (const g of groups) {
    const several = g.entries.length > 1;
    if (several && budget.left >= 2) {
      blocks.push({ type: 'context', elements: [plain(`${mailText(senderText(g.sender), MAX_SENDER)} · ${g.entries.length} unread`)] });
      budget.left -= 1;
    }
    for (const e of g.entries) {
      if (budget.left < 1) {
        omitted += 1;
        continue;
      }
      blocks.push(entryBlock(e, !several, v));
      budget.left -= 1;
    }
  }
  return omitted;
}

function where(f: FilterText): string {
  const parts = [f.label !== undefined ? `with label ${code(f.label)}` : 'in your inbox'];
  if (f.from !== undefined) parts.push(`from ${code(f.from)}`);
  if (f.range !== undefined) parts.push(shown(oneLine(f.range), 100));
  return parts.join(' ');
}

const unread = (v: InboxView) => `${v.estimate ? 'About ' : ''}${v.total} unread`;

/** "2 urgent · 3 from people you work with", for the messages on this page. */
function countsText(s: InboxSummary): string {
  const c = countsOf(s);
  return `${c.urgent} urgent · ${c.colleagues} from people you work with`;
}

/** Counts first: how many unread, then how many of those listed look urgent or come from colleagues. */
function headline(v: InboxView): string {
  const head = `:envelope_with_arrow: *${unread(v)}* ${where(v.filters)}`;
  const counts = countsText(v.summary);
  if (v.first > 1) return `${head}. Showing ${v.first}–${v.first + v.shown - 1}: ${counts}.`;
  if (v.shown < v.total) return `${head}. The newest ${v.shown}: ${counts}.`;
  return `${head} · ${counts}`;
}

interface Part {
  title: string;
  groups: SummaryGroup[];
}

/** One page of the summary, seen only by the asker. */
export function buildInboxSummary(v: InboxView): Reply {
  const urgentOnly = v.filters.onlyUrgent === true;
  const summary = urgentOnly ? onlyUrgent(v.summary) : v.summary;
  const blocks: Block[] = [section(headline(v))];
  const parts: Part[] = [
    { title: ':busts_in_silhouette: *From people you work with*', groups: summary.colleagues },
    { title: ':rotating_light: *Looks urgent*', groups: summary.urgent },
    { title: '*Everything else*', groups: summary.rest },
  ];
  const nonEmpty = parts.filter((p) => p.groups.length > 0);
  if (urgentOnly) blocks.push(context(nonEmpty.length > 0 ? 'Only the messages that look urgent are listed.' : 'Nothing on this page looks urgent.'));
  // Headline, the urgent-only note, "+N more", the footer and the Show more row.
  const budget = { left: MAX_BLOCKS - 5 };
  let omitted = 0;
  for (const p of nonEmpty) {
    // A lone part of everything else needs no title: there is nothing to tell it from.
    const titled = nonEmpty.length > 1 || p.groups !== summary.rest;
    if (titled && budget.left >= 2) {
      blocks.push(section(p.title));
      budget.left -= 1;
    }
    omitted += addGroups(blocks, p.groups, v, budget);
  }
  if (omitted > 0) blocks.push(context(`+${omitted} more on this page did not fit in one message.`));
  blocks.push(context('Only you can see this. Times show in your own time zone.'));
  // A sealed cursor always fits a button (the seal refuses longer ones); anything else is dropped.
  if (v.more !== undefined && v.more !== '' && v.more.length <= MAX_BUTTON_VALUE) {
    blocks.push({ type: 'actions', elements: [button('Show more', ACTION.inboxMore, { value: v.more })] });
  }
  const which = v.first > 1 ? ` (${v.first}–${v.first + v.shown - 1} below)` : v.shown < v.total ? ` (newest ${v.shown} below)` : '';
  return { text: `${unread(v)} · ${countsText(v.summary)}${which}`, blocks };
}

export function buildInboxEmpty(filters: FilterText, paging: boolean): Reply {
  const text = paging ? 'No more unread email to show.' : `:tada: No unread email ${where(filters)}.`;
  return { text: paging ? text : 'No unread email', blocks: [section(text)] };
}
