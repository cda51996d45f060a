import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';

export interface BotProcess {
  port: number;
  child: ChildProcess;
  logs(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** `npm start`'s entry point as its own process, as an operator runs it. */
export async function spawnBot(env: Record<string, string>, timeoutMs = 20_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = Number(env.PORT);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot process did not become ready on port ${port}:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child, logs: () => out, exited, kill: (signal) => child.kill(signal) };
}

/** Bot processes started by one test, all killed after it. */
export class BotProcesses {
  private readonly running: BotProcess[] = [];

  /** Starts a bot process whose stderr the world checks for leaked secrets when it stops. */
  async start(world: { capture(source: () => string): void }, env: Record<string, string>): Promise<BotProcess> {
    const bot = await spawnBot(env);
    this.running.push(bot);
    world.capture(() => bot.logs());
    return bot;
  }

  killAll(): void {
    for (const b of this.running.splice(0)) if (b.child.exitCode === null) b.kill('SIGKILL');
  }
}

/**
 * The cleanup every bot-process test file shares: after each test its bots are killed, then its
 * world (fakes and database, which also checks the bots' logs for leaked secrets) is stopped.
 */
export function stopAfterEach(bots: BotProcesses, world: () => { stop(): Promise<void> } | undefined): void {
  afterEach(async () => {
    bots.killAll();
    await world()?.stop();
  });
}
