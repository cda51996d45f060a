import { z } from 'zod';
import type { SlackUserRef } from '../../core/identity.js';

/** The envelope fields that say who wrote: the workspace, or the org for org-wide installs. */
export const EventEnvelope = z.object({
  team_id: z.string().min(1),
  enterprise_id: z.string().nullish(),
  authorizations: z.array(z.object({ enterprise_id: z.string().nullish(), is_enterprise_install: z.boolean().optional() })).optional(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export function userOfEvent(envelope: EventEnvelope, userId: string): SlackUserRef {
  const auth = envelope.authorizations?.[0];
  const enterpriseId = auth?.is_enterprise_install ? (envelope.enterprise_id ?? auth.enterprise_id ?? undefined) : undefined;
  return { teamId: envelope.team_id, userId, enterpriseId };
}

/** The same, from an envelope not yet checked; undefined when it lacks the team. */
export function userOfEventBody(body: unknown, userId: string): SlackUserRef | undefined {
  const envelope = EventEnvelope.safeParse(body);
  return envelope.success ? userOfEvent(envelope.data, userId) : undefined;
}
