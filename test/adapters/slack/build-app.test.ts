import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.js';
import { buildSlackApp } from '../../../src/adapters/slack/build-app.js';
import type { SqlDb } from '../../../src/adapters/store/sql.js';
import { loadConfig } from '../../../src/config.js';
import type { Logger } from '../../../src/flows/ports/index.js';
import { MINIMAL_ENV } from '../../support/config-env.js';

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const config = loadConfig({ ...MINIMAL_ENV, PORT: '0' });

let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('the HTTP receiver', () => {
  it('tells the scheduler of every POST before Bolt reads it, and of nothing else', async () => {
    let arrivals = 0;
    const { app } = buildSlackApp(
      config,
      [{ path: '/ping', method: ['GET'], handler: (_q, s) => void s.end('pong') }],
      boltLogger(quiet, LogLevel.ERROR),
      {} as SqlDb,
      quiet,
      () => arrivals++,
    );
    const server = (await app.start(0)) as Server;
    stop = () => app.stop();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Unsigned: Bolt refuses it, but it arrived all the same.
    const posted = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(401);
    expect(arrivals).toBe(1);
    expect(await (await fetch(`${base}/ping`)).text()).toBe('pong');
    expect(arrivals).toBe(1);
  });
});
