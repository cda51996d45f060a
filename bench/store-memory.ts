import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ChildResult } from './store-memory-child.js';

/**
 * The embedded store's memory and speed, SQLite (the bot's) side by side with PGlite (what it had):
 *
 *   npx tsx bench/store-memory.ts [--runs 3] [--ops 2000] [--pglite /tmp/pglite-probe]
 *
 * Each candidate is a compiled child process of its own (bench/store-memory-child.ts, no loader): it opens the
 * store, runs the migrations and `--ops` store operations (put, update, firstTime in turn), and reports its own
 * RSS and peak RSS (VmHWM). "existing" reopens the directory the "fresh" run of the same store left. PGlite is not
 * a dependency of the project: it is installed once, outside it, under `--pglite` (`npm install --prefix`).
 * The baseline is Node with the store's code loaded and no database. Prints a Markdown table; writes nothing else.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(ROOT, 'dist', 'store-memory', 'bench', 'store-memory-child.js');
const run = promisify(execFile);

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function compile(): Promise<void> {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'bench/tsconfig.store-memory.json'], { cwd: ROOT });
}

/** PGlite's ESM entry in `probe`, installed there first if missing. */
async function pgliteEntry(probe: string): Promise<string> {
  const pkgDir = join(probe, 'node_modules', '@electric-sql', 'pglite');
  if (!existsSync(join(pkgDir, 'package.json'))) {
    process.stderr.write(`installing @electric-sql/pglite@0.5 under ${probe} (outside the project)\n`);
    await run('npm', ['install', '--prefix', probe, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '@electric-sql/pglite@0.5']);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; exports: { '.': { import: { default: string } } } };
  process.stderr.write(`PGlite ${pkg.version}\n`);
  return join(pkgDir, pkg.exports['.'].import.default);
}

function child(kind: string, dataDir: string, ops: number, entry: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CHILD, kind, dataDir, String(ops), entry], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`${kind} child exited ${code}: ${err || out}`));
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const runs = Number(option('runs', '1'));
  const ops = Number(option('ops', '2000'));
  await compile();
  const entry = await pgliteEntry(option('pglite', join(tmpdir(), 'pglite-probe')));
  const rows: Array<{ name: string; results: ChildResult[] }> = [
    { name: 'baseline: Node + the store’s code, no database', results: [] },
    { name: 'PGlite, fresh data dir', results: [] },
    { name: 'PGlite, existing data dir', results: [] },
    { name: 'SQLite, fresh data dir', results: [] },
    { name: 'SQLite, existing data dir', results: [] },
  ];
  const push = (name: string, r: ChildResult) => rows.find((x) => x.name.startsWith(name))?.results.push(r);
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`run ${i + 1} of ${runs}\n`);
    push('baseline', await child('none', '', ops, entry));
    for (const [kind, name] of [
      ['pglite', 'PGlite'],
      ['sqlite', 'SQLite'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), `store-memory-${kind}-`));
      try {
        push(`${name}, fresh`, await child(kind, dir, ops, entry));
        push(`${name}, existing`, await child(kind, dir, ops, entry));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const f = (x: number, digits = 0) => x.toFixed(digits);
  console.log(`Node ${process.version}, ${ops} store operations one after another (put, update, firstTime in turn), median of ${runs} run${runs === 1 ? '' : 's'}\n`);
  console.log('| store | open + migrate | ms per operation | RSS once open | RSS after | peak RSS (VmHWM) |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, results: rs } of rows) {
    const m = (k: keyof ChildResult) => median(rs.map((r) => r[k]));
    const none = name.startsWith('baseline');
    console.log(`| ${name} | ${none ? '–' : `${f(m('openMs'))} ms`} | ${none ? '–' : f(m('opMs'), 3)} | ${f(m('rssOpenMb'))} MB | ${f(m('rssMb'))} MB | ${f(m('peakMb'))} MB |`);
  }
}

await main();
