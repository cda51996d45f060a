import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute, type HTTPReceiverOptions, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../core/identity.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../flows/ports/index.js';
import { guardSlackBodies, SLACK_BODY_LIMITS } from '../http/slack-body-guard.js';
import { pooledFetch } from '../outgoing-http.js';
import type { SqlDb } from '../store/sql.js';
import { sqlInstallationStore } from '../store/installation-store.js';
import type { ClientFor } from './deliver.js';

/** The bot scopes the OAuth install asks for; manifest.yml lists the same. */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'users:read.email', 'im:history', 'im:write', 'app_mentions:read'];

/**
 * HTTP mode: bodies on /slack/events are read, bounded and checked before Bolt sees them (slack-body-guard.ts).
 * `arrived` hears of every request first, so that work waiting to start can let its ack go ahead.
 */
function guardedHttpReceiver(options: HTTPReceiverOptions, log: Logger, arrived: () => void): HTTPReceiver {
  const http = new HTTPReceiver({ ...options, bodyLimit: SLACK_BODY_LIMITS.maxBytes });
  const guarded = guardSlackBodies(http.requestListener, { path: '/slack/events', limits: SLACK_BODY_LIMITS, log });
  http.requestListener = (req, res) => {
    if (req.method === 'POST') arrived();
    guarded(req, res);
  };
  return http;
}

/**
 * The Bolt app for one of three set-ups: a single workspace's bot token over HTTP, the same over
 * Socket Mode, or installs in several workspaces (Slack OAuth, tokens kept in the database).
 */
export function buildSlackApp(config: Config, routes: CustomRoute[], logger: BoltLogger, db: SqlDb, log: Logger, arrived: () => void = () => {}): { app: App; clientFor: ClientFor } {
  const oauth = config.slack.oauth;
  const installationStore = oauth ? sqlInstallationStore(db) : undefined;
  const oauthOptions = oauth
    ? {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        scopes: BOT_SCOPES,
        installationStore,
        redirectUri: `${config.publicUrl}/slack/oauth_redirect`,
        installerOptions: {
          installPath: '/slack/install',
          redirectUriPath: '/slack/oauth_redirect',
          directInstall: true,
          clientOptions: { slackApiUrl: config.slack.apiUrl },
          port: config.port,
        },
      }
    : {};
  const receiver: Receiver = config.slack.appToken
    ? new SocketModeReceiver({
        appToken: config.slack.appToken,
        customRoutes: routes,
        logger,
        ...oauthOptions,
        // Socket Mode opens its connection through apps.connections.open, on the same Web API base.
        installerOptions: { port: config.port, clientOptions: { slackApiUrl: config.slack.apiUrl }, ...oauthOptions.installerOptions },
      })
    : guardedHttpReceiver(
        { signingSecret: config.slack.signingSecret ?? '', endpoints: '/slack/events', customRoutes: routes, processBeforeResponse: false, logger, ...oauthOptions },
        log,
        arrived,
      );
  const app = new App({
    receiver,
    logger,
    clientOptions: { slackApiUrl: config.slack.apiUrl, fetch: pooledFetch },
    // The bot keeps no conversation state; Bolt's store would be a middleware on every request.
    convoStore: false,
    ...(config.slack.botToken ? { token: config.slack.botToken } : {}),
  });

  const clients = new Map<string, WebClient>();
  const clientFor: ClientFor = async (user: SlackUserRef) => {
    const token =
      config.slack.botToken ??
      (await installationStore?.fetchInstallation({ teamId: user.teamId, enterpriseId: user.enterpriseId, isEnterpriseInstall: user.enterpriseId !== undefined }))?.bot?.token;
    if (!token) throw new Error(`no bot token for workspace ${user.enterpriseId ?? user.teamId}`);
    let client = clients.get(token);
    if (!client) {
      client = new WebClient(token, { slackApiUrl: config.slack.apiUrl, logger, fetch: pooledFetch });
      clients.set(token, client);
    }
    return client;
  };
  return { app, clientFor };
}
