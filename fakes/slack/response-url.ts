import type { Recorder } from './recorder.js';
import { isRecord, type ResponseEffect, type ResponseUrlSource } from './types.js';

/** Slack refuses a response_url after this many posts. */
export const RESPONSE_URL_MAX_POSTS = 5;

/** A response_url the fake handed out: where it came from and how often it was posted to. */
export interface IssuedResponseUrl {
  source: ResponseUrlSource;
  uses: number;
}

export interface ResponseUrlHost {
  readonly responseUrls: Map<string, IssuedResponseUrl>;
  readonly recorder: Recorder;
}

const truthy = (v: unknown): boolean => v === true || v === 'true';

/**
 * How Slack applies a post: only a message action's (block_actions) url can replace or delete the
 * message it came from; on a slash command's url `replace_original` is ignored (the post is a new
 * message) and `delete_original` does nothing (bolt-js#2287, bolt-python#1268).
 */
function apply(source: ResponseUrlSource, sent: Record<string, unknown>): { body: Record<string, unknown>; effect: ResponseEffect } {
  const canActOnOriginal = source === 'block_actions';
  if (truthy(sent.delete_original)) {
    if (canActOnOriginal) return { body: sent, effect: 'deleted_original' };
    const { delete_original: _ignored, replace_original: _alsoIgnored, ...rest } = sent;
    return { body: rest, effect: 'none' };
  }
  if (truthy(sent.replace_original)) {
    if (canActOnOriginal) return { body: sent, effect: 'replaced_original' };
    const { replace_original: _ignored, ...rest } = sent;
    return { body: rest, effect: 'new_message' };
  }
  return { body: sent, effect: 'new_message' };
}

/**
 * Handles a POST to `${url}/response/<kind>/<id>` like Slack's hooks endpoint: JSON body with
 * text/blocks/response_type/replace_original/delete_original; 200 `{ok:true}`; 404 `used_url` after
 * 5 posts; 404 for urls it never handed out; 400 for bodies Slack would refuse. The recorded post
 * says what it did (`effect`) by the rule of `apply`.
 */
export function handleResponseUrl(host: ResponseUrlHost, responseUrl: string, id: string, contentType: string, raw: string): { status: number; body: Record<string, unknown> } {
  let body: Record<string, unknown> = {};
  const reject = (status: number, error: string): { status: number; body: Record<string, unknown> } => {
    host.recorder.recordRejected({ responseUrl, body, status, error });
    return { status, body: { ok: false, error } };
  };
  let parsed: unknown;
  try {
    parsed = contentType === 'application/x-www-form-urlencoded' ? JSON.parse(new URLSearchParams(raw).get('payload') ?? '') : JSON.parse(raw);
  } catch {
    return reject(400, 'invalid_payload');
  }
  if (!isRecord(parsed)) return reject(400, 'invalid_payload');
  body = parsed;
  const issued = host.responseUrls.get(id);
  if (issued === undefined) return reject(404, 'no_service');
  if (issued.uses >= RESPONSE_URL_MAX_POSTS) return reject(404, 'used_url');
  const hasText = typeof body.text === 'string' && body.text !== '';
  if (!hasText && !Array.isArray(body.blocks) && !truthy(body.delete_original)) {
    return reject(400, 'no_text');
  }
  if (body.blocks !== undefined && !Array.isArray(body.blocks)) return reject(400, 'invalid_blocks');
  issued.uses += 1;
  // A delete_original on a command's url is still answered ok (fake's choice: Slack documents nothing).
  const applied = apply(issued.source, body);
  host.recorder.recordResponse({ responseUrl, sent: body, source: issued.source, ...applied });
  return { status: 200, body: { ok: true } };
}
