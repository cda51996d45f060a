import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { LogLevel } from '@slack/bolt';
import { googleCalendar } from './adapters/google/calendar.js';
import { googleGmail } from './adapters/google/gmail.js';
import { googleGmailInbox } from './adapters/google/gmail-inbox.js';
import { DEFAULT_RETRY, type RetryPolicy } from './adapters/google/http.js';
import { googleAccounts } from './adapters/google/account-address.js';
import { authVerifyRoute } from './adapters/http/auth-verify.js';
import { CONNECT_START_PATH, connectLinks } from './adapters/http/connect-links.js';
import { connectStartRoute, type BrowserRouteDeps } from './adapters/http/connect-start.js';
import { readiness, warnOnFailingChecks } from './adapters/http/readiness.js';
import { httpRoutes } from './adapters/http/routes.js';
import { SERVER_TIMEOUTS } from './adapters/http/slack-body-guard.js';
import { sessionCookies } from './adapters/http/session-cookie.js';
import { slackCallbackRoute } from './adapters/http/signin-callback.js';
import { SLACK_CALLBACK_PATH, slackSignIn } from './adapters/http/slack-signin.js';
import { scalekitGrants } from './adapters/scalekit/scalekit-grants.js';
import { scalekitCheck } from './adapters/scalekit/scalekit-probe.js';
import { boltLogger } from './adapters/slack/bolt-logger.js';
import { buildSlackApp } from './adapters/slack/build-app.js';
import { slackCheck } from './adapters/slack/slack-probe.js';
import { laterDeliverer } from './adapters/slack/deliver.js';
import { slackDirectory } from './adapters/slack/directory.js';
import type { SlackDeps } from './adapters/slack/deps.js';
import { onceEvents } from './adapters/slack/once-events.js';
import { registerListeners } from './adapters/slack/register.js';
import { resumePending, type ResumeDeps } from './adapters/slack/resume.js';
import { openStore } from './adapters/store/open-store.js';
import { storeCheck } from './adapters/store/store-probe.js';
import type { Config } from './config.js';
import { hmacCursorSeal } from './core/inbox/cursor.js';
import { purposeKey } from './core/signed-token.js';
import type { Logger } from './flows/ports/index.js';
import { startBackgroundJobs } from './background-jobs.js';
import { collectionGate, fullCollection, idleCollector } from './idle-gc.js';
import { Inflight } from './inflight.js';
import { jsonLogger, redact } from './log.js';
import { shutDown } from './shutdown.js';

export interface BotOverrides {
  retry?: Partial<RetryPolicy>;
  /** Where log lines go; stderr by default. */
  writeLog?: (line: string) => void;
  now?: () => number;
  /** How long shutdown waits for work in flight. */
  drainMs?: number;
  /** In place of `--expose-gc`'s full collection and V8's heap size, for tests. */
  idleCollection?: { collect: () => void; heapSize: () => number };
}

export interface RunningBot {
  port: number;
  log: Logger;
  /** Stops taking requests, lets work in flight finish, then closes the store: each step bounded. */
  stop(): Promise<void>;
}

/** Each readiness check's bound, and how long its report is reused (a storm of probes costs one round). */
const CHECK_TIMEOUT_MS = 3_000;
const READINESS_CACHE_MS = 5_000;
/** Quiet this long (no request, no work running) before the heap a burst grew is collected. */
const IDLE_COLLECT_MS = 200;
/** …and once this many requests have come since the last collection, or V8's heap grew this much (10 commands add 3–8 MB). */
const IDLE_COLLECT_WHEN = { minRequests: 100, minGrowthBytes: 16 * 1024 * 1024 };

const BOLT_LEVEL = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/** Every secret the configuration holds: never written anywhere. */
function secretsOf(config: Config): string[] {
  return [
    config.slack.botToken,
    config.slack.signingSecret,
    config.slack.appToken,
    config.slack.clientSecret,
    config.slack.oauth?.stateSecret,
    config.scalekit.clientSecret,
    config.authStateSecret,
    config.sessionSecret,
  ].filter((s): s is string => s !== undefined);
}

/** The process's logger: JSON lines, with every secret the configuration holds redacted. */
export function loggerFor(config: Config, write?: (line: string) => void): Logger {
  return jsonLogger({ level: config.logLevel, secrets: secretsOf(config), ...(write ? { write } : {}) });
}

/** The composition root: every adapter is built here and nowhere else. */
export async function startBot(config: Config, overrides: BotOverrides = {}): Promise<RunningBot> {
  const log = loggerFor(config, overrides.writeLog);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...overrides.retry };
  const now = overrides.now ?? Date.now;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, now, pool: config.databasePool, log });
  // With `--expose-gc` (npm start), the heap a burst grew is collected once the bot is quiet.
  const full = overrides.idleCollection?.collect ?? fullCollection();
  const heapSize = overrides.idleCollection?.heapSize ?? (() => getHeapStatistics().total_heap_size);
  const gate = full ? collectionGate({ ...IDLE_COLLECT_WHEN, heapSize, collect: full }) : undefined;
  const idle = gate ? idleCollector({ quietMs: IDLE_COLLECT_MS, busy: () => inflight.size > 0, collect: gate.collect }) : undefined;
  const inflight = new Inflight({ onActivity: () => idle?.activity() });
  const scalekit = scalekitGrants({
    ...config.scalekit,
    connections: config.connections,
    userVerifyUrl: `${config.publicUrl}/auth/verify`,
    stateSecret: config.authStateSecret,
    now,
  });
  // Each signed value has a key of its own, derived from the configured secrets.
  const linkKey = purposeKey(config.authStateSecret, 'connect-link');
  const links = connectLinks({ publicUrl: config.publicUrl, key: linkKey, now });
  const deps: SlackDeps = {
    // Connect buttons carry the bot's own link; Scalekit's is made only for the signed-in owner.
    grants: { ...scalekit, link: async (user, connector, resumeId) => links.url(user, connector, resumeId) },
    calendar: googleCalendar(config.google.calendarApiUrl, retry),
    gmail: googleGmail(config.google.gmailApiUrl, retry),
    mailbox: googleGmailInbox(config.google.gmailApiUrl, retry),
    // Show more values are signed, not stored, so any instance can serve the next page.
    inboxCursors: hmacCursorSeal(config.authStateSecret),
    store,
    now,
    newId: () => randomBytes(12).toString('hex'),
    log,
    bookingLeaseMs: config.bookingLeaseMs,
    inflight,
  };
  const resume: ResumeDeps = { deps, clientFor: (u) => slack.clientFor(u), deliverLater: laterDeliverer({ clientFor: (u) => slack.clientFor(u), now, log }) };

  let ready = false;
  const sessions = sessionCookies({ key: purposeKey(config.sessionSecret, 'session'), secure: config.publicUrl.startsWith('https:'), now });
  const signIn = slackSignIn({
    slackUrl: config.slack.url,
    apiUrl: config.slack.apiUrl,
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    publicUrl: config.publicUrl,
    stateKey: purposeKey(config.sessionSecret, 'signin-state'),
    once: (key, expiresAt) => store.firstTime(key, expiresAt),
    now,
  });
  const browser: BrowserRouteDeps = {
    ...deps,
    stateSecret: config.authStateSecret,
    linkKey,
    directoryFor: async (user) => slackDirectory(await slack.clientFor(user)),
    accounts: googleAccounts(config.google, retry),
    requireMatchingGoogleEmail: config.requireMatchingGoogleEmail,
    sessions,
    signIn,
  };
  const verify = authVerifyRoute({ ...browser, resume: (p) => inflight.track(resumePending(resume, p)) });
  const pages = [
    { path: CONNECT_START_PATH, handle: connectStartRoute(browser) },
    { path: SLACK_CALLBACK_PATH, handle: slackCallbackRoute({ signIn, sessions, log }) },
  ];
  const logger = boltLogger(log, BOLT_LEVEL[config.logLevel]);
  const checks = readiness(
    [
      storeCheck(store.db, config.databaseUrl !== undefined),
      slackCheck({ apiUrl: config.slack.apiUrl, botToken: config.slack.botToken, logger, timeoutMs: CHECK_TIMEOUT_MS }),
      scalekitCheck({ ...config.scalekit, timeoutMs: CHECK_TIMEOUT_MS }),
    ],
    { timeoutMs: CHECK_TIMEOUT_MS, cacheMs: READINESS_CACHE_MS, scrub: (text) => redact(text, secretsOf(config)) },
  );
  const routes = httpRoutes({ isReady: () => ready, readiness: checks, verify, pages, inflight, log });
  const slack = buildSlackApp(config, routes, logger, store.db, log, () => {
    inflight.arrived();
    gate?.arrived();
  });
  const app = slack.app;
  app.error(async (error) => {
    log.error('unhandled error in a listener', { error: error.message, code: (error as { code?: string }).code });
  });
  app.use(onceEvents(store, now, log));
  registerListeners(app, deps);

  const jobs = startBackgroundJobs(resume, store, config.bookingLeaseMs);
  // Not awaited: a Scalekit that is down must not hold up the start; /readyz and its start-up
  // warning name the variables, so this only notes it.
  void scalekit.warmUp().catch((e: unknown) => log.debug('Scalekit warm-up failed', { error: e instanceof Error ? e.message : String(e) }));
  let started: unknown;
  try {
    started = config.slack.appToken ? await app.start(config.port) : await app.start(config.port, SERVER_TIMEOUTS);
  } catch (e) {
    jobs.stop();
    await store.close();
    throw e;
  }
  const server = config.slack.appToken ? undefined : (started as Server);
  const port = server ? (server.address() as AddressInfo).port : config.port;
  ready = true;
  void inflight.track(warnOnFailingChecks(checks, log)).catch((e: unknown) => log.warn('could not run the start-up checks', { error: String(e) }));
  log.info('bot started', { port, mode: config.slack.appToken ? 'socket' : 'http', store: config.databaseUrl ? 'postgres' : 'embedded' });
  return {
    port,
    log,
    async stop() {
      ready = false;
      jobs.stop();
      idle?.stop();
      await shutDown({ stopHttp: () => app.stop(), server, inflight, closeStore: () => store.close(), drainMs: overrides.drainMs ?? 15_000, log });
    },
  };
}
