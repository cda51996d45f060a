import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The compiled entry points the bench starts as processes. */
export interface Builds {
  /** dist/main.js: what `npm start` runs (its prestart is this same build). */
  bot: string;
  /** The node flags `npm start` runs it with (package.json's start script). */
  botFlags: string[];
  /** dist/bench/bare-bolt-app.js. */
  bare: string;
  /** dist/bench/floor-app.js. */
  floor: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run build`, and the bare and floor apps the same way, so the bench never measures a stale dist/. */
export async function build(): Promise<Builds> {
  // The package exports no bin path; its package.json says where the bin is.
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const run = promisify(execFile);
  for (const project of ['tsconfig.build.json', 'bench/tsconfig.bare.json']) {
    await run(process.execPath, [tsc, '-p', project], { cwd: ROOT }).catch((e: unknown) => {
      const out = typeof e === 'object' && e !== null && 'stdout' in e ? String(e.stdout) : '';
      throw new Error(`tsc -p ${project} failed:\n${out || String(e)}`);
    });
  }
  return { bot: join(ROOT, 'dist', 'main.js'), botFlags: await startFlags(), bare: join(ROOT, 'dist', 'bench', 'bare-bolt-app.js'), floor: join(ROOT, 'dist', 'bench', 'floor-app.js') };
}

/** The flags between `node` and `dist/main.js` in package.json's start script, so the bench runs what `npm start` runs. */
export async function startFlags(): Promise<string[]> {
  const pkg: unknown = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const start = typeof pkg === 'object' && pkg !== null && 'scripts' in pkg ? (pkg.scripts as Record<string, unknown>).start : undefined;
  const m = typeof start === 'string' ? /^node\s+(.*?)\s*dist\/main\.js$/.exec(start) : null;
  if (!m) throw new Error(`package.json's start script is not "node [flags] dist/main.js": ${String(start)}`);
  return (m[1] ?? '').split(/\s+/).filter((f) => f !== '');
}
