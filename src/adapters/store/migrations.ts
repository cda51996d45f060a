import type { SqlDb } from './sql.js';

/** Append only: a migration, once shipped, is never edited. */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      create table schedule_requests (
        id text primary key,
        state text not null,
        claimed_at bigint,
        record jsonb not null,
        created_at bigint not null,
        expires_at bigint not null
      );
      create index schedule_requests_state on schedule_requests (state, claimed_at);
      create table pending_requests (
        id text primary key,
        record jsonb not null,
        expires_at bigint not null
      );
      create table once_keys (
        key text primary key,
        expires_at bigint not null
      );
      create table user_prefs (
        team_key text not null,
        user_id text not null,
        prefs jsonb not null,
        primary key (team_key, user_id)
      );
      create table slack_installations (
        key text primary key,
        installation jsonb not null,
        updated_at bigint not null
      );
    `,
  },
  {
    // The time a booking holds, in columns, so that a clash is found by the index in either
    // dialect (SQLite has no JSON path operators in the store's one dialect).
    version: 2,
    sql: `
      alter table schedule_requests add column slot_start bigint;
      alter table schedule_requests add column slot_end bigint;
      create index schedule_requests_slot on schedule_requests (slot_start, slot_end)
    `,
  },
];

/** Applies what is missing, one instance at a time (others wait on the advisory lock; on SQLite, on BEGIN IMMEDIATE's write lock). */
export async function migrate(db: SqlDb): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(74213)');
    await tx.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
