/** Shared types for the Slack fakes (Web API server + signed request client). */

export interface FakeSlackUser {
  id: string;
  teamId?: string;
  name: string;
  realName?: string;
  /** Omit to model a user who hides their email (users.info then has no profile.email). */
  email?: string;
  /** IANA zone, e.g. "America/Los_Angeles". */
  tz: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackOptions {
  botToken: string;
  teamId: string;
  users: FakeSlackUser[];
  botUserId?: string;
  botId?: string;
  teamName?: string;
  teamDomain?: string;
  /** How long a trigger_id from newTriggerId() stays valid for views.open (Slack: 3 s). */
  triggerTtlMs?: number;
}

/** One Web API call as received. `args` is the parsed body; JSON-string fields (blocks, view, …) are parsed. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Token that authenticated the call (Authorization header, else body `token`). */
  token?: string;
  /** The `{ ok, … }` body the fake answered with. */
  result: Record<string, unknown>;
}

/**
 * What a response_url came with: a slash command's, a button click's (`block_actions` on a message),
 * or any other (shortcuts, modal submissions). Only a `block_actions` url can replace or delete
 * the message it came from.
 */
export type ResponseUrlSource = 'command' | 'block_actions' | 'other';

/** What one accepted response_url post did to what the user sees. */
export type ResponseEffect = 'new_message' | 'replaced_original' | 'deleted_original' | 'none';

/** One accepted POST (HTTP 200) to a response_url handed out by newResponseUrl(). */
export interface ResponsePost {
  responseUrl: string;
  /**
   * The message as Slack applied it: on a url that cannot act on an original message (a slash
   * command's), `replace_original` and `delete_original` are dropped, because Slack ignores them.
   */
  body: Record<string, unknown>;
  /** The JSON body exactly as the app posted it. */
  sent: Record<string, unknown>;
  source: ResponseUrlSource;
  effect: ResponseEffect;
}

/** A response_url POST the fake refused (used up, unknown url, bad body), like Slack would. */
export interface RejectedResponsePost {
  responseUrl: string;
  body: Record<string, unknown>;
  status: number;
  error: string;
}

export type Recorded = ({ kind: 'call' } & SlackCall) | ({ kind: 'response' } & ResponsePost);

export type SlackResult = Record<string, unknown> & { ok: boolean };

export type NotInChannelError = 'not_in_channel' | 'channel_not_found';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function strArg(args: Record<string, unknown>, key: string): string | undefined {
  const v = args[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
