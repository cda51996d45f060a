import type { ScheduleRecord, ScheduleStore } from '../../flows/schedule-record.js';

/** Keeps requests for a week: long enough to cancel a booked meeting from its message. */
export const RECORD_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * A store for one process. Updates are atomic because `change` runs synchronously between
 * awaits; copies go in and out so no caller can change a stored record by accident.
 */
export function memoryStore(now: () => number = Date.now): ScheduleStore & { size(): number } {
  const records = new Map<string, ScheduleRecord>();
  const sweep = () => {
    const cutoff = now() - RECORD_TTL_MS;
    for (const [id, r] of records) if (r.createdAt < cutoff) records.delete(id);
  };
  return {
    async put(record) {
      sweep();
      records.set(record.id, structuredClone(record));
    },
    async get(id) {
      const r = records.get(id);
      return r ? structuredClone(r) : undefined;
    },
    async update(id, change) {
      const current = records.get(id);
      if (!current) return undefined;
      const { next, result } = change(structuredClone(current));
      if (next) records.set(id, structuredClone(next));
      return result;
    },
    size: () => records.size,
  };
}
