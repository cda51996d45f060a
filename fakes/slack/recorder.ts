import type { Recorded, RejectedResponsePost, ResponsePost, SlackCall } from './types.js';

type Waiter = { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void; reject: (e: Error) => void };

function describe(r: Recorded): string {
  if (r.kind === 'response') return `response_url ${new URL(r.responseUrl).pathname}`;
  return r.result.ok === true ? r.method : `${r.method}(error: ${String(r.result.error)})`;
}

/** Everything the fake Slack saw, in order, with a waitFor that also sees the past. */
export class Recorder {
  readonly log: Recorded[] = [];
  readonly calls: SlackCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly rejectedResponses: RejectedResponsePost[] = [];
  private readonly waiters = new Set<Waiter>();

  recordCall(call: SlackCall): void {
    this.calls.push(call);
    this.push({ kind: 'call', ...call });
  }

  recordResponse(post: ResponsePost): void {
    this.responses.push(post);
    this.push({ kind: 'response', ...post });
  }

  recordRejected(post: RejectedResponsePost): void {
    this.rejectedResponses.push(post);
  }

  clear(): void {
    this.log.length = 0;
    this.calls.length = 0;
    this.responses.length = 0;
    this.rejectedResponses.length = 0;
  }

  /** Resolves with the first recorded item (already seen, or arriving within timeoutMs) matching predicate. */
  waitFor(predicate: (r: Recorded) => boolean, timeoutMs: number, label?: string): Promise<Recorded> {
    return new Promise<Recorded>((resolve, reject) => {
      try {
        const seen = this.log.find(predicate);
        if (seen !== undefined) return resolve(seen);
      } catch (e) {
        return reject(e instanceof Error ? e : new Error(String(e)));
      }
      const waiter: Waiter = {
        match: predicate,
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        const seen = this.log.map(describe).join(', ') || 'nothing';
        const what = label === undefined ? 'a matching Slack call or response_url post' : label;
        waiter.reject(new Error(`FakeSlack.waitFor: no ${what} within ${timeoutMs}ms. Recorded so far: [${seen}]`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  async waitForCall(method: string, where: (c: SlackCall) => boolean = () => true, timeoutMs: number): Promise<SlackCall> {
    const r = await this.waitFor((x) => x.kind === 'call' && x.method === method && where(x), timeoutMs, `${method} call`);
    if (r.kind !== 'call') throw new Error('unreachable');
    const { kind: _kind, ...call } = r;
    return call;
  }

  async waitForResponse(responseUrl: string, timeoutMs: number): Promise<ResponsePost> {
    const r = await this.waitFor((x) => x.kind === 'response' && x.responseUrl === responseUrl, timeoutMs, `post to ${responseUrl}`);
    if (r.kind !== 'response') throw new Error('unreachable');
    return { responseUrl: r.responseUrl, body: r.body, sent: r.sent, source: r.source, effect: r.effect };
  }

  /** Rejects every pending waitFor (used by FakeSlack.stop()). */
  abortWaiters(reason: string): void {
    for (const w of [...this.waiters]) w.reject(new Error(reason));
  }

  private push(r: Recorded): void {
    this.log.push(r);
    for (const w of [...this.waiters]) {
      try {
        if (w.match(r)) w.resolve(r);
      } catch (e) {
        w.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
}
