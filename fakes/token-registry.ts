import { randomBytes } from 'node:crypto';

/**
 * The one place where the Scalekit fake and the Google fake agree on who a token belongs to.
 * Scalekit mints tokens when a user "consents"; Google looks them up on every request.
 */
export interface Grant {
  accessToken: string;
  refreshToken: string;
  identifier: string;
  connector: string;
  email: string;
  scopes: string[];
}

export const GOOGLE_SCOPES = {
  calendar: 'https://www.googleapis.com/auth/calendar',
  gmailCompose: 'https://www.googleapis.com/auth/gmail.compose',
  gmailReadonly: 'https://www.googleapis.com/auth/gmail.readonly',
} as const;

export class TokenRegistry {
  private readonly byAccess = new Map<string, Grant>();
  private readonly identities = new Map<string, string>();
  private readonly minted: string[] = [];

  /** Which Google account a Scalekit identifier signs in with when it consents. */
  linkIdentity(identifier: string, email: string): void {
    this.identities.set(identifier, email);
  }

  googleEmailOf(identifier: string): string | undefined {
    return this.identities.get(identifier);
  }

  mint(identifier: string, connector: string, scopes: string[]): Grant {
    const email = this.identities.get(identifier) ?? `${identifier.replace(/[^a-z0-9]/gi, '.')}@example.test`;
    const grant: Grant = {
      accessToken: `ya29.fake-${connector}-${randomBytes(18).toString('hex')}`,
      refreshToken: `1//fake-refresh-${randomBytes(18).toString('hex')}`,
      identifier,
      connector,
      email,
      scopes,
    };
    this.byAccess.set(grant.accessToken, grant);
    this.minted.push(grant.accessToken, grant.refreshToken);
    return grant;
  }

  lookup(accessToken: string): Grant | undefined {
    return this.byAccess.get(accessToken);
  }

  /** Makes Google answer 401 for this token, as after a revocation or an expiry. */
  invalidate(accessToken: string): void {
    this.byAccess.delete(accessToken);
  }

  /** Every access and refresh token ever minted: what must never appear in a log or message. */
  allMinted(): readonly string[] {
    return this.minted;
  }
}
