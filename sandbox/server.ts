import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { SESSION_COOKIE } from '../src/adapters/http/session-cookie.js';
import { modalRequest } from './modal-routes.js';
import type { Outcome, SlackActions } from './slack-actions.js';
import { TEAMMATES, type Teammate } from './team.js';
import { connectLinkPrefix, viewState, type World } from './view-state.js';

/** The page's HTTP API, its static files, and the start of a Connect button's journey. */

const PUBLIC_DIR = new URL('./public/', import.meta.url);
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const SendBody = z.object({ user: z.string(), channel: z.string(), text: z.string().trim().min(1).max(4000) });
const ClickBody = z.object({ user: z.string(), messageId: z.string(), index: z.number().int().min(0), actionId: z.string() });
const UserBody = z.object({ user: z.string() });

/** A version number that grows on every change, and who wants to hear about it. */
export class Changes {
  version = 1;
  private readonly listeners = new Set<(version: number) => void>();
  bump(): void {
    this.version += 1;
    for (const l of this.listeners) l(this.version);
  }
  subscribe(l: (version: number) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export interface ServerDeps {
  world: World;
  actions: SlackActions;
  changes: Changes;
}

/** Everything rendered is escaped already; the policy is a second line against a slip. */
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

function send(res: ServerResponse, status: number, type: string, body: string): void {
  const csp = type.startsWith('text/html') ? { 'content-security-policy': CSP } : {};
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...csp });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown): void => send(res, status, 'application/json', JSON.stringify(body));

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const person = (id: string | null | undefined): Teammate | undefined => TEAMMATES.find((p) => p.id === id);

function events(res: ServerResponse, req: IncomingMessage, changes: Changes): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(`retry: 1000\ndata: ${changes.version}\n\n`);
  const unsubscribe = changes.subscribe((v) => res.write(`data: ${v}\n\n`));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

async function staticFile(res: ServerResponse, name: string): Promise<void> {
  const ext = /^[\w-]+\.(\w+)$/.exec(name)?.[1];
  const type = ext === undefined ? undefined : TYPES[ext];
  if (type === undefined) return json(res, 404, { error: 'not found' });
  try {
    send(res, 200, type, await readFile(new URL(name, PUBLIC_DIR), 'utf8'));
  } catch {
    json(res, 404, { error: 'not found' });
  }
}

function answer(res: ServerResponse, changes: Changes, outcome: Outcome): void {
  changes.bump();
  json(res, outcome.ok ? 200 : outcome.status, outcome);
}

/**
 * A Connect button pressed as `user`: the browser is signed in to the pretend Slack as that person
 * (its session cookie, on the same host as every fake) and signed out of the bot, so the real
 * journey follows: the bot's link, Sign in with Slack, Google's consent, back to the bot.
 */
function connect(world: World, url: URL, res: ServerResponse): void {
  const me = person(url.searchParams.get('user'));
  const target = url.searchParams.get('url') ?? '';
  if (!me || !target.startsWith(connectLinkPrefix(world))) {
    json(res, 400, { error: 'expected { user, url } with a Connect link of the bot' });
    return;
  }
  res.writeHead(302, {
    location: target,
    'cache-control': 'no-store',
    'set-cookie': [`${world.slack.signIn(me.id)}; Path=/; HttpOnly; SameSite=Lax`, `${SESSION_COOKIE}=; Path=/; Max-Age=0`],
  });
  res.end();
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { world, actions, changes } = deps;
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname;
  if (req.method === 'GET') {
    if (path === '/') return staticFile(res, 'index.html');
    if (path === '/api/events') return events(res, req, changes);
    if (path === '/api/state') {
      // No or an unknown user (a stale choice from an earlier run): the first teammate.
      const me = person(url.searchParams.get('user')) ?? TEAMMATES[0];
      return me ? json(res, 200, viewState(world, me, changes.version)) : json(res, 404, { error: 'unknown user' });
    }
    if (path === '/connect') return connect(world, url, res);
    return staticFile(res, path.slice(1));
  }
  if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
  const body = await readJson(req);
  if (path === '/api/send') {
    const p = SendBody.safeParse(body);
    const me = p.success ? person(p.data.user) : undefined;
    const channel = p.success && me ? actions.channelFor(me, p.data.channel) : undefined;
    if (!p.success || !me || channel === undefined) return json(res, 400, { error: 'expected { user, channel, text }' });
    return answer(res, changes, await actions.send(me, channel, p.data.text));
  }
  if (path === '/api/click') {
    const p = ClickBody.safeParse(body);
    const me = p.success ? person(p.data.user) : undefined;
    if (!p.success || !me) return json(res, 400, { error: 'expected { user, messageId, index, actionId }' });
    return answer(res, changes, await actions.click(me, p.data));
  }
  if (path === '/api/home') {
    const p = UserBody.safeParse(body);
    const me = p.success ? person(p.data.user) : undefined;
    if (!me) return json(res, 400, { error: 'expected { user }' });
    return answer(res, changes, await actions.openHome(me));
  }
  const modal = await modalRequest(actions, path, body);
  if (modal !== undefined) return answer(res, changes, modal);
  json(res, 404, { error: 'not found' });
}

export function sandboxServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    route(deps, req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });
}
