export interface InflightOptions {
  /** Jobs running at once. */
  concurrency: number;
  /** Queued work starts only once no Slack request has arrived for this long… */
  quietMs: number;
  /** …or once the oldest queued job has waited this long, so that steady traffic never starves it. */
  maxDeferMs: number;
  now: () => number;
  /** Told of every arrival and every finished piece of work (the idle collector listens). */
  onActivity: () => void;
}

const DEFAULTS: InflightOptions = { concurrency: 16, quietMs: 4, maxDeferMs: 400, now: () => performance.now(), onActivity: () => {} };

/**
 * Work still running after its Slack request was acked; shutdown waits for it (bounded).
 * `run` also defers and bounds it. Acks come first: Node accepts one new connection per
 * event-loop turn, so work started while a burst of commands is still arriving makes every later
 * ack wait behind it (Slack gives up after 3 s). Queued work therefore starts once arrivals pause
 * for `quietMs` (a burst of 200 is acked in ~150 ms) or after `maxDeferMs`, whichever is first.
 */
export class Inflight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly waiting: Array<{ start: () => void; queuedAt: number }> = [];
  private active = 0;
  private lastArrival = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private confirming = false;
  private readonly o: InflightOptions;

  constructor(options: Partial<InflightOptions> = {}) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** A Slack request arrived: its ack goes before queued work. */
  arrived(): void {
    this.lastArrival = this.o.now();
    this.o.onActivity();
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => {
      this.running.delete(work);
      this.o.onActivity();
    };
    work.then(forget, forget);
    return work;
  }

  /** Starts `work` on a later turn, with at most `concurrency` such jobs running at once. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.track(
      new Promise<void>((start) => {
        this.waiting.push({ start, queuedAt: this.o.now() });
        setImmediate(() => this.next());
      }).then(async () => {
        try {
          return await work();
        } finally {
          this.active -= 1;
          this.next();
        }
      }),
    );
  }

  /**
   * `polled`: this call comes after the event loop has polled for I/O since quiet was last seen.
   * Requests that reach the socket during a long turn (a GC pause, a stretch of work) are read
   * only at the next poll, so a quiet measured before it may not be there: it is looked at once
   * more after a poll before any work starts (a turn or two later).
   */
  private next(polled = false): void {
    const oldest = this.waiting[0];
    if (!oldest || this.active >= this.o.concurrency || this.timer || this.confirming) return;
    const now = this.o.now();
    const untilQuiet = this.lastArrival + this.o.quietMs - now;
    const untilDue = oldest.queuedAt + this.o.maxDeferMs - now;
    if (untilQuiet > 0 && untilDue > 0) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.next();
        },
        Math.ceil(Math.min(untilQuiet, untilDue)),
      );
      return;
    }
    if (untilDue > 0 && !polled) {
      this.confirming = true;
      // An immediate queued from the check phase runs in the next loop's: a poll lies between.
      setImmediate(() =>
        setImmediate(() => {
          this.confirming = false;
          this.next(true);
        }),
      );
      return;
    }
    while (this.active < this.o.concurrency) {
      const job = this.waiting.shift();
      if (!job) return;
      this.active += 1;
      job.start();
    }
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves true when everything finished, false if `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const all = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
