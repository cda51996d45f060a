import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SlackUserRef } from './identity.js';
import { Connector } from './outcomes.js';

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

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

/** A signed, expiring state naming who is connecting, what for, and a nonce that is used once. */
export function signState(secret: string, c: Omit<StateClaims, 'x' | 'n'>, now: number): string {
  const claims: StateClaims = { ...c, x: now + STATE_TTL_MS, n: randomBytes(12).toString('base64url') };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

export type StateCheck = { kind: 'ok'; claims: StateClaims } | { kind: 'invalid'; why: 'malformed' | 'tampered' | 'expired' };

export function verifyState(secret: string, state: string, now: number): StateCheck {
  const [body, sig, extra] = state.split('.');
  if (!body || !sig || extra !== undefined) return { kind: 'invalid', why: 'malformed' };
  const expected = mac(secret, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid', why: 'tampered' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { kind: 'invalid', why: 'malformed' };
  }
  const claims = Claims.safeParse(json);
  if (!claims.success) return { kind: 'invalid', why: 'malformed' };
  if (claims.data.x <= now) return { kind: 'invalid', why: 'expired' };
  return { kind: 'ok', claims: claims.data };
}
