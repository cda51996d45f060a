import type { Server } from 'node:http';
import type { Logger } from './flows/ports/index.js';
import type { Inflight } from './inflight.js';

/** How long the HTTP server may take to close before its open connections are cut. */
const HTTP_CLOSE_MS = 2_000;
/** How long the store may take to close (a partitioned database never answers a goodbye). */
const STORE_CLOSE_MS = 2_000;

/** True when `work` settled within `ms`; false (and `work` left to itself) otherwise. */
export async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops in order, each step bounded, so the whole stop is bounded (about drainMs + 4 s) whatever
 * hangs: no new requests, then work in flight finishes, then the store closes.
 */
export async function shutDown(parts: {
  stopHttp: () => Promise<unknown>;
  server: Server | undefined;
  inflight: Inflight;
  closeStore: () => Promise<unknown>;
  drainMs: number;
  log: Logger;
}): Promise<void> {
  const { log } = parts;
  if (!(await within(HTTP_CLOSE_MS, parts.stopHttp()))) {
    log.warn('cut the HTTP connections that were still open', { afterMs: HTTP_CLOSE_MS });
    parts.server?.closeAllConnections();
  }
  if (!(await parts.inflight.drain(parts.drainMs))) log.warn('stopped with work still in flight', { running: parts.inflight.size });
  if (!(await within(STORE_CLOSE_MS, parts.closeStore()))) log.warn('the store did not close in time; leaving it', { service: 'store', afterMs: STORE_CLOSE_MS });
}
