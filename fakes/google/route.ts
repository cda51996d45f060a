import type { z } from 'zod';
import type { Grant } from '../token-registry.js';
import { type GoogleService, googleError, parseError } from './errors.js';
import type { GoogleWorld } from './state.js';

export interface RequestContext {
  method: string;
  /** Regex captures of the route pattern, URI-decoded. */
  params: string[];
  query: URLSearchParams;
  /** Raw request body text ('' when there was none). */
  bodyText: string;
  grant: Grant;
  world: GoogleWorld;
  now: () => Date;
}

export interface Reply {
  status: number;
  body?: unknown;
}

/** The Google API operations the fake answers, named as Google's reference names them. */
export type GoogleOperation =
  | 'freeBusy'
  | 'calendarList.list'
  | 'calendars.get'
  | 'events.insert'
  | 'events.get'
  | 'events.delete'
  | 'drafts.create'
  | 'drafts.get'
  | 'drafts.delete'
  | 'drafts.list'
  | 'messages.list'
  | 'messages.get'
  | 'getProfile';

export interface Route {
  operation: GoogleOperation;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Matched against the path after the service prefix (`/calendar/v3` or `/gmail/v1`). */
  pattern: RegExp;
  /** The RPC name Google reports in ErrorInfo metadata. */
  rpcMethod: string;
  /** The token needs at least one of these scopes. */
  scopes: readonly string[];
  handle(ctx: RequestContext): Reply;
}

export interface ServiceRoutes {
  service: GoogleService;
  prefix: string;
  routes: readonly Route[];
}

/** Parses the JSON body and validates it; a parse failure is Google's 400 parseError. */
export function jsonBody<T extends z.ZodType>(ctx: RequestContext, schema: T, onInvalid: (issue: z.core.$ZodIssue | undefined) => Error): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = ctx.bodyText.trim() === '' ? {} : JSON.parse(ctx.bodyText);
  } catch {
    throw parseError();
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw onInvalid(result.error.issues[0]);
  return result.data;
}

export const badRequest = (): Error => googleError(400, 'Bad Request', 'badRequest');

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return out;
}

export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest();
  }
}
