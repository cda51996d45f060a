import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { FakeSocketMode } from '../../fakes/slack/socket-mode.js';
import { PEOPLE, TEAM, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';

const APP_TOKEN = 'xapp-1-A0FAKEAPP-socket-token-77';
const { organizer, alice } = PEOPLE;
let world: World;
let socket: FakeSocketMode;
let bot: RunningBot;
afterEach(async () => {
  await bot.stop();
  await socket.stop();
  await world.stop();
});

const command = (text: string, responseUrl: string) => ({
  token: 'legacy',
  team_id: TEAM,
  team_domain: 'acme',
  channel_id: 'C0GENERAL',
  channel_name: 'general',
  user_id: organizer.id,
  user_name: organizer.name,
  command: '/schedule',
  text,
  api_app_id: 'A0FAKEAPP',
  is_enterprise_install: 'false',
  response_url: responseUrl,
  trigger_id: 'T.1',
});

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects over the socket, acks commands on it, replies through response_url, and serves /healthz', async () => {
    world = await startWorld();
    socket = await FakeSocketMode.start();
    world.slack.setSocketModeUrl(socket.url, APP_TOKEN);
    const port = await freePort();
    const { SLACK_SIGNING_SECRET: _http, ...env } = world.envFor(port);
    const logs: string[] = [];
    world.capture(() => logs.join('\n'));
    bot = await startBot(loadConfig({ ...env, SLACK_APP_TOKEN: APP_TOKEN }), { writeLog: (line) => logs.push(line) });
    await socket.connected();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const helpUrl = world.slack.newResponseUrl();
    const help = await socket.send('slash_commands', command('help', helpUrl));
    expect(help.payload ?? {}).not.toHaveProperty('text');
    expect(JSON.stringify((await world.slack.waitForResponse(helpUrl, 8_000)).body)).toContain('/schedule @alice');

    world.connect(organizer.id);
    const responseUrl = world.slack.newResponseUrl();
    const ack = await socket.send('slash_commands', command(`${mention(alice)} 30m Sync`, responseUrl));
    expect(ack.payload ?? {}).not.toHaveProperty('text');
    const proposal = await world.slack.waitForResponse(responseUrl, 8_000);
    expect(String(proposal.body.text)).toContain('Free times for Sync');
    expect(logs.join('\n')).not.toContain(APP_TOKEN);
  });
});
