import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bindParams, pgToSqlite, toSqliteValue, translate, UnsupportedSqlError } from '../../../src/adapters/store/pg-to-sqlite.js';

const NOW_MS = "(CAST(round(unixepoch('subsec') * 1000) AS INTEGER))";

/** Runs a mapped statement on an in-memory SQLite. */
function sqlite(setup: string[] = []) {
  const db = new Database(':memory:');
  for (const s of setup) db.prepare(translate(s).sql).run();
  return {
    all: (sql: string, params: unknown[] = []) => {
      const mapped = pgToSqlite(sql, params);
      const statement = db.prepare(mapped.sql);
      if (statement.reader) return statement.all(...mapped.params) as Array<Record<string, unknown>>;
      statement.run(...mapped.params);
      return [];
    },
  };
}

describe('pg-to-sqlite: PostgreSQL statements mapped to SQLite', () => {
  it('turns $n into ? with the parameters in order of appearance, repeated where a $n repeats', () => {
    expect(pgToSqlite('update t set a = $2, b = $3 where id = $1', ['id', 'a', 'b'])).toEqual({ sql: 'update t set a = ?, b = ? where id = ?', params: ['a', 'b', 'id'] });
    expect(pgToSqlite('select a from t where x = $1 or y = $1 or z = $2', [7, 8])).toEqual({ sql: 'select a from t where x = ? or y = ? or z = ?', params: [7, 7, 8] });
    expect(sqlite().all('select $2 as b, $1 as a, $2 as again', ['one', 'two'])).toEqual([{ b: 'two', a: 'one', again: 'two' }]);
  });

  it('leaves $n, keywords and case inside strings, quoted identifiers and comments alone, and folds unquoted names to lower case', () => {
    expect(translate(`SELECT Record AS "Rec", '$1 FOR UPDATE' as s FROM T -- $2\nWHERE id = $1`).sql).toBe(`select record as "Rec", '$1 FOR UPDATE' as s from t -- $2\nwhere id = ?`);
    expect(translate("select 'it''s $3' as s").arity).toBe(0);
  });

  it('takes exactly as many parameters as the highest $n, as PostgreSQL does', () => {
    expect(() => pgToSqlite('select a from t where id = $2', ['x'])).toThrow(/takes 2 parameters but was given 1/);
    expect(() => pgToSqlite('select a from t', ['extra'])).toThrow(/takes 0 parameters but was given 1/);
  });

  it('converts parameter values as node-postgres sends them', () => {
    const at = new Date(1_700_000_000_123);
    expect([undefined, null, true, false, at, { a: 1 }, 5, 'x', 10n].map(toSqliteValue)).toEqual([null, null, 1, 0, 1_700_000_000_123, '{"a":1}', 5, 'x', 10n]);
    expect(() => toSqliteValue([1, 2])).toThrow(/array parameters/);
    expect(bindParams(translate('select $1 as a'), [at])).toEqual([1_700_000_000_123]);
  });

  it('drops a trailing row lock: SQLite transactions are serialised (BEGIN IMMEDIATE) instead', () => {
    expect(translate('select record from schedule_requests where id = $1 for update').sql).toBe('select record from schedule_requests where id = ?');
    expect(translate('select a from t for no key update skip locked;').sql).toBe('select a from t');
    expect(translate('select a from t where b = 1 for share nowait').sql).toBe('select a from t where b = 1');
  });

  it('makes the transaction-scoped advisory lock a no-op returning one row', () => {
    expect(translate('select pg_advisory_xact_lock(74213)')).toEqual({ sql: 'select null as pg_advisory_xact_lock', order: [], arity: 0 });
    expect(pgToSqlite('select pg_advisory_xact_lock($1)', [5])).toEqual({ sql: 'select null as pg_advisory_xact_lock', params: [] });
    expect(sqlite().all('select pg_advisory_xact_lock(1)')).toEqual([{ pg_advisory_xact_lock: null }]);
  });

  it('maps column types: jsonb and json to text, timestamptz to epoch ms with now() as its default', () => {
    expect(translate('create table t (id text primary key, doc jsonb not null, j json, n bigint, at timestamptz not null default now())').sql).toBe(
      `create table t (id text primary key, doc text not null, j text, n bigint, at integer not null default ${NOW_MS})`,
    );
    const db = sqlite(['create table t (id int primary key, doc jsonb not null, n bigint, at timestamptz not null default now())']);
    const before = Date.now();
    db.all('insert into t (id, doc, n) values ($1, $2, $3)', [1, JSON.stringify({ a: [1] }), 2 ** 52 + 1]);
    const [row] = db.all('select doc, n, at from t');
    expect(row?.doc).toBe('{"a":[1]}');
    expect(row?.n).toBe(2 ** 52 + 1);
    expect(row?.at).toBeGreaterThanOrEqual(before - 5);
    expect(row?.at).toBeLessThanOrEqual(Date.now() + 5);
  });

  it('reads the database clock in epoch ms: now(), current_timestamp, clock_timestamp() and extract(epoch from …)', () => {
    for (const now of ['now()', 'current_timestamp', 'clock_timestamp()', 'statement_timestamp()', 'transaction_timestamp()']) {
      expect(translate(`select ${now} as t`).sql).toBe(`select ${NOW_MS} as t`);
    }
    expect(translate('select (extract(epoch from now()) * 1000)::bigint as ms').sql).toBe(`select CAST(round((((${NOW_MS}) / 1000.0) * 1000)) AS INTEGER) as ms`);
    const db = sqlite();
    const before = Date.now();
    const [row] = db.all(
      'select (extract(epoch from now()) * 1000)::bigint as a, cast(extract(epoch from clock_timestamp()) * 1000 as bigint) as b, extract(epoch from to_timestamp($1)) as c',
      [1_700_000_000.5],
    );
    for (const ms of [row?.a, row?.b]) {
      expect(Number.isInteger(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(before - 5);
      expect(ms).toBeLessThanOrEqual(Date.now() + 5);
    }
    expect(row?.c).toBe(1_700_000_000.5);
  });

  it('maps a lease taken on the database clock as PostgreSQL would run it', () => {
    const db = sqlite(['create table leases (id text primary key, claimed_at bigint)']);
    db.all("insert into leases (id, claimed_at) values ('fresh', (extract(epoch from now()) * 1000)::bigint), ('stale', 0), ('free', null)");
    const lease = `update leases set claimed_at = (extract(epoch from now()) * 1000)::bigint
      where id = $1 and (claimed_at is null or claimed_at < (extract(epoch from now()) * 1000)::bigint - $2) returning id`;
    expect(['fresh', 'stale', 'free'].map((id) => db.all(lease, [id, 60_000]).length)).toEqual([0, 1, 1]);
  });

  it('rounds integer casts as PostgreSQL does, and casts to text and real', () => {
    const db = sqlite();
    expect(
      db.all(
        "select 2.5::bigint as a, (-2.5)::int as b, 2.4::integer as c, cast(2.5 as smallint) as d, 12::text as e, '1.5'::numeric as f, $1::jsonb as g, t.x::int as h from (select 1.6 as x) t",
        ['{"a":1}'],
      ),
    ).toEqual([{ a: 3, b: -3, c: 2, d: 3, e: '12', f: 1.5, g: '{"a":1}', h: 2 }]);
    expect(translate('select coalesce(a, $1)::double precision as x from t').sql).toBe('select CAST(coalesce(a, ?) AS REAL) as x from t');
    expect(translate('select $1::text::int as x').sql).toBe('select CAST(round(CAST(? AS TEXT)) AS INTEGER) as x');
  });

  it("puts NULLs where PostgreSQL's order by does: last ascending, first descending", () => {
    expect(translate('select a from t order by a, b desc, coalesce(c, d) asc, e nulls first limit 2').sql).toBe(
      'select a from t order by a nulls last, b desc nulls first, coalesce(c, d) asc nulls last, e nulls first limit 2',
    );
    expect(translate('select a from t where a in (select b from u order by b limit 1) order by a desc').sql).toBe(
      'select a from t where a in (select b from u order by b nulls last limit 1) order by a desc nulls first',
    );
    const db = sqlite(['create table t (a int)']);
    db.all('insert into t (a) values (2), (null), (1)');
    expect(db.all('select a from t order by a').map((r) => r.a)).toEqual([1, 2, null]);
    expect(db.all('select a from t order by a desc').map((r) => r.a)).toEqual([null, 2, 1]);
  });

  it('runs the upserts and returning the store uses unchanged', () => {
    const db = sqlite(['create table once_keys (key text primary key, expires_at bigint not null)']);
    const once = 'insert into once_keys (key, expires_at) values ($1, $2) on conflict (key) do nothing returning key';
    expect(db.all(once, ['k', 1])).toEqual([{ key: 'k' }]);
    expect(db.all(once, ['k', 1])).toEqual([]);
    db.all('insert into once_keys (key, expires_at) values ($1, $2) on conflict (key) do update set expires_at = excluded.expires_at', ['k', 9]);
    expect(db.all('select expires_at from once_keys where key = $1', ['k'])).toEqual([{ expires_at: 9 }]);
  });

  it.each([
    ["select a from t where b ilike 'x%'", /ilike/],
    ["select now() - interval '1 minute' as t", /interval/],
    ["select doc->>'a' as a from t", /JSON operator ->>/],
    ['select a from t where doc @> $1', /containment/],
    ['select a from t where id = any($1)', /any\(array\)/],
    ["select a from t where b ~ '^x'", /regular-expression/],
    ['select $$x$$ as a', /dollar-quoted/],
    ["select E'\\n' as a", /prefixed string literal E/],
    ['select a::timestamp as b from t', /timestamp/],
    ['select a::uuid as b from t', /a cast to uuid/],
    ['select a::varchar(10) as b from t', /varchar\(…\)/],
    ['select extract(hour from now()) as h', /only extract\(epoch from …\)/],
    ['select greatest(a, b) as g from t', /greatest/],
    ['select distinct on (a) a from t', /distinct on/],
    ['insert into t (a) values (1) on conflict on constraint t_pkey do nothing', /on conflict on constraint/],
    ['select a from t for update of t', /row lock/],
    ['create table t (id bigserial primary key)', /serial/],
    ['create table t (ok boolean)', /boolean/],
    ['select pg_sleep(1)', /pg_sleep/],
    ['select count(*) from t', /unaliased result column "count\(\*\)"/],
    ['insert into t (a) values (1) returning a + 1', /unaliased result column "a \+ 1"/],
    ['select 1 as a; select 2 as b', /more than one statement/],
    ['select a from t where b = ?', /bare \?/],
  ])('refuses PostgreSQL-only syntax it does not map: %s', (sql, why) => {
    const thrown = (() => {
      try {
        translate(sql);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(UnsupportedSqlError);
    expect((thrown as Error).message).toMatch(why);
    expect((thrown as Error).message).toMatch(/not mapped from PostgreSQL to SQLite/);
  });

  it('is case-insensitive for names like any PostgreSQL word, without tripping on object property names', () => {
    expect(translate('SELECT constructor, toString FROM T').sql).toBe('select constructor, tostring from t');
    expect(() => translate('SELECT A FROM T WHERE B ILIKE $1')).toThrow(UnsupportedSqlError);
  });
});
