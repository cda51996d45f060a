/** Who a Slack user is at Scalekit: one connected account per person per workspace. */
export interface SlackUserRef {
  teamId: string;
  userId: string;
  /** Set for Enterprise Grid org-wide installs, where the org, not the workspace, owns the user. */
  enterpriseId?: string | undefined;
}

export function scalekitIdentifier(user: SlackUserRef): string {
  return `slack:${user.enterpriseId ?? user.teamId}:${user.userId}`;
}

export function sameUser(a: SlackUserRef, b: SlackUserRef): boolean {
  return a.userId === b.userId && (a.enterpriseId ?? a.teamId) === (b.enterpriseId ?? b.teamId);
}
