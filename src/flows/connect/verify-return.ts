import { stateUser, verifyState } from '../../core/auth-state.js';
import { sameUser, type SlackUserRef } from '../../core/identity.js';
import type { Connector } from '../../core/outcomes.js';
import { isSameSlackUser } from '../../core/session.js';
import type { ConnectDeps } from '../deps.js';
import { isServiceError } from '../ports/index.js';
import { compareGoogleEmail } from './google-email.js';
import type { PendingRequest } from './pending.js';
import { lookupToken } from './with-grant.js';

export type VerifyOutcome =
  | { kind: 'invalid'; why: string }
  /** Nobody is signed in in this browser: sign in with Slack, then come back to the same URL. */
  | { kind: 'sign-in'; owner: SlackUserRef }
  /** Someone other than the user the state names is signed in: nothing happened. */
  | { kind: 'not-yours' }
  /** Scalekit refused or did not answer; `retry`: it did not answer, the same return may work later. */
  | { kind: 'not-verified'; retry: boolean }
  | { kind: 'replayed' }
  /** The Google account is not the one the Slack profile names; `disconnected` unless that failed. */
  | { kind: 'wrong-google-account'; connector: Connector; google: string; slack: string; disconnected: boolean }
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
 * The user came back from Google's consent. In this order: the state's signature and expiry; the
 * browser's own Slack sign-in must name the user the state names (Scalekit's user verification:
 * the user comes from our session, never from the URL); Scalekit verifies the account for that
 * user; only then is the state's single use spent, so that a stranger's visit or a Scalekit
 * outage leaves the owner's return working. Last, the Google account's address is checked
 * against the Slack profile's where the workspace asks for that.
 */
export async function completeAuthorization(deps: ConnectDeps, q: { authRequestId: string; state: string; signedIn: SlackUserRef | undefined }): Promise<VerifyOutcome> {
  const checked = verifyState(deps.stateSecret, q.state, deps.now());
  if (checked.kind === 'invalid') return { kind: 'invalid', why: checked.why };
  const claims = checked.claims;
  const user = stateUser(claims);
  if (q.signedIn === undefined) return { kind: 'sign-in', owner: user };
  if (!isSameSlackUser(q.signedIn, user)) {
    deps.log.warn('a return from Google was opened by someone else', {
      team: user.teamId,
      user: user.userId,
      signedInTeam: q.signedIn.teamId,
      signedInUser: q.signedIn.userId,
      connector: claims.c,
    });
    return { kind: 'not-yours' };
  }
  try {
    await deps.grants.verify(q.authRequestId, user);
  } catch (e) {
    const retry = isServiceError(e) && e.problem === 'unavailable';
    deps.log.warn('connected account verification failed', { team: user.teamId, user: user.userId, retry, error: e instanceof Error ? e.message : String(e) });
    return { kind: 'not-verified', retry };
  }
  if (!(await deps.store.firstTime(`auth-state:${claims.n}`, claims.x))) return { kind: 'replayed' };

  if (deps.requireMatchingGoogleEmail) {
    const email = await compareGoogleEmail(deps, user, claims.c);
    if (email.kind === 'unknown') deps.log.info('google account address not compared', { team: user.teamId, user: user.userId, connector: claims.c, why: email.why });
    if (email.kind === 'different') return disconnectWrongAccount(deps, user, claims.c, email);
  }

  const found = claims.p === '-' ? undefined : await deps.store.getPending(claims.p);
  const pending = found && sameUser(found.owner, user) ? found : undefined;
  const stillMissing = await missingOf(
    deps,
    user,
    (pending?.waitingFor ?? [claims.c]).filter((c) => c !== claims.c),
  );
  // Two returns (one per connector) can both see everything connected: only one resumes.
  const resume = pending && stillMissing.length === 0 && (await deps.store.firstTime(`resume:${pending.id}:${pending.createdAt}`, pending.expiresAt)) ? pending : undefined;
  return { kind: 'connected', connector: claims.c, stillMissing, resume, waiting: pending !== undefined };
}

async function disconnectWrongAccount(deps: ConnectDeps, user: SlackUserRef, connector: Connector, email: { google: string; slack: string }): Promise<VerifyOutcome> {
  let disconnected = true;
  try {
    await deps.grants.disconnect(user, connector);
  } catch (e) {
    disconnected = false;
    deps.log.error('could not disconnect a Google account with another address', { team: user.teamId, user: user.userId, connector, error: e instanceof Error ? e.message : String(e) });
  }
  deps.log.warn('disconnected a Google account whose address is not the Slack profile email', { team: user.teamId, user: user.userId, connector });
  return { kind: 'wrong-google-account', connector, google: email.google, slack: email.slack, disconnected };
}

async function missingOf(deps: ConnectDeps, user: SlackUserRef, connectors: Connector[]): Promise<Connector[]> {
  const lookups = await Promise.all(connectors.map(async (c) => [c, await lookupToken(deps.grants, user, c)] as const));
  return lookups.filter(([, t]) => t.kind !== 'token').map(([c]) => c);
}
