import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Logger } from '../../flows/ports/index.js';
import type { Inflight } from '../../inflight.js';
import { readyzHandler, type Readiness } from './readiness.js';

/**
 * The bot's own HTTP routes beside /slack/events: liveness (/healthz: the process serves; cheap,
 * touches nothing), readiness (/readyz: its database, Slack and Scalekit answer) and the return
 * from Google's consent.
 */
export function httpRoutes(opts: {
  isReady: () => boolean;
  readiness: Readiness;
  verify: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The browser's other stops: opening a Connect link, the return from Sign in with Slack. */
  pages?: ReadonlyArray<{ path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> }>;
  inflight: Inflight;
  log: Logger;
}): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        const ready = opts.isReady();
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: ready }));
      },
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: readyzHandler({ isServing: opts.isReady, readiness: opts.readiness }),
    },
    {
      path: '/auth/verify',
      method: ['GET'],
      handler: (req, res) => {
        opts.inflight.track(opts.verify(req, res)).catch((e: unknown) => {
          opts.log.error('auth verify failed', { error: e instanceof Error ? e.message : String(e) });
          if (!res.headersSent) res.writeHead(500).end();
        });
      },
    },
    ...(opts.pages ?? []).map(
      (p): CustomRoute => ({
        path: p.path,
        method: ['GET'],
        handler: (req, res) => {
          opts.inflight.track(p.handle(req, res)).catch((e: unknown) => {
            opts.log.error('browser page failed', { path: p.path, error: e instanceof Error ? e.message : String(e) });
            if (!res.headersSent) res.writeHead(500).end();
          });
        },
      }),
    ),
  ];
}
