import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledFetch, send } from '../../src/adapters/outgoing-http.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let base: string;
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/empty') {
        res.writeHead(204).end();
        return;
      }
      if (req.url === '/limited') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-many': ['a', 'b'] }).end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('pooledFetch (what the Slack clients call fetch)', () => {
  it('posts a form as the Web API client does and answers with a Response it can read', async () => {
    const res = await pooledFetch(`${base}/api/users.info`, { method: 'POST', headers: { authorization: 'Bearer xoxb-1' }, body: new URLSearchParams({ user: 'U1' }), redirect: 'error' });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.statusText).toBe('OK');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-many')).toBe('a, b');
    expect(await res.json()).toEqual({ ok: true, echo: 'user=U1' });
    const last = seen.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.headers.authorization).toBe('Bearer xoxb-1');
    expect(last?.headers['content-type']).toContain('application/x-www-form-urlencoded');
  });

  it('passes a 429 and its Retry-After through, and a 204 with no body', async () => {
    const limited = await pooledFetch(`${base}/limited`, { method: 'POST', body: '{}' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const empty = await pooledFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('reuses one connection for calls one after another', async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) await (await pooledFetch(`${base}/api/x`, { method: 'POST', body: String(i) })).text();
    await send({ method: 'GET', url: `${base}/y`, headers: {}, timeoutMs: 1_000 });
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('gives up on an abort signal', async () => {
    const aborted = AbortSignal.abort();
    await expect(pooledFetch(`${base}/api/x`, { method: 'POST', body: 'x', signal: aborted })).rejects.toThrow();
  });
});

describe('send', () => {
  it('returns status, headers and the whole body, and times out a server that never answers', async () => {
    const res = await send({ method: 'POST', url: `${base}/z`, headers: { 'content-type': 'application/json' }, body: '{"a":1}', timeoutMs: 1_000 });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect((await send({ method: 'POST', url: `${base}/limited`, headers: {}, body: '{}', timeoutMs: 1_000 })).ok).toBe(false);
    expect(res.header('Content-Type')).toBe('application/json');
    expect(JSON.parse(res.text)).toEqual({ ok: true, echo: '{"a":1}' });

    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      await expect(send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, timeoutMs: 200 })).rejects.toThrow();
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
