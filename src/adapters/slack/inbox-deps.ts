import type { WebClient } from '@slack/web-api';
import type { InboxDeps } from '../../flows/inbox-ports.js';
import { slackColleagues } from './colleagues.js';
import { slackDirectory } from './directory.js';
import type { ListenerDeps } from './listener-deps.js';

/** The inbox flows' deps for one Slack request: the workspace's client is per request. */
export function inboxDeps(deps: ListenerDeps, client: WebClient): InboxDeps {
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
