import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { CONNECTOR_LABEL } from '../../core/messages/connect.js';
import type { PendingRequest } from '../../flows/connect/pending.js';
import { completeAuthorization, type VerifyOutcome } from '../../flows/connect/verify-return.js';
import type { BrowserRouteDeps } from './connect-start.js';
import { NOT_YOURS, page, redirect, sendPage } from './pages.js';

const Query = z.object({ auth_request_id: z.string().min(1).max(512), state: z.string().min(1).max(2048) });

export interface VerifyRouteDeps extends BrowserRouteDeps {
  /** Runs the waiting request again and sends its result to the user; runs after the page is sent. */
  resume: (pending: PendingRequest) => Promise<void>;
}

function render(outcome: Exclude<VerifyOutcome, { kind: 'sign-in' }>): { status: number; html: string } {
  switch (outcome.kind) {
    case 'invalid':
      return { status: 400, html: page('This link is not valid', ['It may have expired or been changed. Go back to Slack and press Connect again.']) };
    case 'not-yours':
      return { status: 403, html: NOT_YOURS };
    case 'replayed':
      return { status: 400, html: page('This link was already used', ['Go back to Slack; if Google still is not connected, press Connect again.']) };
    case 'not-verified':
      return outcome.retry
        ? {
            status: 503,
            html: page('We could not confirm this connection yet', [
              'Scalekit, which keeps the Google connection, did not answer. Nothing was changed: reload this page in a minute, or press Connect in Slack again.',
            ]),
          }
        : { status: 400, html: page('This link was already used or has expired', ['Go back to Slack; if Google still is not connected, press Connect again.']) };
    case 'wrong-google-account': {
      const label = CONNECTOR_LABEL[outcome.connector];
      const lines = [
        `You chose the Google account ${outcome.google}, but your Slack profile’s email is ${outcome.slack}. Here, only the Google account with your Slack email may be connected.`,
        outcome.disconnected
          ? `So ${label} was not connected. Press Connect in Slack again and choose ${outcome.slack}.`
          : `Undoing it failed: open the bot’s App Home in Slack and press Disconnect for ${label}, then connect ${outcome.slack}.`,
      ];
      return { status: 403, html: page('Use the Google account of your Slack profile', lines) };
    }
    case 'connected': {
      const label = CONNECTOR_LABEL[outcome.connector];
      const lines = [`${label} is now connected. You can close this tab and go back to Slack.`];
      if (outcome.stillMissing.length > 0) lines.push(`Still needed: ${outcome.stillMissing.map((c) => CONNECTOR_LABEL[c]).join(' and ')}. Use its Connect button in Slack.`);
      else if (outcome.waiting) lines.push('Your request is carrying on in Slack.');
      return { status: 200, html: page(`${label} connected`, lines) };
    }
  }
}

/**
 * Where Scalekit sends the user back after Google's consent: parse, run the flow, render. A
 * browser that is not signed in (its session ended during a long consent, or another browser)
 * is sent through Sign in with Slack and back to this same URL: the check still happens then,
 * and the owner does not have to start again.
 */
export function authVerifyRoute(deps: VerifyRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Query.safeParse(Object.fromEntries(url.searchParams));
    let outcome: VerifyOutcome = { kind: 'invalid', why: 'query' };
    if (query.success) {
      const q = { authRequestId: query.data.auth_request_id, state: query.data.state };
      outcome = await completeAuthorization(deps, { ...q, signedIn: deps.sessions.read(req) });
      if (outcome.kind === 'sign-in') {
        const again = new URLSearchParams({ auth_request_id: q.authRequestId, state: q.state });
        const { location, cookie } = deps.signIn.begin(`/auth/verify?${again.toString()}`, outcome.owner);
        return redirect(res, location, [cookie]);
      }
    }
    if (outcome.kind === 'invalid' || outcome.kind === 'replayed') deps.log.warn('auth verify refused', { why: outcome.kind === 'invalid' ? outcome.why : 'replayed' });
    const { status, html } = render(outcome);
    sendPage(res, status, html);
    if (outcome.kind === 'connected' && outcome.resume) await deps.resume(outcome.resume);
  };
}
