import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsIn, SlackClientSim } from '../../../fakes/slack/signed-client.js';
import { FakeSlack, type FakeSlackUser } from '../../../fakes/slack/web-api.js';

const TOKEN = 'xoxb-test-token';
const TEAM = 'T0TEAM';
const SECRET = 'test-signing-secret';
const alice: FakeSlackUser = { id: 'U0ALICE', name: 'alice', realName: 'Alice A', email: 'alice@example.test', tz: 'America/Los_Angeles' };
const bob: FakeSlackUser = { id: 'U0BOB', name: 'bob', tz: 'Europe/Berlin' };
const robot: FakeSlackUser = { id: 'U0ROBOT', name: 'robot', tz: 'UTC', isBot: true };
const blocks = [
  {
    type: 'section',
    block_id: 's1',
    text: { type: 'mrkdwn', text: 'Pick' },
    accessory: { type: 'button', action_id: 'open', text: { type: 'plain_text', text: 'Open' }, url: 'https://x.test' },
  },
  { type: 'actions', block_id: 'a1', elements: [{ type: 'button', action_id: 'confirm', value: 'slot-1', text: { type: 'plain_text', text: 'Confirm' } }] },
];

let slack: FakeSlack;
let web: WebClient;
const client = (token?: string): WebClient => new WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
const slackError = (error: string): { data: { ok: boolean; error: string } } => ({ data: { ok: false, error } });

beforeAll(async () => {
  slack = await FakeSlack.start({ botToken: TOKEN, teamId: TEAM, users: [alice, bob, robot] });
  web = client(TOKEN);
});
afterAll(async () => slack.stop());

describe('FakeSlack Web API via the real WebClient', () => {
  it('auth.test describes the bot', async () => {
    const r = await web.auth.test();
    expect(r).toMatchObject({ ok: true, team_id: TEAM, user_id: 'U0FAKEBOT', bot_id: 'B0FAKEBOT' });
    expect(slack.callsTo('auth.test')[0]?.token).toBe(TOKEN);
  });

  it('users.info: email shown, email hidden, bot, unknown', async () => {
    const a = await web.users.info({ user: alice.id });
    expect(a.user).toMatchObject({ id: alice.id, team_id: TEAM, real_name: 'Alice A', tz: 'America/Los_Angeles', is_bot: false, deleted: false });
    expect(a.user?.profile).toMatchObject({ email: 'alice@example.test', real_name: 'Alice A', display_name: 'alice' });
    expect([-25200, -28800]).toContain(a.user?.tz_offset);
    expect(a.user?.tz_label).toMatch(/^Pacific (Standard|Daylight) Time$/);
    const b = await web.users.info({ user: bob.id });
    expect(b.user?.profile).not.toHaveProperty('email');
    expect([3600, 7200]).toContain(b.user?.tz_offset);
    expect((await web.users.info({ user: robot.id })).user?.is_bot).toBe(true);
    await expect(web.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject(slackError('user_not_found'));
    expect((await web.users.lookupByEmail({ email: 'ALICE@example.test' })).user?.id).toBe(alice.id);
    await expect(web.users.lookupByEmail({ email: 'nobody@example.test' })).rejects.toMatchObject(slackError('users_not_found'));
  });

  it('chat.postEphemeral records blocks parsed; not-in-channel fails', async () => {
    const r = await web.chat.postEphemeral({ channel: 'C0PUB', user: alice.id, text: 'pick', blocks });
    expect(r.message_ts).toMatch(/^\d+\.\d{6}$/);
    const call = slack.callsTo('chat.postEphemeral').at(-1);
    expect(call?.args).toMatchObject({ channel: 'C0PUB', user: alice.id, text: 'pick', blocks });
    expect(buttonsIn(call?.args.blocks)).toEqual([
      { actionId: 'open', text: 'Open', url: 'https://x.test', blockId: 's1' },
      { actionId: 'confirm', value: 'slot-1', text: 'Confirm', blockId: 'a1' },
    ]);
    slack.setNotInChannel('C0NOPE');
    slack.setNotInChannel('G0PRIV');
    await expect(web.chat.postEphemeral({ channel: 'C0NOPE', user: alice.id, text: 'x' })).rejects.toMatchObject(slackError('not_in_channel'));
    await expect(web.chat.postEphemeral({ channel: 'G0PRIV', user: alice.id, text: 'x' })).rejects.toMatchObject(slackError('channel_not_found'));
  });

  it('conversations.open, chat.postMessage to the DM, chat.update', async () => {
    const open = await web.conversations.open({ users: bob.id });
    const dm = open.channel?.id ?? '';
    expect(dm).toMatch(/^D/);
    expect(dm).toBe(slack.dmChannelOf(bob.id));
    const posted = await web.chat.postMessage({ channel: bob.id, text: 'hi', blocks });
    expect(posted).toMatchObject({ channel: dm, message: { text: 'hi', bot_id: 'B0FAKEBOT' } });
    const updated = await web.chat.update({ channel: dm, ts: posted.ts ?? '', text: 'edited' });
    expect(updated.message).toMatchObject({ text: 'edited', blocks });
    await expect(web.chat.update({ channel: dm, ts: '1.000001', text: 'x' })).rejects.toMatchObject(slackError('message_not_found'));
  });

  it('views.publish and views.open (trigger ids are single-use)', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'Home' } }] };
    const pub = await web.views.publish({ user_id: alice.id, view: home });
    expect(pub.view?.id).toMatch(/^V/);
    expect(slack.homeViewOf(alice.id)).toMatchObject(home);
    const trigger_id = slack.newTriggerId();
    const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'M' }, blocks: [] };
    expect((await web.views.open({ trigger_id, view: modal })).ok).toBe(true);
    await expect(web.views.open({ trigger_id, view: modal })).rejects.toMatchObject(slackError('exchanged_trigger_id'));
    await expect(web.views.open({ trigger_id: 'nope', view: modal })).rejects.toMatchObject(slackError('invalid_trigger_id'));
  });

  it('wrong or missing token → invalid_auth; unknown method → unknown_method', async () => {
    await expect(client('xoxb-wrong').auth.test()).rejects.toMatchObject(slackError('invalid_auth'));
    await expect(client().users.info({ user: alice.id })).rejects.toMatchObject(slackError('invalid_auth'));
    await expect(web.apiCall('no.such.method')).rejects.toMatchObject(slackError('unknown_method'));
    slack.failNext('chat.postMessage', 'ratelimited');
    await expect(web.chat.postMessage({ channel: bob.id, text: 'x' })).rejects.toMatchObject(slackError('ratelimited'));
  });
});

describe('response_url', () => {
  // Same request Bolt's respond() makes.
  const respond = (url: string, body: unknown): Promise<Response> => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('records up to 5 posts, then refuses with 404 used_url', async () => {
    const url = slack.newResponseUrl();
    expect(url.startsWith(`${slack.url}/response/`)).toBe(true);
    for (let i = 1; i <= 5; i++) {
      const r = await respond(url, { text: `n${i}`, response_type: 'ephemeral', replace_original: i > 1, blocks });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true });
    }
    const sixth = await respond(url, { text: 'n6' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(slack.responsesTo(url).map((r) => r.body.text)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(slack.responsesTo(url)[1]?.body).toMatchObject({ replace_original: true, blocks });
    expect(slack.rejectedResponses.at(-1)).toMatchObject({ responseUrl: url, status: 404, error: 'used_url' });
  });

  it("a slash command's url cannot replace or delete: replace_original posts a new message, delete_original does nothing", async () => {
    const url = slack.newResponseUrl('command');
    expect(url.startsWith(`${slack.url}/response/commands/`)).toBe(true);
    const first = await respond(url, { text: 'Looking…', response_type: 'ephemeral' });
    expect(await first.json()).toEqual({ ok: true });
    const second = await respond(url, { text: 'Found', replace_original: true, response_type: 'ephemeral', blocks });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ok: true });
    const del = await respond(url, { delete_original: true });
    expect(await del.json()).toEqual({ ok: true });

    const [a, b, c] = slack.responsesTo(url);
    expect(a).toMatchObject({ source: 'command', effect: 'new_message', body: { text: 'Looking…' } });
    expect(b).toMatchObject({ source: 'command', effect: 'new_message', body: { text: 'Found', blocks }, sent: { replace_original: true } });
    expect(b?.body).not.toHaveProperty('replace_original');
    expect(c).toMatchObject({ source: 'command', effect: 'none', sent: { delete_original: true } });
    expect(c?.body).not.toHaveProperty('delete_original');
    await expect(slack.waitForResponse(url, 50)).resolves.toMatchObject({ effect: 'new_message', source: 'command' });
  });

  it("a button's url replaces or deletes its message only when asked", async () => {
    const url = slack.newResponseUrl('block_actions');
    expect(url.startsWith(`${slack.url}/response/actions/`)).toBe(true);
    await respond(url, { text: 'only you', response_type: 'ephemeral', replace_original: false });
    await respond(url, { text: 'Booked', replace_original: 'true' });
    await respond(url, { delete_original: true });
    expect(slack.responsesTo(url).map((r) => r.effect)).toEqual(['new_message', 'replaced_original', 'deleted_original']);
    expect(slack.responsesTo(url)[1]?.body).toMatchObject({ replace_original: 'true', text: 'Booked' });
    const other = slack.newResponseUrl('other');
    await respond(other, { text: 'x', replace_original: true });
    expect(slack.responsesTo(other)[0]).toMatchObject({ source: 'other', effect: 'new_message' });
    expect((await respond(`${slack.url}/response/commands/nope`, { text: 'x' })).status).toBe(404);
  });

  it('waitFor sees past and future records and times out with a clear message', async () => {
    const url = slack.newResponseUrl();
    const pending = slack.waitFor((r) => r.kind === 'response' && r.responseUrl === url, 2000);
    await respond(url, { delete_original: true });
    await expect(pending).resolves.toMatchObject({ kind: 'response', body: { delete_original: true } });
    const future = slack.waitForCall('chat.postMessage', (c) => c.args.text === 'later', 2000);
    setTimeout(() => void web.chat.postMessage({ channel: alice.id, text: 'later' }), 20);
    expect((await future).result.ok).toBe(true);
    await expect(slack.waitForCall('auth.test', undefined, 50)).resolves.toMatchObject({ method: 'auth.test' });
    const t0 = Date.now();
    await expect(slack.waitFor((r) => r.kind === 'call' && r.method === 'never.called', 80)).rejects.toThrow(/FakeSlack\.waitFor: no .* within 80ms\. Recorded so far: \[auth\.test/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('SlackClientSim signatures, checked by Bolt verifySlackRequest', () => {
  let server: Server;
  const seen: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
  let sim: SlackClientSim;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    sim = new SlackClientSim({ botUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signingSecret: SECRET, slack, teamId: TEAM });
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));
  const verify = (i: number, secret = SECRET): void => {
    const s = seen[i];
    if (s === undefined) throw new Error(`no request ${i}`);
    verifySlackRequest({
      signingSecret: secret,
      body: s.body,
      headers: { 'x-slack-signature': String(s.headers['x-slack-signature']), 'x-slack-request-timestamp': Number(s.headers['x-slack-request-timestamp']) },
    });
  };

  it('slash command, button click and event are signed like Slack', async () => {
    const cmd = await sim.slashCommand({ user: alice.id, text: 'lunch with bob' });
    expect(cmd).toMatchObject({ status: 200, responseUrl: expect.stringContaining('/response/commands/') });
    const form = new URLSearchParams(seen[0]?.body);
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(form)).toMatchObject({ command: '/schedule', text: 'lunch with bob', user_id: alice.id, user_name: 'alice', team_id: TEAM, response_url: cmd.responseUrl });
    verify(0);
    const click = await sim.clickButton({ user: bob.id, actionId: 'confirm', value: 'slot-1' });
    expect(click.responseUrl).toContain('/response/actions/');
    const payload: unknown = JSON.parse(new URLSearchParams(seen[1]?.body).get('payload') ?? '');
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: bob.id, username: 'bob' },
      container: { type: 'message', is_ephemeral: true },
      actions: [{ action_id: 'confirm', value: 'slot-1', type: 'button' }],
    });
    verify(1);
    const ev = await sim.event({ type: 'message', user: alice.id, text: 'hi' }, { retryNum: 1 });
    expect(seen[2]?.headers).toMatchObject({ 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    const envelope: unknown = JSON.parse(seen[2]?.body ?? '');
    expect(envelope).toMatchObject({ type: 'event_callback', event_id: ev.eventId, event: { type: 'message', channel_type: 'im', channel: slack.dmChannelOf(alice.id) } });
    verify(2);
    expect(() => verify(2, 'other-secret')).toThrow(/signature mismatch/);
  });

  it('can forge: wrong secret, stale timestamp, unsigned', async () => {
    const n = seen.length;
    await sim.slashCommand({ user: alice.id, text: 'x', sign: { secret: 'wrong' } });
    expect(() => verify(n)).toThrow(/signature mismatch/);
    await sim.slashCommand({ user: alice.id, text: 'x', sign: { timestampSec: Math.floor(Date.now() / 1000) - 600 } });
    expect(() => verify(n + 1)).toThrow(/stale/);
    await sim.event({ type: 'app_home_opened', user: alice.id }, { sign: { unsigned: true } });
    expect(seen[n + 2]?.headers['x-slack-signature']).toBeUndefined();
  });
});
