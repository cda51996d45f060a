import { z } from 'zod';

/**
 * Who a Slack user is at Scalekit: one connected account per person per workspace.
 * `enterpriseId` is set for Enterprise Grid org-wide installs, where the org owns the user.
 */
export const SlackUserRef = z.object({ teamId: z.string(), userId: z.string(), enterpriseId: z.string().optional() });
export type SlackUserRef = z.infer<typeof SlackUserRef>;

export function scalekitIdentifier(user: SlackUserRef): string {
  return `slack:${user.enterpriseId ?? user.teamId}:${user.userId}`;
}

export function sameUser(a: SlackUserRef, b: SlackUserRef): boolean {
  return a.userId === b.userId && (a.enterpriseId ?? a.teamId) === (b.enterpriseId ?? b.teamId);
}
