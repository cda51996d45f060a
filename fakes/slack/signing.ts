import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** `v0=<hex hmac-sha256(secret, "v0:" + ts + ":" + body)>`, Slack's request signature. */
export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** How to sign one request; defaults sign correctly with the current time. */
export interface SignOptions {
  /** Sign with this secret instead (forged request). */
  secret?: string;
  /** Use this X-Slack-Request-Timestamp (seconds); e.g. now - 600 for a stale request. */
  timestampSec?: number;
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

export interface SimResponse {
  status: number;
  body: string;
  json?: unknown;
  /** Time from sending the request until the whole HTTP response (the ack) arrived. */
  ms: number;
}

/** POST with a fresh connection (no keep-alive), timing until the full response arrived. */
export function httpPost(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SimResponse> {
  const started = performance.now();
  return new Promise<SimResponse>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const out: SimResponse = { status: res.statusCode ?? 0, body: text, ms: performance.now() - started };
        try {
          if (text !== '') out.json = JSON.parse(text) as unknown;
        } catch {
          // not JSON (Bolt acks with an empty body); leave json undefined
        }
        resolve(out);
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`SlackClientSim: no response from ${url} within ${timeoutMs}ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
