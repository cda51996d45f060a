import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/** Longer than any token this bot makes; anything bigger is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 4096;

export type Unsealed<T> = { kind: 'ok'; claims: T } | { kind: 'invalid'; why: 'malformed' | 'tampered' | 'expired' };

/**
 * A key for one purpose only: a value signed as a Connect link can never pass as a session, nor
 * the other way round, although both come from the same configured secret.
 */
export function purposeKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`slack-scheduler/${purpose}`).digest('base64url');
}

const mac = (key: string, body: string) => createHmac('sha256', key).update(body).digest();

/** `base64url(JSON).base64url(HMAC-SHA256)`: readable by anyone, changeable by no one without the key. */
export function seal<T extends { x: number }>(key: string, claims: T): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** Checks the signature before reading anything, then the shape, then the expiry `x` (ms). */
export function unseal<T extends { x: number }>(key: string, token: string, schema: z.ZodType<T>, now: number): Unsealed<T> {
  if (token.length > MAX_TOKEN_LENGTH) return { kind: 'invalid', why: 'malformed' };
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return { kind: 'invalid', why: 'malformed' };
  const expected = mac(key, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'invalid', why: 'tampered' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { kind: 'invalid', why: 'malformed' };
  }
  const claims = schema.safeParse(json);
  if (!claims.success) return { kind: 'invalid', why: 'malformed' };
  if (claims.data.x <= now) return { kind: 'invalid', why: 'expired' };
  return { kind: 'ok', claims: claims.data };
}
