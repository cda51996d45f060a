import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/world/free-port.js';
import { sweepOrphanedTempDirs, TEMP_PREFIX } from '../../sandbox/temp-dirs.js';
import { until } from './browser.js';

/** Ctrl-C on `npm run sandbox` / `tsx sandbox/main.ts` leaves no folder, database or process behind. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * What `npm run sandbox` runs, without npm's wrapper (npm itself exits 130 on Ctrl-C). Not the tsx
 * CLI (`npx tsx sandbox/main.ts`): it relays a signal and SIGKILLs its child when the child has not
 * confirmed within ~60 ms, which a busy machine misses, and a SIGKILL leaves the folder for the next
 * start to sweep.
 */
const SANDBOX = ['--import', 'tsx', 'sandbox/main.ts'];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-stop-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const sandboxDirs = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

/** The sandbox in its own process group, so that a signal reaches all of it, as Ctrl-C does. */
function startSandboxProcess(tmp: string, port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, SANDBOX, {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, SANDBOX_PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  });
  return { child, output: () => output };
}

/** Ctrl-C; under `npm run sandbox` one arrives more than once (npm passes it on too): send it twice. */
async function ctrlC(child: ChildProcess): Promise<void> {
  process.kill(-(child.pid ?? 0), 'SIGINT');
  await new Promise((r) => setTimeout(r, 50));
  // A sandbox that stopped within those 50 ms has no process group left to signal (ESRCH).
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-(child.pid ?? 0), 'SIGINT');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('stopping the sandbox', () => {
  it('Ctrl-C (SIGINT to the whole process group, twice, as under npm) stops it, exit 0, and its temp folder is gone', async () => {
    const tmp = await scratch();
    const port = await freePort();
    const { child, output: out } = startSandboxProcess(tmp, port);
    await until(
      'the sandbox to answer on its port',
      async () => {
        if (child.exitCode !== null) throw new Error(`the sandbox exited early (${child.exitCode}): ${out()}`);
        const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      90_000,
    );
    expect(out()).toContain(`open http://127.0.0.1:${port}/`);
    // While it runs, its folder holds the bot's embedded store.
    const [folder] = sandboxDirs(tmp);
    expect(sandboxDirs(tmp)).toHaveLength(1);
    expect(existsSync(join(tmp, folder ?? '', 'store', 'scheduler.sqlite'))).toBe(true);

    await ctrlC(child);
    const result = await exited(child);

    expect(out()).toContain('Stopping the sandbox');
    expect(result).toEqual({ code: 0, signal: null });
    expect(sandboxDirs(tmp)).toEqual([]);
    const gone = await fetch(`http://127.0.0.1:${port}/`).then(
      () => false,
      () => true,
    );
    expect(gone).toBe(true);
  }, 120_000);

  // The embedded SQLite store opens in a few milliseconds, so start-up may be over by the time the
  // signal lands: either way (130 while starting, 0 once up) the folder must be gone.
  it('Ctrl-C as soon as its store is being made also removes its folder', async () => {
    const tmp = await scratch();
    const { child, output } = startSandboxProcess(tmp, await freePort());
    await until(
      'the sandbox to start making its store',
      async () => {
        if (child.exitCode !== null) throw new Error(`the sandbox exited early (${child.exitCode}): ${output()}`);
        const [folder] = sandboxDirs(tmp);
        return folder !== undefined && existsSync(join(tmp, folder, 'store')) ? true : undefined;
      },
      90_000,
    );
    await ctrlC(child);
    const result = await exited(child);
    expect(result.signal).toBeNull();
    expect([0, 130]).toContain(result.code);
    expect(sandboxDirs(tmp)).toEqual([]);
  }, 120_000);

  it('a folder whose sandbox was killed outright (SIGKILL) is swept by the next start; a live one is kept', async () => {
    const tmp = await scratch();
    const dead = spawn(process.execPath, ['-e', '']);
    await exited(dead);
    const orphan = join(tmp, `${TEMP_PREFIX}orphan`);
    const mine = join(tmp, `${TEMP_PREFIX}live`);
    const unowned = join(tmp, `${TEMP_PREFIX}older`);
    for (const dir of [orphan, mine, unowned]) await mkdir(join(dir, 'store'), { recursive: true });
    await writeFile(join(orphan, 'owner.pid'), `${dead.pid}\n`);
    await writeFile(join(mine, 'owner.pid'), `${process.pid}\n`);

    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(sweepOrphanedTempDirs()).toEqual([orphan]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(sandboxDirs(tmp).sort()).toEqual([`${TEMP_PREFIX}live`, `${TEMP_PREFIX}older`]);
  });
});
