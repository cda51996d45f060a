import { ScalekitBadRequestException, ScalekitClient, ScalekitForbiddenException, ScalekitNotFoundException } from '@scalekit-sdk/node';
import { ConnectorStatus } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import { signState } from '../../core/auth-state.js';
import { scalekitIdentifier, type SlackUserRef } from '../../core/identity.js';
import type { Connector, GrantProblem } from '../../core/outcomes.js';
import type { Grants, TokenLookup } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { TokenCache } from './token-cache.js';

export interface ScalekitSettings {
  envUrl: string;
  clientId: string;
  clientSecret: string;
  /** Scalekit connection name per connector, e.g. googlecalendar and gmail. */
  connections: Record<Connector, string>;
  /** Where Scalekit sends the user back after consent: `${PUBLIC_URL}/auth/verify`. */
  userVerifyUrl: string;
  stateSecret: string;
  now: () => number;
  timeoutMs?: number;
  /** How long a token may be kept in memory; the contract allows at most 60 s. */
  tokenTtlMs?: number;
}

/** Only this module knows the SDK's protobuf shapes and numeric status enum. */
const PROBLEM_BY_STATUS: Partial<Record<ConnectorStatus, GrantProblem>> = {
  [ConnectorStatus.EXPIRED]: 'expired',
  [ConnectorStatus.DISCONNECTED]: 'revoked',
  [ConnectorStatus.PENDING_AUTH]: 'not-connected',
  [ConnectorStatus.PENDING_VERIFICATION]: 'pending-verification',
  [ConnectorStatus.CONNECTION_STATUS_UNSPECIFIED]: 'not-connected',
};

/** Everything of the Grants port that is Scalekit's: the Connect button's own link is the bot's. */
export type ScalekitGrants = Omit<Grants, 'link'> & { warmUp(): Promise<void> };

/** Scalekit said no (this verification will never pass); anything else may pass when tried again. */
function verifyProblem(e: unknown): 'not-found' | 'invalid' | 'unavailable' {
  if (e instanceof ScalekitNotFoundException) return 'not-found';
  if (e instanceof ScalekitForbiddenException || e instanceof ScalekitBadRequestException) return 'invalid';
  return 'unavailable';
}

export function scalekitGrants(settings: ScalekitSettings): ScalekitGrants {
  const client = new ScalekitClient(settings.envUrl, settings.clientId, settings.clientSecret, {
    timeoutMs: settings.timeoutMs ?? 10_000,
  });
  const accounts = client.connectedAccounts;
  const wrap = (operation: string, e: unknown): ServiceError =>
    new ServiceError({ service: 'scalekit', operation, problem: 'unavailable', detail: e instanceof Error ? e.name : undefined }, { cause: e });
  const target = (user: SlackUserRef, connector: Connector) => ({ connector: settings.connections[connector], identifier: scalekitIdentifier(user) });
  const cache = new TokenCache(Math.min(settings.tokenTtlMs ?? 60_000, 60_000), settings.now);
  const keyOf = (user: SlackUserRef, connector: Connector) => `${scalekitIdentifier(user)}/${connector}`;

  async function fetchToken(user: SlackUserRef, connector: Connector): Promise<TokenLookup> {
    try {
      const account = (await accounts.getConnectedAccountByIdentifier(target(user, connector))).connectedAccount;
      if (!account) return { kind: 'missing', problem: 'not-connected' };
      if (account.status !== ConnectorStatus.ACTIVE) {
        return { kind: 'missing', problem: PROBLEM_BY_STATUS[account.status] ?? 'not-connected' };
      }
      const details = account.authorizationDetails?.details;
      const token = details?.case === 'oauthToken' ? details.value.accessToken : '';
      return token ? { kind: 'token', token } : { kind: 'missing', problem: 'expired' };
    } catch (e) {
      if (e instanceof ScalekitNotFoundException) return { kind: 'missing', problem: 'not-connected' };
      throw wrap('getConnectedAccountByIdentifier', e);
    }
  }

  return {
    token(user, connector, opts) {
      return cache.get(keyOf(user, connector), () => fetchToken(user, connector), opts?.fresh === true);
    },

    async authorizationLink(user, connector, resumeId) {
      const params = {
        ...target(user, connector),
        userVerifyUrl: settings.userVerifyUrl,
        state: signState(settings.stateSecret, { t: user.teamId, e: user.enterpriseId, u: user.userId, p: resumeId ?? '-', c: connector }, settings.now()),
      };
      // A magic link needs the connected account to exist; getOrCreate is a lookup when it does.
      try {
        await accounts.getOrCreateConnectedAccount(target(user, connector));
      } catch (e) {
        throw wrap('getOrCreateConnectedAccount', e);
      }
      try {
        return (await accounts.getMagicLinkForConnectedAccount(params)).link;
      } catch (e) {
        throw wrap('getMagicLinkForConnectedAccount', e);
      }
    },

    async verify(authRequestId, user) {
      try {
        await accounts.verifyConnectedAccountUser({ authRequestId, identifier: scalekitIdentifier(user) });
      } catch (e) {
        throw new ServiceError({ service: 'scalekit', operation: 'verifyConnectedAccountUser', problem: verifyProblem(e), detail: e instanceof Error ? e.name : undefined }, { cause: e });
      }
    },

    async warmUp() {
      // The SDK fetches its own access token lazily, on the first call that fails without one; a
      // burst of first calls would each fetch one. One cheap authenticated call up front avoids it.
      try {
        await accounts.listConnectedAccounts({ connector: settings.connections.calendar, pageSize: 1 });
      } catch (e) {
        throw wrap('listConnectedAccounts', e);
      }
    },

    async disconnect(user, connector) {
      cache.drop(keyOf(user, connector));
      try {
        await accounts.deleteConnectedAccount(target(user, connector));
      } catch (e) {
        if (e instanceof ScalekitNotFoundException) return;
        throw wrap('deleteConnectedAccount', e);
      }
    },
  };
}
