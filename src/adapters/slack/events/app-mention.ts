import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../deps.js';
import { EventEnvelope, userOfEvent } from '../event-user.js';
import { handleAsk } from './handle-ask.js';

const Mention = z.object({
  type: z.literal('app_mention'),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().default(''),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  bot_id: z.undefined().optional(),
});

/**
 * `app_mention` in a channel: everyone there can read the channel, so the answer is ephemeral
 * to the person who mentioned the bot, never a channel message. DMs are left to `message.im`.
 */
export const appMention =
  (deps: SlackDeps) =>
  async ({ event, body, client }: { event: unknown; body: unknown } & AllMiddlewareArgs): Promise<void> => {
    const mention = Mention.safeParse(event);
    const envelope = EventEnvelope.safeParse(body);
    if (!mention.success || !envelope.success || mention.data.channel.startsWith('D')) return;
    await handleAsk(deps, client, 'event:app_mention', {
      user: userOfEvent(envelope.data, mention.data.user),
      text: mention.data.text,
      delivery: { kind: 'ephemeral', channelId: mention.data.channel, threadTs: mention.data.thread_ts },
    });
  };
