import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/**
 * A miniature of the project: every file is clean except the ones named `bad-*` or in a cycle.
 * Imports use `.js` suffixes as under nodenext, so a `.js`-to-`.ts` mis-resolution would surface as `not-to-unresolvable`.
 */
const files: Record<string, string> = {
  'src/core/ids.ts': `import { createHash } from 'node:crypto';\nimport { z } from 'zod';\nexport const id = (s: string) => z.string().parse(createHash('sha256').update(s).digest('hex'));\n`,
  'src/core/blocks.ts': `import type { KnownBlock } from '@slack/types';\nimport { id } from './ids.js';\nexport const block = (): KnownBlock => ({ type: 'divider', block_id: id('x') });\n`,
  'src/core/bad-reads-file.ts': `import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('x');\n`,
  'src/core/bad-uses-db.ts': `import pg from 'pg';\nexport const db = pg;\n`,
  'src/core/bad-uses-bolt.ts': `import type { App } from '@slack/bolt';\nexport type A = App;\n`,
  'src/core/bad-uses-flow.ts': `import { flow } from '../flows/flow.js';\nexport const f = flow;\n`,
  'src/flows/flow.ts': `import { id } from '../core/ids.js';\nexport const flow = () => id('f');\n`,
  'src/flows/bad-uses-adapter.ts': `import { adapter } from '../adapters/slack/adapter.js';\nexport const f = adapter;\n`,
  'src/adapters/slack/adapter.ts': `import { flow } from '../../flows/flow.js';\nexport const adapter = flow;\n`,
  'src/config.ts': `export const config = {};\n`,
  'src/bot.ts': `import { adapter } from './adapters/slack/adapter.js';\nimport { config } from './config.js';\nexport const bot = [adapter, config];\n`,
  'src/cycle-a.ts': `import { b } from './cycle-b.js';\nexport const a = () => b;\n`,
  'src/cycle-b.ts': `import { a } from './cycle-a.js';\nexport const b = () => a;\n`,
  'src/bad-missing.ts': `import { gone } from './no-such-file.js';\nexport const m = gone;\n`,
  'fakes/timing.ts': `export const t = 1;\n`,
  'fakes/slack/server.ts': `import { t } from '../timing.js';\nexport const s = t;\n`,
  'fakes/slack/bad-uses-src.ts': `import { id } from '../../src/core/ids.js';\nexport const s = id;\n`,
  'fakes/world/harness.ts': `import { bot } from '../../src/bot.js';\nimport { config } from '../../src/config.js';\nimport { s } from '../slack/server.js';\nexport const h = [bot, config, s];\n`,
  'fakes/world/bad-reaches-in.ts': `import { flow } from '../../src/flows/flow.js';\nexport const w = flow;\n`,
  'test/helper.ts': `import { h } from '../fakes/world/harness.js';\nexport const helper = h;\n`,
  'bench/run.ts': `import { bot } from '../src/bot.js';\nimport { s } from '../fakes/slack/server.js';\nexport const r = [bot, s];\n`,
  'bench/bad-uses-test.ts': `import { helper } from '../test/helper.js';\nexport const r = helper;\n`,
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await copyFile(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function cruise(): Promise<Violation[]> {
  const args = [depcruise, 'src', 'fakes', 'test', 'bench', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'];
  return new Promise((done, fail) => {
    // Exits non-zero when it finds violations, which is what this fixture is for: read the report either way.
    execFile(process.execPath, args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        done((JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations);
      } catch {
        fail(new Error(`dependency-cruiser gave no report: ${error?.message ?? ''}\n${stderr}`));
      }
    });
  });
}

/** node_modules is a symlink here, so package paths may come back relative to wherever it really lives. */
const shorten = (path: string) => path.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');

describe('.dependency-cruiser.cjs', () => {
  it('reports exactly the forbidden imports of a miniature project', async () => {
    const found = (await cruise()).map((v) => `${v.rule.name}: ${v.from} -> ${shorten(v.to)}`).sort();
    expect(found).toEqual(
      [
        'core-is-pure: src/core/bad-reads-file.ts -> fs',
        'core-is-pure: src/core/bad-uses-db.ts -> pg',
        'core-is-pure: src/core/bad-uses-bolt.ts -> @slack/bolt',
        'core-imports-only-core: src/core/bad-uses-flow.ts -> src/flows/flow.ts',
        'flows-use-ports-not-adapters: src/flows/bad-uses-adapter.ts -> src/adapters/slack/adapter.ts',
        'fakes-are-standalone: fakes/slack/bad-uses-src.ts -> src/core/ids.ts',
        'fakes-world-starts-the-bot-only: fakes/world/bad-reaches-in.ts -> src/flows/flow.ts',
        'only-test-imports-test: bench/bad-uses-test.ts -> test/helper.ts',
        'no-circular: src/cycle-a.ts -> src/cycle-b.ts',
        'not-to-unresolvable: src/bad-missing.ts -> ./no-such-file.js',
      ].sort(),
    );
  });
});
