import { ScalekitClient, ScalekitServerException } from '@scalekit-sdk/node';
import { failing, type ReadinessCheck } from '../http/readiness.js';

/** What the token endpoint says when it does not know the client or its secret. */
const CREDENTIAL_STATUSES = new Set([400, 401, 403]);

/**
 * Scalekit's token endpoint with the configured client credentials (the client_credentials grant
 * every SDK call starts with): it proves the URL and the credentials and creates nothing. The
 * token it returns is dropped.
 */
export function scalekitCheck(opts: { envUrl: string; clientId: string; clientSecret: string; timeoutMs: number }): ReadinessCheck {
  const url = opts.envUrl;
  const client = new ScalekitClient(url, opts.clientId, opts.clientSecret, { timeoutMs: opts.timeoutMs });
  return {
    name: 'scalekit',
    variables: ['SCALEKIT_ENV_URL'],
    url,
    async run() {
      try {
        await client.getClientAccessToken();
        return { status: 'ok' };
      } catch (e) {
        if (e instanceof ScalekitServerException && CREDENTIAL_STATUSES.has(e.httpStatus)) {
          return failing(`Scalekit refused the client credentials (HTTP ${e.httpStatus})`, ['SCALEKIT_CLIENT_ID', 'SCALEKIT_CLIENT_SECRET'], url);
        }
        if (e instanceof ScalekitServerException) return failing(`Scalekit's token endpoint answered HTTP ${e.httpStatus}: is this the environment URL?`, ['SCALEKIT_ENV_URL'], url);
        return failing(`Scalekit could not be reached (${e instanceof Error ? e.message : String(e)})`, ['SCALEKIT_ENV_URL'], url);
      }
    },
  };
}
