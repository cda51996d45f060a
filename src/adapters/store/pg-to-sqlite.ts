/**
 * The store's SQL is written once, in PostgreSQL's dialect. This maps one such statement to SQLite (as bundled by
 * better-sqlite3 12: SQLite ≥ 3.45, so `returning`, upserts, `nulls first|last` and `unixepoch('subsec')` exist).
 * It is pure: the same text always maps to the same SQLite text, so callers cache the result by text.
 *
 * Mapped:
 * - `$n` placeholders → `?`, the parameters reordered and repeated in their order of appearance (`$2 … $1 … $2`
 *   takes params[1], params[0], params[1]). A statement takes exactly as many parameters as its highest `$n`, as on
 *   PostgreSQL. Values: `undefined` → NULL, booleans → 1/0, a `Date` → its epoch ms, a plain object → its JSON
 *   text (what node-postgres does); arrays are refused.
 * - Unquoted identifiers and keywords → lower case, as PostgreSQL folds them (so result columns are named alike).
 * - A trailing row lock, `for update`, `for no key update`, `for share`, `for key share`, optionally with `nowait`
 *   or `skip locked` → dropped. The SQLite adapter serialises transactions (`BEGIN IMMEDIATE` takes the write lock
 *   for the whole transaction), so no other writer can touch the row between the read and the write.
 * - `select pg_advisory_xact_lock(…)` (the whole statement) → `select null as pg_advisory_xact_lock`. The lock
 *   serialises instances of the bot on one server; here one process owns the database file, and the write lock
 *   of `BEGIN IMMEDIATE` already excludes every other transaction, even another process's, until commit: exactly
 *   the lifetime of a transaction-scoped advisory lock.
 * - Column types: `jsonb`, `json` → `text` (JSON comes back as a string, which the store parses); `timestamptz` →
 *   `integer` holding epoch milliseconds; `bigint`, `int`, `integer`, `text` unchanged (bigint values come back as
 *   JS numbers: exact up to 2^53, ample for epoch ms).
 * - The current time, `now()`, `current_timestamp`, `clock_timestamp()`, `statement_timestamp()`,
 *   `transaction_timestamp()` → SQLite's clock in epoch ms, `(CAST(round(unixepoch('subsec') * 1000) AS INTEGER))`,
 *   the representation of a timestamptz here, so `default now()` becomes `default (…)`. One difference: PostgreSQL's
 *   `now()` is fixed for a whole transaction, SQLite's clock is read once per statement.
 * - `extract(epoch from X)` → `((X) / 1000.0)` (seconds, as a real); `to_timestamp(X)` (seconds) → epoch ms. So
 *   `(extract(epoch from now()) * 1000)::bigint` is the current epoch ms on both.
 * - Casts, `X::T` and `cast(X as T)`: to `bigint`, `int8`, `int`, `integer`, `int4`, `smallint`, `int2` →
 *   `CAST(round(X) AS INTEGER)` (PostgreSQL rounds, half away from zero, where SQLite's CAST would truncate);
 *   `text`, `varchar` → `CAST(X AS TEXT)`; `numeric`, `real`, `float4`, `float8`, `double precision` →
 *   `CAST(X AS REAL)`; `jsonb`, `json` → X unchanged. Any other type is refused.
 * - Every `order by` item without `nulls first|last` gets PostgreSQL's default made explicit (`nulls last` when
 *   ascending, `nulls first` when descending): SQLite's defaults are the opposite.
 * - Unchanged, because SQLite runs them the same: `insert … on conflict (…) do update set x = excluded.x`,
 *   `on conflict do nothing`, `returning`, `create table|index [if not exists]`, `like` (the adapter turns on
 *   case-sensitive `like`, as PostgreSQL's), `coalesce`, `case`, `||`, integer `/` and `%`, `count`, `limit`.
 *
 * Refused with an UnsupportedSqlError naming the construct (rather than running with other semantics):
 * dollar-quoted strings; E'', B'', X'', U&'' literals; JSON operators (`->`, `->>`, `#>`, `@>`, `<@`, `?`, `?|`,
 * `?&`); regular-expression operators (`~`, `~*`, `!~`, `!~*`); arrays (`[ ]`, `array`, `any(…)`, `some(…)`,
 * array parameters); `^`, `#`, `@`, a lone `:`; `interval`; `timestamp` (write timestamptz), `current_date`,
 * `current_time`, `localtime`, `localtimestamp`, `boolean`/`bool`; `serial` types and identity columns; `ilike`,
 * `similar to`; `greatest`/`least`; `random`, `format`; `pg_*` functions other than the advisory lock above;
 * `extract` of anything but `epoch`; `distinct on`; `on conflict on constraint`; a row lock anywhere but at the
 * end or with `of`; more than one statement; and an unaliased computed column in a top-level `select` or in
 * `returning` (PostgreSQL and SQLite name it differently: write `count(*) as n`).
 *
 * Not mapped, so keep to the store's habits: booleans selected as values come back as 1/0; text sorts by byte
 * (PostgreSQL by its collation); functions are SQLite's own (the same for coalesce, lower, upper, length, abs, round,
 * count, sum, max/min of one argument; a PostgreSQL-only function fails with "no such function").
 */

export class UnsupportedSqlError extends Error {
  constructor(what: string, sql: string) {
    super(`not mapped from PostgreSQL to SQLite (see src/adapters/store/pg-to-sqlite.ts): ${what}, in: ${sql.trim().replace(/\s+/g, ' ').slice(0, 300)}`);
    this.name = 'UnsupportedSqlError';
  }
}

export interface SqliteStatement {
  /** The statement in SQLite's dialect, with `?` placeholders. */
  sql: string;
  /** For each `?` in order, the 0-based index of the PostgreSQL parameter it takes. */
  order: readonly number[];
  /** How many parameters the PostgreSQL statement takes: its highest `$n`. */
  arity: number;
}

type Kind = 'space' | 'comment' | 'word' | 'quoted' | 'string' | 'number' | 'param' | 'op' | 'group';
interface Tok {
  kind: Kind;
  text: string;
  /** A parameter's number, `$n`. */
  n?: number;
}

const NOW_MS = "(CAST(round(unixepoch('subsec') * 1000) AS INTEGER))";
const NOW_FUNCTIONS = new Set(['now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp']);

const REFUSED_OPS: Record<string, string> = {
  '->': 'the JSON operator ->',
  '->>': 'the JSON operator ->>',
  '#>': 'the JSON operator #>',
  '#>>': 'the JSON operator #>>',
  '@>': 'the containment operator @>',
  '<@': 'the containment operator <@',
  '?|': 'the JSON operator ?|',
  '?&': 'the JSON operator ?&',
  '?': 'a bare ? (a JSON operator in PostgreSQL, a placeholder in SQLite)',
  '~': 'the regular-expression operator ~',
  '~*': 'the regular-expression operator ~*',
  '!~': 'the regular-expression operator !~',
  '!~*': 'the regular-expression operator !~*',
  '&&': 'the overlap operator &&',
  '[': 'an array subscript or type ([ ])',
  ']': 'an array subscript or type ([ ])',
  '^': 'the power operator ^',
  '#': 'the xor operator #',
  '@': 'the absolute-value operator @',
  ':': 'a lone : (named parameters or array slices)',
  '!': 'the factorial operator !',
};
/** Longest first, so that `->>` wins over `->` and `::` over `:`. */
const OPS = ['!~*', '->>', '#>>', '::', '->', '#>', '@>', '<@', '?|', '?&', '~*', '!~', '&&', '<=', '>=', '<>', '!=', '||', '<<', '>>', ...'(),;.+-*/%=<>&|?~[]^#@:!'];

const REFUSED_WORDS: Record<string, string> = {
  interval: 'interval (do time arithmetic in epoch milliseconds)',
  timestamp: 'timestamp without time zone (write timestamptz)',
  current_date: 'current_date',
  current_time: 'current_time',
  localtime: 'localtime',
  localtimestamp: 'localtimestamp',
  boolean: 'the boolean type (SQLite keeps 1/0)',
  bool: 'the boolean type (SQLite keeps 1/0)',
  serial: 'a serial column',
  bigserial: 'a serial column',
  smallserial: 'a serial column',
  identity: 'an identity column',
  ilike: 'ilike',
  similar: 'similar to',
  greatest: 'greatest (SQLite’s max(a, b) is NULL when any argument is)',
  least: 'least (SQLite’s min(a, b) is NULL when any argument is)',
  random: 'random() (an integer in SQLite)',
  format: 'format() (printf in SQLite)',
  array: 'an array',
};

/** Words that may stand before `(` without being a function's name. */
const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'not',
  'in',
  'exists',
  'values',
  'on',
  'as',
  'then',
  'else',
  'when',
  'case',
  'is',
  'set',
  'by',
  'returning',
  'using',
  'join',
  'into',
  'update',
  'do',
  'conflict',
  'limit',
  'offset',
  'having',
  'like',
  'between',
  'all',
  'distinct',
  'union',
  'except',
  'intersect',
  'with',
  'table',
  'key',
  'check',
  'default',
  'over',
  'filter',
  'within',
  'group',
  'order',
  'nothing',
  'end',
  'return',
]);

/** Clauses that end a select list or an `order by` list at their own depth. */
const SELECT_LIST_ENDS = new Set(['from', 'where', 'group', 'having', 'window', 'order', 'limit', 'offset', 'fetch', 'for', 'union', 'intersect', 'except', 'into']);
const ORDER_LIST_ENDS = new Set(['limit', 'offset', 'fetch', 'for', 'union', 'intersect', 'except', 'window', 'rows', 'range', 'groups', 'returning']);

function tokenize(sql: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const refuse = (what: string): never => {
    throw new UnsupportedSqlError(what, sql);
  };
  const match = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(sql);
    return m ? m[0] : undefined;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    let m: string | undefined;
    if ((m = match(/\s+/y))) toks.push({ kind: 'space', text: m });
    else if (sql.startsWith('--', i)) toks.push({ kind: 'comment', text: match(/--[^\n]*/y) as string });
    else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) refuse('an unterminated comment');
      toks.push({ kind: 'comment', text: sql.slice(i, end + 2) });
    } else if (c === "'") {
      if ((m = match(/'(?:[^']|'')*'/y)) === undefined) refuse('an unterminated string');
      const prev = toks[toks.length - 1];
      if (prev && prev.kind === 'word') refuse(`the prefixed string literal ${prev.text}'…'`);
      if (prev && prev.kind === 'op' && prev.text === '&') refuse("the Unicode string literal U&'…'");
      toks.push({ kind: 'string', text: m as string });
    } else if (c === '"') {
      if ((m = match(/"(?:[^"]|"")*"/y)) === undefined) refuse('an unterminated quoted identifier');
      toks.push({ kind: 'quoted', text: m as string });
    } else if (c === '$') {
      m = match(/\$(\d+)/y);
      if (m === undefined) refuse('a dollar-quoted string ($$…$$)');
      const n = Number((m as string).slice(1));
      if (n < 1) refuse(`the placeholder ${m}`);
      toks.push({ kind: 'param', text: m as string, n });
    } else if ((m = match(/(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y))) toks.push({ kind: 'number', text: m });
    else if ((m = match(/[A-Za-z_][A-Za-z0-9_$]*/y))) toks.push({ kind: 'word', text: m });
    else {
      const op = OPS.find((o) => sql.startsWith(o, i));
      if (!op) refuse(`the character ${JSON.stringify(c)}`);
      const why = REFUSED_OPS[op as string];
      if (why) refuse(why);
      toks.push({ kind: 'op', text: op as string });
    }
    i += (toks[toks.length - 1] as Tok).text.length;
  }
  return toks;
}

const significant = (t: Tok | undefined) => t !== undefined && t.kind !== 'space' && t.kind !== 'comment';
const isWord = (t: Tok | undefined, ...words: string[]) => t?.kind === 'word' && (words.length === 0 || words.includes(t.text.toLowerCase()));
const isOp = (t: Tok | undefined, op: string) => t?.kind === 'op' && t.text === op;
const text = (toks: readonly Tok[]) => toks.map((t) => t.text).join('');

function nextSig(toks: readonly Tok[], i: number): number {
  for (let j = i + 1; j < toks.length; j++) if (significant(toks[j])) return j;
  return -1;
}
function prevSig(toks: readonly Tok[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (significant(toks[j])) return j;
  return -1;
}
/** The index of the `)` closing the `(` at `open`. */
function closing(toks: readonly Tok[], open: number, sql: string): number {
  let depth = 0;
  for (let j = open; j < toks.length; j++) {
    if (isOp(toks[j], '(')) depth++;
    else if (isOp(toks[j], ')') && --depth === 0) return j;
  }
  throw new UnsupportedSqlError('an unbalanced parenthesis', sql);
}

/** Splits `toks` at depth-0 commas. */
function splitTopLevel(toks: readonly Tok[]): Tok[][] {
  const items: Tok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) depth--;
    if (depth === 0 && isOp(t, ',')) items.push([]);
    else (items[items.length - 1] as Tok[]).push(t);
  }
  return items;
}

/** `X::type` or `cast(X as type)`, with `type` given as its words. */
function castTo(operand: string, type: readonly string[], sql: string): string {
  const name = type.join(' ');
  switch (name) {
    case 'bigint':
    case 'int8':
    case 'int':
    case 'integer':
    case 'int4':
    case 'smallint':
    case 'int2':
      return `CAST(round(${operand}) AS INTEGER)`;
    case 'text':
    case 'varchar':
      return `CAST(${operand} AS TEXT)`;
    case 'numeric':
    case 'real':
    case 'float4':
    case 'float8':
    case 'double precision':
      return `CAST(${operand} AS REAL)`;
    case 'jsonb':
    case 'json':
      return operand;
    default:
      throw new UnsupportedSqlError(`a cast to ${name || 'an unnamed type'}`, sql);
  }
}

/** Reads a type name (one word, or `double precision`) starting after index `i`; returns its words and last index. */
function readType(toks: readonly Tok[], i: number, sql: string): { type: string[]; end: number } {
  const first = nextSig(toks, i);
  if (!isWord(toks[first])) throw new UnsupportedSqlError('a cast with no type name', sql);
  const type = [(toks[first] as Tok).text.toLowerCase()];
  let end = first;
  if (type[0] === 'double' && isWord(toks[nextSig(toks, first)], 'precision')) {
    type.push('precision');
    end = nextSig(toks, first);
  }
  if (isOp(toks[nextSig(toks, end)], '(')) throw new UnsupportedSqlError(`a cast to ${type.join(' ')}(…)`, sql);
  return { type, end };
}

/** Removes the operand of a postfix `::` from the end of `out` and returns its text. */
function popOperand(out: Tok[], sql: string): string {
  let end = out.length;
  while (end > 0 && !significant(out[end - 1])) end--;
  const last = out[end - 1];
  let start = end - 1;
  if (!last) throw new UnsupportedSqlError('a cast with nothing before ::', sql);
  if (isOp(last, ')')) {
    let depth = 0;
    for (; start >= 0; start--) {
      if (isOp(out[start], ')')) depth++;
      else if (isOp(out[start], '(') && --depth === 0) break;
    }
    if (start < 0) throw new UnsupportedSqlError('an unbalanced parenthesis', sql);
    const fn = prevSig(out, start);
    if (isWord(out[fn]) && !KEYWORDS.has((out[fn] as Tok).text)) start = fn;
  } else if (last.kind === 'word' || last.kind === 'quoted') {
    const dot = prevSig(out, start);
    if (isOp(out[dot], '.') && ['word', 'quoted'].includes(out[prevSig(out, dot)]?.kind ?? '')) start = prevSig(out, dot);
  } else if (!['string', 'number', 'param', 'group'].includes(last.kind)) {
    throw new UnsupportedSqlError(`a cast of ${last.text}`, sql);
  }
  const operand = text(out.slice(start, end));
  out.splice(start);
  return operand;
}

/** Maps a run of tokens, appending each `$n` met to `order` in order of appearance. */
function mapTokens(toks: readonly Tok[], order: number[], sql: string): Tok[] {
  const out: Tok[] = [];
  const group = (t: string) => out.push({ kind: 'group', text: t });
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (t.kind === 'param') {
      order.push((t.n as number) - 1);
      out.push({ kind: 'param', text: '?' });
      continue;
    }
    if (t.kind === 'op' && t.text === '::') {
      const operand = popOperand(out, sql);
      const { type, end } = readType(toks, i, sql);
      group(castTo(operand, type, sql));
      i = end;
      continue;
    }
    if (t.kind !== 'word') {
      out.push(t);
      continue;
    }
    const w = t.text.toLowerCase();
    const next = nextSig(toks, i);
    const call = isOp(toks[next], '(') ? next : -1;
    const inner = () => toks.slice(call + 1, closing(toks, call, sql));
    if (NOW_FUNCTIONS.has(w) && call >= 0) {
      if (inner().some(significant)) throw new UnsupportedSqlError(`${w}(…) with arguments`, sql);
      group(NOW_MS);
      i = closing(toks, call, sql);
    } else if (w === 'current_timestamp') {
      if (call >= 0) throw new UnsupportedSqlError('current_timestamp(precision)', sql);
      group(NOW_MS);
    } else if (w === 'extract' && call >= 0) {
      const args = inner();
      const field = nextSig(args, -1);
      const from = nextSig(args, field);
      if (!isWord(args[field], 'epoch') || !isWord(args[from], 'from')) throw new UnsupportedSqlError(`extract(${text(args).trim()}) (only extract(epoch from …) is mapped)`, sql);
      group(`((${text(mapTokens(args.slice(from + 1), order, sql)).trim()}) / 1000.0)`);
      i = closing(toks, call, sql);
    } else if (w === 'to_timestamp' && call >= 0) {
      const args = inner();
      if (splitTopLevel(args).length !== 1) throw new UnsupportedSqlError('to_timestamp(text, format)', sql);
      group(`(CAST(round((${text(mapTokens(args, order, sql)).trim()}) * 1000) AS INTEGER))`);
      i = closing(toks, call, sql);
    } else if (w === 'cast' && call >= 0) {
      const args = inner();
      let depth = 0;
      let as = -1;
      args.forEach((a, j) => {
        if (isOp(a, '(')) depth++;
        else if (isOp(a, ')')) depth--;
        else if (depth === 0 && isWord(a, 'as')) as = j;
      });
      if (as < 0) throw new UnsupportedSqlError('cast(…) without as', sql);
      const { type, end } = readType(args, as, sql);
      if (nextSig(args, end) >= 0) throw new UnsupportedSqlError(`cast(… as ${text(args.slice(as + 1)).trim()})`, sql);
      group(castTo(text(mapTokens(args.slice(0, as), order, sql)).trim(), type, sql));
      i = closing(toks, call, sql);
    } else if (Object.hasOwn(REFUSED_WORDS, w)) {
      throw new UnsupportedSqlError(REFUSED_WORDS[w] as string, sql);
    } else if ((w === 'any' || w === 'some') && call >= 0) {
      throw new UnsupportedSqlError(`${w}(array)`, sql);
    } else if (w.startsWith('pg_')) {
      throw new UnsupportedSqlError(`the function ${w}`, sql);
    } else if (w === 'distinct' && isWord(toks[next], 'on')) {
      throw new UnsupportedSqlError('distinct on', sql);
    } else if (w === 'conflict' && isWord(toks[next], 'on')) {
      throw new UnsupportedSqlError('on conflict on constraint', sql);
    } else if (w === 'for' && isWord(toks[next], 'update', 'share', 'no', 'key')) {
      throw new UnsupportedSqlError('a row lock that is not the last clause (or names its tables with of)', sql);
    } else if (w === 'jsonb' || w === 'json') {
      if (call >= 0) throw new UnsupportedSqlError(`the function ${w}()`, sql);
      out.push({ kind: 'word', text: 'text' });
    } else if (w === 'timestamptz') {
      out.push({ kind: 'word', text: 'integer' });
    } else {
      out.push({ kind: 'word', text: w });
    }
  }
  return out;
}

/** The index where a trailing row lock (`for update [nowait | skip locked]` and kin) starts, or -1. */
function trailingLock(toks: readonly Tok[]): number {
  const sig = toks.map((t, i) => (significant(t) ? i : -1)).filter((i) => i >= 0);
  while (sig.length && isOp(toks[sig[sig.length - 1] as number], ';')) sig.pop();
  const words = sig.map((i) => (toks[i]?.kind === 'word' ? (toks[i] as Tok).text.toLowerCase() : '\0'));
  for (const lock of [
    ['for', 'update'],
    ['for', 'no', 'key', 'update'],
    ['for', 'share'],
    ['for', 'key', 'share'],
  ]) {
    for (const wait of [[], ['nowait'], ['skip', 'locked']]) {
      const tail = [...lock, ...wait];
      if (words.length > tail.length && tail.every((w, k) => words[words.length - tail.length + k] === w)) return sig[sig.length - tail.length] as number;
    }
  }
  return -1;
}

/** PostgreSQL's order of NULLs (last when ascending, first when descending), made explicit for SQLite. */
function nullsAsPostgres(toks: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  /** Open `order by` lists: their paren depth and where in `out` their current item's last significant token is. */
  const lists: Array<{ depth: number; last: number }> = [];
  let depth = 0;
  const endItem = () => {
    const list = lists[lists.length - 1] as { depth: number; last: number };
    if (list.last < 0) return;
    const p1 = out[prevSig(out, list.last)];
    const last = out[list.last] as Tok;
    const explicit = isWord(p1, 'nulls') && isWord(last, 'first', 'last');
    if (!explicit) out.splice(list.last + 1, 0, { kind: 'word', text: isWord(last, 'desc') ? ' nulls first' : ' nulls last' });
    list.last = -1;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    const list = lists[lists.length - 1];
    if (list && list.depth === depth) {
      const ends = isOp(t, ')') || isOp(t, ';') || (t.kind === 'word' && ORDER_LIST_ENDS.has(t.text));
      if (ends) {
        endItem();
        lists.pop();
      } else if (isOp(t, ',')) endItem();
    }
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) depth--;
    out.push(t);
    const open = lists[lists.length - 1];
    if (open && significant(t) && !isOp(t, ',')) open.last = out.length - 1;
    if (isWord(t, 'by') && isWord(toks[prevSig(toks, i)], 'order')) lists.push({ depth, last: -1 });
  }
  while (lists.length) {
    endItem();
    lists.pop();
  }
  return out;
}

/** PostgreSQL names an unaliased computed column `?column?` or after its function; SQLite after its text. */
function requireAliases(toks: readonly Tok[], sql: string): void {
  const check = (from: number, ends: (t: Tok) => boolean) => {
    const list: Tok[] = [];
    let depth = 0;
    for (let j = from; j < toks.length; j++) {
      const t = toks[j] as Tok;
      if (depth === 0 && (isOp(t, ';') || ends(t))) break;
      if (isOp(t, '(')) depth++;
      if (isOp(t, ')')) depth--;
      list.push(t);
    }
    for (const [k, whole] of splitTopLevel(list).entries()) {
      const item = whole.filter(significant);
      if (k === 0 && isWord(item[0], 'distinct', 'all')) item.shift();
      const name = (t: Tok | undefined) => t?.kind === 'quoted' || (isWord(t) && !isWord(t, 'null', 'true', 'false'));
      const [a, b, c] = item;
      const plain =
        (item.length === 1 && (isOp(a, '*') || name(a))) ||
        (item.length === 3 && name(a) && isOp(b, '.') && (name(c) || isOp(c, '*'))) ||
        (item.length >= 3 && isWord(item[item.length - 2], 'as') && name(item[item.length - 1]));
      if (!plain) throw new UnsupportedSqlError(`the unaliased result column "${text(whole).trim()}" (name it: … as name)`, sql);
    }
  };
  const first = nextSig(toks, -1);
  if (isWord(toks[first], 'select')) check(first + 1, (t) => t.kind === 'word' && SELECT_LIST_ENDS.has(t.text.toLowerCase()));
  let depth = 0;
  toks.forEach((t, j) => {
    if (isOp(t, '(')) depth++;
    if (isOp(t, ')')) depth--;
    if (depth === 0 && isWord(t, 'returning')) check(j + 1, () => false);
  });
}

/** Maps one PostgreSQL statement to SQLite; throws UnsupportedSqlError for what it does not map. */
export function translate(pgSql: string): SqliteStatement {
  let toks = tokenize(pgSql);
  const arity = Math.max(0, ...toks.map((t) => t.n ?? 0));
  const semi = toks.findIndex((t) => isOp(t, ';'));
  if (semi >= 0 && toks.slice(semi).some((t) => significant(t) && !isOp(t, ';'))) throw new UnsupportedSqlError('more than one statement in one query', pgSql);
  const sig = toks.filter(significant);
  if (isWord(sig[0], 'select') && isWord(sig[1], 'pg_advisory_xact_lock') && isOp(sig[2], '(')) {
    const close = closing(sig, 2, pgSql);
    if (sig.slice(close + 1).every((t) => isOp(t, ';'))) return { sql: 'select null as pg_advisory_xact_lock', order: [], arity };
  }
  const lock = trailingLock(toks);
  if (lock >= 0) toks = toks.slice(0, lock);
  requireAliases(toks, pgSql);
  const order: number[] = [];
  let mapped = mapTokens(toks, order, pgSql);
  if (!isWord(mapped.find(significant), 'create')) mapped = nullsAsPostgres(mapped);
  return { sql: text(mapped).trim(), order, arity };
}

/** One parameter as better-sqlite3 binds it, converted the way node-postgres would send it. */
export function toSqliteValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) throw new TypeError('array parameters are PostgreSQL-only and not mapped to SQLite');
  if (typeof value === 'object') return JSON.stringify(value);
  throw new TypeError(`a ${typeof value} cannot be a query parameter`);
}

/** The parameters for a translated statement: checked against its arity, reordered and repeated, converted. */
export function bindParams(statement: SqliteStatement, params: readonly unknown[]): unknown[] {
  if (params.length !== statement.arity) {
    throw new RangeError(`the statement takes ${statement.arity} parameter${statement.arity === 1 ? '' : 's'} but was given ${params.length}: ${statement.sql.slice(0, 200)}`);
  }
  return statement.order.map((i) => toSqliteValue(params[i]));
}

/** The whole mapping at once: a PostgreSQL statement and its parameters → SQLite's. */
export function pgToSqlite(pgSql: string, params: readonly unknown[] = []): { sql: string; params: unknown[] } {
  const statement = translate(pgSql);
  return { sql: statement.sql, params: bindParams(statement, params) };
}
