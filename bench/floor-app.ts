import { ScalekitClient } from '@scalekit-sdk/node';
import { Agent, request } from 'undici';
import { boltApp, logger, need, serve } from './minimal-bolt.js';

/**
 * The CPU floor a proposal is compared with: the bot's Bolt and receiver (minimal-bolt.ts), and after the ack
 * the remote calls the bot's /schedule cannot do without, made as leanly as the same parts allow
 * and nothing else (no parsing beyond the mention, no store, no slot search, no Block Kit beyond
 * one button): both Scalekit tokens through the SDK (gRPC), users.info for both people, freeBusy
 * beside calendarList, and the response_url post. It keeps what the bot may keep: tokens for
 * 60 s (the contract's limit) and profiles for 5 minutes, one keep-alive pool for HTTP.
 * Compiled by bench/tsconfig.bare.json and run as `node <the bot's flags> dist/bench/floor-app.js`.
 */

// Slack's clients take the API URL with its trailing slash (https://slack.com/api/).
const slackApi = need('SLACK_API_URL').replace(/\/$/, '');
const botToken = need('SLACK_BOT_TOKEN');
const calendarApi = need('GOOGLE_CALENDAR_API_URL');
const pool = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
const scalekit = new ScalekitClient(need('SCALEKIT_ENV_URL'), need('SCALEKIT_CLIENT_ID'), need('SCALEKIT_CLIENT_SECRET'));

/** A value kept for `ttlMs`, overlapping lookups sharing one call, failures not kept. */
function keeper<T>(ttlMs: number): (key: string, load: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, { value: Promise<T>; until: number }>();
  return (key, load) => {
    const hit = kept.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = load();
    kept.set(key, { value, until: Date.now() + ttlMs });
    value.catch(() => kept.delete(key));
    return value;
  };
}
const tokens = keeper<string>(60_000);
const profiles = keeper<{ email: string; tz: string }>(5 * 60_000);

async function call(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<unknown> {
  const res = await request(url, { method, headers, body, dispatcher: pool });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: HTTP ${res.statusCode}`);
  return JSON.parse(text);
}

const token = (identifier: string, connector: string): Promise<string> =>
  tokens(`${identifier}/${connector}`, async () => {
    const { connectedAccount } = await scalekit.connectedAccounts.getConnectedAccountByIdentifier({ connector, identifier });
    const details = connectedAccount?.authorizationDetails?.details;
    if (details?.case !== 'oauthToken') throw new Error(`${connector}: no token for ${identifier}`);
    return details.value.accessToken;
  });

const profile = (userId: string): Promise<{ email: string; tz: string }> =>
  profiles(userId, async () => {
    const body = (await call(
      'POST',
      `${slackApi}/users.info`,
      { authorization: `Bearer ${botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      `user=${encodeURIComponent(userId)}`,
    )) as {
      user?: { tz?: string; profile?: { email?: string } };
    };
    return { email: body.user?.profile?.email ?? '', tz: body.user?.tz ?? 'UTC' };
  });

async function propose(teamId: string, userId: string, text: string, responseUrl: string): Promise<void> {
  const identifier = `slack:${teamId}:${userId}`;
  const attendee = /<@([A-Z0-9]+)/.exec(text)?.[1] ?? userId;
  const [calendar, , , other] = await Promise.all([token(identifier, 'googlecalendar'), token(identifier, 'gmail'), profile(userId), profile(attendee)]);
  const google = { authorization: `Bearer ${calendar}`, 'content-type': 'application/json' };
  const now = Date.now();
  const query = JSON.stringify({ timeMin: new Date(now).toISOString(), timeMax: new Date(now + 7 * 86_400_000).toISOString(), items: [{ id: 'primary' }, { id: other.email }] });
  await Promise.all([call('POST', `${calendarApi}/freeBusy`, google, query), call('GET', `${calendarApi}/users/me/calendarList?maxResults=250`, google)]);
  const message = {
    response_type: 'ephemeral',
    replace_original: false,
    text: 'A time',
    blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Book' }, action_id: 'book', value: '0' }] }],
  };
  await call('POST', responseUrl, { 'content-type': 'application/json' }, JSON.stringify(message));
}

const app = boltApp();
app.command('/schedule', async ({ ack, command }) => {
  await ack();
  propose(command.team_id, command.user_id, command.text, command.response_url).catch((e: unknown) => logger.error(String(e)));
});

// The SDK fetches its own access token on the first call that fails without one; fetch it now.
await scalekit.connectedAccounts.listConnectedAccounts({ connector: 'googlecalendar', pageSize: 1 });
await serve(app);
