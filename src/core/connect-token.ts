import { z } from 'zod';
import type { SlackUserRef } from './identity.js';
import { Connector } from './outcomes.js';
import { seal, unseal } from './signed-token.js';

/**
 * How long a Connect button works: as long as the request it belongs to waits (a day). The link
 * proves nothing by itself — whoever opens it signs in with Slack first — so a long life is safe.
 */
export const CONNECT_LINK_TTL_MS = 24 * 60 * 60_000;

const Claims = z.object({
  t: z.string().min(1).max(64),
  e: z.string().min(1).max(64).optional(),
  u: z.string().min(1).max(64),
  c: Connector,
  p: z.string().min(1).max(64).optional(),
  x: z.number().int(),
});

/** What a Connect button asks for: whose grant, which connector, and the request waiting for it. */
export interface ConnectStart {
  owner: SlackUserRef;
  connector: Connector;
  resumeId?: string | undefined;
  expiresAt: number;
}

/** The value a Connect button carries (`/connect/start?c=…`): signed, expiring, never secret. */
export function signConnectToken(key: string, start: Omit<ConnectStart, 'expiresAt'>, now: number): string {
  const { owner, connector, resumeId } = start;
  return seal(key, {
    t: owner.teamId,
    ...(owner.enterpriseId !== undefined ? { e: owner.enterpriseId } : {}),
    u: owner.userId,
    c: connector,
    ...(resumeId !== undefined ? { p: resumeId } : {}),
    x: now + CONNECT_LINK_TTL_MS,
  });
}

export type ConnectTokenCheck = { kind: 'ok'; start: ConnectStart } | { kind: 'invalid'; why: 'malformed' | 'tampered' | 'expired' };

export function readConnectToken(key: string, token: string, now: number): ConnectTokenCheck {
  const r = unseal(key, token, Claims, now);
  if (r.kind === 'invalid') return r;
  const c = r.claims;
  return {
    kind: 'ok',
    start: { owner: { teamId: c.t, userId: c.u, ...(c.e !== undefined ? { enterpriseId: c.e } : {}) }, connector: c.c, resumeId: c.p, expiresAt: c.x },
  };
}
