import type { InboxOutcome } from '../inbox/outcome.js';
import type { ServiceFailure } from '../outcomes.js';
import { ACTION } from './actions.js';
import { buildConnectPrompt } from './connect.js';
import { buildInboxEmpty, buildInboxSummary } from './inbox.js';
import type { Placement, Rendered } from './render.js';
import { shown } from './text.js';
import { context, minutesToWait, notice, section, type Reply } from './types.js';

const MAIL_ASKS = [
  '• `any unread email?`',
  '• `summarize my unread emails from the last 48 hours`',
  '• `unread from boss@company.com` (or `from @someone`)',
  '• `unread with label work today` (also `yesterday`, `this week`, `top 20`)',
  '• `what’s urgent?` or `anything important?` (only what looks urgent: deadlines, failures, “ASAP”)',
].join('\n');

/** The answer to anything that is not a mail request: what the bot can do. */
export function buildInboxHelp(): Reply {
  return {
    text: 'Here is what I can do',
    blocks: [
      section('*Here is what I can do*'),
      section('*Find a time and book it:* `/schedule @alice [@bob] &lt;duration&gt; &lt;title&gt; [when]`, e.g. `/schedule @alice 30m Sync tomorrow`. `/schedule help` explains more.'),
      section(`*Summarize your unread email:* message me here or mention me, for example\n${MAIL_ASKS}`),
      context('Only you see your email summary: here in our DM, or as a reply only you can see when you mention me in a channel.'),
    ],
  };
}

export function buildInboxFailure(f: ServiceFailure): Reply {
  switch (f.kind) {
    case 'rate-limited': {
      return notice(`:hourglass: Google is limiting how fast I can read your Gmail right now. Please ask again in ${minutesToWait(f.retryAfterSeconds)}.`);
    }
    case 'unavailable':
      return notice(':cloud: Gmail isn’t answering right now, even after several tries. Please ask again in a few minutes.');
    case 'auth-service-unavailable':
      return notice(':cloud: I can’t reach the service that holds your Google connections right now. Please ask again in a few minutes.');
  }
}

export const buildInboxNotYours = (): Reply => notice('That button belongs to someone else’s email summary, so I did nothing. Ask me about your own unread email instead.');

export const buildInboxGone = (): Reply => notice('This email summary has expired. Ask me again for a fresh one.');

export const INBOX_CONNECT = {
  continueAction: ACTION.inboxContinue,
  cancelAction: null,
  purpose: { gmail: 'so I can read your unread email and summarize it for you (I never change or send anything)' },
} as const;

/** The reply for an inbox outcome; `placement` says where a button click's answer lands. */
export function renderInbox(o: InboxOutcome, placement: Exclude<Placement, 'none'> = 'replace'): Rendered & { reply: Reply } {
  switch (o.kind) {
    case 'summary':
      return { reply: buildInboxSummary(o.view), placement };
    case 'empty':
      return { reply: buildInboxEmpty(o.filters, o.paging), placement };
    case 'needs-connection':
      return { reply: buildConnectPrompt(o.requestId, o.missing, INBOX_CONNECT), placement };
    case 'failed':
      return { reply: buildInboxFailure(o.failure), placement };
    case 'bad-input':
      return { reply: notice(`:warning: ${shown(o.reason, 1000)}`), placement };
    case 'gone':
      return { reply: buildInboxGone(), placement };
    case 'not-yours':
      // Never over the other person's message: the clicker only sees a note beside it.
      return { reply: buildInboxNotYours(), placement: 'beside' };
  }
}
