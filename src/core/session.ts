import { z } from 'zod';
import type { SlackUserRef } from './identity.js';
import { seal, unseal } from './signed-token.js';

/** A browser stays signed in to the bot this long: enough for Google's consent, short if left behind. */
export const SESSION_TTL_MS = 30 * 60_000;

const Claims = z.object({
  t: z.string().min(1).max(64),
  e: z.string().min(1).max(64).optional(),
  u: z.string().min(1).max(64),
  x: z.number().int(),
});

/** Who signed in with Slack in this browser, until when. */
export interface Session {
  user: SlackUserRef;
  expiresAt: number;
}

/** The bot's session cookie value: who signed in with Slack, signed and expiring. */
export function signSession(key: string, user: SlackUserRef, now: number): string {
  return seal(key, { t: user.teamId, ...(user.enterpriseId !== undefined ? { e: user.enterpriseId } : {}), u: user.userId, x: now + SESSION_TTL_MS });
}

/** A forged, tampered, malformed or expired value is no session at all. */
export function readSession(key: string, value: string | undefined, now: number): Session | undefined {
  if (value === undefined || value === '') return undefined;
  const r = unseal(key, value, Claims, now);
  if (r.kind === 'invalid') return undefined;
  const c = r.claims;
  return { user: { teamId: c.t, userId: c.u, ...(c.e !== undefined ? { enterpriseId: c.e } : {}) }, expiresAt: c.x };
}

/**
 * Whether the person signed in is the one a Connect button or a return from Google names. On an
 * org-wide Enterprise Grid install the organization owns the user (any of its workspaces will
 * do); otherwise it must be the same workspace.
 */
export function isSameSlackUser(signedIn: SlackUserRef, owner: SlackUserRef): boolean {
  if (signedIn.userId !== owner.userId) return false;
  return owner.enterpriseId !== undefined ? signedIn.enterpriseId === owner.enterpriseId : signedIn.teamId === owner.teamId;
}
