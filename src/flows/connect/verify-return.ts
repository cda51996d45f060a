import { stateUser, verifyState } from '../../core/auth-state.js';
import { sameUser, type SlackUserRef } from '../../core/identity.js';
import type { Connector } from '../../core/outcomes.js';
import type { ConnectDeps } from '../deps.js';
import type { PendingRequest } from './pending.js';
import { lookupToken } from './with-grant.js';

export type VerifyOutcome =
  | { kind: 'invalid'; why: string }
  | { kind: 'replayed' }
  | { kind: 'not-verified' }
  | {
      kind: 'connected';
      connector: Connector;
      /** Connectors the waiting request still needs before it can carry on. */
      stillMissing: Connector[];
      /** The request that waited for this, to run again now; set for one return only. */
      resume?: PendingRequest | undefined;
      /** A request waits for this user (whether or not this return resumes it). */
      waiting: boolean;
    };

/**
 * The user came back from Google's consent. The state is checked (signature, expiry, single use)
 * before anything is activated; then the account is verified for exactly the Slack user the
 * state names, and the request that waited for it is handed back to be resumed.
 */
export async function completeAuthorization(deps: ConnectDeps, q: { authRequestId: string; state: string }): Promise<VerifyOutcome> {
  const checked = verifyState(deps.stateSecret, q.state, deps.now());
  if (checked.kind === 'invalid') return { kind: 'invalid', why: checked.why };
  const claims = checked.claims;
  if (!(await deps.store.firstTime(`auth-state:${claims.n}`, claims.x))) return { kind: 'replayed' };
  const user = stateUser(claims);
  try {
    await deps.grants.verify(q.authRequestId, user);
  } catch (e) {
    deps.log.warn('connected account verification failed', { team: user.teamId, user: user.userId, error: e instanceof Error ? e.message : String(e) });
    return { kind: 'not-verified' };
  }

  const found = claims.p === '-' ? undefined : await deps.store.getPending(claims.p);
  const pending = found && sameUser(found.owner, user) ? found : undefined;
  const stillMissing = await missingOf(deps, user, (pending?.waitingFor ?? [claims.c]).filter((c) => c !== claims.c));
  // Two returns (one per connector) can both see everything connected: only one resumes.
  const resume =
    pending && stillMissing.length === 0 && (await deps.store.firstTime(`resume:${pending.id}:${pending.createdAt}`, pending.expiresAt)) ? pending : undefined;
  return { kind: 'connected', connector: claims.c, stillMissing, resume, waiting: pending !== undefined };
}

async function missingOf(deps: ConnectDeps, user: SlackUserRef, connectors: Connector[]): Promise<Connector[]> {
  const lookups = await Promise.all(connectors.map(async (c) => [c, await lookupToken(deps.grants, user, c)] as const));
  return lookups.filter(([, t]) => t.kind !== 'token').map(([c]) => c);
}
