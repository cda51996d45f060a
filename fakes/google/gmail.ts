import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { GOOGLE_SCOPES } from '../token-registry.js';
import { googleError, notFound } from './errors.js';
import { messageFormat, renderMessage, snippetOf } from './gmail-render.js';
import { parseQuery } from './gmail-query.js';
import { decodeBase64Any, parseRfc2822, replaceHeader } from './mime.js';
import { jsonBody, type RequestContext, type Reply, type Route, type ServiceRoutes } from './route.js';
import { type Mailbox, type StoredDraft, type StoredMessage, norm } from './state.js';

/** Gmail v1: drafts create/get/delete/list, messages list/get, profile. `userId` must be `me` or the caller's address. */

const MODIFY = 'https://www.googleapis.com/auth/gmail.modify';
const FULL = 'https://mail.google.com/';
const COMPOSE = [GOOGLE_SCOPES.gmailCompose, MODIFY, FULL];
const READ = [GOOGLE_SCOPES.gmailReadonly, MODIFY, FULL];
const RPC = 'caribou.api.proto.MailboxService';
const MESSAGE_ID = /^[0-9a-f]{16}$/i;

const invalidArgument = (message: string): Error => googleError(400, message, 'invalidArgument');
const entityNotFound = (): Error => notFound('Requested entity was not found.');

function mailbox(ctx: RequestContext): Mailbox {
  const user = ctx.params[0] ?? '';
  if (user !== 'me' && norm(user) !== norm(ctx.grant.email)) {
    throw googleError(403, `Delegation denied for ${ctx.grant.email}`, 'forbidden');
  }
  return ctx.world.mailbox(ctx.grant.email);
}

const liveDrafts = (box: Mailbox): StoredDraft[] => [...box.drafts.values()].filter((d) => !d.deleted);
const allMessages = (box: Mailbox): StoredMessage[] => [...box.messages, ...liveDrafts(box).map((d) => d.message)];

const draftSchema = z.object({
  id: z.string().optional(),
  message: z.object({ raw: z.string().optional(), threadId: z.string().optional() }).optional(),
});

function createDraft(ctx: RequestContext): Reply {
  const box = mailbox(ctx);
  const req = jsonBody(ctx, draftSchema, () => invalidArgument('Invalid draft'));
  if (req.message?.raw === undefined || req.message.raw === '') throw invalidArgument('Missing draft message');
  const sent = decodeBase64Any(req.message.raw);
  if (sent === undefined || parseRfc2822(sent) === undefined) throw invalidArgument('Invalid draft');
  const raw = ctx.world.draftMessageIds === 'replace' ? replaceHeader(sent, 'Message-ID', `<CA+${randomBytes(24).toString('base64url')}@mail.gmail.com>`) : sent;
  const parsed = parseRfc2822(raw);
  if (parsed === undefined) throw invalidArgument('Invalid draft');
  const threadId = req.message.threadId;
  if (threadId !== undefined && !allMessages(box).some((m) => m.threadId === threadId)) throw entityNotFound();
  const id = ctx.world.newMessageId();
  const created = ctx.now();
  const draft: StoredDraft = {
    id: ctx.world.newDraftId(),
    created,
    deleted: false,
    message: {
      id,
      threadId: threadId ?? id,
      labelIds: ['DRAFT'],
      internalDate: created,
      snippet: snippetOf(parsed.body),
      raw,
      parsed,
      historyId: ctx.world.nextHistoryId(),
    },
  };
  box.drafts.set(draft.id, draft);
  const { message } = draft;
  return { status: 200, body: { id: draft.id, message: { id: message.id, threadId: message.threadId, labelIds: ['DRAFT'] } } };
}

function findDraft(ctx: RequestContext): StoredDraft {
  const draft = mailbox(ctx).drafts.get(ctx.params[1] ?? '');
  if (draft === undefined || draft.deleted) throw entityNotFound();
  return draft;
}

function getDraft(ctx: RequestContext): Reply {
  const draft = findDraft(ctx);
  const format = messageFormat(ctx.query.get('format'));
  return { status: 200, body: { id: draft.id, message: renderMessage(draft.message, format) } };
}

function deleteDraft(ctx: RequestContext): Reply {
  findDraft(ctx).deleted = true;
  return { status: 204 };
}

function intParam(ctx: RequestContext, name: string, fallback: number): number {
  const value = ctx.query.get(name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value)) throw invalidArgument(`Invalid value for ${name}: ${value}`);
  return Number(value);
}

/** maxResults (default 100, at most 500) and the page's offset from pageToken. */
function page(ctx: RequestContext): { offset: number; size: number; next(total: number): string | undefined } {
  const size = Math.min(Math.max(intParam(ctx, 'maxResults', 100), 1), 500);
  const token = ctx.query.get('pageToken');
  if (token !== null && !/^\d{20}$/.test(token)) throw invalidArgument('Invalid pageToken');
  const offset = token === null ? 0 : Number(token);
  return { offset, size, next: (total) => (offset + size < total ? String(offset + size).padStart(20, '0') : undefined) };
}

function listDrafts(ctx: RequestContext): Reply {
  const box = mailbox(ctx);
  const query = parseQuery(ctx.query.get('q') ?? '');
  const { offset, size, next } = page(ctx);
  const nowMs = ctx.now().getTime();
  // Newest first; drafts made in the same millisecond keep their reverse creation order.
  const matching = liveDrafts(box)
    .filter((d) => query.matches(d.message, nowMs))
    .reverse()
    .sort((a, b) => b.created.getTime() - a.created.getTime());
  const shown = matching.slice(offset, offset + size);
  const nextPageToken = next(matching.length);
  return {
    status: 200,
    body: {
      ...(shown.length === 0 ? {} : { drafts: shown.map((d) => ({ id: d.id, message: { id: d.message.id, threadId: d.message.threadId } })) }),
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
      resultSizeEstimate: matching.length,
    },
  };
}

function listMessages(ctx: RequestContext): Reply {
  const box = mailbox(ctx);
  const query = parseQuery(ctx.query.get('q') ?? '');
  const labelIds = ctx.query.getAll('labelIds');
  const withSpam = ctx.query.get('includeSpamTrash') === 'true' || query.mentionsSpamOrTrash;
  const { offset, size: maxResults, next: nextToken } = page(ctx);
  const nowMs = ctx.now().getTime();
  const matching = allMessages(box)
    .filter((m) => withSpam || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'))
    .filter((m) => labelIds.every((l) => m.labelIds.includes(l)))
    .filter((m) => query.matches(m, nowMs))
    .sort((a, b) => b.internalDate.getTime() - a.internalDate.getTime() || b.id.localeCompare(a.id));
  const shown = matching.slice(offset, offset + maxResults);
  const next = nextToken(matching.length);
  return {
    status: 200,
    body: {
      ...(shown.length === 0 ? {} : { messages: shown.map((m) => ({ id: m.id, threadId: m.threadId })) }),
      ...(next === undefined ? {} : { nextPageToken: next }),
      resultSizeEstimate: matching.length,
    },
  };
}

function getMessage(ctx: RequestContext): Reply {
  const box = mailbox(ctx);
  const id = ctx.params[1] ?? '';
  if (!MESSAGE_ID.test(id)) throw invalidArgument('Invalid id value');
  const message = allMessages(box).find((m) => m.id === id);
  if (message === undefined) throw entityNotFound();
  const format = messageFormat(ctx.query.get('format'));
  return { status: 200, body: renderMessage(message, format, ctx.query.getAll('metadataHeaders')) };
}

function profile(ctx: RequestContext): Reply {
  const box = mailbox(ctx);
  const all = allMessages(box);
  return {
    status: 200,
    body: {
      emailAddress: ctx.grant.email,
      messagesTotal: all.length,
      threadsTotal: new Set(all.map((m) => m.threadId)).size,
      historyId: ctx.world.nextHistoryId(),
    },
  };
}

const DRAFT_PATH = /^\/users\/([^/]+)\/drafts\/([^/]+)$/;
const routes: Route[] = [
  { operation: 'getProfile', method: 'GET', pattern: /^\/users\/([^/]+)\/profile$/, rpcMethod: `${RPC}.GetProfile`, scopes: READ.concat(COMPOSE), handle: profile },
  { operation: 'drafts.create', method: 'POST', pattern: /^\/users\/([^/]+)\/drafts$/, rpcMethod: `${RPC}.CreateDraft`, scopes: COMPOSE, handle: createDraft },
  { operation: 'drafts.list', method: 'GET', pattern: /^\/users\/([^/]+)\/drafts$/, rpcMethod: `${RPC}.ListDrafts`, scopes: COMPOSE.concat(READ), handle: listDrafts },
  { operation: 'drafts.get', method: 'GET', pattern: DRAFT_PATH, rpcMethod: `${RPC}.GetDraft`, scopes: COMPOSE.concat(READ), handle: getDraft },
  { operation: 'drafts.delete', method: 'DELETE', pattern: DRAFT_PATH, rpcMethod: `${RPC}.DeleteDraft`, scopes: COMPOSE, handle: deleteDraft },
  { operation: 'messages.list', method: 'GET', pattern: /^\/users\/([^/]+)\/messages$/, rpcMethod: `${RPC}.ListMessages`, scopes: READ, handle: listMessages },
  {
    operation: 'messages.get',
    method: 'GET',
    pattern: /^\/users\/([^/]+)\/messages\/([^/]+)$/,
    rpcMethod: `${RPC}.GetMessage`,
    scopes: READ,
    handle: getMessage,
  },
];

export const gmailRoutes: ServiceRoutes = { service: 'gmail', prefix: '/gmail/v1', routes };
