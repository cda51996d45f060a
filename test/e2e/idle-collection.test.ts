import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../../fakes/world/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** A POST to /slack/events that Bolt turns away (no signature): it still arrived. */
async function unsignedPost(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await res.arrayBuffer();
  return res.status;
}

describe('the idle collection', () => {
  it('runs once 100 requests have come and the bot has gone quiet, not after every quiet spell', async () => {
    const collections: number[] = [];
    // A heap that never grows: only the number of requests can call for a collection.
    h = await startHarness({ idleCollection: { collect: () => collections.push(Date.now()), heapSize: () => 0 } });
    const port = h.bot.port;
    for (let i = 0; i < 99; i++) expect(await unsignedPost(port)).toBe(401);
    // A quiet spell twice the bot's 200 ms: 99 requests are not worth a collection.
    await sleep(400);
    expect(collections).toEqual([]);
    expect(await unsignedPost(port)).toBe(401);
    await vi.waitFor(() => expect(collections).toHaveLength(1), { timeout: 5_000, interval: 20 });
    // Counted again from zero: the next quiet spell after one more request collects nothing.
    expect(await unsignedPost(port)).toBe(401);
    await sleep(400);
    expect(collections).toHaveLength(1);
  });
});
