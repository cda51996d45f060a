import { reportRecovered, type ResumeDeps } from './adapters/slack/resume.js';
import type { SqlStore } from './adapters/store/sql-store.js';
import { recoverBookings } from './flows/schedule/recover-bookings.js';

/** How often expired requests, pending authorizations and remembered keys are deleted. */
const HOUSEKEEPING_MS = 10 * 60_000;

/**
 * What runs beside the listeners: booking recovery now and then every half lease (one sweep at a
 * time, tracked so shutdown waits for it), and the sweep of expired records.
 */
export function startBackgroundJobs(r: ResumeDeps, store: Pick<SqlStore, 'sweep'>, leaseMs: number): { stop(): void } {
  const { deps } = r;
  let running: Promise<void> | undefined;
  const recover = () => {
    if (running) return;
    running = deps.inflight
      .track(
        recoverBookings(deps).then(async (done) => {
          for (const d of done) await reportRecovered(r, d).catch((e: unknown) => deps.log.warn('could not report a recovered booking', { error: String(e) }));
        }),
      )
      .catch((e: unknown) => deps.log.error('booking recovery failed', { error: String(e) }))
      .finally(() => {
        running = undefined;
      });
  };
  recover();
  const recovery = setInterval(recover, Math.max(500, Math.floor(leaseMs / 2)));
  recovery.unref();
  const housekeeping = setInterval(() => {
    store.sweep(deps.now()).catch((e: unknown) => deps.log.warn('could not sweep expired records', { error: String(e) }));
  }, HOUSEKEEPING_MS);
  housekeeping.unref();
  return {
    stop() {
      clearInterval(recovery);
      clearInterval(housekeeping);
    },
  };
}
