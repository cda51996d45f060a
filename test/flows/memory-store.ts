import type { PendingRequest } from '../../src/flows/connect/pending.js';
import type { Store } from '../../src/flows/ports/index.js';
import { ScheduleRecord } from '../../src/flows/schedule/record.js';
import type { Interval } from '../../src/core/intervals.js';
import type { Preferences } from '../../src/core/preferences.js';

/**
 * The flows' store port in memory, for unit tests: records are copied in and out as the SQL store
 * does (through the same schema), and `update` runs one change at a time per record. Like the
 * database, it stamps booking claims with a clock of its own, apart from the flows' `now`.
 */
export class MemoryStore implements Store {
  readonly records = new Map<string, ScheduleRecord>();
  readonly pending = new Map<string, PendingRequest>();
  readonly seen = new Map<string, number>();
  readonly prefs = new Map<string, Preferences>();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** The store's clock (ms); only `advanceClock` moves it. */
  private clock = 0;
  private readonly claims = new Map<string, number>();
  /** Set to make the next store calls fail, as a database that went away would. */
  failing = false;

  private check(): void {
    if (this.failing) throw new Error('store unavailable');
  }

  advanceClock(ms: number): void {
    this.clock += ms;
  }

  private keep(record: ScheduleRecord): void {
    this.records.set(record.id, ScheduleRecord.parse(structuredClone(record)));
    if (record.booking.state === 'booking') this.claims.set(record.id, this.clock);
    else this.claims.delete(record.id);
  }

  async put(record: ScheduleRecord): Promise<void> {
    this.check();
    this.keep(record);
  }

  async get(id: string): Promise<ScheduleRecord | undefined> {
    this.check();
    const r = this.records.get(id);
    return r ? structuredClone(r) : undefined;
  }

  async update<T>(id: string, change: (current: ScheduleRecord) => { next?: ScheduleRecord; result: T }): Promise<T | undefined> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const run = before.then(async () => {
      this.check();
      const current = this.records.get(id);
      if (!current) return undefined;
      const { next, result } = change(structuredClone(current));
      if (next) this.keep(next);
      return result;
    });
    this.locks.set(
      id,
      run.catch(() => undefined),
    );
    return run;
  }

  async takeUnfinished(leaseMs: number): Promise<string[]> {
    this.check();
    const stale = [...this.claims].filter(([, at]) => at < this.clock - leaseMs).map(([id]) => id);
    for (const id of stale) this.claims.set(id, this.clock);
    return stale;
  }

  /** One claim at a time, as the SQL store's shared lock makes them. */
  private claimTurn: Promise<void> = Promise.resolve();

  async claim<T>(
    id: string,
    slotOf: (current: ScheduleRecord) => Interval | undefined,
    change: (current: ScheduleRecord, overlapping: ScheduleRecord[]) => { next?: ScheduleRecord; result: T },
  ): Promise<T | undefined> {
    const run = this.claimTurn.then(() =>
      this.update(id, (current) => {
        const slot = slotOf(current);
        const overlapping = slot
          ? [...this.records.values()]
              .filter((r) => r.id !== id && (r.booking.state === 'booking' || r.booking.state === 'booked'))
              .filter((r) => 'slot' in r.booking && r.booking.slot.start < slot.end && slot.start < r.booking.slot.end)
              .map((r) => structuredClone(r))
          : [];
        return change(current, overlapping);
      }),
    );
    this.claimTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async putPending(p: PendingRequest): Promise<void> {
    this.check();
    this.pending.set(p.id, structuredClone(p));
  }

  async getPending(id: string): Promise<PendingRequest | undefined> {
    this.check();
    const p = this.pending.get(id);
    return p ? structuredClone(p) : undefined;
  }

  async deletePending(id: string): Promise<void> {
    this.check();
    this.pending.delete(id);
  }

  async firstTime(key: string, expiresAt: number): Promise<boolean> {
    this.check();
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAt);
    return true;
  }

  async getPrefs(user: { teamId: string; userId: string }): Promise<Preferences | undefined> {
    return this.prefs.get(`${user.teamId}:${user.userId}`);
  }

  async prefsOf(team: { teamId: string }, userIds: readonly string[]): Promise<Map<string, Preferences>> {
    const found = new Map<string, Preferences>();
    for (const id of userIds) {
      const p = this.prefs.get(`${team.teamId}:${id}`);
      if (p) found.set(id, p);
    }
    return found;
  }

  async putPrefs(user: { teamId: string; userId: string }, prefs: Preferences): Promise<void> {
    this.prefs.set(`${user.teamId}:${user.userId}`, prefs);
  }
}
