/**
 * Work still running after its Slack request was acked; shutdown waits for it (bounded).
 * `run` also defers and bounds it: Node accepts one new connection per event-loop turn, so work
 * started in the same tick as each ack makes every later ack of a burst wait behind it.
 */
export class Inflight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;

  constructor(private readonly concurrency = 16) {}

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Starts `work` on a later turn, with at most `concurrency` such jobs running at once. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.track(
      new Promise<void>((start) => {
        this.waiting.push(start);
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

  private next(): void {
    while (this.active < this.concurrency) {
      const start = this.waiting.shift();
      if (!start) return;
      this.active += 1;
      start();
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
