import { z } from 'zod';
import type { GmailApi } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { googleFetch, type RetryPolicy } from './http.js';

const COMPOSE_SCOPE = 'https://www.googleapis.com/auth/gmail.compose';

const DraftResponse = z.object({ id: z.string(), message: z.object({ id: z.string() }) });

export function googleGmail(baseUrl: string, retry: RetryPolicy): GmailApi {
  const call = (operation: string, method: 'POST' | 'DELETE', path: string, token: string, body?: unknown) =>
    googleFetch({ service: 'gmail', operation, method, url: `${baseUrl}${path}`, token, body, scope: COMPOSE_SCOPE }, retry);

  return {
    async createDraft(token, raw) {
      const res = await call('drafts.create', 'POST', '/users/me/drafts', token, { message: { raw } });
      const parsed = DraftResponse.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) {
        throw new ServiceError({ service: 'gmail', operation: 'drafts.create', problem: 'unknown', status: res.status });
      }
      return { draftId: parsed.data.id, messageId: parsed.data.message.id };
    },

    async deleteDraft(token, draftId) {
      const res = await call('drafts.delete', 'DELETE', `/users/me/drafts/${encodeURIComponent(draftId)}`, token);
      if (res.status === 404 || res.status === 410) return false;
      if (res.status >= 300) throw new ServiceError({ service: 'gmail', operation: 'drafts.delete', problem: 'unknown', status: res.status });
      return true;
    },
  };
}
