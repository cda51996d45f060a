import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SlackUserRef } from '../identity.js';
import { InboxAsk } from './ask.js';

/** Slack's limit for a button's value. */
export const MAX_BUTTON_VALUE = 2000;
/** A Show more button stops working after a day; Gmail's page tokens do not last much longer. */
export const CURSOR_TTL_MS = 24 * 60 * 60_000;

/**
 * Where the next page of one person's summary starts. `at` pins the time range to the moment of
 * the first ask, so "today" stays the same day however late the next page is asked for.
 */
export interface InboxCursor {
  owner: SlackUserRef;
  ask: InboxAsk;
  at: number;
  zone: string;
  pageToken: string;
  /** How many messages the earlier pages listed. */
  offset: number;
  expiresAt: number;
}

const Wire = z.object({
  t: z.string().min(1),
  u: z.string().min(1),
  e: z.string().optional(),
  a: InboxAsk,
  at: z.number().int(),
  z: z.string().min(1).max(64),
  p: z.string().min(1).max(512),
  n: z.number().int().nonnegative(),
  x: z.number().int(),
});

/**
 * Show more values are signed rather than stored: any instance can check them, a click can only
 * page through what this bot put on that person's button, and nothing needs cleaning up.
 */
export function hmacCursorSeal(secret: string): {
  seal(c: InboxCursor): string | undefined;
  open(value: string, now: number): InboxCursor | undefined;
} {
  const key = createHmac('sha256', secret).update('slack-scheduler/inbox-cursor/v1').digest();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest();
  return {
    seal(c) {
      const wire: z.infer<typeof Wire> = {
        t: c.owner.teamId,
        u: c.owner.userId,
        ...(c.owner.enterpriseId !== undefined ? { e: c.owner.enterpriseId } : {}),
        a: c.ask,
        at: c.at,
        z: c.zone,
        p: c.pageToken,
        n: c.offset,
        x: c.expiresAt,
      };
      const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
      const value = `${body}.${sign(body).toString('base64url')}`;
      return value.length <= MAX_BUTTON_VALUE ? value : undefined;
    },
    open(value, now) {
      const [body, mac, extra] = value.split('.');
      if (!body || !mac || extra !== undefined || value.length > MAX_BUTTON_VALUE) return undefined;
      const given = Buffer.from(mac, 'base64url');
      const expected = sign(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
      const w = Wire.safeParse(json);
      if (!w.success || w.data.x <= now) return undefined;
      const d = w.data;
      return {
        owner: { teamId: d.t, userId: d.u, enterpriseId: d.e },
        ask: d.a,
        at: d.at,
        zone: d.z,
        pageToken: d.p,
        offset: d.n,
        expiresAt: d.x,
      };
    },
  };
}
