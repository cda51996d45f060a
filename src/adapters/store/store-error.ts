import { ServiceError } from '../../flows/ports/index.js';

/**
 * SQLSTATEs that say the server is not there for us rather than that a statement is wrong:
 * connection exceptions (08), insufficient resources (53), shutdowns (57P01–03), a statement
 * cancelled by statement_timeout (57014), a session ended for idling in a transaction (25P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123]|57014|25P03)$/;
/** Socket errors on the way to the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres's own words for a connection or query that timed out or broke. */
const DRIVER_MESSAGES = /timeout|Connection terminated|not queryable|connection error/i;

function unavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
  return typeof code !== 'string' && DRIVER_MESSAGES.test(e.message);
}

/** Where the store lives, for log lines: host and port, and the variable that set them (never the password). */
export function describeServer(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port || '5432'} (DATABASE_URL)`;
}

/** Every failure of the PostgreSQL store, as the one error type the listeners' wrapper knows. */
export function storeFailure(operation: 'connect' | 'query', e: unknown, where: string): ServiceError {
  if (e instanceof ServiceError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return new ServiceError({ service: 'store', operation, problem: unavailable(e) ? 'unavailable' : 'unknown', detail: `${where}: ${reason}` }, { cause: e });
}

export const isStoreUnavailable = (e: unknown): boolean => e instanceof ServiceError && e.service === 'store' && e.problem === 'unavailable';
