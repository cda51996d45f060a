import { InboxAsk } from '../../core/inbox/ask.js';
import type { InboxOutcome } from '../../core/inbox/outcome.js';
import { sameUser } from '../../core/identity.js';
import type { SlackUserRef } from '../../core/identity.js';
import type { InboxDeps } from '../deps.js';
import { summarizePage } from './page.js';
import { lookupToken } from '../connect/with-grant.js';
import type { PendingRequest } from '../connect/pending.js';

type Resolved = { kind: 'ok'; ask: InboxAsk } | { kind: 'bad'; reason: string };

/** A sender named as a Slack user becomes their profile email, which is what Gmail knows. */
async function resolveSender(deps: InboxDeps, ask: InboxAsk): Promise<Resolved> {
  if (ask.from?.kind !== 'slack-user') return { kind: 'ok', ask };
  const person = await deps.directory.person(ask.from.userId);
  if (person.kind === 'person' && person.email) return { kind: 'ok', ask: { ...ask, from: { kind: 'text', value: person.email } } };
  const who = person.kind === 'person' ? person.name.slice(0, 80) : 'that person';
  return { kind: 'bad', reason: `I can’t see an email address for ${who} in Slack. Try again with their email address.` };
}

/** The first page of an ask, for its owner, whose zone sets what "today" means. */
async function run(deps: InboxDeps, owner: SlackUserRef, ask: InboxAsk, channelId: string, requestId: string): Promise<InboxOutcome> {
  const [me, resolved, token] = await Promise.all([deps.directory.person(owner.userId), resolveSender(deps, ask), lookupToken(deps.grants, owner, 'gmail')]);
  if (resolved.kind === 'bad') return { kind: 'bad-input', reason: resolved.reason };
  if (token.kind !== 'token' && token.kind !== 'missing') return { kind: 'failed', failure: token };
  const zone = me.kind === 'person' ? me.zone : 'UTC';
  const ownEmail = me.kind === 'person' ? me.email : undefined;
  return summarizePage(deps, { owner, ask: resolved.ask, at: deps.now(), zone, offset: 0, requestId, channelId }, ownEmail, token);
}

/**
 * Summarizes the asker's unread mail on their own Gmail grant. The result is data; whoever
 * delivers it must show it to `user` alone. `channelId` is where the ask came from, kept with a
 * request that waits for Gmail to be connected.
 */
export async function summarizeInbox(deps: InboxDeps, user: SlackUserRef, ask: InboxAsk, channelId: string): Promise<InboxOutcome> {
  return run(deps, user, ask, channelId, deps.newId());
}

/** The Continue button of a connect prompt: the waiting ask, run again for its owner only. */
export async function continueInbox(deps: InboxDeps, user: SlackUserRef, requestId: string): Promise<InboxOutcome> {
  const pending = await deps.store.getPending(requestId);
  if (!pending || pending.kind !== 'inbox') return { kind: 'gone' };
  if (!sameUser(pending.owner, user)) return { kind: 'not-yours' };
  return rerun(deps, pending);
}

async function rerun(deps: InboxDeps, pending: PendingRequest): Promise<InboxOutcome> {
  const ask = InboxAsk.safeParse(pending.payload);
  if (!ask.success) {
    await deps.store.deletePending(pending.id);
    return { kind: 'gone' };
  }
  const outcome = await run(deps, pending.owner, ask.data, pending.channelId, pending.id);
  if (outcome.kind !== 'needs-connection') await deps.store.deletePending(pending.id);
  return outcome;
}

/**
 * Runs a waiting inbox ask again once its owner has authorized (called by the resume after
 * /auth/verify). Undefined when the request is not an inbox ask.
 */
export async function resumeInbox(deps: InboxDeps, pending: PendingRequest): Promise<InboxOutcome | undefined> {
  if (pending.kind !== 'inbox') return undefined;
  return rerun(deps, pending);
}

/** Show more: the next page, only for the person whose summary the button belongs to. */
export async function moreInbox(deps: InboxDeps, user: SlackUserRef, value: string, channelId: string): Promise<InboxOutcome> {
  const cursor = deps.inboxCursors.open(value, deps.now());
  if (!cursor) return { kind: 'gone' };
  if (!sameUser(cursor.owner, user)) return { kind: 'not-yours' };
  const me = await deps.directory.person(cursor.owner.userId);
  return summarizePage(deps, { ...cursor, requestId: deps.newId(), channelId }, me.kind === 'person' ? me.email : undefined);
}
