import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SlackUserRef } from './identity.js';
import { Connector } from './outcomes.js';
import { seal, unseal, type Unsealed } from './signed-token.js';

/** How long an authorization link's return may take: consent screens are slow, not that slow. */
export const STATE_TTL_MS = 60 * 60_000;

const Claims = z.object({
  t: z.string().min(1),
  e: z.string().min(1).optional(),
  u: z.string().min(1),
  p: z.string().min(1).max(64),
  c: Connector,
  x: z.number().int(),
  n: z.string().min(8),
});
export type StateClaims = z.infer<typeof Claims>;

export function stateUser(c: StateClaims): SlackUserRef {
  return { teamId: c.t, userId: c.u, enterpriseId: c.e };
}

/** A signed, expiring state naming who is connecting, what for, and a nonce that is used once. */
export function signState(secret: string, c: Omit<StateClaims, 'x' | 'n'>, now: number): string {
  return seal(secret, { ...c, x: now + STATE_TTL_MS, n: randomBytes(12).toString('base64url') });
}

export type StateCheck = Unsealed<StateClaims>;

export function verifyState(secret: string, state: string, now: number): StateCheck {
  return unseal(secret, state, Claims, now);
}
