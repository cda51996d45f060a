import { afterEach, describe, expect, it, vi } from 'vitest';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { Inflight } from '../src/inflight.js';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};

describe('Inflight.run', () => {
  it('starts work on a later turn, never in the tick that queued it', async () => {
    const inflight = new Inflight({ concurrency: 4 });
    let started = false;
    const done = inflight.run(async () => {
      started = true;
    });
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });

  it('runs at most `concurrency` jobs at once and starts the next as one finishes', async () => {
    const inflight = new Inflight({ concurrency: 3 });
    const gates = Array.from({ length: 10 }, gate);
    let now = 0;
    let max = 0;
    const all = gates.map((g) =>
      inflight.run(async () => {
        now += 1;
        max = Math.max(max, now);
        await g.opened;
        now -= 1;
      }),
    );
    // Work starts a few turns later, once the event loop has polled for I/O (see acks first).
    for (let turn = 0; turn < 5; turn++) await new Promise((r) => setImmediate(r));
    expect(now).toBe(3);
    for (const g of gates) g.open();
    await Promise.all(all);
    expect(max).toBe(3);
    expect(inflight.size).toBe(0);
  });

  it('a failing job frees its place and drain waits for queued work', async () => {
    const inflight = new Inflight({ concurrency: 1 });
    const failed = inflight.run(async () => {
      throw new Error('boom');
    });
    let ran = false;
    void inflight.run(async () => {
      ran = true;
    });
    await expect(failed).rejects.toThrow('boom');
    expect(await inflight.drain(5_000)).toBe(true);
    expect(ran).toBe(true);
  });
});

describe('Inflight: acks first', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A clock the test moves, and timers that fire only when it does. The fake timers give a
   * setImmediate queued by another 1 ms, so a turn of the event loop takes 1 ms of this clock.
   */
  function clocked(options: { quietMs: number; maxDeferMs: number }) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
    const inflight = new Inflight({ concurrency: 4, ...options });
    const started: number[] = [];
    const queue = () =>
      void inflight.run(async () => {
        started.push(performance.now());
      });
    return { inflight, started, queue };
  }

  it('starts no queued work while requests keep arriving, and all of it once they pause', async () => {
    const { inflight, started, queue } = clocked({ quietMs: 5, maxDeferMs: 1_000 });
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      inflight.arrived();
      queue();
      await vi.advanceTimersByTimeAsync(2);
    }
    expect(started).toEqual([]);
    const lastArrival = t0 + 19 * 2;
    await vi.advanceTimersByTimeAsync(30);
    expect(started).toHaveLength(20);
    for (const at of started) expect(at).toBeGreaterThanOrEqual(lastArrival + 5);
  });

  it('starts the oldest work after maxDeferMs even if requests never pause', async () => {
    const { inflight, started, queue } = clocked({ quietMs: 5, maxDeferMs: 50 });
    const t0 = performance.now();
    queue();
    for (let i = 0; i < 100 && started.length === 0; i++) {
      inflight.arrived();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(started).toHaveLength(1);
    expect(started[0]).toBeGreaterThanOrEqual(t0 + 50);
    expect(started[0]).toBeLessThanOrEqual(t0 + 52);
  });

  it('without arrivals, work starts within a few turns', async () => {
    const { started, queue } = clocked({ quietMs: 5, maxDeferMs: 50 });
    const t0 = performance.now();
    queue();
    await vi.advanceTimersByTimeAsync(3);
    expect(started).toHaveLength(1);
    expect(started[0]).toBeLessThan(t0 + 5);
  });
});

describe('Inflight: activity', () => {
  it('reports every arrival and every finished piece of work, failed ones included', async () => {
    let activity = 0;
    const inflight = new Inflight({ onActivity: () => (activity += 1) });
    inflight.arrived();
    expect(activity).toBe(1);
    await inflight.run(async () => {});
    await inflight.track(Promise.reject(new Error('no'))).catch(() => {});
    // The settle callbacks run a microtask after the work itself.
    await new Promise((r) => setImmediate(r));
    expect(activity).toBe(3);
    expect(inflight.size).toBe(0);
  });
});

describe('Inflight: a quiet that is not there', () => {
  it('counts arrivals waiting to be read after a long turn before it starts work', async () => {
    const order: string[] = [];
    const inflight = new Inflight({ quietMs: 5, maxDeferMs: 60_000 });
    const server = createServer((socket) => {
      socket.on('data', () => {
        order.push('arrived');
        inflight.arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = connect(port, '127.0.0.1');
    await once(client, 'connect');
    try {
      inflight.arrived();
      const started = inflight.run(async () => {
        order.push('started');
      });
      // The request is in the kernel's buffer, not yet read, when the quiet timer falls due.
      client.write('a request');
      const until = performance.now() + 30;
      while (performance.now() < until) {
        // A long turn: a GC pause or other work.
      }
      await started;
      expect(order).toEqual(['arrived', 'started']);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
