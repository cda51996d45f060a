import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cleanup } from './cleanup.js';

/**
 * A compiled entry point (dist/main.js, dist/bench/bare-bolt-app.js) as a process of its own,
 * started as `npm start` starts the bot: `node <file>`, nothing preloaded, its environment
 * given in full (no .env: its working directory is an empty temporary one).
 */
export interface NodeChild {
  pid: number;
  url: string;
  /** Its stderr lines (warnings and errors at LOG_LEVEL=warn). */
  lines: string[];
  /** SIGTERM, then its exit code (the bot exits 0 once it has drained); SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ChildOptions {
  name: string;
  file: string;
  env: Record<string, string>;
  port: number;
  cwd: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  cleanup: Cleanup;
}

/** Polls GET /healthz until 200: the bot answers 503 until it is ready. */
async function waitReady(url: string, exited: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(why);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`not ready at ${url}/healthz within ${timeoutMs} ms`);
}

export async function startNodeChild(o: ChildOptions): Promise<NodeChild> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: o.cwd, ...o.env, PORT: String(o.port) };
  const child = spawn(process.execPath, [...(o.nodeFlags ?? []), o.file], { cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${o.name}: could not start ${o.file}`);
  const lines: string[] = [];
  let rest = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = once(child, 'exit').then(([code, signal]: unknown[]) => {
    exit = { code: typeof code === 'number' ? code : null, signal: typeof signal === 'string' ? (signal as NodeJS.Signals) : null };
    return exit.code;
  });
  const kill = (): void => void (exit === undefined && child.kill('SIGKILL'));
  o.cleanup.add(
    `${o.name} (pid ${pid})`,
    async () => {
      kill();
      await exited;
    },
    kill,
  );

  const url = `http://127.0.0.1:${o.port}`;
  try {
    await waitReady(url, () => (exit ? `${o.name} exited (${exit.code ?? exit.signal}) before it was ready:\n${[...lines, rest].join('\n')}` : undefined), 60_000);
  } catch (e) {
    kill();
    throw e;
  }
  return {
    pid,
    url,
    lines,
    async stop(graceMs = 20_000) {
      if (exit) return exit.code;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
