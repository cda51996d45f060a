import type { SlackUserRef } from '../../core/identity.js';
import type { Connector } from '../../core/outcomes.js';
import type { ConnectDeps } from '../deps.js';
import { lookupToken } from './with-grant.js';

export type EmailCheck =
  | { kind: 'same' }
  | { kind: 'different'; google: string; slack: string }
  /** Cannot be decided (no email on the Slack profile, Google or Slack not answering): kept. */
  | { kind: 'unknown'; why: string };

const normal = (address: string) => address.trim().toLowerCase();

/**
 * Which Google account was just connected, against the email of the person's Slack profile. Both
 * are asked for at once: Google with the new grant's own token, Slack with the bot's token.
 */
export async function compareGoogleEmail(deps: ConnectDeps, user: SlackUserRef, connector: Connector): Promise<EmailCheck> {
  const google = async () => {
    const t = await lookupToken(deps.grants, user, connector, true);
    return t.kind === 'token' ? deps.accounts.address(connector, t.token) : undefined;
  };
  const slack = async () => {
    const me = await (await deps.directoryFor(user)).person(user.userId);
    return me.kind === 'person' ? me.email : undefined;
  };
  let found: [string | undefined, string | undefined];
  try {
    found = await Promise.all([google(), slack()]);
  } catch (e) {
    return { kind: 'unknown', why: e instanceof Error ? e.message : String(e) };
  }
  const [g, s] = found;
  if (g === undefined) return { kind: 'unknown', why: 'no Google address' };
  if (s === undefined || s === '') return { kind: 'unknown', why: 'no email on the Slack profile' };
  return normal(g) === normal(s) ? { kind: 'same' } : { kind: 'different', google: g, slack: s };
}
