import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { CONNECTOR_LABEL } from '../../core/messages/connect.js';
import type { ConnectDeps } from '../../flows/deps.js';
import type { PendingRequest } from '../../flows/connect/pending.js';
import { completeAuthorization, type VerifyOutcome } from '../../flows/connect/verify-return.js';
import { page } from './pages.js';

const Query = z.object({ auth_request_id: z.string().min(1).max(512), state: z.string().min(1).max(2048) });

export interface VerifyRouteDeps extends ConnectDeps {
  /** Runs the waiting request again and sends its result to the user; runs after the page is sent. */
  resume: (pending: PendingRequest) => Promise<void>;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function render(outcome: VerifyOutcome): { status: number; html: string } {
  switch (outcome.kind) {
    case 'invalid':
      return { status: 400, html: page('This link is not valid', ['It may have expired or been changed. Go back to Slack and press Connect again.']) };
    case 'replayed':
      return { status: 400, html: page('This link was already used', ['Go back to Slack; if Google still is not connected, press Connect again.']) };
    case 'not-verified':
      return { status: 400, html: page('We could not confirm this connection', ['Go back to Slack and press Connect again.']) };
    case 'connected': {
      const label = CONNECTOR_LABEL[outcome.connector];
      const lines = [`${label} is now connected. You can close this tab and go back to Slack.`];
      if (outcome.stillMissing.length > 0) lines.push(`Still needed: ${outcome.stillMissing.map((c) => CONNECTOR_LABEL[c]).join(' and ')}. Use its Connect button in Slack.`);
      else if (outcome.waiting) lines.push('Your request is carrying on in Slack.');
      return { status: 200, html: page(`${label} connected`, lines) };
    }
  }
}

/** Where Scalekit sends the user back after Google's consent: parse, run the flow, render. */
export function authVerifyRoute(deps: VerifyRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Query.safeParse(Object.fromEntries(url.searchParams));
    const outcome: VerifyOutcome = query.success
      ? await completeAuthorization(deps, { authRequestId: query.data.auth_request_id, state: query.data.state })
      : { kind: 'invalid', why: 'query' };
    if (outcome.kind === 'invalid' || outcome.kind === 'replayed') deps.log.warn('auth verify refused', { why: outcome.kind === 'invalid' ? outcome.why : 'replayed' });
    const { status, html } = render(outcome);
    send(res, status, html);
    if (outcome.kind === 'connected' && outcome.resume) await deps.resume(outcome.resume);
  };
}
