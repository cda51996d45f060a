import { parentPort, workerData } from 'node:worker_threads';
import { httpPost } from '../fakes/slack/signing.js';

/**
 * The simulated Slack sending the burst, on a thread of its own: on the main thread its
 * responses would wait behind the fakes' work and the acks would look later than they were.
 */
export interface AckClientJob {
  url: string;
  requests: Array<{ body: string; headers: Record<string, string> }>;
}
export type AckClientResult = Array<{ status: number; ms: number }>;

function isJob(v: unknown): v is AckClientJob {
  return typeof v === 'object' && v !== null && 'url' in v && typeof v.url === 'string' && 'requests' in v && Array.isArray(v.requests);
}

const job: unknown = workerData;
if (!parentPort || !isJob(job)) throw new Error('bench/ack-client.ts runs as a worker with an AckClientJob');
const port = parentPort;
// Loading this thread takes a while; the burst starts when the main thread says so.
port.once('message', () => {
  void Promise.all(
    job.requests.map((r) =>
      httpPost(job.url, r.body, r.headers, 30_000).then(
        (res) => ({ status: res.status, ms: res.ms }),
        () => ({ status: 0, ms: Number.NaN }),
      ),
    ),
  ).then((results: AckClientResult) => port.postMessage(results));
});
port.postMessage('ready');
