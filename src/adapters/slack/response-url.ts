import type { RespondArguments } from '@slack/bolt';
import { send } from '../outgoing-http.js';

/** What the listeners answer through: a message posted to the request's response_url. */
export type Respond = (message: RespondArguments) => Promise<void>;

/** Slack answers a response_url within seconds or not at all. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * Posts to a response_url over the shared keep-alive pool rather than through Bolt's `respond`
 * (an axios call per message). A refusal throws like Bolt's does; the URL itself is never put
 * in the error, since whoever holds it can post as the bot for 30 minutes.
 */
export function respondTo(responseUrl: string): Respond {
  return async (message) => {
    const res = await send({
      method: 'POST',
      url: responseUrl,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      timeoutMs: RESPONSE_URL_TIMEOUT_MS,
    });
    if (!res.ok) throw new Error(`response_url refused the message: HTTP ${res.status} ${res.text.slice(0, 100)}`);
  };
}
