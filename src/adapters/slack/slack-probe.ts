import type { Logger as BoltLogger } from '@slack/bolt';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRequestError, WebClient } from '@slack/web-api';
import { failing, type ReadinessCheck } from '../http/readiness.js';

/** auth.test answers that mean the token is the problem, not the URL. */
const TOKEN_PROBLEMS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/**
 * Slack's auth.test with the configured bot token: the cheapest authenticated call there is.
 * With installs in several workspaces there is no one token to try, so the check does not apply.
 */
export function slackCheck(opts: { apiUrl: string; botToken: string | undefined; logger: BoltLogger; timeoutMs: number }): ReadinessCheck {
  const url = opts.apiUrl;
  const variables = ['SLACK_API_URL', 'SLACK_BOT_TOKEN'];
  const token = opts.botToken;
  if (!token) return { name: 'slack', variables, url, run: async () => ({ status: 'n/a', reason: 'installs in several workspaces: each has its own token' }) };
  // No retries: a probe reports what is true now, and must answer within its bound.
  const client = new WebClient(token, { slackApiUrl: url, logger: opts.logger, retryConfig: { retries: 0 }, timeout: opts.timeoutMs });
  return {
    name: 'slack',
    variables,
    url,
    async run() {
      try {
        await client.auth.test();
        return { status: 'ok' };
      } catch (e) {
        if (e instanceof WebAPIPlatformError) {
          const code = e.data.error;
          return TOKEN_PROBLEMS.has(code) ? failing(`Slack refused the bot token (${code})`, ['SLACK_BOT_TOKEN'], url) : failing(`auth.test answered ${code}`, variables, url);
        }
        if (e instanceof WebAPIHTTPError) return failing(`auth.test got HTTP ${e.statusCode}: is this Slack's Web API?`, ['SLACK_API_URL'], url);
        const cause = e instanceof WebAPIRequestError ? e.original.message : e instanceof Error ? e.message : String(e);
        return failing(`Slack's Web API could not be reached (${cause})`, ['SLACK_API_URL'], url);
      }
    },
  };
}
