import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../flows/ports/index.js';
import { readCookies } from './cookies.js';
import { page, redirect, sendPage } from './pages.js';
import type { SessionCookies } from './session-cookie.js';
import type { SlackSignIn } from './slack-signin.js';

/** Back from Sign in with Slack: the browser is signed in to the bot, and goes on where it was going. */
export function slackCallbackRoute(deps: { signIn: SlackSignIn; sessions: SessionCookies; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const result = await deps.signIn.finish(query, readCookies(req));
    switch (result.kind) {
      case 'signed-in':
        deps.log.info('signed in with Slack', { team: result.user.teamId, user: result.user.userId, enterprise: result.user.enterpriseId });
        return redirect(res, result.next, [deps.sessions.issue(result.user), ...result.cookies]);
      case 'cancelled':
        return sendPage(res, 200, page('Sign-in cancelled', ['Nothing was connected. To connect Google, press the Connect button in Slack again.']), result.cookies);
      case 'refused':
        deps.log.warn('sign in with Slack refused', { why: result.why });
        return sendPage(res, 400, page('We could not sign you in', ['Go back to Slack and press the Connect button again (in the same browser, with cookies allowed).']), result.cookies);
      case 'unavailable':
        deps.log.warn('sign in with Slack failed', { why: result.why });
        return sendPage(res, 503, page('Slack did not answer', ['Nothing was connected. Press the Connect button in Slack again in a minute.']), result.cookies);
    }
  };
}
