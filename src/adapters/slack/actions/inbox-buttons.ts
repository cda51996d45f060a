import { MAX_BUTTON_VALUE } from '../../../core/inbox/cursor.js';
import { decodeRequest } from '../../../core/messages/actions.js';
import { buildInboxGone, renderInbox } from '../../../core/messages/inbox-notices.js';
import type { InboxDeps } from '../../../flows/deps.js';
import { continueInbox, moreInbox } from '../../../flows/inbox/summarize.js';
import { inboxDeps } from '../deps.js';
import { buttonListener, type ButtonOptions } from './button-listener.js';

const INBOX_BUTTONS: ButtonOptions<InboxDeps> = { depsFor: inboxDeps, gone: buildInboxGone };

const decodeCursor = (value: string | undefined) => (value !== undefined && value.length > 0 && value.length <= MAX_BUTTON_VALUE ? value : undefined);

/** Continue on an inbox connect prompt: the summary replaces the prompt. */
export const inboxContinue = buttonListener(
  'action:inbox_continue',
  decodeRequest,
  async (deps: InboxDeps, user, v) => renderInbox(await continueInbox(deps, user, v.r), 'replace'),
  INBOX_BUTTONS,
);

/** Show more: the next page arrives beside the one already read. */
export const inboxMore = buttonListener(
  'action:inbox_more',
  decodeCursor,
  async (deps: InboxDeps, user, v, at) => renderInbox(await moreInbox(deps, user, v, at.channelId), 'beside'),
  INBOX_BUTTONS,
);
