import type { StoredMessage } from './state.js';

/**
 * A subset of Gmail's search language. Terms are ANDed; a leading `-` negates a term.
 * Supported: is:unread|read|starred|important, in:<label>|anywhere, label:<name>, from:, to:, subject:,
 * newer_than:/older_than: N(h|d|m|y), after:/before: YYYY/MM/DD (UTC midnight) or epoch seconds,
 * category:<primary|social|promotions|updates|forums>, rfc822msgid:<id> (the Message-ID header, angle
 * brackets optional, case-insensitive); anything else is a free-text match on
 * From/To/Subject/snippet/body. `OR`, braces and parentheses are not supported.
 */

type Predicate = (m: StoredMessage, nowMs: number) => boolean;

const CATEGORY: Readonly<Record<string, string>> = {
  primary: 'CATEGORY_PERSONAL',
  social: 'CATEGORY_SOCIAL',
  promotions: 'CATEGORY_PROMOTIONS',
  updates: 'CATEGORY_UPDATES',
  forums: 'CATEGORY_FORUMS',
};
const IS_LABEL: Readonly<Record<string, string>> = {
  unread: 'UNREAD',
  starred: 'STARRED',
  important: 'IMPORTANT',
};
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 };

/** Gmail writes label names with `-` for spaces and `/`; compare them loosely. */
const labelKey = (name: string): string => name.toLowerCase().replace(/[\s/_-]+/g, '-');
const hasLabel = (m: StoredMessage, name: string): boolean => m.labelIds.some((l) => labelKey(l) === labelKey(name));
/**
 * Gmail searches words, not characters: punctuation separates words and is otherwise ignored, so
 * `subject:"Sync Wed 2 Dec"` finds "Sync (Wed 2 Dec)". Words are compared in order, case-insensitively.
 */
const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .filter(Boolean)
    .join(' ');
const contains = (haystack: string | undefined, needle: string): boolean =>
  ` ${words(haystack ?? '')} `.includes(` ${words(needle)} `) || (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
const header = (m: StoredMessage, name: string): string | undefined => m.parsed.headers.find((h) => h.name.toLowerCase() === name)?.value;

function tokenize(q: string): string[] {
  return q.match(/-?(?:[a-z0-9_]+:)?(?:"[^"]*"|\S+)/gi) ?? [];
}

function dateBound(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  return m === null ? undefined : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function age(value: string): number | undefined {
  const m = /^(\d+)([hdmy])$/i.exec(value);
  const unit = UNIT_MS[(m?.[2] ?? '').toLowerCase()];
  return m === null || unit === undefined ? undefined : Number(m[1]) * unit;
}

const never: Predicate = () => false;

const bareMessageId = (id: string): string =>
  id
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();

function term(op: string, value: string): Predicate {
  switch (op) {
    case 'is': {
      if (value === 'read') return (m) => !m.labelIds.includes('UNREAD');
      const label = IS_LABEL[value];
      return label === undefined ? never : (m) => m.labelIds.includes(label);
    }
    case 'in':
      return value === 'anywhere' ? () => true : (m) => hasLabel(m, value);
    case 'label':
      return (m) => hasLabel(m, value);
    case 'category': {
      const label = CATEGORY[value];
      return label === undefined ? never : (m) => m.labelIds.includes(label);
    }
    case 'from':
    case 'to':
      return (m) => contains(header(m, op), value);
    case 'subject':
      return (m) => contains(m.parsed.subject, value);
    case 'rfc822msgid': {
      const wanted = bareMessageId(value);
      return wanted === '' ? never : (m) => bareMessageId(header(m, 'message-id') ?? '') === wanted;
    }
    case 'newer_than':
    case 'older_than': {
      const ms = age(value);
      if (ms === undefined) return never;
      return op === 'newer_than' ? (m, now) => m.internalDate.getTime() > now - ms : (m, now) => m.internalDate.getTime() < now - ms;
    }
    case 'after':
    case 'before': {
      const bound = dateBound(value);
      if (bound === undefined) return never;
      return op === 'after' ? (m) => m.internalDate.getTime() >= bound : (m) => m.internalDate.getTime() < bound;
    }
    default: {
      const text = op === '' ? value : `${op}:${value}`;
      return (m) => [header(m, 'from'), header(m, 'to'), m.parsed.subject, m.snippet, m.parsed.body].some((f) => contains(f, text));
    }
  }
}

export interface GmailQuery {
  matches(m: StoredMessage, nowMs: number): boolean;
  /** True when the query itself asks for spam or trash (so they are not excluded by default). */
  mentionsSpamOrTrash: boolean;
}

export function parseQuery(q: string): GmailQuery {
  const preds: Predicate[] = [];
  let mentionsSpamOrTrash = false;
  for (const raw of tokenize(q)) {
    const negated = raw.startsWith('-') && raw.length > 1;
    const body = negated ? raw.slice(1) : raw;
    const m = /^([a-z0-9_]+):(.*)$/i.exec(body);
    const op = (m?.[1] ?? '').toLowerCase();
    const value = (m === null ? body : (m[2] ?? '')).replace(/^"(.*)"$/, '$1');
    if (op === 'in' && ['spam', 'trash', 'anywhere'].includes(value.toLowerCase())) mentionsSpamOrTrash = true;
    const p = term(op, op === 'from' || op === 'to' || op === '' ? value : value.toLowerCase());
    preds.push(negated ? (msg, now) => !p(msg, now) : p);
  }
  return { matches: (msg, now) => preds.every((p) => p(msg, now)), mentionsSpamOrTrash };
}
