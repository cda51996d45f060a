import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { stateUser, verifyState } from '../../core/auth-state.js';
import { sameUser } from '../../core/identity.js';
import { CONNECTOR_LABEL } from '../../core/messages/connect.js';
import type { Connector } from '../../core/outcomes.js';
import type { PendingRequest } from '../../flows/pending.js';
import type { BookingDeps } from '../../flows/ports.js';
import { lookupToken } from '../../flows/with-grant.js';
import { page } from './pages.js';

const Query = z.object({ auth_request_id: z.string().min(1).max(512), state: z.string().min(1).max(2048) });

export interface VerifyDeps extends BookingDeps {
  stateSecret: string;
  /** Runs the waiting request again and sends its result to the user; runs after the page is sent. */
  resume: (pending: PendingRequest) => Promise<void>;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * Where Scalekit sends the user back after Google's consent. The state is checked (signature,
 * expiry, single use) before anything is activated; then the account is verified for exactly the
 * Slack user the state names, and the request that waited for it resumes.
 */
export function authVerifyRoute(deps: VerifyDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Query.safeParse(Object.fromEntries(url.searchParams));
    const now = deps.now();
    const checked = query.success ? verifyState(deps.stateSecret, query.data.state, now) : ({ kind: 'invalid', why: 'malformed' } as const);
    if (!query.success || checked.kind === 'invalid') {
      deps.log.warn('auth verify refused', { why: checked.kind === 'invalid' ? checked.why : 'query' });
      return send(res, 400, page('This link is not valid', ['It may have expired or been changed. Go back to Slack and press Connect again.']));
    }
    const claims = checked.claims;
    if (!(await deps.store.firstTime(`auth-state:${claims.n}`, claims.x))) {
      deps.log.warn('auth verify refused', { why: 'replayed' });
      return send(res, 400, page('This link was already used', ['Go back to Slack; if Google still is not connected, press Connect again.']));
    }
    const user = stateUser(claims);
    try {
      await deps.grants.verify(query.data.auth_request_id, user);
    } catch (e) {
      deps.log.warn('connected account verification failed', { team: user.teamId, user: user.userId, error: e instanceof Error ? e.message : String(e) });
      return send(res, 400, page('We could not confirm this connection', ['Go back to Slack and press Connect again.']));
    }

    const pending = claims.p === '-' ? undefined : await deps.store.getPending(claims.p);
    const waiting = pending && sameUser(pending.owner, user) ? pending.waitingFor : [claims.c];
    const stillMissing = await missingOf(deps, user, waiting.filter((c) => c !== claims.c));
    const lines = [`${CONNECTOR_LABEL[claims.c]} is now connected. You can close this tab and go back to Slack.`];
    if (stillMissing.length > 0) lines.push(`Still needed: ${stillMissing.map((c) => CONNECTOR_LABEL[c]).join(' and ')}. Use its Connect button in Slack.`);
    else if (pending) lines.push('Your request is carrying on in Slack.');
    send(res, 200, page(`${CONNECTOR_LABEL[claims.c]} connected`, lines));

    if (pending && stillMissing.length === 0 && sameUser(pending.owner, user)) {
      // Two returns (one per connector) can both see everything connected: only one resumes.
      if (await deps.store.firstTime(`resume:${pending.id}:${pending.createdAt}`, pending.expiresAt)) await deps.resume(pending);
    }
  };
}

async function missingOf(deps: BookingDeps, user: ReturnType<typeof stateUser>, connectors: Connector[]): Promise<Connector[]> {
  const lookups = await Promise.all(connectors.map(async (c) => [c, await lookupToken(deps.grants, user, c)] as const));
  return lookups.filter(([, t]) => t.kind !== 'token').map(([c]) => c);
}
