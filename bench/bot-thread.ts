import type { FromBot, ToBot } from './bot-worker.js';
import { tsWorker } from './ts-worker.js';

export interface BotThread {
  port: number;
  /** The bot thread's own heap and event-loop busy time so far, and the whole process's resident memory. */
  memory(): Promise<{ botHeapUsed: number; rss: number; botBusyMs: number }>;
  /** Inside the bot: connection accepted → ack written, for every Slack request since the last call. */
  takeAcks(): Promise<number[]>;
  stop(): Promise<void>;
}

type Reply<K extends FromBot['kind']> = Extract<FromBot, { kind: K }>;

function isFromBot(m: unknown): m is FromBot {
  return typeof m === 'object' && m !== null && 'kind' in m && typeof m.kind === 'string';
}

/** Starts bot-worker.ts with `env` as its environment; its log lines go to `onLog`. */
export async function startBotThread(env: Record<string, string>, onLog: (line: string) => void): Promise<BotThread> {
  const worker = tsWorker(new URL('./bot-worker.ts', import.meta.url), env);
  const waiting = new Map<FromBot['kind'], Array<{ resolve: (m: FromBot) => void; reject: (e: unknown) => void }>>();
  // One answer per question, in order; the kind says which question it answers.
  const next = <K extends FromBot['kind']>(kind: K): Promise<Reply<K>> =>
    new Promise((resolve, reject) => {
      waiting.set(kind, [...(waiting.get(kind) ?? []), { resolve: (m) => resolve(m as Reply<K>), reject }]);
    });
  const failAll = (e: unknown): void => {
    for (const list of waiting.values()) for (const w of list) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: unknown) => {
    if (!isFromBot(m)) return;
    if (m.kind === 'log') return onLog(m.line);
    const [first, ...rest] = waiting.get(m.kind) ?? [];
    waiting.set(m.kind, rest);
    first?.resolve(m);
  });
  // A bot that died would otherwise leave the bench waiting for ever.
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the bot thread exited (${code})`)));
  const ask = <K extends FromBot['kind']>(question: ToBot, kind: K): Promise<Reply<K>> => {
    const answer = next(kind);
    worker.postMessage(question);
    return answer;
  };

  const ready = await next('ready');
  return {
    port: ready.port,
    async memory() {
      const m = await ask({ kind: 'memory' }, 'memory');
      return { botHeapUsed: m.heapUsed, rss: m.rss, botBusyMs: m.busyMs };
    },
    async takeAcks() {
      return (await ask({ kind: 'acks' }, 'acks')).ms;
    },
    async stop() {
      await ask({ kind: 'stop' }, 'stopped');
      await worker.terminate();
    },
  };
}
