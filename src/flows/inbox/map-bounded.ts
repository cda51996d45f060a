/**
 * Maps with at most `limit` calls in flight: all at once would trip Google's and Slack's
 * per-user rate limits, one by one would make a page of ten take ten round trips.
 * Results keep the input order; the first rejection rejects the whole map.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
