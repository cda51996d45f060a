import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { Code, ConnectError, type ConnectRouter, type HandlerContext, type ServiceImpl } from '@connectrpc/connect';
import {
  AuthorizationDetailsSchema,
  ConnectedAccountForListSchema,
  ConnectedAccountSchema,
  ConnectedAccountService,
  ConnectorType,
  CreateConnectedAccountResponseSchema,
  DeleteConnectedAccountResponseSchema,
  GetConnectedAccountByIdentifierResponseSchema,
  GetMagicLinkForConnectedAccountResponseSchema,
  ListConnectedAccountsResponseSchema,
  OauthTokenSchema,
  UpdateConnectedAccountResponseSchema,
  VerifyConnectedAccountUserResponseSchema,
  type AuthorizationDetails,
  type ConnectedAccount,
  type ConnectedAccountForList,
} from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import { ConnectorStatus, GRANT_TTL_MS, notFound, type FakeAccount, type ScalekitState } from './state.js';

type Impl = Partial<ServiceImpl<typeof ConnectedAccountService>>;
type Addressed = { connector?: string; identifier?: string };

const PROVIDER = 'google';

function listItem(a: FakeAccount): ConnectedAccountForList {
  return create(ConnectedAccountForListSchema, {
    id: a.id,
    identifier: a.identifier,
    connector: a.connector,
    connectionId: a.connectionId,
    provider: PROVIDER,
    status: a.status,
    authorizationType: ConnectorType.OAUTH,
    updatedAt: timestampFromMs(a.updatedAt),
    ...(a.tokenExpiresAt ? { tokenExpiresAt: timestampFromMs(a.tokenExpiresAt) } : {}),
  });
}

/** Tokens are only handed out while ACTIVE; otherwise an empty oauthToken with the connection's scopes. */
function authDetails(a: FakeAccount): AuthorizationDetails {
  const active = a.status === ConnectorStatus.ACTIVE && a.grant !== undefined;
  const token = create(OauthTokenSchema, {
    accessToken: active ? a.grant?.accessToken : '',
    refreshToken: active ? a.grant?.refreshToken : '',
    scopes: active ? (a.grant?.scopes ?? a.scopes) : a.scopes,
  });
  return create(AuthorizationDetailsSchema, { details: { case: 'oauthToken', value: token } });
}

function full(a: FakeAccount): ConnectedAccount {
  const { $typeName: _ignored, ...fields } = listItem(a);
  return create(ConnectedAccountSchema, {
    ...fields,
    authorizationDetails: authDetails(a),
    ...(a.apiConfig ? { apiConfig: a.apiConfig } : {}),
  });
}

/** Credentials supplied by the caller (create/update with an access token) make the account ACTIVE as-is. */
function applySupplied(state: ScalekitState, a: FakeAccount, details: AuthorizationDetails | undefined): void {
  if (details?.details.case !== 'oauthToken' || !details.details.value.accessToken) return;
  const t = details.details.value;
  const scopes = t.scopes.length ? [...t.scopes] : a.scopes;
  const email = state.registry.googleEmailOf(a.identifier) ?? '';
  a.grant = { accessToken: t.accessToken, refreshToken: t.refreshToken, identifier: a.identifier, connector: a.connector, email, scopes };
  a.status = ConnectorStatus.ACTIVE;
  a.tokenExpiresAt = Date.now() + GRANT_TTL_MS;
  a.updatedAt = Date.now();
}

export function connectedAccountRoutes(state: ScalekitState): (router: ConnectRouter) => void {
  /** Every RPC: latency, M2M bearer check, call log, injected fault — in that order. */
  async function guard(method: string, req: Addressed, ctx: HandlerContext): Promise<void> {
    await state.delay(ctx.signal);
    if (!state.checkM2M(ctx.requestHeader.get('authorization'))) {
      state.rejectedCalls += 1;
      throw new ConnectError('invalid or expired access token', Code.Unauthenticated);
    }
    state.calls.push({
      method,
      ...(req.connector ? { connector: req.connector } : {}),
      ...(req.identifier ? { identifier: req.identifier } : {}),
    });
    const fault = state.takeFault(method);
    if (fault) throw new ConnectError(fault.message, fault.code);
  }

  const impl: Impl = {
    async getConnectedAccountAuth(req, ctx) {
      await guard('getConnectedAccountAuth', req, ctx);
      const account = state.resolve(req);
      return create(GetConnectedAccountByIdentifierResponseSchema, { connectedAccount: full(account) });
    },

    async createConnectedAccount(req, ctx) {
      await guard('createConnectedAccount', req, ctx);
      if (!req.connector || !req.identifier) {
        throw new ConnectError('connector and identifier are required', Code.InvalidArgument);
      }
      state.connection(req.connector);
      if (state.find(req.connector, req.identifier)) {
        throw new ConnectError('connected account already exists', Code.AlreadyExists);
      }
      const account = state.create(req.connector, req.identifier);
      if (req.connectedAccount?.apiConfig) account.apiConfig = req.connectedAccount.apiConfig;
      applySupplied(state, account, req.connectedAccount?.authorizationDetails);
      return create(CreateConnectedAccountResponseSchema, { connectedAccount: full(account) });
    },

    async updateConnectedAccount(req, ctx) {
      await guard('updateConnectedAccount', req, ctx);
      const account = state.resolve(req);
      if (req.connectedAccount?.apiConfig) account.apiConfig = req.connectedAccount.apiConfig;
      applySupplied(state, account, req.connectedAccount?.authorizationDetails);
      account.updatedAt = Date.now();
      return create(UpdateConnectedAccountResponseSchema, { connectedAccount: full(account) });
    },

    async deleteConnectedAccount(req, ctx) {
      await guard('deleteConnectedAccount', req, ctx);
      state.remove(state.resolve(req));
      return create(DeleteConnectedAccountResponseSchema, {});
    },

    async listConnectedAccounts(req, ctx) {
      await guard('listConnectedAccounts', req, ctx);
      const names = req.connectionNames;
      const items = [...state.accounts.values()].filter(
        (a) =>
          (!req.connector || a.connector === req.connector) &&
          (!req.identifier || a.identifier === req.identifier) &&
          (!req.provider || req.provider.toLowerCase() === PROVIDER) &&
          (names.length === 0 || names.includes(a.connector)),
      );
      return create(ListConnectedAccountsResponseSchema, { connectedAccounts: items.map(listItem), totalSize: items.length });
    },

    async getMagicLinkForConnectedAccount(req, ctx) {
      await guard('getMagicLinkForConnectedAccount', req, ctx);
      // Like the real service: the connected account must exist (create it first); no silent creation.
      const account: FakeAccount = state.resolve(req);
      const link = state.createLink(account, req.state, req.userVerifyUrl);
      return create(GetMagicLinkForConnectedAccountResponseSchema, {
        link: link.url,
        expiry: timestampFromMs(link.expiresAt),
      });
    },

    async verifyConnectedAccountUser(req, ctx) {
      await guard('verifyConnectedAccountUser', { identifier: req.identifier }, ctx);
      if (!req.authRequestId.trim()) throw new ConnectError('auth_request_id is required', Code.InvalidArgument);
      if (!req.identifier.trim()) throw new ConnectError('identifier is required', Code.InvalidArgument);
      const request = state.authRequests.get(req.authRequestId);
      // 404 "no pending flow for the given auth_request_id or already consumed" (the RPC's OpenAPI annotation).
      if (!request || request.expiresAt <= Date.now()) {
        throw new ConnectError('auth request not found or no longer valid', Code.NotFound);
      }
      // 403 "identifier mismatch"; the pending flow stays, so its owner can still verify it.
      if (request.identifier !== req.identifier) {
        throw new ConnectError('identifier mismatch', Code.PermissionDenied);
      }
      state.authRequests.delete(request.id);
      const account = state.find(request.connector, request.identifier);
      if (!account) throw notFound('connected account');
      state.activate(account);
      const done = new URL('/connected', state.baseUrl);
      done.searchParams.set('connector', account.connector);
      return create(VerifyConnectedAccountUserResponseSchema, { postUserVerifyRedirectUrl: done.toString() });
    },
  };

  return (router) => {
    router.service(ConnectedAccountService, impl);
  };
}
