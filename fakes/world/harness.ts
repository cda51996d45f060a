import { startBot, type BotOverrides, type RunningBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { FakeGoogle } from '../google/index.js';
import { FakeScalekit } from '../scalekit/server.js';
import { TestBrowser } from '../slack/browser.js';
import { SlackClientSim } from '../slack/signed-client.js';
import { FakeSlack, type FakeSlackUser } from '../slack/web-api.js';
import { TokenRegistry } from '../token-registry.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { freePort } from './free-port.js';
import { findLeaks, LeakError } from './leak-check.js';

export const TEAM = 'T0TEAM';
export const SIGNING_SECRET = 'test-signing-secret-7c1f';
export const BOT_TOKEN = 'xoxb-test-bot-token-2a9d';

export const PEOPLE = {
  organizer: { id: 'U0ORG', name: 'olivia', realName: 'Olivia Organizer', email: 'olivia@acme.test', tz: 'America/New_York' },
  alice: { id: 'U0ALICE', name: 'alice', realName: 'Alice', email: 'alice@acme.test', tz: 'Europe/London' },
  bob: { id: 'U0BOB', name: 'bob', realName: 'Bob', email: 'bob@acme.test', tz: 'America/Chicago' },
  mallory: { id: 'U0MAL', name: 'mallory', realName: 'Mallory', email: 'mallory@acme.test', tz: 'America/New_York' },
  hidden: { id: 'U0HID', name: 'hidden', realName: 'Hidden Email', tz: 'America/New_York' },
  robot: { id: 'U0BOT', name: 'robot', realName: 'Robot', email: 'robot@acme.test', tz: 'UTC', isBot: true },
  gone: { id: 'U0GONE', name: 'gone', realName: 'Gone', email: 'gone@acme.test', tz: 'UTC', deleted: true },
} satisfies Record<string, FakeSlackUser>;

export const identifierOf = (userId: string) => `slack:${TEAM}:${userId}`;
export const mention = (u: FakeSlackUser) => `<@${u.id}|${u.name}>`;

export interface World {
  registry: TokenRegistry;
  scalekit: FakeScalekit;
  google: FakeGoogle;
  slack: FakeSlack;
  database: TestDatabase;
  /** The environment a bot on `port` is started with. */
  envFor(port: number): Record<string, string>;
  /** Marks a person's Calendar and Gmail grants ACTIVE, as if they had connected before. */
  connect(userId: string, which?: Array<'googlecalendar' | 'gmail'>): void;
  simFor(port: number): SlackClientSim;
  /** Adds a log source (an in-process bot's lines, a bot process's stderr) to the leak check. */
  capture(source: () => string): void;
  /**
   * A person's own browser (cookie jar). Its cookies (the bot's session among them) and the
   * sign-in codes it carried join the leak check.
   */
  browser(name: string): TestBrowser;
  /** Stops the fakes and drops the database; fails if a token or secret leaked (see leak-check.ts). */
  stop(): Promise<void>;
}

/** What a bot needs to talk to the three fakes: the rest (port, store) is each caller's. */
export function botEnv(fakes: { slack: FakeSlack; scalekit: FakeScalekit; google: FakeGoogle }): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fakes.slack.apiUrl,
    SLACK_URL: fakes.slack.url,
    SLACK_CLIENT_ID: fakes.slack.clientId,
    SLACK_CLIENT_SECRET: fakes.slack.clientSecret,
    SCALEKIT_ENV_URL: fakes.scalekit.url,
    SCALEKIT_CLIENT_ID: fakes.scalekit.clientId,
    SCALEKIT_CLIENT_SECRET: fakes.scalekit.clientSecret,
    GOOGLE_CALENDAR_API_URL: `${fakes.google.url}/calendar/v3`,
    GMAIL_API_URL: `${fakes.google.url}/gmail/v1`,
    LOG_LEVEL: 'debug',
  };
}

/** The three fakes on loopback and a fresh database: everything but the bot. */
export async function startWorld(): Promise<World> {
  const registry = new TokenRegistry();
  const users = Object.values(PEOPLE);
  for (const u of users) if ('email' in u) registry.linkIdentity(identifierOf(u.id), u.email);
  const [scalekit, google, slack, database] = await Promise.all([
    FakeScalekit.start({ registry }),
    FakeGoogle.start({ registry }),
    FakeSlack.start({ botToken: BOT_TOKEN, teamId: TEAM, users }),
    freshDatabase(),
  ]);
  for (const u of users) if ('email' in u) google.addCalendar(u.email);
  const sources: Array<() => string> = [];
  const browsers: TestBrowser[] = [];
  // Cookies and the OpenID codes that passed through each browser: none may reach a log.
  const browserSecrets = () => browsers.flatMap((b) => [...b.cookieValues(), ...b.history.flatMap((hop) => new URL(hop.url).searchParams.getAll('code'))]);
  const slackRecords = () => [
    // Sign in with Slack's own methods are where a code and a user token are meant to go.
    ...slack.calls.filter((c) => !c.method.startsWith('openid.connect.')).map((c) => JSON.stringify(c.args)),
    ...slack.responses.map((r) => JSON.stringify(r.body)),
    ...slack.rejectedResponses.map((r) => JSON.stringify(r)),
  ];
  return {
    registry,
    scalekit,
    google,
    slack,
    database,
    envFor: (port) => ({ ...botEnv({ slack, scalekit, google }), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: database.url }),
    connect(userId, which = ['googlecalendar', 'gmail']) {
      for (const c of which) scalekit.activate(c, identifierOf(userId));
    },
    simFor: (port) => new SlackClientSim({ botUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET, slack, teamId: TEAM }),
    capture: (source) => void sources.push(source),
    browser(name) {
      const b = new TestBrowser(name);
      browsers.push(b);
      return b;
    },
    async stop() {
      const secrets = [...registry.allMinted(), ...slack.mintedSecrets(), ...browserSecrets(), BOT_TOKEN, SIGNING_SECRET, scalekit.clientSecret, slack.clientSecret];
      const leaks = findLeaks(secrets, [...sources.map((s) => s()), ...slackRecords()]);
      await Promise.all([scalekit.stop(), google.stop(), slack.stop()]);
      await database.drop();
      if (leaks.length > 0) throw new LeakError(leaks);
    },
  };
}

export interface Harness extends World {
  /** The environment the bot was started with. */
  env: Record<string, string>;
  sim: SlackClientSim;
  bot: RunningBot;
  logs: string[];
}

/** The real bot in this process on a free port, wired to the world's fakes; `env` adds to or replaces its environment. */
export async function startHarness(overrides: BotOverrides = {}, extraEnv: Record<string, string> = {}): Promise<Harness> {
  const world = await startWorld();
  const logs: string[] = [];
  const port = await freePort();
  const env = { ...world.envFor(port), ...extraEnv };
  world.capture(() => logs.join('\n'));
  const bot = await startBot(loadConfig(env), {
    writeLog: (line) => logs.push(line),
    retry: { baseMs: 5, maxMs: 20, maxRetryAfterMs: 2_000 },
    ...overrides,
  });
  return {
    ...world,
    env,
    sim: world.simFor(bot.port),
    bot,
    logs,
    async stop() {
      await bot.stop();
      await world.stop();
    },
  };
}
