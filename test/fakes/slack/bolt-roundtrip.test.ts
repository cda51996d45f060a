import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type BlockButtonAction, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, SlackClientSim } from '../../../fakes/slack/signed-client.js';
import { FakeSlack } from '../../../fakes/slack/web-api.js';

// End-to-end proof that the fake + simulator speak what a real Bolt 5 app (HTTP mode) expects.
const TOKEN = 'xoxb-roundtrip';
const SECRET = 'roundtrip-secret';
const TEAM = 'T0RT';
const ALICE = 'U0ALICE';

let slack: FakeSlack;
let app: App;
let sim: SlackClientSim;
const saved: string[] = [];

beforeAll(async () => {
  slack = await FakeSlack.start({ botToken: TOKEN, teamId: TEAM, users: [{ id: ALICE, name: 'alice', tz: 'UTC' }] });
  app = new App({
    token: TOKEN,
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  app.command('/schedule', async ({ ack, command, respond, client }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `working on ${command.text}` });
    await client.chat.postEphemeral({
      channel: command.channel_id,
      user: command.user_id,
      text: 'pick one',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'confirm', value: 'slot-9', text: { type: 'plain_text', text: 'Confirm' } }] }],
    });
  });
  app.action<BlockButtonAction>('confirm', async ({ ack, action, respond }) => {
    await ack();
    await respond({ replace_original: true, text: `confirmed ${action.value ?? '?'}` });
  });
  app.message(async ({ message, say }) => {
    if ('text' in message) await say(`echo ${message.text ?? ''}`);
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
  });
  // A modal: the button opens it with the click's trigger_id; a submission under 3 characters is refused.
  app.action<BlockButtonAction>('edit', async ({ ack, body, client }) => {
    await ack();
    const input = { type: 'input', block_id: 'name', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'v' } };
    await client.views.open({ trigger_id: body.trigger_id, view: { type: 'modal', callback_id: 'form', title: { type: 'plain_text', text: 'Form' }, blocks: [input] } });
  });
  app.view('form', async ({ ack, view, body }) => {
    const value = view.state.values.name?.v?.value ?? '';
    if (value.length < 3) await ack({ response_action: 'errors', errors: { name: 'Too short' } });
    else await ack();
    saved.push(`${body.user.id}:${value}:${view.id}`);
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  sim = new SlackClientSim({ botUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, slack, teamId: TEAM });
});

afterAll(async () => {
  await app.stop();
  await slack.stop();
});

describe('Bolt app against FakeSlack + SlackClientSim', () => {
  it('slash command → ack, respond via response_url, postEphemeral with a button; click → respond', async () => {
    const cmd = await sim.slashCommand({ user: ALICE, text: 'lunch' });
    expect(cmd.status).toBe(200);
    expect(cmd.ms).toBeLessThan(3000);
    expect((await slack.waitForResponse(cmd.responseUrl)).body).toMatchObject({ text: 'working on lunch' });
    const eph = await slack.waitForCall('chat.postEphemeral');
    const [button] = buttonsIn(eph.args.blocks);
    expect(button).toMatchObject({ actionId: 'confirm', value: 'slot-9' });
    if (button === undefined) throw new Error('no button');
    const click = await sim.clickButton({ user: ALICE, ...button, channel: String(eph.args.channel) });
    expect(click.status).toBe(200);
    expect((await slack.waitForResponse(click.responseUrl)).body).toEqual({ replace_original: true, text: 'confirmed slot-9' });
  });

  it('DM message event → say() posts to the DM; app_home_opened → views.publish', async () => {
    const ev = await sim.event({ type: 'message', user: ALICE, text: 'hello' });
    expect(ev.status).toBe(200);
    const say = await slack.waitForCall('chat.postMessage', (c) => c.args.text === 'echo hello');
    expect(say.args.channel).toBe(slack.dmChannelOf(ALICE));
    await sim.event({ type: 'app_home_opened', user: ALICE });
    await slack.waitForCall('views.publish', (c) => c.args.user_id === ALICE);
    expect(slack.homeViewOf(ALICE)).toMatchObject({ type: 'home' });
  });

  it('Bolt rejects forged and stale requests with 401', async () => {
    expect((await sim.slashCommand({ user: ALICE, text: 'x', sign: { secret: 'nope' } })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    expect((await sim.event({ type: 'message', user: ALICE, text: 'x' }, { sign: { timestampSec: stale } })).status).toBe(401);
    expect((await sim.postRaw('{}', { 'Content-Type': 'application/json' })).status).toBe(401);
  });

  it('a click opens a modal for the clicker (views.open); viewSubmission shows errors, then closes it', async () => {
    await sim.clickButton({ user: ALICE, actionId: 'edit', home: true });
    await slack.waitForCall('views.open');
    const modal = slack.modals.of(ALICE);
    expect(modal?.view).toMatchObject({ type: 'modal', callback_id: 'form', id: expect.stringMatching(/^V/) });
    const viewId = String(modal?.view.id);

    const short = await sim.viewSubmission({ user: ALICE, values: { name: { v: { type: 'plain_text_input', value: 'Al' } } } });
    expect(short.status).toBe(200);
    expect(short.outcome).toEqual({ kind: 'errors', errors: { name: 'Too short' } });
    expect(slack.modals.of(ALICE)?.errors).toEqual({ name: 'Too short' });

    const ok = await sim.viewSubmission({ user: ALICE, values: { name: { v: { type: 'plain_text_input', value: 'Alice' } } } });
    expect(ok.outcome).toEqual({ kind: 'closed' });
    expect(slack.modals.of(ALICE)).toBeUndefined();
    expect(saved).toEqual([`${ALICE}:Al:${viewId}`, `${ALICE}:Alice:${viewId}`]);
    await expect(sim.viewSubmission({ user: ALICE, values: {} })).rejects.toThrow(/no open modal/);
  });
});
