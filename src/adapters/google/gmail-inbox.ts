import { z } from 'zod';
import { parseSender, type MailItem } from '../../core/inbox/summary.js';
import type { MailboxApi } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { googleFetch, type RetryPolicy } from './http.js';

/** Named to the user when their Gmail grant lacks it. */
export const READONLY_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly';

const ListResponse = z.object({
  messages: z.array(z.object({ id: z.string().min(1), threadId: z.string().optional() })).default([]),
  nextPageToken: z.string().min(1).optional(),
  resultSizeEstimate: z.number().int().nonnegative().default(0),
});

const MetadataResponse = z.object({
  id: z.string().min(1),
  threadId: z.string().min(1),
  snippet: z.string().default(''),
  internalDate: z.string().regex(/^\d+$/).optional(),
  payload: z.object({ headers: z.array(z.object({ name: z.string(), value: z.string() })).default([]) }).optional(),
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Gmail's snippets come HTML-escaped (`&#39;`, `&amp;`); the summary wants the text itself. */
export function decodeSnippet(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, e: string) => {
    const lower = e.toLowerCase();
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return ENTITIES[lower] ?? whole;
  });
}

function header(headers: ReadonlyArray<{ name: string; value: string }>, name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** Gmail v1 users.messages list and get (metadata only: never a body), read-only. */
export function googleGmailInbox(baseUrl: string, retry: RetryPolicy): MailboxApi {
  const get = (operation: string, path: string, params: URLSearchParams, token: string) =>
    googleFetch({ service: 'gmail', operation, method: 'GET', url: `${baseUrl}${path}?${params.toString()}`, token, scope: READONLY_SCOPE }, retry);

  return {
    async list(token, q) {
      const params = new URLSearchParams({ q: q.query, maxResults: String(q.maxResults) });
      if (q.pageToken !== undefined) params.set('pageToken', q.pageToken);
      const res = await get('messages.list', '/users/me/messages', params, token);
      const parsed = ListResponse.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) {
        throw new ServiceError({ service: 'gmail', operation: 'messages.list', problem: 'unknown', status: res.status, detail: parsed.success ? undefined : 'unexpected response shape' });
      }
      const { messages, nextPageToken, resultSizeEstimate } = parsed.data;
      return { ids: messages.map((m) => m.id), nextPageToken, resultSizeEstimate };
    },

    async metadata(token, id): Promise<MailItem | undefined> {
      const params = new URLSearchParams({ format: 'metadata' });
      for (const h of ['From', 'Subject', 'Date']) params.append('metadataHeaders', h);
      const res = await get('messages.get', `/users/me/messages/${encodeURIComponent(id)}`, params, token);
      // Read or deleted between the list and this call: it is simply not unread any more.
      if (res.status === 404 || res.status === 410) return undefined;
      const parsed = MetadataResponse.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) {
        throw new ServiceError({ service: 'gmail', operation: 'messages.get', problem: 'unknown', status: res.status, detail: parsed.success ? undefined : 'unexpected response shape' });
      }
      const m = parsed.data;
      const headers = m.payload?.headers ?? [];
      const dateHeader = Date.parse(header(headers, 'date') ?? '');
      return {
        id: m.id,
        threadId: m.threadId,
        from: parseSender(header(headers, 'from') ?? ''),
        subject: header(headers, 'subject') ?? '',
        snippet: decodeSnippet(m.snippet),
        receivedAt: m.internalDate !== undefined ? Number(m.internalDate) : Number.isNaN(dateHeader) ? 0 : dateHeader,
      };
    },
  };
}
