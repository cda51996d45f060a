import { buttonsIn } from '../../fakes/slack/signed-client.js';
import type { SlackCall } from '../../fakes/slack/web-api.js';
import type { FakeSlackUser } from '../../fakes/slack/web-api.js';
import type { RecordedRequest } from '../../fakes/google/index.js';
import type { Harness } from '../../fakes/world/harness.js';
import type { Posted } from './slack-steps.js';

/** A chat.postMessage / chat.postEphemeral the bot made, in the shape the other steps use. */
export function postedCall(call: SlackCall): Posted & { call: SlackCall } {
  const blocks = Array.isArray(call.args.blocks) ? (call.args.blocks as unknown[]) : [];
  return {
    text: typeof call.args.text === 'string' ? call.args.text : '',
    blocks,
    replaceOriginal: false,
    buttons: buttonsIn(blocks),
    raw: call.args,
    call,
  };
}

/** The n-th (1-based) call to `method` matching `where`, waiting for it if need be. */
export async function nthCall(h: Harness, method: string, where: (c: SlackCall) => boolean, n = 1): Promise<Posted & { call: SlackCall }> {
  let seen = 0;
  const r = await h.slack.waitFor((x) => x.kind === 'call' && x.method === method && where(x) && ++seen === n, 8_000, `${method} #${n}`);
  if (r.kind !== 'call') throw new Error('unreachable');
  return postedCall(r);
}

/** Writes to the bot in the DM and waits for its n-th post there. */
export async function dm(h: Harness, user: FakeSlackUser, text: string, n = 1) {
  await h.sim.event({ type: 'message', user: user.id, text });
  const channel = h.slack.dmChannelOf(user.id);
  return nthCall(h, 'chat.postMessage', (c) => c.args.channel === channel, n);
}

/** Mentions the bot in a channel and waits for the n-th ephemeral reply to that user. */
export async function mentionBot(h: Harness, user: FakeSlackUser, text: string, channel = 'C0GENERAL', n = 1) {
  await h.sim.event({ type: 'app_mention', user: user.id, text: `<@${h.slack.botUserId}> ${text}`, channel });
  return nthCall(h, 'chat.postEphemeral', (c) => c.args.user === user.id && c.args.channel === channel, n);
}

export const gmailLists = (h: Harness): RecordedRequest[] => h.google.requests.filter((r) => r.path.endsWith('/users/me/messages'));
export const gmailGets = (h: Harness): RecordedRequest[] => h.google.requests.filter((r) => /\/users\/me\/messages\/[^/]+$/.test(r.path));
export const queryOf = (r: RecordedRequest | undefined): string => String(r?.query.q ?? '');

/** Plain and mrkdwn texts of every block, joined: what the person reads. */
export function shown(p: Posted): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n !== null && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(p.blocks);
  return out.join('\n');
}

export const HOUR = 3_600_000;
