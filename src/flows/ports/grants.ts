import type { SlackUserRef } from '../../core/identity.js';
import type { Connector, GrantProblem } from '../../core/outcomes.js';

export type TokenLookup = { kind: 'token'; token: string } | { kind: 'missing'; problem: GrantProblem };

/**
 * The user's Google grants, held by Scalekit. A token may be kept in memory for up to a minute;
 * `fresh` skips and drops that copy (after a Google 401).
 */
export interface Grants {
  token(user: SlackUserRef, connector: Connector, opts?: { fresh?: boolean }): Promise<TokenLookup>;
  /**
   * Where the user's Connect button points: the bot's own signed Connect link for this connector
   * (no call to Scalekit). With `resumeId`, connecting resumes the waiting request.
   */
  link(user: SlackUserRef, connector: Connector, resumeId?: string): Promise<string>;
  /**
   * A fresh Scalekit authorization link (the connected account is created first if need be), made
   * when the signed-in owner opens their Connect link. The return from Google comes back to the
   * bot carrying a signed state that names the user and, with `resumeId`, the waiting request.
   */
  authorizationLink(user: SlackUserRef, connector: Connector, resumeId?: string): Promise<string>;
  /** Activates the account after the user came back through the verify URL. */
  verify(authRequestId: string, user: SlackUserRef): Promise<void>;
  disconnect(user: SlackUserRef, connector: Connector): Promise<void>;
}
