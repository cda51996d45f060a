/**
 * Hands the heap a burst grew back to the system once the bot goes quiet. V8 keeps what it grew
 * until its own memory reducer runs, seconds later; shrinking the heap all the time instead
 * (`--max-semi-space-size=4 --heap-growing-percent=30`) made every burst pay for it in GC
 * and in slower acks (README.md, "Benchmark"). A full collection while nothing is waiting costs
 * no one anything.
 */
export interface IdleCollectorOptions {
  /** Collect once nothing has happened for this long… */
  quietMs: number;
  /** …and nothing is still running (acked work, a resume). */
  busy: () => boolean;
  collect: () => void;
}

export interface IdleCollector {
  /** Something happened (a request arrived, work finished): collect after the next quiet spell. */
  activity(): void;
  stop(): void;
}

/** At most one collection per quiet spell: an idle bot is not collected again and again. */
export function idleCollector(o: IdleCollectorOptions): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const fire = (): void => {
    timer = undefined;
    if (o.busy()) {
      arm();
      return;
    }
    o.collect();
  };
  const arm = (): void => {
    if (stopped) return;
    if (timer) {
      timer.refresh();
      return;
    }
    timer = setTimeout(fire, o.quietMs);
    // A pending collection never keeps the process alive.
    timer.unref();
  };
  return {
    activity: arm,
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * A full collection, when Node runs with `--expose-gc` (as `npm start` does); otherwise none.
 * Twice: measured after a burst, the second pass moves what the first left scattered over
 * half-empty pages and gives back another 5–15 MB.
 */
export function fullCollection(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') return undefined;
  return () => {
    gc();
    gc();
  };
}

export interface CollectionGate {
  /** A Slack request arrived. */
  arrived(): void;
  /** Collects if that is worth it now. */
  collect(): void;
}

/**
 * `collect`, only when it is worth its cost (tens of ms, whatever it finds): once `minRequests`
 * requests have arrived since the last collection, or `heapSize()` (the heap V8 holds) has grown
 * by `minGrowthBytes`. A burst always ends with one, which its memory and the next burst's acks
 * need (README, "Benchmark"); commands that come a few at a time, each handful followed by a quiet
 * spell, share one per `minRequests`. Collecting after every quiet spell cost 10–13 ms more CPU
 * per command when commands came 10 at a time (`npm run bench`, 6c).
 */
export function collectionGate(o: { minRequests: number; minGrowthBytes: number; heapSize: () => number; collect: () => void }): CollectionGate {
  let requests = 0;
  let after = o.heapSize();
  return {
    arrived() {
      requests += 1;
    },
    collect() {
      if (requests < o.minRequests && o.heapSize() - after < o.minGrowthBytes) return;
      o.collect();
      requests = 0;
      after = o.heapSize();
    },
  };
}
