import { subscribe } from 'node:diagnostics_channel';
import { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';

/**
 * The real bot on a thread of its own. In production the bot has its event loop to itself; in
 * the bench's main thread it would share it with the fakes and the simulated Slack client, and
 * every ack would wait behind their work too.
 */
export type ToBot = { kind: 'memory' } | { kind: 'acks' } | { kind: 'stop' };
export type FromBot =
  | { kind: 'ready'; port: number }
  | { kind: 'log'; line: string }
  /** `busyMs`: how long the bot's event loop has been busy since it started, in all. */
  | { kind: 'memory'; heapUsed: number; rss: number; busyMs: number }
  /** Every Slack request since the last ask: from accepting its connection to writing the ack, in ms. */
  | { kind: 'acks'; ms: number[] }
  | { kind: 'stopped' };

const port = parentPort;
if (!port) throw new Error('bench/bot-worker.ts runs as a worker thread');
const send = (m: FromBot): void => port.postMessage(m);

const env: unknown = workerData;
const isEnv = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
if (!isEnv(env)) throw new Error('bench/bot-worker.ts expects the environment as workerData');

// Node's own server events, so the bot's code stays as it is: the ack as the bot's thread sees
// it, from accepting the connection to writing the response.
const socketOf = (m: unknown): unknown => (typeof m === 'object' && m !== null && 'socket' in m ? m.socket : undefined);
const requestOf = (m: unknown): unknown => (typeof m === 'object' && m !== null && 'request' in m ? m.request : undefined);
const acceptedAt = new WeakMap<object, number>();
const startedAt = new WeakMap<IncomingMessage, number>();
let acks: number[] = [];
subscribe('net.server.socket', (m) => {
  const socket = socketOf(m);
  if (typeof socket === 'object' && socket !== null) acceptedAt.set(socket, performance.now());
});
subscribe('http.server.request.start', (m) => {
  const request = requestOf(m);
  if (!(request instanceof IncomingMessage) || request.url !== '/slack/events') return;
  // A kept-alive connection's later requests start when their headers arrive.
  startedAt.set(request, acceptedAt.get(request.socket) ?? performance.now());
  acceptedAt.delete(request.socket);
});
subscribe('http.server.response.finish', (m) => {
  const request = requestOf(m);
  const started = request instanceof IncomingMessage ? startedAt.get(request) : undefined;
  if (started !== undefined) acks.push(performance.now() - started);
});

const bot = await startBot(loadConfig(env), { writeLog: (line) => send({ kind: 'log', line }) });
port.on('message', (m: ToBot) => {
  if (m.kind === 'memory') {
    const { heapUsed, rss } = process.memoryUsage();
    send({ kind: 'memory', heapUsed, rss, busyMs: performance.eventLoopUtilization().active });
  } else if (m.kind === 'acks') {
    send({ kind: 'acks', ms: acks });
    acks = [];
  } else {
    void bot.stop().then(() => {
      send({ kind: 'stopped' });
      port.close();
    });
  }
});
send({ kind: 'ready', port: bot.port });
