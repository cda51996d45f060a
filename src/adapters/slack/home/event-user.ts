import { z } from 'zod';
import type { SlackUserRef } from '../../../core/identity.js';

const EventBody = z.object({
  team_id: z.string().min(1),
  enterprise_id: z.string().nullish(),
  is_ext_shared_channel: z.boolean().optional(),
  authorizations: z.array(z.object({ is_enterprise_install: z.boolean().optional() })).optional(),
});

/** Who an Events API delivery is about: the event's user, in the workspace (or org) it came from. */
export function userOfEvent(body: unknown, userId: string): SlackUserRef | undefined {
  const parsed = EventBody.safeParse(body);
  if (!parsed.success) return undefined;
  const orgInstall = parsed.data.authorizations?.[0]?.is_enterprise_install === true;
  return { teamId: parsed.data.team_id, userId, enterpriseId: orgInstall ? (parsed.data.enterprise_id ?? undefined) : undefined };
}
