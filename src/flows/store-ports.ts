import type { SlackUserRef } from '../core/identity.js';
import type { Preferences } from '../core/preferences.js';

/** Remembers keys (Slack event ids, auth-state nonces) so that each is acted on once. */
export interface OnceStore {
  /** True the first time a key is seen (until it expires), false ever after. */
  firstTime(key: string, expiresAt: number): Promise<boolean>;
}

export interface PrefsStore {
  getPrefs(user: SlackUserRef): Promise<Preferences | undefined>;
  putPrefs(user: SlackUserRef, prefs: Preferences): Promise<void>;
}
