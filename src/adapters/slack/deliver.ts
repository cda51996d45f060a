import { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../core/identity.js';
import type { Reply } from '../../core/messages/types.js';
import type { Logger } from '../../flows/ports.js';

/** Slack lets a response_url be used 5 times within 30 minutes. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

export interface DeliveryTarget {
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
export function deliverer(opts: { clientFor: ClientFor; now: () => number; log: Logger }) {
  return async function deliver(target: DeliveryTarget, reply: Reply): Promise<'response_url' | 'dm'> {
    const fresh = target.issuedAt !== undefined && opts.now() - target.issuedAt < RESPONSE_URL_LIFETIME_MS && target.uses < RESPONSE_URL_MAX_USES;
    if (target.responseUrl && fresh) {
      try {
        const res = await fetch(target.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ replace_original: true, text: reply.text, blocks: reply.blocks }),
          signal: AbortSignal.timeout(10_000),
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
export type Deliver = ReturnType<typeof deliverer>;
