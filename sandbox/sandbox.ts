import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { FakeGoogle } from '../fakes/google/index.js';
import { FakeScalekit } from '../fakes/scalekit/server.js';
import { SlackClientSim } from '../fakes/slack/signed-client.js';
import { FakeSlack } from '../fakes/slack/web-api.js';
import { TokenRegistry } from '../fakes/token-registry.js';
import { consentPage } from './consent-page.js';
import { Changes, sandboxServer } from './server.js';
import { SlackActions } from './slack-actions.js';
import { BOT_USER, GENERAL, TEAM_ID, TEAMMATES, seedGoogle } from './team.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import { Timeline } from './timeline.js';
import { fingerprint, type World } from './view-state.js';

export interface SandboxOptions {
  /** Port of the page; 0 picks a free one. */
  port: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where the bot's log lines go; stderr by default. */
  writeLog?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  /** The Slack fake's Web API and the bot's token: a test can post as the bot does. */
  slackApi: { url: string; botToken: string };
  stop(): Promise<void>;
}

const identifierOf = (userId: string): string => `slack:${TEAM_ID}:${userId}`;

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** The bot's PUBLIC_URL (the Scalekit user-verify return) must name its port before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe, 0);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The real bot wired to the test fakes, a seeded team, and a Slack-like page in front of it all. */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const registry = new TokenRegistry();
    for (const p of TEAMMATES) registry.linkIdentity(identifierOf(p.id), p.email);
    const botToken = `xoxb-sandbox-${randomBytes(8).toString('hex')}`;
    const signingSecret = randomBytes(16).toString('hex');
    // The consent screen's stylesheet and script come from the page's own server, once it listens.
    let pageUrl = '';
    const scalekit = await FakeScalekit.start({ registry, consentPage: (link) => consentPage(link, { identifierOf, assetsBase: pageUrl }) });
    stops.push(() => scalekit.stop());
    const google = await FakeGoogle.start({ registry });
    stops.push(() => google.stop());
    const slack = await FakeSlack.start({ botToken, teamId: TEAM_ID, users: [...TEAMMATES, BOT_USER], botUserId: BOT_USER.id });
    stops.push(() => slack.stop());

    const busy = seedGoogle(google, DateTime.now());
    for (const p of TEAMMATES.filter((t) => t.connected)) {
      for (const connector of ['googlecalendar', 'gmail']) scalekit.activate(connector, identifierOf(p.id));
    }

    // The bot's embedded store lives in a fresh directory: every sandbox starts from nothing.
    const tempDir = await makeTempDir();
    stops.push(() => removeTempDir(tempDir));
    const dataDir = join(tempDir, 'store');
    const botPort = await freePort();
    const config = loadConfig({
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_URL: slack.apiUrl,
      SLACK_URL: slack.url,
      SLACK_CLIENT_ID: slack.clientId,
      SLACK_CLIENT_SECRET: slack.clientSecret,
      PORT: String(botPort),
      PUBLIC_URL: `http://127.0.0.1:${botPort}`,
      SCALEKIT_ENV_URL: scalekit.url,
      SCALEKIT_CLIENT_ID: scalekit.clientId,
      SCALEKIT_CLIENT_SECRET: scalekit.clientSecret,
      GOOGLE_CALENDAR_API_URL: `${google.url}/calendar/v3`,
      GMAIL_API_URL: `${google.url}/gmail/v1`,
      DATA_DIR: dataDir,
      LOG_LEVEL: opts.logLevel ?? 'warn',
    });
    const bot = await startBot(config, opts.writeLog ? { writeLog: opts.writeLog } : {});
    stops.push(() => bot.stop());

    const sim = new SlackClientSim({ botUrl: `http://127.0.0.1:${bot.port}`, signingSecret, slack, teamId: TEAM_ID, defaultChannel: GENERAL });
    const timeline = new Timeline(BOT_USER.id, (userId) => slack.dmChannelOf(userId));
    const world: World = { slack, scalekit, google, timeline, busy, identifierOf, botUrl: `http://127.0.0.1:${bot.port}` };
    const changes = new Changes();
    const actions = new SlackActions({ slack, sim, timeline, generalId: GENERAL.id });

    // The fakes have no change notifications; a short poll is simple and quick enough for a person.
    let last = fingerprint(world);
    const ticker = setInterval(() => {
      timeline.ingest(slack.log);
      const now = fingerprint(world);
      if (now !== last) {
        last = now;
        changes.bump();
      }
    }, 100);
    stops.push(async () => clearInterval(ticker));

    const server = sandboxServer({ world, actions, changes });
    const port = await listen(server, opts.port);
    pageUrl = `http://127.0.0.1:${port}`;
    stops.push(async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    });
    return { url: `http://127.0.0.1:${port}/`, slackApi: { url: slack.apiUrl, botToken }, stop: stopAll };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
