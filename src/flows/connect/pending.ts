import { z } from 'zod';
import { SlackUserRef } from '../../core/identity.js';
import { Connector } from '../../core/outcomes.js';

/** The kinds of request that can wait for the user to connect Google and then resume. */
export const PendingKind = z.enum(['schedule', 'inbox']);
export type PendingKind = z.infer<typeof PendingKind>;

/**
 * A request waiting for authorization. `payload` is what the kind needs to run again: for
 * `schedule` the schedule record's id, for `inbox` the parsed ask.
 */
export const PendingRequest = z.object({
  id: z.string(),
  kind: PendingKind,
  owner: SlackUserRef,
  channelId: z.string(),
  /** Absent for requests that came as events (DMs, mentions), which have no response_url. */
  responseUrl: z.string().optional(),
  /** When the response_url was issued and how often it was used: Slack allows 5 uses in 30 minutes. */
  responseUrlIssuedAt: z.number().optional(),
  responseUrlUses: z.number(),
  createdAt: z.number(),
  expiresAt: z.number(),
  waitingFor: z.array(Connector),
  payload: z.unknown(),
});
export type PendingRequest = z.infer<typeof PendingRequest>;

/** How long a request waits for its user to authorize before it is dropped. */
export const PENDING_TTL_MS = 24 * 60 * 60_000;

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
  deps: { store: { putPending(p: PendingRequest): Promise<void> }; now: () => number },
  p: { id: string; kind: PendingKind; owner: SlackUserRef; at: Interaction; waitingFor: Connector[]; payload: unknown },
): Promise<void> {
  const now = deps.now();
  await deps.store.putPending({
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
  });
}
