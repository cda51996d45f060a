import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../fakes/world/free-port.js';

function run(env: Record<string, string>, untilMs = 110_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), untilMs);
  return { child, exited: exited.finally(() => clearTimeout(timer)), stderr: () => stderr };
}

describe('npm start (src/main.ts)', () => {
  it('exits non-zero at once on bad configuration, naming each variable and never a value', async () => {
    const p = run({ SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token-value', SCALEKIT_ENV_URL: 'nope', PORT: '99999', SCALEKIT_CLIENT_SECRET: 'shh-secret-value' });
    expect(await p.exited).toBe(1);
    const err = p.stderr();
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SCALEKIT_ENV_URL', 'SCALEKIT_CLIENT_ID', 'PORT']) expect(err).toContain(name);
    expect(err).not.toContain('xoxp-not-a-bot-token-value');
    expect(err).not.toContain('shh-secret-value');
  });

  it('with no DATABASE_URL keeps its state embedded in DATA_DIR, answers /healthz once started, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'sched-data-'));
    const p = run({
      DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'slack-client-secret',
      SCALEKIT_ENV_URL: 'http://127.0.0.1:9',
      SCALEKIT_CLIENT_ID: 'id',
      SCALEKIT_CLIENT_SECRET: 'secret',
      PORT: String(port),
    });
    let status = 0;
    for (let i = 0; i < 900 && status !== 200 && p.child.exitCode === null; i++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status, p.stderr()).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.stderr()).toContain('"store":"embedded"');
    expect(existsSync(join(dataDir, 'scheduler.sqlite'))).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
