import type { SlackUserRef } from '../../core/identity.js';
import { Preferences } from '../../core/preferences.js';
import { PendingRequest } from '../../flows/connect/pending.js';
import type { Store } from '../../flows/ports/index.js';
import { ScheduleRecord } from '../../flows/schedule/record.js';
import type { SqlDb, SqlTx } from './sql.js';

/** Requests are kept a week: long enough to cancel a booked meeting from its message. */
export const RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

export type SqlStore = Store & { db: SqlDb; sweep(now: number): Promise<void>; close(): Promise<void> };

const teamKey = (u: Pick<SlackUserRef, 'teamId' | 'enterpriseId'>) => u.enterpriseId ?? u.teamId;
/** The database's clock in ms: a lease is stamped and judged by it, never by an instance's. */
const DB_NOW_MS = '(extract(epoch from now()) * 1000)::bigint';
/** A booking in flight is claimed (or its claim renewed) by being written; any other state holds no claim. */
const CLAIM = `case when $2::text = 'booking' then ${DB_NOW_MS} end`;
/** The advisory lock every claim takes (the migrations take 74213). */
const CLAIM_LOCK = 74214;
/** The time a booking in flight or booked holds; other states hold none. */
const heldSlot = (r: ScheduleRecord): [number | null, number | null] =>
  r.booking.state === 'booking' || r.booking.state === 'booked' ? [r.booking.slot.start, r.booking.slot.end] : [null, null];

/** Stored preferences that no longer read as valid count as none: the person sees the defaults again. */
function parsePrefs(raw: unknown): Preferences | undefined {
  const parsed = Preferences.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  return parsed.success ? parsed.data : undefined;
}

/** Every piece of state the bot keeps, in one schema written in PostgreSQL's dialect (a server, or SQLite embedded). */
export function sqlStore(db: SqlDb, now: () => number = Date.now): SqlStore {
  const parseRecord = (raw: unknown) => ScheduleRecord.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  const parsePending = (raw: unknown) => PendingRequest.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  const lockedRecord = async (tx: SqlTx, id: string) => {
    const [row] = await tx.query<{ record: unknown }>('select record from schedule_requests where id = $1 for update', [id]);
    return row ? parseRecord(row.record) : undefined;
  };
  const write = async <T>(tx: SqlTx, id: string, { next, result }: { next?: ScheduleRecord; result: T }): Promise<T> => {
    if (next) {
      await tx.query(`update schedule_requests set state = $2, claimed_at = ${CLAIM}, record = $3, slot_start = $4, slot_end = $5 where id = $1`, [
        id,
        next.booking.state,
        JSON.stringify(next),
        ...heldSlot(next),
      ]);
    }
    return result;
  };

  return {
    db,
    async put(record) {
      await db.query(
        `insert into schedule_requests (id, state, claimed_at, record, created_at, expires_at, slot_start, slot_end) values ($1, $2, ${CLAIM}, $3, $4, $5, $6, $7)
         on conflict (id) do update set state = excluded.state, claimed_at = excluded.claimed_at, record = excluded.record, slot_start = excluded.slot_start, slot_end = excluded.slot_end`,
        [record.id, record.booking.state, JSON.stringify(record), record.createdAt, record.createdAt + RECORD_TTL_MS, ...heldSlot(record)],
      );
    },
    async get(id) {
      const [row] = await db.query<{ record: unknown }>('select record from schedule_requests where id = $1', [id]);
      return row ? parseRecord(row.record) : undefined;
    },
    async update(id, change) {
      return db.transaction(async (tx) => {
        const current = await lockedRecord(tx, id);
        return current ? write(tx, id, change(current)) : undefined;
      });
    },
    async claim(id, slotOf, change) {
      return db.transaction(async (tx) => {
        // One lock for every claim (on SQLite, BEGIN IMMEDIATE already lets one writer in at a time).
        await tx.query(`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
        const current = await lockedRecord(tx, id);
        if (!current) return undefined;
        const slot = slotOf(current);
        const rows = slot
          ? await tx.query<{ record: unknown }>(`select record from schedule_requests where state in ('booking', 'booked') and id <> $1 and slot_start < $3 and slot_end > $2`, [
              id,
              slot.start,
              slot.end,
            ])
          : [];
        return write(
          tx,
          id,
          change(
            current,
            rows.map((r) => parseRecord(r.record)),
          ),
        );
      });
    },
    async takeUnfinished(leaseMs) {
      // One statement finds and re-stamps: of two instances recovering at once, the second waits on
      // the row lock, then sees the fresh stamp and skips the row.
      const rows = await db.query<{ id: string }>(`update schedule_requests set claimed_at = ${DB_NOW_MS} where state = 'booking' and claimed_at < ${DB_NOW_MS} - $1::bigint returning id`, [
        leaseMs,
      ]);
      return rows.map((r) => r.id);
    },

    async putPending(p: PendingRequest) {
      await db.query('insert into pending_requests (id, record, expires_at) values ($1, $2, $3) on conflict (id) do update set record = excluded.record, expires_at = excluded.expires_at', [
        p.id,
        JSON.stringify(p),
        p.expiresAt,
      ]);
    },
    async getPending(id) {
      const [row] = await db.query<{ record: unknown }>('select record from pending_requests where id = $1 and expires_at > $2', [id, now()]);
      return row ? parsePending(row.record) : undefined;
    },
    async deletePending(id) {
      await db.query('delete from pending_requests where id = $1', [id]);
    },

    async firstTime(key, expiresAt) {
      const rows = await db.query<{ key: string }>('insert into once_keys (key, expires_at) values ($1, $2) on conflict (key) do nothing returning key', [key, expiresAt]);
      return rows.length === 1;
    },

    async getPrefs(user) {
      const [row] = await db.query<{ prefs: unknown }>('select prefs from user_prefs where team_key = $1 and user_id = $2', [teamKey(user), user.userId]);
      return row ? parsePrefs(row.prefs) : undefined;
    },
    async prefsOf(team, userIds) {
      const found = new Map<string, Preferences>();
      const ids = [...new Set(userIds)];
      if (ids.length === 0) return found;
      // One placeholder per id (a handful): the same statement text for the same count, in both dialects.
      const rows = await db.query<{ user_id: string; prefs: unknown }>(
        `select user_id, prefs from user_prefs where team_key = $1 and user_id in (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
        [teamKey(team), ...ids],
      );
      for (const row of rows) {
        const prefs = parsePrefs(row.prefs);
        if (prefs) found.set(row.user_id, prefs);
      }
      return found;
    },
    async putPrefs(user, prefs) {
      await db.query('insert into user_prefs (team_key, user_id, prefs) values ($1, $2, $3) on conflict (team_key, user_id) do update set prefs = excluded.prefs', [
        teamKey(user),
        user.userId,
        JSON.stringify(prefs),
      ]);
    },

    async sweep(at) {
      await db.query('delete from schedule_requests where expires_at < $1', [at]);
      await db.query('delete from pending_requests where expires_at < $1', [at]);
      await db.query('delete from once_keys where expires_at < $1', [at]);
    },
    close: () => db.close(),
  };
}
