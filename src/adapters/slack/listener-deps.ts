import type { WebClient } from '@slack/web-api';
import type { Inflight } from '../../inflight.js';
import type { InboxAdapters } from '../../flows/inbox-ports.js';
import type { BookingDeps, FlowDeps, Logger } from '../../flows/ports.js';
import { slackDirectory } from './directory.js';

/** Everything a listener needs but the per-workspace Slack client, which comes with each request. */
export type ListenerDeps = BookingDeps & InboxAdapters & { inflight: Inflight };

export function flowDeps(deps: ListenerDeps, client: WebClient): FlowDeps {
  return { ...deps, directory: slackDirectory(client) };
}

export type { Logger };
