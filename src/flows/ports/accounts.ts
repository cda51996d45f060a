import type { Connector } from '../../core/outcomes.js';

/** Which Google account a grant belongs to, asked of Google with that grant's own token. */
export interface GoogleAccounts {
  /** The account's address (Calendar: the primary calendar's id; Gmail: the profile's address). */
  address(connector: Connector, token: string): Promise<string>;
}
