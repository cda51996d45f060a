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
  /** An Enterprise Grid member: Sign in with Slack adds the enterprise claims. */
  enterprise?: { id: string; name: string; domain: string };
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
  /** The Slack app's client id (Sign in with Slack, OAuth). Default `1111111111.2222222222`. */
  clientId?: string;
  /** The Slack app's client secret. Default: a random one (`fake.clientSecret`). */
  clientSecret?: string;
  /** The app's configured Redirect URLs; redirect_uri must match one or be below it. Default: any. */
  redirectUrls?: string[];
  /** How long a Sign in with Slack authorization code can be exchanged. Default 10 minutes. */
  oidcCodeTtlMs?: number;
  /** Lifetime (exp − iat) of an id_token. Default 300 s, as in Slack's example. */
  idTokenTtlSec?: number;
}

/** One Web API call as received. `args` is the parsed body; JSON-string fields (blocks, view, …) are parsed. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Token that authenticated the call (Authorization header, else body `token`). */
  token?: string;
  /**
   * How a client-credentials call (openid.connect.token, oauth.v2.access) sent its client secret.
   * The secret itself is never recorded: it is not in `args`.
   */
  clientAuth?: 'client_secret_post' | 'client_secret_basic';
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
