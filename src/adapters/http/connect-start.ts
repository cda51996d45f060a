import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONNECTOR_LABEL } from '../../core/messages/connect.js';
import type { ConnectDeps } from '../../flows/deps.js';
import { startConnect } from '../../flows/connect/connect-start.js';
import { CONNECT_START_PATH } from './connect-links.js';
import { NOT_YOURS, page, redirect, sendPage } from './pages.js';
import type { SessionCookies } from './session-cookie.js';
import type { SlackSignIn } from './slack-signin.js';

export interface BrowserRouteDeps extends ConnectDeps {
  sessions: SessionCookies;
  signIn: SlackSignIn;
}

/** A Connect or Reconnect button was opened: parse, run the flow, redirect or render. */
export function connectStartRoute(deps: BrowserRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('c') ?? '';
    const outcome = await startConnect(deps, { token, signedIn: deps.sessions.read(req) });
    switch (outcome.kind) {
      case 'sign-in': {
        const { location, cookie } = deps.signIn.begin(`${CONNECT_START_PATH}?c=${encodeURIComponent(token)}`, outcome.owner);
        return redirect(res, location, [cookie]);
      }
      case 'authorize':
        return redirect(res, outcome.url);
      case 'not-yours':
        return sendPage(res, 403, NOT_YOURS);
      case 'invalid':
        deps.log.warn('connect link refused', { why: outcome.why });
        return sendPage(
          res,
          400,
          page('This Connect link does not work any more', ['It has expired or was changed. Go back to Slack and use a fresh Connect button (in the bot’s App Home, or by asking again).']),
        );
      case 'unavailable':
        return sendPage(
          res,
          503,
          page(`Could not start connecting ${CONNECTOR_LABEL[outcome.connector]}`, [
            'Scalekit, which keeps the Google connection, did not answer. Nothing was changed: press the Connect button again in a minute.',
          ]),
        );
    }
  };
}
