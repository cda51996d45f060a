import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../../core/identity.js';
import type { Reply } from '../../../core/messages/types.js';
import type { InboxDelivery } from '../../../flows/inbox-ports.js';

/**
 * Sends an answer to an ask so that only its owner sees it: into the DM between the bot and
 * them, or ephemeral to them alone in a channel. There is deliberately no third way.
 */
export async function deliverTo(client: WebClient, owner: SlackUserRef, delivery: InboxDelivery, reply: Reply): Promise<void> {
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
