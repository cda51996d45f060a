import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The sandbox's scratch folders in os.tmpdir() (the bot’s embedded store lives in one).
 * Each holds `owner.pid`, the process that made it. They go on stop, synchronously on exit as a last
 * resort, and a folder whose owner died without either (SIGKILL) is swept by the next start.
 */

export const TEMP_PREFIX = 'scheduler-sandbox-';
const OWNER_FILE = 'owner.pid';
const made = new Set<string>();

export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
  made.add(dir);
  await writeFile(join(dir, OWNER_FILE), `${process.pid}\n`);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  made.delete(dir);
}

/** For `process.on('exit')`: no promises run there any more. */
export function removeTempDirsSync(): void {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      made.delete(dir);
    } catch {
      // Nothing more can be done while exiting; the next start sweeps it.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes sandbox folders whose owner process is gone. Folders without an owner file (made by an
 * older sandbox, perhaps still running) are left alone. Returns what it removed.
 */
export function sweepOrphanedTempDirs(): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      const pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      removed.push(dir);
    } catch {
      // No owner file, or someone else's folder we may not touch: leave it.
    }
  }
  return removed;
}
