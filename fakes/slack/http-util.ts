import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from './types.js';

/** Web API fields that @slack/web-api JSON-encodes into a form field (objects/arrays become JSON strings). */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks'] as const;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export type ParsedBody = { ok: true; args: Record<string, unknown> } | { ok: false; error: string };

/**
 * Parses a Web API request body the way Slack does: form-urlencoded (what @slack/web-api sends, with
 * blocks/view/… as JSON strings) or JSON (what raw fetch callers may send with a Bearer token).
 */
export function parseApiBody(contentType: string, raw: string): ParsedBody {
  let args: Record<string, unknown>;
  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = raw === '' ? {} : JSON.parse(raw);
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
    if (!isRecord(parsed)) return { ok: false, error: 'invalid_json' };
    args = { ...parsed };
  } else if (contentType === 'application/x-www-form-urlencoded' || contentType === '') {
    args = Object.fromEntries(new URLSearchParams(raw));
  } else {
    return { ok: false, error: 'invalid_form_data' };
  }
  for (const key of JSON_FIELDS) {
    const v = args[key];
    if (typeof v !== 'string') continue;
    try {
      args[key] = JSON.parse(v) as unknown;
    } catch {
      return { ok: false, error: key === 'blocks' ? 'invalid_blocks_format' : `invalid_${key}` };
    }
  }
  if (args.blocks !== undefined && !Array.isArray(args.blocks)) return { ok: false, error: 'invalid_blocks_format' };
  return { ok: true, args };
}

/** Token from `Authorization: Bearer …`, else from the body's `token` field (Slack accepts both). */
export function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m?.[1];
  }
  return typeof args.token === 'string' ? args.token : undefined;
}

/** HTTP Basic credentials (`Authorization: Basic base64(id:secret)`, each part form-urlencoded per RFC 6749 §2.3.1). */
export function basicAuthOf(req: IncomingMessage): { id: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec((req.headers.authorization ?? '').trim());
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const part = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
}
