import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The compiled entry points the bench starts as processes. */
export interface Builds {
  /** dist/main.js: what `npm start` runs (its prestart is this same build). */
  bot: string;
  /** dist/bench/bare-bolt-app.js. */
  bare: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run build`, and the bare app the same way, so the bench never measures a stale dist/. */
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
  return { bot: join(ROOT, 'dist', 'main.js'), bare: join(ROOT, 'dist', 'bench', 'bare-bolt-app.js') };
}
