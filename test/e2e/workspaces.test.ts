import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { SlackClientSim } from '../../fakes/slack/signed-client.js';
import { BOT_TOKEN, PEOPLE, SIGNING_SECRET, TEAM, identifierOf, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';
import { reply } from '../support/slack-steps.js';

const OTHER_TEAM = 'T0OTHER';
const OTHER_TOKEN = 'xoxb-other-workspace-token-5e1b';
const { organizer, alice } = PEOPLE;
let world: World;
let bot: RunningBot;
afterEach(async () => {
  await bot.stop();
  await world.stop();
});

/** Slack's install flow: /slack/install, Slack's consent (the fake's code), then the redirect back. */
async function install(base: string, code: string): Promise<number> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
  return back.status;
}

describe('installed in several workspaces', () => {
  it('installs through Slack OAuth, and the same user id in two workspaces never shares a Google account', async () => {
    world = await startWorld();
    const port = await freePort();
    const { SLACK_BOT_TOKEN: _single, ...env } = world.envFor(port);
    const logs: string[] = [];
    world.capture(() => logs.join('\n'));
    bot = await startBot(loadConfig({ ...env, SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'slack-client-secret-9a8b', SLACK_STATE_SECRET: 'slack-state-secret-long-enough' }), {
      writeLog: (line) => logs.push(line),
    });
    const base = `http://127.0.0.1:${bot.port}`;
    world.slack.addInstallCode('code-main', { teamId: TEAM, botToken: BOT_TOKEN, installerId: organizer.id });
    world.slack.addInstallCode('code-other', { teamId: OTHER_TEAM, botToken: OTHER_TOKEN, installerId: organizer.id });
    expect(await install(base, 'code-main')).toBe(200);
    expect(await install(base, 'code-other')).toBe(200);
    expect(await world.database.query('select key from slack_installations order by key')).toEqual([{ key: `T:${OTHER_TEAM}` }, { key: `T:${TEAM}` }]);

    world.connect(organizer.id);
    const inMain = new SlackClientSim({ botUrl: base, signingSecret: SIGNING_SECRET, slack: world.slack, teamId: TEAM });
    const inOther = new SlackClientSim({ botUrl: base, signingSecret: SIGNING_SECRET, slack: world.slack, teamId: OTHER_TEAM });

    const main = await inMain.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
    expect((await reply({ slack: world.slack, sim: inMain }, main.responseUrl)).text).toContain('Free times for Sync');

    const other = await inOther.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
    const prompt = await reply({ slack: world.slack, sim: inOther }, other.responseUrl);
    expect(prompt.text).toContain('Google access needed');

    const identifiers = new Set(world.scalekit.calls.map((c) => c.identifier));
    expect(identifiers).toContain(identifierOf(organizer.id));
    expect(identifiers).toContain(`slack:${OTHER_TEAM}:${organizer.id}`);
    const otherLookups = world.slack.calls.filter((c) => c.method === 'users.info' && c.token === OTHER_TOKEN);
    expect(otherLookups.length).toBeGreaterThan(0);
    expect(world.google.requests.every((r) => r.email === organizer.email)).toBe(true);
    // One search in the main workspace: its freeBusy (and the calendar list read beside it).
    expect(world.google.calls('freeBusy')).toHaveLength(1);
    for (const secret of [OTHER_TOKEN, 'slack-client-secret-9a8b', 'slack-state-secret-long-enough']) expect(logs.join('\n')).not.toContain(secret);
  });
});
