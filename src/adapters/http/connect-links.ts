import { signConnectToken } from '../../core/connect-token.js';
import type { SlackUserRef } from '../../core/identity.js';
import type { Connector } from '../../core/outcomes.js';

export const CONNECT_START_PATH = '/connect/start';

/** The URL every Connect and Reconnect button carries: the bot's own, made without a network call. */
export function connectLinks(o: { publicUrl: string; key: string; now: () => number }) {
  return {
    url(user: SlackUserRef, connector: Connector, resumeId?: string): string {
      const token = signConnectToken(o.key, { owner: user, connector, resumeId }, o.now());
      return `${o.publicUrl}${CONNECT_START_PATH}?c=${encodeURIComponent(token)}`;
    },
  };
}
