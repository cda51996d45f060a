import { describe, expect, it } from 'vitest';
import { Inflight } from '../src/inflight.js';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};

describe('Inflight.run', () => {
  it('starts work on a later turn, never in the tick that queued it', async () => {
    const inflight = new Inflight(4);
    let started = false;
    const done = inflight.run(async () => {
      started = true;
    });
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });

  it('runs at most `concurrency` jobs at once and starts the next as one finishes', async () => {
    const inflight = new Inflight(3);
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
    await new Promise((r) => setImmediate(r));
    expect(now).toBe(3);
    for (const g of gates) g.open();
    await Promise.all(all);
    expect(max).toBe(3);
    expect(inflight.size).toBe(0);
  });

  it('a failing job frees its place and drain waits for queued work', async () => {
    const inflight = new Inflight(1);
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
