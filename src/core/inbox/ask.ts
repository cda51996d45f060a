import { z } from 'zod';

/** How many messages one page of the summary shows, unless the ask says otherwise. */
export const DEFAULT_PAGE = 10;
/** The most one page shows: keeps a page well inside Slack's 50 blocks per message. */
export const MAX_PAGE = 20;
/** Longest accepted sender or label text; keeps the query and the Show more value small. */
export const MAX_FILTER_LENGTH = 100;

const filterText = z
  .string()
  .min(1)
  .max(MAX_FILTER_LENGTH)
  .regex(/^[^\s"`<>]+$/);

export const TimeRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('yesterday') }),
  z.object({ kind: z.literal('this-week') }),
  z.object({
    kind: z.literal('hours'),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366),
  }),
]);
export type TimeRange = z.infer<typeof TimeRange>;

/** Who the mail is from: words Gmail matches in From, or a Slack user whose email is looked up. */
export const SenderFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: filterText }),
  z.object({ kind: z.literal('slack-user'), userId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }),
]);
export type SenderFilter = z.infer<typeof SenderFilter>;

/** One request for an unread-mail summary, as parsed from what the user wrote. */
export const InboxAsk = z.object({
  from: SenderFilter.optional(),
  label: z
    .string()
    .min(1)
    .max(MAX_FILTER_LENGTH)
    .regex(/^[^"`<>]+$/)
    .optional(),
  range: TimeRange.optional(),
  limit: z.number().int().min(1).max(MAX_PAGE),
  /** "What's urgent?", "anything important?": list only the messages the urgency table flags. */
  onlyUrgent: z.boolean().optional(),
});
export type InboxAsk = z.infer<typeof InboxAsk>;

export type AskResult = { kind: 'inbox'; ask: InboxAsk } | { kind: 'help' };

/** Slack sends `&`, `<`, `>` as entities and wraps links and emails as `<url|label>`. */
function unslack(text: string): string {
  return text
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<((?:https?|ftp):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const MAIL_WORDS = /\b(?:e-?mails?|mails?|inbox|unread|gmail)\b/i;
/**
 * Asking for what matters: "what's urgent?", "anything important?", "urgent emails today".
 * Read after the label and the sender are taken out, so a label or an address with these
 * words is not such an ask.
 */
const URGENT_WORDS = /\b(?:urgent|important|pressing|critical|high[-\s]?priority|time[-\s]?sensitive)\b/i;
const EMAIL = /^[^\s@"`<>]+@[^\s@"`<>]+\.[^\s@"`<>]+$/;
/** Words that follow "from" in time phrases ("from the last 2 days"), never a sender. */
const NOT_SENDERS = new Set([
  'the',
  'my',
  'me',
  'a',
  'an',
  'last',
  'past',
  'previous',
  'today',
  'yesterday',
  'this',
  'since',
  'inbox',
  'gmail',
  'email',
  'emails',
  'mail',
  'mails',
  'unread',
  'anyone',
  'everyone',
  'all',
  'label',
  'with',
]);

const clean = (s: string) => s.replace(/[.,;:!?)\]]+$/, '');

function parseRange(text: string): { range?: TimeRange; rest: string } {
  const lower = text.toLowerCase();
  const rolling = /\b(?:in\s+the\s+|from\s+the\s+|over\s+the\s+)?(?:last|past|previous)\s+(\d{1,4})\s*(h|hrs?|hours?|d|days?|w|weeks?)\b/.exec(lower);
  if (rolling) {
    const n = Number(rolling[1]);
    const unit = rolling[2] ?? 'h';
    const hours = Math.min(24 * 366, Math.max(1, unit.startsWith('h') ? n : unit.startsWith('d') ? n * 24 : n * 24 * 7));
    return { range: { kind: 'hours', hours }, rest: cut(text, rolling) };
  }
  const single = /\b(?:in\s+the\s+|from\s+the\s+|over\s+the\s+)?(?:last|past|previous)\s+(hour|day|24\s*h(?:ours)?|week)\b/.exec(lower);
  if (single) {
    const word = single[1] ?? 'day';
    const hours = word === 'hour' ? 1 : word === 'week' ? 24 * 7 : 24;
    return { range: { kind: 'hours', hours }, rest: cut(text, single) };
  }
  const named = /\b(?:from\s+|since\s+)?(today|yesterday|this\s+week)\b/.exec(lower);
  if (named) {
    const word = named[1] ?? 'today';
    const range: TimeRange = word === 'today' ? { kind: 'today' } : word === 'yesterday' ? { kind: 'yesterday' } : { kind: 'this-week' };
    return { range, rest: cut(text, named) };
  }
  return { rest: text };
}

/** The text with the match taken out, so a time phrase's "from" is never read as a sender. */
const cut = (text: string, m: RegExpExecArray) => `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;

function parseSender(text: string): SenderFilter | undefined {
  const mention = /\bfrom\s+<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>/i.exec(text);
  if (mention?.[1]) return { kind: 'slack-user', userId: mention[1].toUpperCase() };
  const m = /\bfrom:?\s+([^\s"`<>]+)/i.exec(text) ?? /\bfrom:([^\s"`<>]+)/i.exec(text);
  const value = m?.[1] ? clean(m[1]) : '';
  if (value === '' || NOT_SENDERS.has(value.toLowerCase())) return undefined;
  if (!EMAIL.test(value) && !/^[\p{L}\p{N}._+-]+$/u.test(value)) return undefined;
  return value.length <= MAX_FILTER_LENGTH ? { kind: 'text', value } : undefined;
}

const LABEL = /\b(?:with\s+(?:the\s+)?label|label(?:l?ed)?|tagged)\s*:?\s*(?:"([^"`<>]{1,100})"|([^\s"`<>]+))|\blabel:(?:"([^"`<>]{1,100})"|([^\s"`<>]+))/i;

/** The label and the text without it, so a label called "from" is not read as a sender. */
function parseLabel(text: string): { label?: string; rest: string } {
  const m = LABEL.exec(text);
  if (!m) return { rest: text };
  const quoted = m[1] ?? m[3];
  const raw = (quoted ?? clean(m[2] ?? m[4] ?? '')).trim();
  if (raw === '' || raw.length > MAX_FILTER_LENGTH || (quoted === undefined && NOT_SENDERS.has(raw.toLowerCase()))) return { rest: text };
  return { label: raw, rest: cut(text, m) };
}

function parseLimit(text: string, fallback: number = DEFAULT_PAGE): number {
  const m =
    /\b(?:top|newest|latest|first|show(?:\s+me)?)\s+(\d{1,3})\b/i.exec(text) ??
    /\b(\d{1,3})\s+(?:unread\s+|new\s+|latest\s+|newest\s+|urgent\s+|important\s+)?(?:e-?mails|mails|messages)\b/i.exec(text);
  const n = m?.[1] ? Number(m[1]) : fallback;
  return Math.min(MAX_PAGE, Math.max(1, n));
}

/** The text without a sender filter and without anything shaped like an address. */
const withoutSender = (text: string) => text.replace(/\bfrom:?\s+\S+/gi, ' ').replace(/\S+@\S+/g, ' ');

/**
 * Reads a DM or mention in plain words. Anything that talks about mail is an inbox ask, with
 * whatever filters it names; anything else gets the help. Never throws: it sees arbitrary text.
 */
export function parseInboxAsk(input: string): AskResult {
  const text = unslack(input.replace(/^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/, '')).trim();
  if (/^\s*help\b/i.test(text)) return { kind: 'help' };
  const { range, rest } = parseRange(text);
  const { label, rest: withoutLabel } = parseLabel(rest);
  const onlyUrgent = URGENT_WORDS.test(withoutSender(withoutLabel));
  if (!MAIL_WORDS.test(text) && !onlyUrgent) return { kind: 'help' };
  const from = parseSender(withoutLabel);
  // Urgent mail is picked out of one page, so an urgent-only ask looks at the largest page.
  const ask: InboxAsk = { limit: parseLimit(rest, onlyUrgent ? MAX_PAGE : DEFAULT_PAGE) };
  if (from) ask.from = from;
  if (label) ask.label = label;
  if (range) ask.range = range;
  if (onlyUrgent) ask.onlyUrgent = true;
  const checked = InboxAsk.safeParse(ask);
  return checked.success ? { kind: 'inbox', ask: checked.data } : { kind: 'inbox', ask: { limit: ask.limit, ...(onlyUrgent ? { onlyUrgent } : {}) } };
}
