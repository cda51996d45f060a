/** What went wrong with an outside call, in the terms the flows decide on. */
export type ServiceProblem = 'unauthorized' | 'insufficient-scope' | 'admin-blocked' | 'rate-limited' | 'unavailable' | 'not-found' | 'gone' | 'conflict' | 'invalid' | 'unknown';

export class ServiceError extends Error {
  readonly service: string;
  readonly operation: string;
  readonly problem: ServiceProblem;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly scope: string | undefined;

  constructor(
    init: {
      service: string;
      operation: string;
      problem: ServiceProblem;
      status?: number | undefined;
      detail?: string | undefined;
      retryAfterSeconds?: number | undefined;
      scope?: string | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super(`${init.service} ${init.operation} failed: ${init.problem}${init.status ? ` (HTTP ${init.status})` : ''}${init.detail ? `: ${init.detail}` : ''}`, options);
    this.name = 'ServiceError';
    this.service = init.service;
    this.operation = init.operation;
    this.problem = init.problem;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.scope = init.scope;
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;
