import { z } from 'zod';
import type { SlackUserRef } from '../../core/identity.js';
import type { Interaction } from '../../flows/connect/pending.js';

/** The fields of Slack's payloads the bot relies on, checked once at the edge. */
export const CommandPayload = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  text: z.string().default(''),
  response_url: z.url(),
  enterprise_id: z.string().optional(),
  is_enterprise_install: z.string().optional(),
});

export const ActionPayload = z.object({
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  enterprise: z.object({ id: z.string().min(1) }).nullish(),
  is_enterprise_install: z.boolean().optional(),
  response_url: z.url().optional(),
  channel: z.object({ id: z.string() }).nullish(),
  container: z.object({ channel_id: z.string().optional() }).loose().nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

export type CommandFields = z.infer<typeof CommandPayload>;
export type ActionFields = z.infer<typeof ActionPayload>;

export function userOfCommand(c: CommandFields): SlackUserRef {
  return { teamId: c.team_id, userId: c.user_id, enterpriseId: c.is_enterprise_install === 'true' ? c.enterprise_id : undefined };
}

export function interactionOf(a: ActionFields): Interaction {
  return { channelId: a.channel?.id ?? a.container?.channel_id ?? '', responseUrl: a.response_url };
}

export function userOfAction(a: ActionFields): SlackUserRef | undefined {
  const teamId = a.team?.id ?? a.user.team_id;
  if (!teamId) return undefined;
  return { teamId, userId: a.user.id, enterpriseId: a.is_enterprise_install ? a.enterprise?.id : undefined };
}
