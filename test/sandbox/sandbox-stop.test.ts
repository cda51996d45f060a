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
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

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

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('stopping the sandbox', () => {
  it('Ctrl-C (SIGINT to the whole process group, as a terminal sends it, delivered twice) stops it, exit 0, and its temp folder is gone', async () => {
    const tmp = await scratch();
    const port = await freePort();
    // What `npx tsx sandbox/main.ts` runs, without npm's wrapper (npm itself exits 130 on Ctrl-C).
    // Its own process group, so the signal reaches tsx and the sandbox together, like Ctrl-C.
    const child = spawn(process.execPath, [TSX, 'sandbox/main.ts'], {
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

    await until(
      'the sandbox to answer on its port',
      async () => {
        if (child.exitCode !== null) throw new Error(`the sandbox exited early (${child.exitCode}): ${output}`);
        const res = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      90_000,
    );
    expect(output).toContain(`open http://127.0.0.1:${port}/`);
    // While it runs, its folder holds the bot's embedded store.
    const [folder] = sandboxDirs(tmp);
    expect(sandboxDirs(tmp)).toHaveLength(1);
    expect(existsSync(join(tmp, folder ?? '', 'store', 'PG_VERSION'))).toBe(true);

    // Under `npm run sandbox` one Ctrl-C arrives more than once (npm and tsx pass it on): send it twice.
    process.kill(-(child.pid ?? 0), 'SIGINT');
    await new Promise((r) => setTimeout(r, 50));
    process.kill(-(child.pid ?? 0), 'SIGINT');
    const result = await exited(child);

    expect(output).toContain('Stopping the sandbox');
    expect(result).toEqual({ code: 0, signal: null });
    expect(sandboxDirs(tmp)).toEqual([]);
    const gone = await fetch(`http://127.0.0.1:${port}/`).then(
      () => false,
      () => true,
    );
    expect(gone).toBe(true);
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
