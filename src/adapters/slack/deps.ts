import type { WebClient } from '@slack/web-api';
import type { BookingDeps, HomeDeps, InboxDeps, ScheduleDeps } from '../../flows/deps.js';
import type { CursorSeal, MailboxApi } from '../../flows/ports/index.js';
import type { Inflight } from '../../inflight.js';
import { slackColleagues } from './colleagues.js';
import { slackDirectory } from './directory.js';

/**
 * What the composition root builds once for every listener. Each feature's deps are made from it
 * here, and only here, with the workspace's client that comes with each request.
 */
export type SlackDeps = BookingDeps & {
  mailbox: MailboxApi;
  inboxCursors: CursorSeal;
  inflight: Inflight;
};

export const scheduleDeps = (deps: SlackDeps, client: WebClient): ScheduleDeps => ({ ...deps, directory: slackDirectory(client) });

export const homeDeps = (deps: SlackDeps, client: WebClient): HomeDeps => ({ ...deps, directory: slackDirectory(client) });

export function inboxDeps(deps: SlackDeps, client: WebClient): InboxDeps {
  return {
    grants: deps.grants,
    store: deps.store,
    mailbox: deps.mailbox,
    inboxCursors: deps.inboxCursors,
    directory: slackDirectory(client),
    colleagues: slackColleagues(client, deps.log),
    now: deps.now,
    newId: deps.newId,
    log: deps.log,
  };
}
