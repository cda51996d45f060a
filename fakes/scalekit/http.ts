import { readBody } from '../read-body.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConnectorStatus, M2M_TTL_S, randomId, type ScalekitState } from './state.js';

/** Renders a consent screen for a magic link; Allow must lead to `allowUrl` (a path on the fake). */
export type ConsentPage = (link: { connector: string; identifier: string; allowUrl: string }) => string;

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** How long Scalekit waits for the app's verify call after consent (undocumented; the fake's choice). */
const AUTH_REQUEST_TTL_MS = 600_000;

function json(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, status: number, title: string, text: string): void {
  const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`);
}

/** POST /oauth/token — the client_credentials grant the SDK uses to get its M2M bearer token. */
async function token(state: ScalekitState, creds: ClientCredentials, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  await state.delay();
  if (form.get('grant_type') !== 'client_credentials') {
    json(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
    return;
  }
  if (form.get('client_id') !== creds.clientId || form.get('client_secret') !== creds.clientSecret) {
    json(res, 401, { error: 'invalid_client', error_description: 'invalid client credentials' });
    return;
  }
  json(res, 200, { access_token: state.issueM2M(), token_type: 'Bearer', expires_in: M2M_TTL_S, scope: '' });
}

/** GET /magic/<id> — the user's browser follows the authorization link and "consents" at Google. */
function magic(state: ScalekitState, id: string, url: URL, res: ServerResponse, consentPage: ConsentPage | undefined): void {
  const link = state.links.get(id);
  if (!link) {
    html(res, 404, 'Link not found', 'This authorization link is invalid.');
    return;
  }
  // Links are time-limited (the response's expiry); an expired one changes nothing.
  if (link.expiresAt <= Date.now()) {
    html(res, 410, 'Link expired', 'This authorization link has expired. Ask for a new one.');
    return;
  }
  // The connected account was deleted since the link was made: nothing to authorize.
  const account = state.find(link.connector, link.identifier);
  if (!account) {
    html(res, 404, 'Link not found', 'The connected account for this link no longer exists.');
    return;
  }
  if (consentPage !== undefined && url.searchParams.get('consent') !== 'allow') {
    const allow = new URLSearchParams(url.searchParams);
    allow.set('consent', 'allow');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(consentPage({ connector: link.connector, identifier: link.identifier, allowUrl: `${url.pathname}?${allow.toString()}` }));
    return;
  }
  const email = url.searchParams.get('email');
  if (email) state.registry.linkIdentity(link.identifier, email);

  if (!link.userVerifyUrl) {
    state.activate(account);
    html(res, 200, 'Connected', `Your ${link.connector} account is connected. You can close this window.`);
    return;
  }
  state.setStatus(account, ConnectorStatus.PENDING_VERIFICATION);
  const requestId = randomId('ar');
  state.authRequests.set(requestId, {
    id: requestId,
    connector: link.connector,
    identifier: link.identifier,
    expiresAt: Date.now() + AUTH_REQUEST_TTL_MS,
  });
  const target = new URL(link.userVerifyUrl);
  target.searchParams.set('auth_request_id', requestId);
  if (link.state) target.searchParams.set('state', link.state);
  res.writeHead(302, { location: target.toString() });
  res.end();
}

export function httpHandler(state: ScalekitState, creds: ClientCredentials, consentPage?: ConsentPage): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const magicId = /^\/magic\/([^/]+)$/.exec(url.pathname)?.[1];
    const run = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname === '/oauth/token') await token(state, creds, req, res);
      else if (req.method === 'GET' && magicId) magic(state, magicId, url, res, consentPage);
      else if (req.method === 'GET' && url.pathname === '/connected') html(res, 200, 'Connected', 'You can close this window.');
      else json(res, 404, { error: 'not_found' });
    };
    run().catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  };
}
