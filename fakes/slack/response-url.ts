import type { Recorder } from './recorder.js';
import { isRecord } from './types.js';

/** Slack refuses a response_url after this many posts. */
export const RESPONSE_URL_MAX_POSTS = 5;

export interface ResponseUrlHost {
  readonly responseUrlUses: Map<string, number>;
  readonly recorder: Recorder;
}

/**
 * Handles a POST to `${url}/response/<id>` like Slack's hooks endpoint: JSON body with text/blocks/
 * response_type/replace_original/delete_original; 200 `{ok:true}`; 404 `used_url` after 5 posts;
 * 404 for urls it never handed out; 400 for bodies Slack would refuse.
 */
export function handleResponseUrl(
  host: ResponseUrlHost,
  responseUrl: string,
  id: string,
  contentType: string,
  raw: string,
): { status: number; body: Record<string, unknown> } {
  let body: Record<string, unknown> = {};
  const reject = (status: number, error: string): { status: number; body: Record<string, unknown> } => {
    host.recorder.recordRejected({ responseUrl, body, status, error });
    return { status, body: { ok: false, error } };
  };
  let parsed: unknown;
  try {
    parsed = contentType === 'application/x-www-form-urlencoded'
      ? JSON.parse(new URLSearchParams(raw).get('payload') ?? '')
      : JSON.parse(raw);
  } catch {
    return reject(400, 'invalid_payload');
  }
  if (!isRecord(parsed)) return reject(400, 'invalid_payload');
  body = parsed;
  const uses = host.responseUrlUses.get(id);
  if (uses === undefined) return reject(404, 'no_service');
  if (uses >= RESPONSE_URL_MAX_POSTS) return reject(404, 'used_url');
  const hasText = typeof body.text === 'string' && body.text !== '';
  if (!hasText && !Array.isArray(body.blocks) && body.delete_original !== true && body.delete_original !== 'true') {
    return reject(400, 'no_text');
  }
  if (body.blocks !== undefined && !Array.isArray(body.blocks)) return reject(400, 'invalid_blocks');
  host.responseUrlUses.set(id, uses + 1);
  host.recorder.recordResponse({ responseUrl, body });
  return { status: 200, body: { ok: true } };
}
