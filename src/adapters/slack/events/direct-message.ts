import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../deps.js';
import { EventEnvelope, userOfEvent } from '../event-user.js';
import { handleAsk } from './handle-ask.js';

/** A person's own message in their DM with the bot; edits, bot posts and other subtypes are not. */
const DirectMessage = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().default(''),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

/** `message.im`: Bolt acks events itself, before this runs; the answer goes back into the DM. */
export const directMessage =
  (deps: SlackDeps) =>
  async ({ event, body, client }: { event: unknown; body: unknown } & AllMiddlewareArgs): Promise<void> => {
    const msg = DirectMessage.safeParse(event);
    const envelope = EventEnvelope.safeParse(body);
    if (!msg.success || !envelope.success) return;
    await handleAsk(deps, client, 'event:message.im', {
      user: userOfEvent(envelope.data, msg.data.user),
      text: msg.data.text,
      delivery: { kind: 'dm', channelId: msg.data.channel },
    });
  };
