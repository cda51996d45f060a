import type { IncomingMessage } from 'node:http';

/** A request's whole body as UTF-8: the fakes read small bodies, so nothing is capped here. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
