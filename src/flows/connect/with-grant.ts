import type { SlackUserRef } from '../../core/identity.js';
import type { Connector, GrantProblem, MissingGrant, ServiceFailure } from '../../core/outcomes.js';
import type { Grants, TokenLookup } from '../ports/index.js';
import { isServiceError, ServiceError } from '../ports/index.js';

export type GrantResult<T> = { kind: 'ok'; value: T } | { kind: 'missing'; missing: MissingGrant } | { kind: 'failed'; failure: ServiceFailure };

/** Looks the token up at Scalekit; an outage there is a failure the user is told about. */
export async function lookupToken(grants: Grants, user: SlackUserRef, connector: Connector, fresh = false): Promise<TokenLookup | ServiceFailure> {
  try {
    return await grants.token(user, connector, fresh ? { fresh } : undefined);
  } catch (e) {
    if (isServiceError(e) && e.problem !== 'unknown') return { kind: 'auth-service-unavailable' };
    throw e;
  }
}

/** Whose grant, and which waiting request the user returns to after fixing it. */
export interface GrantScope {
  user: SlackUserRef;
  resumeId?: string | undefined;
}

export async function missingGrant(grants: Grants, who: GrantScope, connector: Connector, problem: GrantProblem, scope?: string): Promise<MissingGrant> {
  if (problem === 'admin-blocked') return { connector, problem };
  return { connector, problem, scope, link: await grants.link(who.user, connector, who.resumeId) };
}

const isFailure = (x: TokenLookup | ServiceFailure): x is ServiceFailure => x.kind === 'rate-limited' || x.kind === 'unavailable' || x.kind === 'auth-service-unavailable';

/**
 * Runs one Google call on the user's own token. A 401 gets one fresh token and one more try
 * (Scalekit may have refreshed it meanwhile); every grant problem comes back as data with the
 * user's reconnect link, and rate limits and outages (after the HTTP layer's retries) as failures.
 */
export async function withGrant<T>(grants: Grants, who: GrantScope, connector: Connector, call: (token: string) => Promise<T>, prefetched?: TokenLookup): Promise<GrantResult<T>> {
  let refetched = false;
  let lookup: TokenLookup | ServiceFailure = prefetched ?? (await lookupToken(grants, who.user, connector));
  for (;;) {
    if (isFailure(lookup)) return { kind: 'failed', failure: lookup };
    if (lookup.kind === 'missing') return { kind: 'missing', missing: await missingGrant(grants, who, connector, lookup.problem) };
    try {
      return { kind: 'ok', value: await call(lookup.token) };
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      switch (e.problem) {
        case 'unauthorized':
          if (refetched) return { kind: 'missing', missing: await missingGrant(grants, who, connector, 'unauthorized') };
          refetched = true;
          lookup = await lookupToken(grants, who.user, connector, true);
          continue;
        case 'insufficient-scope':
        case 'admin-blocked':
          return { kind: 'missing', missing: await missingGrant(grants, who, connector, e.problem, e.scope) };
        case 'rate-limited':
          return { kind: 'failed', failure: { kind: 'rate-limited', connector, retryAfterSeconds: e.retryAfterSeconds } };
        case 'unavailable':
          return { kind: 'failed', failure: { kind: 'unavailable', connector } };
        default:
          throw e;
      }
    }
  }
}

export type BothGrants = { kind: 'ok'; calendar: TokenLookup; gmail: TokenLookup } | { kind: 'missing'; missing: MissingGrant[] } | { kind: 'failed'; failure: ServiceFailure };

/**
 * Scheduling needs both grants: both are looked up at once, and every missing one comes back
 * with the user's link, so that one prompt can ask for all of them.
 */
export async function lookupBoth(grants: Grants, who: GrantScope): Promise<BothGrants> {
  const [calendar, gmail] = await Promise.all([lookupToken(grants, who.user, 'calendar'), lookupToken(grants, who.user, 'gmail')]);
  if (isFailure(calendar)) return { kind: 'failed', failure: calendar };
  if (isFailure(gmail)) return { kind: 'failed', failure: gmail };
  const lookups = [
    ['calendar', calendar],
    ['gmail', gmail],
  ] as const;
  const missing = await Promise.all(lookups.flatMap(([c, t]) => (t.kind === 'missing' ? [missingGrant(grants, who, c, t.problem)] : [])));
  return missing.length > 0 ? { kind: 'missing', missing } : { kind: 'ok', calendar, gmail };
}
