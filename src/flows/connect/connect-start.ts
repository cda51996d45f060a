import { readConnectToken } from '../../core/connect-token.js';
import type { SlackUserRef } from '../../core/identity.js';
import type { Connector } from '../../core/outcomes.js';
import { isSameSlackUser } from '../../core/session.js';
import type { ConnectDeps } from '../deps.js';

export type ConnectStartOutcome =
  | { kind: 'invalid'; why: string }
  /** Nobody is signed in in this browser: sign in with Slack first, then come back here. */
  | { kind: 'sign-in'; owner: SlackUserRef }
  /** Someone other than the button's owner is signed in: nothing happens. */
  | { kind: 'not-yours' }
  /** The owner: on to Scalekit's authorization link, made just now. */
  | { kind: 'authorize'; url: string; connector: Connector }
  | { kind: 'unavailable'; connector: Connector };

/**
 * Someone opened a Connect link. The link only names whose grant it is for; the person at the
 * browser is whoever signed in with Slack. Only the owner gets an authorization link, and it is
 * made now, so it is never one that expired while the message sat in Slack.
 */
export async function startConnect(deps: ConnectDeps, q: { token: string; signedIn: SlackUserRef | undefined }): Promise<ConnectStartOutcome> {
  const checked = readConnectToken(deps.linkKey, q.token, deps.now());
  if (checked.kind === 'invalid') return { kind: 'invalid', why: checked.why };
  const { owner, connector, resumeId } = checked.start;
  if (q.signedIn === undefined) return { kind: 'sign-in', owner };
  if (!isSameSlackUser(q.signedIn, owner)) {
    deps.log.warn('a Connect link was opened by someone else', { team: owner.teamId, user: owner.userId, signedInTeam: q.signedIn.teamId, signedInUser: q.signedIn.userId, connector });
    return { kind: 'not-yours' };
  }
  try {
    return { kind: 'authorize', url: await deps.grants.authorizationLink(owner, connector, resumeId), connector };
  } catch (e) {
    deps.log.warn('could not make an authorization link', { team: owner.teamId, user: owner.userId, connector, error: e instanceof Error ? e.message : String(e) });
    return { kind: 'unavailable', connector };
  }
}
