import type { SlackUserRef } from '../../core/identity.js';
import { Preferences } from '../../core/preferences.js';
import { PendingRequest } from '../../flows/connect/pending.js';
import type { Store } from '../../flows/ports/index.js';
import { ScheduleRecord } from '../../flows/schedule/record.js';
import type { SqlDb } from './sql.js';

/** Requests are kept a week: long enough to cancel a booked meeting from its message. */
export const RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

export type SqlStore = Store & { db: SqlDb; sweep(now: number): Promise<void>; close(): Promise<void> };

const teamKey = (u: SlackUserRef) => u.enterpriseId ?? u.teamId;
const claimedAt = (r: ScheduleRecord) => (r.booking.state === 'booking' ? r.booking.claimedAt : null);

/** Every piece of state the bot keeps, in one PostgreSQL schema (embedded or server). */
export function sqlStore(db: SqlDb, now: () => number = Date.now): SqlStore {
  const parseRecord = (raw: unknown) => ScheduleRecord.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  const parsePending = (raw: unknown) => PendingRequest.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);

  return {
    db,
    async put(record) {
      await db.query(
        `insert into schedule_requests (id, state, claimed_at, record, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (id) do update set state = excluded.state, claimed_at = excluded.claimed_at, record = excluded.record`,
        [record.id, record.booking.state, claimedAt(record), JSON.stringify(record), record.createdAt, record.createdAt + RECORD_TTL_MS],
      );
    },
    async get(id) {
      const [row] = await db.query<{ record: unknown }>('select record from schedule_requests where id = $1', [id]);
      return row ? parseRecord(row.record) : undefined;
    },
    async update(id, change) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ record: unknown }>('select record from schedule_requests where id = $1 for update', [id]);
        if (!row) return undefined;
        const { next, result } = change(parseRecord(row.record));
        if (next) {
          await tx.query('update schedule_requests set state = $2, claimed_at = $3, record = $4 where id = $1', [
            id,
            next.booking.state,
            claimedAt(next),
            JSON.stringify(next),
          ]);
        }
        return result;
      });
    },
    async overlappingBookings(slot, exceptId) {
      // Few requests are being booked or booked at once (records live a week), so the state index
      // narrows enough; the slot is read from the record rather than kept in columns of its own.
      const rows = await db.query<{ record: unknown }>(
        `select record from schedule_requests where state in ('booking', 'booked') and id <> $1
           and (record->'booking'->'slot'->>'start')::bigint < $3 and (record->'booking'->'slot'->>'end')::bigint > $2`,
        [exceptId, slot.start, slot.end],
      );
      return rows.map((r) => parseRecord(r.record));
    },
    async unfinished(claimedBefore) {
      const rows = await db.query<{ id: string }>("select id from schedule_requests where state = 'booking' and claimed_at < $1 order by claimed_at", [claimedBefore]);
      return rows.map((r) => r.id);
    },

    async putPending(p: PendingRequest) {
      await db.query(
        'insert into pending_requests (id, record, expires_at) values ($1, $2, $3) on conflict (id) do update set record = excluded.record, expires_at = excluded.expires_at',
        [p.id, JSON.stringify(p), p.expiresAt],
      );
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
      if (!row) return undefined;
      const parsed = Preferences.safeParse(typeof row.prefs === 'string' ? JSON.parse(row.prefs) : row.prefs);
      return parsed.success ? parsed.data : undefined;
    },
    async putPrefs(user, prefs) {
      await db.query(
        'insert into user_prefs (team_key, user_id, prefs) values ($1, $2, $3) on conflict (team_key, user_id) do update set prefs = excluded.prefs',
        [teamKey(user), user.userId, JSON.stringify(prefs)],
      );
    },

    async sweep(at) {
      await db.query('delete from schedule_requests where expires_at < $1', [at]);
      await db.query('delete from pending_requests where expires_at < $1', [at]);
      await db.query('delete from once_keys where expires_at < $1', [at]);
    },
    close: () => db.close(),
  };
}
