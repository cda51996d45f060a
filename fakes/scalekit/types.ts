import type { JsonObject } from '@bufbuild/protobuf';
import type { ConnectorStatus } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';
import type { Grant } from '../token-registry.js';

export interface Connection {
  name: string;
  id: string;
  scopes: string[];
}

export interface FakeAccount {
  id: string;
  connector: string;
  identifier: string;
  connectionId: string;
  status: ConnectorStatus;
  scopes: string[];
  grant?: Grant;
  tokenExpiresAt?: number;
  updatedAt: number;
  apiConfig?: JsonObject;
}

export interface MagicLink {
  id: string;
  url: string;
  connector: string;
  identifier: string;
  state?: string;
  userVerifyUrl?: string;
  expiresAt: number;
}

export interface AuthRequest {
  id: string;
  connector: string;
  identifier: string;
  expiresAt: number;
}

export interface RecordedCall {
  method: string;
  connector?: string;
  identifier?: string;
}
