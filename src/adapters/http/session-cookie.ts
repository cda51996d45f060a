import type { IncomingMessage } from 'node:http';
import type { SlackUserRef } from '../../core/identity.js';
import { readSession, SESSION_TTL_MS, signSession } from '../../core/session.js';
import { readCookies, setCookie } from './cookies.js';

/** The bot's own session: who signed in with Slack in this browser. */
export const SESSION_COOKIE = 'scheduler_session';

export interface SessionCookies {
  /** The signed-in Slack user; a forged, tampered or expired cookie is nobody. */
  read(req: IncomingMessage): SlackUserRef | undefined;
  /** A Set-Cookie header that signs this browser in as `user`. */
  issue(user: SlackUserRef): string;
}

export function sessionCookies(o: { key: string; secure: boolean; now: () => number }): SessionCookies {
  return {
    read: (req) => readSession(o.key, readCookies(req).get(SESSION_COOKIE), o.now())?.user,
    issue: (user) => setCookie(SESSION_COOKIE, signSession(o.key, user, o.now()), { path: '/', maxAgeSec: SESSION_TTL_MS / 1000, secure: o.secure }),
  };
}
