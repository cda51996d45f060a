export type DirectoryEntry = { kind: 'person'; id: string; name: string; email?: string | undefined; zone: string; isBot: boolean; deleted: boolean } | { kind: 'not-found'; id: string };

/** Slack's view of people, through the calling workspace's token. */
export interface Directory {
  person(userId: string): Promise<DirectoryEntry>;
}

/** Whether an address belongs to someone in the asker's Slack workspace (a sign of urgency). */
export interface Colleagues {
  isMember(email: string): Promise<boolean>;
}
