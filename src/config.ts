import { createHmac } from 'node:crypto';
import { z } from 'zod';

const url = (what: string) => z.url({ message: `expected ${what} (an http:// or https:// URL)`, protocol: /^https?$/ });

const trailingSlashless = (s: string) => s.replace(/\/+$/, '');

const millis = (least: number, fallback: number) =>
  z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int({ message: 'expected a whole number of milliseconds' })
    .min(least, { message: `expected at least ${least} ms` })
    .default(fallback);

const EnvSchema = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, { message: 'expected a bot token starting with xoxb-' })
    .optional(),
  SLACK_CLIENT_ID: z.string({ message: "the Slack app's client id (Basic Information → App Credentials), for Sign in with Slack" }).min(1, "required: the Slack app's client id"),
  SLACK_CLIENT_SECRET: z.string({ message: "the Slack app's client secret (Basic Information → App Credentials), for Sign in with Slack" }).min(1, "required: the Slack app's client secret"),
  SLACK_STATE_SECRET: z.string().min(16, { message: 'expected at least 16 characters of random text' }).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, { message: 'expected an app-level token starting with xapp-' })
    .optional(),
  SLACK_API_URL: url('the Slack Web API base URL').default('https://slack.com/api/'),
  SLACK_URL: url("Slack's own base URL (browser pages, OpenID keys)").default('https://slack.com').transform(trailingSlashless),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a whole port number' })
    .min(0, { message: 'expected a port from 0 to 65535' })
    .max(65535, { message: 'expected a port from 0 to 65535' })
    .default(3000),
  PUBLIC_URL: url('the public base URL of the bot').optional(),
  SCALEKIT_ENV_URL: url('the Scalekit environment URL'),
  SCALEKIT_CLIENT_ID: z.string({ message: 'the Scalekit client id' }).min(1, 'required: the Scalekit client id'),
  SCALEKIT_CLIENT_SECRET: z.string({ message: 'the Scalekit client secret' }).min(1, 'required: the Scalekit client secret'),
  SCALEKIT_CALENDAR_CONNECTION: z.string().min(1).default('googlecalendar'),
  SCALEKIT_GMAIL_CONNECTION: z.string().min(1).default('gmail'),
  GOOGLE_CALENDAR_API_URL: url('the Google Calendar REST base URL').default('https://www.googleapis.com/calendar/v3').transform(trailingSlashless),
  GMAIL_API_URL: url('the Gmail REST base URL').default('https://gmail.googleapis.com/gmail/v1').transform(trailingSlashless),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// URL' })
    .optional(),
  DATABASE_POOL_MAX: z.coerce
    .number({ message: 'expected a number of connections' })
    .int({ message: 'expected a whole number of connections' })
    .min(1, { message: 'expected at least 1 connection' })
    .max(100, { message: 'expected at most 100 connections' })
    .default(10),
  DATABASE_CONNECT_TIMEOUT_MS: millis(100, 5_000),
  DATABASE_QUERY_TIMEOUT_MS: millis(100, 10_000),
  DATABASE_IDLE_TIMEOUT_MS: millis(100, 10_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(100, 30_000),
  DATA_DIR: z.string().min(1).default('./data'),
  AUTH_STATE_SECRET: z.string().min(32, { message: 'expected at least 32 characters of random text' }).optional(),
  SESSION_SECRET: z.string().min(32, { message: 'expected at least 32 characters of random text' }).optional(),
  REQUIRE_MATCHING_GOOGLE_EMAIL: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  BOOKING_LEASE_MS: z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int({ message: 'expected a whole number of milliseconds' })
    .min(500, { message: 'expected at least 500 ms' })
    .default(60_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** Every variable the bot reads; .env.example lists the same. */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export interface Config {
  slack: {
    signingSecret: string | undefined;
    /** A single workspace's bot token; absent when `oauth` installs the app in several. */
    botToken: string | undefined;
    oauth: { clientId: string; clientSecret: string; stateSecret: string } | undefined;
    appToken: string | undefined;
    apiUrl: string;
    /** Slack's own origin and pages: `/openid/connect/authorize`, `/openid/connect/keys`. */
    url: string;
    /** The app's credentials, for Sign in with Slack (and for installs in several workspaces). */
    clientId: string;
    clientSecret: string;
  };
  port: number;
  publicUrl: string;
  scalekit: { envUrl: string; clientId: string; clientSecret: string };
  connections: { calendar: string; gmail: string };
  google: { calendarApiUrl: string; gmailApiUrl: string };
  databaseUrl: string | undefined;
  databasePool: PoolSettings;
  dataDir: string;
  /** Signs the state carried through Google's consent screen and back to /auth/verify. */
  authStateSecret: string;
  /** Signs the bot's own session cookie (who signed in with Slack) and the sign-in state. */
  sessionSecret: string;
  /** After connecting, a Google account whose address is not the Slack profile's is disconnected again. */
  requireMatchingGoogleEmail: boolean;
  bookingLeaseMs: number;
  logLevel: Env['LOG_LEVEL'];
}

/** How the bot treats a PostgreSQL server that is slow or gone: every wait is bounded. */
export interface PoolSettings {
  max: number;
  /** To open a connection, or to wait for a free one. */
  connectTimeoutMs: number;
  /** The server cancels a statement after this; the bot stops waiting for any answer a little later. */
  queryTimeoutMs: number;
  /** An unused connection is closed after this. */
  idleTimeoutMs: number;
  /** The server ends a session left inside a transaction this long, releasing its row locks. */
  idleInTransactionTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads only the variables it knows, and never puts a value into an error message. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const parsed = EnvSchema.safeParse(present);
  // Checked apart from the schema so that they are reported together with the schema's issues.
  // SLACK_STATE_SECRET decides: set, the app is installed in several workspaces (Slack OAuth, with
  // the client id and secret every set-up needs for Sign in with Slack); unset, one bot token.
  const several = present.SLACK_STATE_SECRET !== undefined;
  const crossChecks = [
    ...(!present.SLACK_APP_TOKEN && !present.SLACK_SIGNING_SECRET ? ['SLACK_SIGNING_SECRET: required in HTTP mode (when SLACK_APP_TOKEN is not set): the Slack app signing secret'] : []),
    ...(!several && !present.SLACK_BOT_TOKEN ? ['SLACK_BOT_TOKEN: required: the bot token (xoxb-…), unless SLACK_STATE_SECRET sets up installs in several workspaces'] : []),
    ...(several && present.SLACK_BOT_TOKEN ? ['SLACK_BOT_TOKEN: set either a single bot token or SLACK_STATE_SECRET (installs in several workspaces), not both'] : []),
  ];
  if (!parsed.success || crossChecks.length > 0) {
    const problems = (parsed.error?.issues ?? []).map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const message = issue.code === 'invalid_type' && present[name] === undefined ? `required: ${issue.message}` : issue.message;
      return `${name}: ${message}`;
    });
    throw new ConfigError([...crossChecks, ...problems]);
  }
  const env = parsed.data;
  return {
    slack: {
      signingSecret: env.SLACK_SIGNING_SECRET,
      botToken: env.SLACK_BOT_TOKEN,
      oauth: env.SLACK_STATE_SECRET ? { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, stateSecret: env.SLACK_STATE_SECRET } : undefined,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
      url: env.SLACK_URL,
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
    },
    port: env.PORT,
    publicUrl: trailingSlashless(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`),
    scalekit: {
      envUrl: trailingSlashless(env.SCALEKIT_ENV_URL),
      clientId: env.SCALEKIT_CLIENT_ID,
      clientSecret: env.SCALEKIT_CLIENT_SECRET,
    },
    connections: { calendar: env.SCALEKIT_CALENDAR_CONNECTION, gmail: env.SCALEKIT_GMAIL_CONNECTION },
    google: { calendarApiUrl: env.GOOGLE_CALENDAR_API_URL, gmailApiUrl: env.GMAIL_API_URL },
    databaseUrl: env.DATABASE_URL,
    databasePool: {
      max: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
      idleTimeoutMs: env.DATABASE_IDLE_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    dataDir: env.DATA_DIR,
    // Every instance derives the same key from the shared Scalekit secret unless one is given.
    authStateSecret: env.AUTH_STATE_SECRET ?? createHmac('sha256', env.SCALEKIT_CLIENT_SECRET).update('slack-scheduler/auth-state').digest('hex'),
    sessionSecret: env.SESSION_SECRET ?? createHmac('sha256', env.SCALEKIT_CLIENT_SECRET).update('slack-scheduler/session').digest('hex'),
    requireMatchingGoogleEmail: env.REQUIRE_MATCHING_GOOGLE_EMAIL,
    bookingLeaseMs: env.BOOKING_LEASE_MS,
    logLevel: env.LOG_LEVEL,
  };
}
