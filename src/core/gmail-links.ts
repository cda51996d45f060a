/**
 * Links into Gmail's web client for one account. `authuser=<address>` makes Gmail open the
 * mailbox of that address whatever order the reader signed in to their Google accounts (a
 * `/u/0/` link opens whichever account happens to be first, often the wrong one, and then the
 * message "does not exist"). Without a known address the link leaves the account to Gmail.
 */
const BASE = 'https://mail.google.com/mail/';

/** An address Gmail could sign in as: anything else is left out rather than sent along. */
const ADDRESS = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;

export function gmailUrl(account: string | undefined, fragment: string): string {
  const a = account?.trim() ?? '';
  const who = ADDRESS.test(a) ? `?authuser=${encodeURIComponent(a)}` : '';
  return `${BASE}${who}#${fragment}`;
}

/**
 * Opens the draft in a compose window over the drafts list. Gmail's `compose=` takes the id of
 * the draft's *message* (what `drafts.create` returns as `message.id`), not the draft's own
 * `r…` id. That message id changes each time the draft is saved again, so once the draft has
 * been edited this link shows the drafts list instead: hence `gmailDraftsLink` beside it.
 */
export function gmailDraftLink(draftMessageId: string, account: string | undefined): string {
  return gmailUrl(account, `drafts?compose=${encodeURIComponent(draftMessageId)}`);
}

/** The drafts list: the fallback when a compose link no longer finds its draft. */
export const gmailDraftsLink = (account: string | undefined): string => gmailUrl(account, 'drafts');

/**
 * A conversation. Mail listed from the inbox opens in the inbox by thread id; mail found under
 * a label may have skipped the inbox, so it opens in All Mail by message id, which finds it
 * wherever it is.
 */
export function gmailThreadLink(m: { id: string; threadId: string }, account: string | undefined, inInbox: boolean): string {
  return inInbox ? gmailUrl(account, `inbox/${encodeURIComponent(m.threadId)}`) : gmailUrl(account, `all/${encodeURIComponent(m.id)}`);
}

/** The drafts list of the same account as a Gmail link (e.g. a stored draft link); undefined for other links. */
export function draftsListOf(link: string): string | undefined {
  const m = /^(https:\/\/mail\.google\.com\/mail\/[^#\s]*)#/.exec(link);
  return m?.[1] !== undefined ? `${m[1]}#drafts` : undefined;
}
