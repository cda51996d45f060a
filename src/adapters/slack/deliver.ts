import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../core/identity.js';
import type { Rendered } from '../../core/messages/render.js';
import type { Reply } from '../../core/messages/types.js';
import type { Logger } from '../../flows/ports/index.js';
import { send } from '../outgoing-http.js';
import type { Respond } from './response-url.js';

/**
 * Every way the bot sends something to a person, in one place. Replies to one person never go
 * to a channel everyone sees: a response_url (ephemeral), the DM with the bot, or an ephemeral
 * message to that user alone.
 */

/** Slack lets a response_url be used 5 times within 30 minutes. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

/** Replies go through response_url: it works in channels the bot was never invited to. */
export async function sendReply(respond: Respond, rendered: Rendered): Promise<void> {
  const { reply, placement } = rendered;
  if (!reply || placement === 'none') return;
  if (placement === 'replace') {
    await respond({ replace_original: true, text: reply.text, blocks: reply.blocks });
  } else {
    await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
  }
}

/** A command's response_url can only add messages (bolt-js#2287): replacing is for buttons. */
export const asNewMessage = (rendered: Rendered): Rendered => (rendered.placement === 'replace' ? { ...rendered, placement: 'beside' } : rendered);

/** Where the answer to an ask goes: the DM it came in, or an ephemeral reply to the asker alone. */
export type AskDelivery = { kind: 'dm'; channelId: string } | { kind: 'ephemeral'; channelId: string; threadTs?: string | undefined };

/**
 * DM channel ids start with D, and a user id as channel means the DM with them (an App Home ask);
 * anywhere else the answer must be ephemeral to the owner.
 */
export function deliveryFor(channelId: string): AskDelivery {
  return /^[DUW]/.test(channelId) ? { kind: 'dm', channelId } : { kind: 'ephemeral', channelId };
}

/** Sends an answer to an ask so that only its owner sees it. There is deliberately no third way. */
export async function deliverTo(client: WebClient, owner: SlackUserRef, delivery: AskDelivery, reply: Reply): Promise<void> {
  if (delivery.kind === 'dm') {
    await client.chat.postMessage({ channel: delivery.channelId, text: reply.text, blocks: reply.blocks });
    return;
  }
  await client.chat.postEphemeral({
    channel: delivery.channelId,
    user: owner.userId,
    text: reply.text,
    blocks: reply.blocks,
    ...(delivery.threadTs !== undefined ? { thread_ts: delivery.threadTs } : {}),
  });
}

export interface LaterTarget {
  user: SlackUserRef;
  responseUrl?: string | undefined;
  issuedAt?: number | undefined;
  uses: number;
}

export type ClientFor = (user: SlackUserRef) => Promise<WebClient>;

/**
 * Sends a reply that was not prompted by a Slack request just now (a resume, a recovered
 * booking): into the message it belongs to while its response_url is good, else to the DM.
 */
export function laterDeliverer(opts: { clientFor: ClientFor; now: () => number; log: Logger }) {
  return async function deliverLater(target: LaterTarget, reply: Reply): Promise<'response_url' | 'dm'> {
    const fresh = target.issuedAt !== undefined && opts.now() - target.issuedAt < RESPONSE_URL_LIFETIME_MS && target.uses < RESPONSE_URL_MAX_USES;
    if (target.responseUrl && fresh) {
      try {
        const res = await send({
          method: 'POST',
          url: target.responseUrl,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ replace_original: true, text: reply.text, blocks: reply.blocks }),
          timeoutMs: 10_000,
        });
        if (res.ok) return 'response_url';
        opts.log.info('response_url refused; using the DM', { status: res.status });
      } catch (e) {
        opts.log.info('response_url failed; using the DM', { error: e instanceof Error ? e.name : String(e) });
      }
    }
    const client = await opts.clientFor(target.user);
    // A bot posting to a user id lands in that user's DM with the bot, seen by them alone.
    await client.chat.postMessage({ channel: target.user.userId, text: reply.text, blocks: reply.blocks });
    return 'dm';
  };
}
export type DeliverLater = ReturnType<typeof laterDeliverer>;
