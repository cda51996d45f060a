import type { Connector } from '../core/outcomes.js';
import { PENDING_TTL_MS, type PendingKind, type PendingRequest } from './pending.js';
import type { BookingDeps } from './ports.js';
import type { SlackUserRef } from '../core/identity.js';

/** Where a reply for this interaction goes: the response_url Slack gave with it, if any. */
export interface Interaction {
  channelId: string;
  responseUrl?: string | undefined;
}

/**
 * Keeps a request that waits for the user to connect Google, so that it resumes by itself when
 * they come back. The prompt itself is one use of the response_url.
 */
export async function keepPending(
  deps: BookingDeps,
  p: { id: string; kind: PendingKind; owner: SlackUserRef; at: Interaction; waitingFor: Connector[]; payload: unknown },
): Promise<void> {
  const now = deps.now();
  const pending: PendingRequest = {
    id: p.id,
    kind: p.kind,
    owner: p.owner,
    channelId: p.at.channelId,
    responseUrl: p.at.responseUrl,
    responseUrlIssuedAt: p.at.responseUrl ? now : undefined,
    responseUrlUses: p.at.responseUrl ? 1 : 0,
    createdAt: now,
    expiresAt: now + PENDING_TTL_MS,
    waitingFor: p.waitingFor,
    payload: p.payload,
  };
  await deps.store.putPending(pending);
}
