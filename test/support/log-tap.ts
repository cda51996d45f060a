/**
 * A bot's log lines as they are written, with a way to wait for one: tests wait on the line that
 * says something happened instead of sleeping and hoping it did.
 */
export class LogTap {
  readonly lines: string[] = [];
  private waiters: Array<{ test: (line: string) => boolean; left: number; done: () => void }> = [];

  /** Hand this to the bot as its `writeLog`. */
  readonly write = (line: string): void => {
    this.lines.push(line);
    for (const w of this.waiters) if (w.test(line) && --w.left === 0) w.done();
    this.waiters = this.waiters.filter((w) => w.left > 0);
  };

  /** Resolves once `count` lines matching `test` were written after this call; rejects after `timeoutMs`. */
  next(test: (line: string) => boolean, count = 1, timeoutMs = 10_000, what = 'a log line'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; last lines:\n${this.lines.slice(-5).join('\n')}`)), timeoutMs);
      this.waiters.push({
        test,
        left: count,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Resolves when a matching line was already written, or once one is. */
  async some(test: (line: string) => boolean, timeoutMs = 10_000, what = 'a log line'): Promise<string> {
    const found = this.lines.find(test);
    if (found !== undefined) return found;
    await this.next(test, 1, timeoutMs, what);
    return this.lines.find(test) ?? '';
  }

  text(): string {
    return this.lines.join('\n');
  }
}
