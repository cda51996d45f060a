import { ScalekitClient, ScalekitNotFoundException } from '@scalekit-sdk/node';
import { ConnectorStatus } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import { scalekitIdentifier, type SlackUserRef } from '../../core/identity.js';
import type { Connector, GrantProblem } from '../../core/outcomes.js';
import type { Grants, TokenLookup } from '../../flows/ports.js';
import { ServiceError } from '../../flows/service-error.js';

export interface ScalekitSettings {
  envUrl: string;
  clientId: string;
  clientSecret: string;
  /** Scalekit connection name per connector, e.g. googlecalendar and gmail. */
  connections: Record<Connector, string>;
  timeoutMs?: number;
}

/** Only this module knows the SDK's protobuf shapes and numeric status enum. */
const PROBLEM_BY_STATUS: Partial<Record<ConnectorStatus, GrantProblem>> = {
  [ConnectorStatus.EXPIRED]: 'expired',
  [ConnectorStatus.DISCONNECTED]: 'revoked',
  [ConnectorStatus.PENDING_AUTH]: 'not-connected',
  [ConnectorStatus.PENDING_VERIFICATION]: 'pending-verification',
  [ConnectorStatus.CONNECTION_STATUS_UNSPECIFIED]: 'not-connected',
};

export function scalekitGrants(settings: ScalekitSettings): Grants {
  const client = new ScalekitClient(settings.envUrl, settings.clientId, settings.clientSecret, {
    timeoutMs: settings.timeoutMs ?? 10_000,
  });
  const accounts = client.connectedAccounts;
  const wrap = (operation: string, e: unknown): ServiceError =>
    new ServiceError({ service: 'scalekit', operation, problem: 'unavailable', detail: e instanceof Error ? e.name : undefined }, { cause: e });

  return {
    async token(user: SlackUserRef, connector: Connector): Promise<TokenLookup> {
      const identifier = scalekitIdentifier(user);
      try {
        const res = await accounts.getConnectedAccountByIdentifier({ connector: settings.connections[connector], identifier });
        const account = res.connectedAccount;
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
    },

    async link(user: SlackUserRef, connector: Connector): Promise<string> {
      const params = { connector: settings.connections[connector], identifier: scalekitIdentifier(user) };
      try {
        try {
          return (await accounts.getMagicLinkForConnectedAccount(params)).link;
        } catch (e) {
          if (!(e instanceof ScalekitNotFoundException)) throw e;
          await accounts.getOrCreateConnectedAccount(params);
          return (await accounts.getMagicLinkForConnectedAccount(params)).link;
        }
      } catch (e) {
        throw wrap('getMagicLinkForConnectedAccount', e);
      }
    },
  };
}
