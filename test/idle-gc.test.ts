import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectionGate, fullCollection, idleCollector } from '../src/idle-gc.js';

afterEach(() => {
  vi.useRealTimers();
});

function collector(busy: () => boolean = () => false) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const collected: number[] = [];
  const idle = idleCollector({ quietMs: 200, busy, collect: () => collected.push(Date.now()) });
  return { idle, collected };
}

describe('idleCollector', () => {
  it('collects once the bot has been quiet for quietMs, and only once per quiet spell', () => {
    const { idle, collected } = collector();
    const t0 = Date.now();
    idle.activity();
    vi.advanceTimersByTime(199);
    expect(collected).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(collected).toEqual([t0 + 200]);
    vi.advanceTimersByTime(10_000);
    expect(collected).toHaveLength(1);
  });

  it('waits while activity goes on, however long', () => {
    const { idle, collected } = collector();
    const t0 = Date.now();
    for (let i = 0; i < 50; i++) {
      idle.activity();
      vi.advanceTimersByTime(100);
    }
    expect(collected).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(collected).toEqual([t0 + 49 * 100 + 200]);
  });

  it('does not collect while work is still running, and does once it is done', () => {
    let running = true;
    const { idle, collected } = collector(() => running);
    idle.activity();
    vi.advanceTimersByTime(1_000);
    expect(collected).toEqual([]);
    running = false;
    vi.advanceTimersByTime(200);
    expect(collected).toHaveLength(1);
  });

  it('collects again after new activity', () => {
    const { idle, collected } = collector();
    idle.activity();
    vi.advanceTimersByTime(200);
    idle.activity();
    vi.advanceTimersByTime(200);
    expect(collected).toHaveLength(2);
  });

  it('never collects after stop', () => {
    const { idle, collected } = collector();
    idle.activity();
    idle.stop();
    idle.activity();
    vi.advanceTimersByTime(1_000);
    expect(collected).toEqual([]);
  });
});

describe('fullCollection', () => {
  it('is there only when Node exposes gc', () => {
    const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
    expect(fullCollection() !== undefined).toBe(exposed);
  });

  it('runs two full collections through the exposed gc', () => {
    const calls: number[] = [];
    vi.stubGlobal('gc', () => calls.push(calls.length));
    try {
      const collect = fullCollection();
      expect(collect).toBeDefined();
      collect?.();
      expect(calls).toEqual([0, 1]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('collectionGate', () => {
  function gate(minRequests = 3, minGrowthBytes = 16) {
    let size = 50;
    const sizes: number[] = [];
    const g = collectionGate({
      minRequests,
      minGrowthBytes,
      heapSize: () => size,
      collect: () => {
        sizes.push(size);
        size = 40;
      },
    });
    return { g, sizes, setSize: (s: number) => void (size = s) };
  }

  it('skips a collection until enough requests have come since the last one', () => {
    const { g, sizes } = gate();
    g.arrived();
    g.arrived();
    g.collect();
    expect(sizes).toEqual([]);
    g.arrived();
    g.collect();
    expect(sizes).toEqual([50]);
    // Counted again from zero.
    g.arrived();
    g.collect();
    expect(sizes).toHaveLength(1);
  });

  it('collects after fewer requests when the heap has grown by the minimum', () => {
    const { g, sizes, setSize } = gate();
    setSize(65);
    g.collect();
    expect(sizes).toEqual([]);
    setSize(66);
    g.collect();
    expect(sizes).toEqual([66]);
    // Growth counts from what the collection left (40).
    setSize(55);
    g.collect();
    expect(sizes).toHaveLength(1);
    setSize(56);
    g.collect();
    expect(sizes).toEqual([66, 56]);
  });
});
