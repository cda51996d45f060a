import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type CustomRoute, type Receiver } from '@slack/bolt';
import { googleCalendar } from './adapters/google/calendar.js';
import { googleGmail } from './adapters/google/gmail.js';
import { DEFAULT_RETRY, type RetryPolicy } from './adapters/google/http.js';
import { scalekitGrants } from './adapters/scalekit/scalekit-grants.js';
import { boltLogger } from './adapters/slack/bolt-logger.js';
import type { ListenerDeps } from './adapters/slack/listener-deps.js';
import { registerListeners } from './adapters/slack/register.js';
import { memoryStore } from './adapters/store/memory-store.js';
import type { Config } from './config.js';
import type { Logger } from './flows/ports.js';
import { jsonLogger } from './log.js';

export interface BotOverrides {
  retry?: Partial<RetryPolicy>;
  /** Where log lines go; stderr by default. */
  writeLog?: (line: string) => void;
  now?: () => number;
}

export interface RunningBot {
  port: number;
  log: Logger;
  stop(): Promise<void>;
}

const BOLT_LEVEL = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/** The composition root: every adapter is built here and nowhere else. */
export async function startBot(config: Config, overrides: BotOverrides = {}): Promise<RunningBot> {
  const secrets = [config.slack.botToken, config.slack.signingSecret, config.slack.appToken, config.scalekit.clientSecret].filter(
    (s): s is string => s !== undefined,
  );
  const log = jsonLogger({ level: config.logLevel, secrets, ...(overrides.writeLog ? { write: overrides.writeLog } : {}) });
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...overrides.retry };
  const now = overrides.now ?? Date.now;
  const deps: ListenerDeps = {
    grants: scalekitGrants({ ...config.scalekit, connections: config.connections }),
    calendar: googleCalendar(config.google.calendarApiUrl, retry),
    gmail: googleGmail(config.google.gmailApiUrl, retry),
    store: memoryStore(now),
    now,
    newId: () => randomBytes(12).toString('hex'),
    log,
  };

  let ready = false;
  const routes: CustomRoute[] = [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: ready }));
      },
    },
  ];
  const logger = boltLogger(log, BOLT_LEVEL[config.logLevel]);
  const receiver: Receiver = config.slack.appToken
    ? new SocketModeReceiver({ appToken: config.slack.appToken, customRoutes: routes, installerOptions: { port: config.port }, logger })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret ?? '',
        endpoints: '/slack/events',
        customRoutes: routes,
        processBeforeResponse: false,
        logger,
      });
  const app = new App({ receiver, token: config.slack.botToken, logger, clientOptions: { slackApiUrl: config.slack.apiUrl } });
  app.error(async (error) => {
    log.error('unhandled error in a listener', { error: error.message, code: (error as { code?: string }).code });
  });
  registerListeners(app, deps);

  const started: unknown = await app.start(config.port);
  const port = config.slack.appToken ? config.port : ((started as Server).address() as AddressInfo).port;
  ready = true;
  log.info('bot started', { port, mode: config.slack.appToken ? 'socket' : 'http' });
  return {
    port,
    log,
    async stop() {
      ready = false;
      await app.stop();
    },
  };
}
