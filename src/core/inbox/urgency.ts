/**
 * What makes unread mail look urgent: ONE table of rows, each a pattern with the reason the
 * summary shows and a weight. A message's score is the sum, over the reasons whose rows match
 * its subject or snippet, of each reason's strongest matching weight (so "by EOD" is one
 * deadline, not two); it is flagged at `URGENT_AT` or more.
 * Negative rows ("resolved") take a match back, so "[Resolved] outage" is not flagged.
 * A workspace adds its own rows with `urgencyRules(extra)`.
 */
export interface UrgencyRule {
  /** A regular expression, or a word or phrase matched whole and case-blind. */
  pattern: RegExp | string;
  /** Why, as the summary says it: "deadline", "build failed". */
  reason: string;
  /** How strongly a match points to urgency; negative counts against. */
  weight: number;
}

/** The score from which a message is flagged. */
export const URGENT_AT = 2;

const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const SOON = `(?:eod|cob|eow|end\\s+of\\s+(?:the\\s+)?(?:day|week|month)|tonight|today|tomorrow|noon|${DAY})`;

export const URGENCY_RULES: readonly UrgencyRule[] = [
  { pattern: /\b(?:urgent|asap|a\.s\.a\.p\.?|emergency)\b/i, reason: 'urgent', weight: 3 },
  { pattern: /\bimportant\b/i, reason: 'important', weight: 2 },
  // Deadlines
  { pattern: /\bdeadline\b/i, reason: 'deadline', weight: 2 },
  { pattern: new RegExp(`\\b(?:by|before|until)\\s+(?:the\\s+)?${SOON}\\b`, 'i'), reason: 'deadline', weight: 2 },
  {
    pattern: new RegExp(`\\bdue\\s+(?:(?:by|on|before)\\s+(?:the\\s+)?)?(?:${SOON}|this\\s+(?:week|morning|afternoon|evening)|(?:in|within)\\s+\\d+\\s+(?:hours?|days?))\\b`, 'i'),
    reason: 'deadline',
    weight: 2,
  },
  { pattern: /\b(?:eod|cob)\b/i, reason: 'deadline', weight: 2 },
  // Things that broke
  {
    pattern:
      /\b(?:build|builds|pipeline|deploy(?:ment)?|release|job|tests?|checks?|ci|workflow|run|backup|payment|migration)\s+(?:has\s+|have\s+|just\s+)?failed\b|\bfailed\s+(?:build|deploy(?:ment)?|pipeline|job|run|check)s?\b/i,
    reason: 'build failed',
    weight: 3,
  },
  { pattern: /\b(?:failing|failures?)\b/i, reason: 'failing', weight: 2 },
  { pattern: /\boutages?\b/i, reason: 'outage', weight: 3 },
  { pattern: /\bincidents?\b/i, reason: 'incident', weight: 3 },
  {
    pattern:
      /\b(?:is|are|was|were|went|goes|going|gone|been|still|site|server|service|api|app|prod|production|database|db)\s+down\b|\bdown\s+(?:again|for\s+(?:everyone|everybody|all|us|me))\b/i,
    reason: 'down',
    weight: 2,
  },
  { pattern: /\berrors?\b/i, reason: 'error', weight: 2 },
  // Things that say it is over
  { pattern: /\b(?:resolved|all\s+clear|back\s+(?:up|online|to\s+normal))\b/i, reason: 'resolved', weight: -2 },
  { pattern: /\bno\s+action\s+(?:is\s+)?(?:required|needed)\b/i, reason: 'no action needed', weight: -2 },
];

/** A string row: the phrase itself, whole words, any case. */
const phrase = (s: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_])${s
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`,
    'iu',
  );

/** A fresh, stateless copy: a `g` or `y` flag would make `exec` remember where it stopped. */
const compiled = (p: RegExp | string) => (typeof p === 'string' ? phrase(p) : new RegExp(p.source, p.flags.replace(/[gy]/g, '')));

export interface CompiledRule {
  pattern: RegExp;
  reason: string;
  weight: number;
}

/**
 * The built-in table followed by a workspace's own rows. Rows with an empty pattern, a reason
 * of no text or a weight that is not a finite number are left out rather than trusted.
 */
export function urgencyRules(extra: readonly UrgencyRule[] = []): readonly CompiledRule[] {
  const usable = (r: UrgencyRule) => Number.isFinite(r.weight) && r.reason.trim() !== '' && (typeof r.pattern === 'string' ? r.pattern.trim() !== '' : r.pattern.source !== '(?:)');
  return [...URGENCY_RULES, ...extra.filter(usable)].map((r) => ({ pattern: compiled(r.pattern), reason: r.reason.trim(), weight: r.weight }));
}

export const DEFAULT_RULES: readonly CompiledRule[] = urgencyRules();

/** One row that matched: its reason, weight and the words that matched it. */
export interface UrgencyMatch {
  reason: string;
  weight: number;
  /** The words in the mail that matched, as written there. */
  match: string;
}

export interface Urgency {
  score: number;
  /** Every matching row, positive ones first, strongest first. */
  matches: UrgencyMatch[];
  urgent: boolean;
}

export function scoreUrgency(text: string, rules: readonly CompiledRule[] = DEFAULT_RULES): Urgency {
  const byReason = new Map<string, UrgencyMatch>();
  for (const r of rules) {
    const m = r.pattern.exec(text);
    const seen = byReason.get(r.reason);
    if (m && (seen === undefined || r.weight > seen.weight)) byReason.set(r.reason, { reason: r.reason, weight: r.weight, match: m[0] });
  }
  const matches = [...byReason.values()].sort((a, b) => b.weight - a.weight);
  const score = matches.reduce((sum, m) => sum + m.weight, 0);
  return { score, matches, urgent: score >= URGENT_AT };
}
