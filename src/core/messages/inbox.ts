import { DateTime } from 'luxon';
import type { FilterText, InboxView } from '../inbox/outcome.js';
import type { Sender, SummaryEntry, SummaryGroup, UrgencyReason } from '../inbox/summary.js';
import { ACTION } from './actions.js';
import { escapeText } from './text.js';
import { button, context, section, type Block, type Reply } from './types.js';

const MAX_BLOCKS = 50;
/** Headline, two part titles, the "not listed" note, the footer and the Show more row. */
const RESERVED_BLOCKS = 6;
const MAX_SUBJECT = 150;
const MAX_SENDER = 100;
const MAX_SNIPPET = 250;

export const threadLink = (threadId: string) => `https://mail.google.com/mail/u/0/#inbox/${encodeURIComponent(threadId)}`;

/**
 * Mail text goes out only in plain_text objects, where Slack renders no `*bold*`, `_italic_`,
 * `~strike~` or `code`; it is still entity-escaped, which Slack asks for in every text object and
 * which keeps `<!channel>`, `<@U…>` and `<http://x|y>` inert. Cut before escaping so an entity is
 * never split, and so the worst case (all `&`) still fits Slack's 3000 characters per section.
 */
export function mailText(s: string, max: number): string {
  const flat = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
  return escapeText(cut);
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: false });

/** A user-typed filter inside mrkdwn: a code span renders no formatting, escaping stops links. */
const code = (s: string) => `\`${escapeText(s.replace(/`/g, "'"))}\``;

export function senderText(s: Sender): string {
  if (s.name !== undefined && s.email !== undefined) return `${s.name} <${s.email}>`;
  return s.email ?? (s.raw === '' ? 'Unknown sender' : s.raw);
}

/** "2 h ago (14:05)", "3 days ago (Fri 7 Mar, 09:12)", in the asker's zone. */
export function formatAge(at: number, now: number, zone: string): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  const rel =
    minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : minutes < 24 * 60 ? `${Math.floor(minutes / 60)} h ago` : `${Math.floor(minutes / 1440)} day${minutes >= 2880 ? 's' : ''} ago`;
  const local = DateTime.fromMillis(at, { zone });
  const today = DateTime.fromMillis(now, { zone });
  const format = local.hasSame(today, 'day') ? 'HH:mm' : local.hasSame(today, 'year') ? 'ccc d LLL, HH:mm' : 'd LLL yyyy, HH:mm';
  return `${rel} (${local.toFormat(format)})`;
}

const reasonText = (r: UrgencyReason) => (r.kind === 'words' ? `says “${r.word}”` : 'from someone in your Slack workspace');

function entryBlock(e: SummaryEntry, withSender: boolean, v: InboxView): Block {
  const { item } = e;
  const subject = item.subject.trim() === '' ? '(no subject)' : mailText(item.subject, MAX_SUBJECT);
  const when = formatAge(item.receivedAt, v.now, v.zone);
  const lines = [
    `${e.urgent.length > 0 ? '🚩 ' : ''}${subject}`,
    withSender ? `${mailText(senderText(item.from), MAX_SENDER)} · ${when}` : when,
  ];
  if (item.snippet.trim() !== '') lines.push(mailText(item.snippet, MAX_SNIPPET));
  if (e.urgent.length > 0) lines.push(`Flagged: ${e.urgent.map(reasonText).join(', ')}`);
  return {
    type: 'section',
    text: plain(lines.join('\n')),
    accessory: button('Open in Gmail', ACTION.openLink, { url: threadLink(item.threadId) }),
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
  if (f.range !== undefined) parts.push(f.range);
  return parts.join(' ');
}

function countText(v: InboxView): string {
  const n = `${v.total} unread email${v.total === 1 ? '' : 's'}`;
  return v.estimate ? `About ${n}` : n;
}

function pageText(v: InboxView): string {
  if (v.first > 1) return `Showing ${v.first}–${v.first + v.shown - 1}.`;
  return v.shown < v.total ? `Here are the newest ${v.shown}.` : '';
}

/** One page of the summary, seen only by the asker. */
export function buildInboxSummary(v: InboxView): Reply {
  const blocks: Block[] = [section(`:envelope_with_arrow: *${countText(v)}* ${where(v.filters)}. ${pageText(v)}`.trim())];
  const budget = { left: MAX_BLOCKS - RESERVED_BLOCKS };
  const { urgent, rest } = v.summary;
  let omitted = 0;
  if (urgent.length > 0) {
    blocks.push(section(':rotating_light: *Looks urgent*'));
    omitted += addGroups(blocks, urgent, v, budget);
    if (rest.length > 0) blocks.push(section('*Everything else*'));
  }
  omitted += addGroups(blocks, rest, v, budget);
  if (omitted > 0) blocks.push(context(`${omitted} more on this page did not fit in one message.`));
  blocks.push(context(`Only you can see this. Times are in ${escapeText(v.zone)}.`));
  if (v.more !== undefined) {
    blocks.push({ type: 'actions', elements: [button('Show more', ACTION.inboxMore, { value: v.more })] });
  }
  return { text: `${countText(v)}${v.shown < v.total ? `, newest ${v.shown} below` : ''}`, blocks };
}

export function buildInboxEmpty(filters: FilterText, paging: boolean): Reply {
  const text = paging ? 'No more unread email to show.' : `:tada: No unread email ${where(filters)}.`;
  return { text: paging ? text : 'No unread email', blocks: [section(text)] };
}
