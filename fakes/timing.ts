import { performance } from 'node:perf_hooks';

/**
 * When a fake received one request and when it had finished answering it, on performance.now()'s
 * clock. The bench reads these to count how many remote round trips sit one after another on a
 * flow's critical path; the server side is the one place that sees every client (fetch, axios,
 * gRPC over HTTP/2) the same way.
 */
export interface RequestTiming {
  service: 'slack' | 'scalekit' | 'google';
  /** e.g. `users.info`, `response_url`, `GetConnectedAccountAuth`, `POST /calendar/v3/freeBusy`. */
  name: string;
  startedAt: number;
  endedAt: number;
}

/** Anything that says when its response is done: http's ServerResponse and http2's alike. */
interface Closable {
  once(event: 'close', listener: () => void): unknown;
}

/** Pushes the request's timing into `sink` once its response is closed (sent, or the connection dropped). */
export function timeResponse(sink: RequestTiming[], service: RequestTiming['service'], name: string, res: Closable): void {
  const startedAt = performance.now();
  res.once('close', () => sink.push({ service, name, startedAt, endedAt: performance.now() }));
}
