/**
 * Google API error bodies, in the shape googleapis.com actually returns:
 * `{"error":{"code","message","errors":[{message,domain,reason,...}],"status","details"?}}`.
 */

export type GoogleService = 'calendar' | 'gmail';

export interface ErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface ErrorInfoDetail {
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo';
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    errors: ErrorItem[];
    status?: string;
    details?: ErrorInfoDetail[];
  };
}

const STATUS_BY_CODE: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Thrown by handlers; the server turns it into a JSON error response. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly body: GoogleErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error.message);
    this.name = 'GoogleApiError';
  }
}

export function googleError(
  code: number,
  message: string,
  reason: string,
  opts: { domain?: string; itemMessage?: string; extra?: Partial<ErrorItem>; details?: ErrorInfoDetail[] } = {},
): GoogleApiError {
  const item: ErrorItem = { message: opts.itemMessage ?? message, domain: opts.domain ?? 'global', reason, ...opts.extra };
  const status = STATUS_BY_CODE[code];
  const body: GoogleErrorBody = {
    error: {
      code,
      message,
      errors: [item],
      ...(status === undefined ? {} : { status }),
      ...(opts.details === undefined ? {} : { details: opts.details }),
    },
  };
  return new GoogleApiError(code, body);
}

export function unauthenticated(): GoogleApiError {
  const err = googleError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'authError',
    { itemMessage: 'Invalid Credentials', extra: { location: 'Authorization', locationType: 'header' } },
  );
  err.headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/", error="invalid_token"';
  return err;
}

export function insufficientScopes(service: GoogleService, rpcMethod: string): GoogleApiError {
  const err = googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', {
    itemMessage: 'Insufficient Permission',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
        domain: 'googleapis.com',
        metadata: { service: service === 'calendar' ? 'calendar-json.googleapis.com' : 'gmail.googleapis.com', method: rpcMethod },
      },
    ],
  });
  err.headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/", error="insufficient_scope"';
  return err;
}

export const notFound = (message = 'Not Found'): GoogleApiError => googleError(404, message, 'notFound');
export const duplicate = (): GoogleApiError => googleError(409, 'The requested identifier already exists.', 'duplicate');
export const deleted = (): GoogleApiError => googleError(410, 'Resource has been deleted', 'deleted');
export const invalid = (message: string, reason = 'invalid'): GoogleApiError => googleError(400, message, reason);
export const parseError = (): GoogleApiError => googleError(400, 'Parse Error', 'parseError');

interface Canned {
  message: string;
  domain: string;
}

/** Defaults for errors injected with `failNext`, keyed by reason. */
const CANNED: Readonly<Record<string, Canned>> = {
  rateLimitExceeded: { message: 'Rate Limit Exceeded', domain: 'usageLimits' },
  userRateLimitExceeded: { message: 'Rate Limit Exceeded', domain: 'usageLimits' },
  quotaExceeded: { message: 'Quota Exceeded', domain: 'usageLimits' },
  dailyLimitExceeded: { message: 'Daily Limit Exceeded', domain: 'usageLimits' },
  authError: { message: 'Invalid Credentials', domain: 'global' },
  insufficientPermissions: { message: 'Insufficient Permission', domain: 'global' },
  forbidden: { message: 'Forbidden', domain: 'global' },
  notFound: { message: 'Not Found', domain: 'global' },
  duplicate: { message: 'The requested identifier already exists.', domain: 'global' },
  deleted: { message: 'Resource has been deleted', domain: 'global' },
  conflict: { message: 'The operation was aborted.', domain: 'global' },
  invalid: { message: 'Invalid Value', domain: 'global' },
  badRequest: { message: 'Bad Request', domain: 'global' },
  failedPrecondition: { message: 'Precondition check failed.', domain: 'global' },
  backendError: { message: 'Backend Error', domain: 'global' },
  internalError: { message: 'Internal Error', domain: 'global' },
};

const DEFAULT_REASON: Readonly<Record<number, string>> = {
  400: 'badRequest',
  401: 'authError',
  403: 'rateLimitExceeded',
  404: 'notFound',
  409: 'duplicate',
  410: 'deleted',
  412: 'failedPrecondition',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** A Google-formatted error for an injected failure (`failNext`). */
export function cannedError(status: number, reason?: string, retryAfter?: string): GoogleApiError {
  const why = reason ?? DEFAULT_REASON[status] ?? 'backendError';
  const canned = CANNED[why] ?? { message: why, domain: 'global' };
  const message = status === 401 ? unauthenticated().body.error.message : status === 503 ? 'The service is currently unavailable.' : canned.message;
  const err = googleError(status, message, why, {
    domain: canned.domain,
    itemMessage: canned.message,
    ...(status === 401 ? { extra: { location: 'Authorization', locationType: 'header' } } : {}),
  });
  if (retryAfter !== undefined) err.headers['retry-after'] = retryAfter;
  return err;
}
