import type { RespondFn } from '@slack/bolt';
import type { Rendered } from '../../core/messages/render.js';

/** Replies go through response_url: it works in channels the bot was never invited to. */
export async function sendReply(respond: RespondFn, rendered: Rendered): Promise<void> {
  const { reply, placement } = rendered;
  if (!reply || placement === 'none') return;
  if (placement === 'replace') {
    await respond({ replace_original: true, text: reply.text, blocks: reply.blocks });
  } else {
    await respond({ response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks });
  }
}
