import { z } from 'zod';
import type { DraftRef, GmailApi } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { findDraftByProbe, type GmailCall } from './gmail-find-draft.js';
import { googleFetch, type RetryPolicy } from './http.js';

const COMPOSE_SCOPE = 'https://www.googleapis.com/auth/gmail.compose';

const DraftResponse = z.object({ id: z.string(), message: z.object({ id: z.string() }) });

export function googleGmail(baseUrl: string, retry: RetryPolicy): GmailApi {
  const call: GmailCall = (operation, method, path, token, more = {}) =>
    googleFetch({ service: 'gmail', operation, method, url: `${baseUrl}${path}`, token, scope: COMPOSE_SCOPE, ...more }, retry);

  return {
    async createDraft(token, { raw, probe }): Promise<DraftRef> {
      const res = await call('drafts.create', 'POST', '/users/me/drafts', token, {
        body: { message: { raw } },
        // drafts.create is not idempotent: a retry after a lost answer would make a second draft.
        findEarlier: async () => {
          const found = await findDraftByProbe(call, token, probe);
          return found ? { status: 200, body: { id: found.draftId, message: { id: found.messageId } } } : undefined;
        },
      });
      const parsed = DraftResponse.safeParse(res.body);
      if (res.status !== 200 || !parsed.success) {
        throw new ServiceError({ service: 'gmail', operation: 'drafts.create', problem: 'unknown', status: res.status });
      }
      return { draftId: parsed.data.id, messageId: parsed.data.message.id };
    },

    findDraft: (token, probe) => findDraftByProbe(call, token, probe),

    async deleteDraft(token, draftId) {
      const res = await call('drafts.delete', 'DELETE', `/users/me/drafts/${encodeURIComponent(draftId)}`, token);
      if (res.status === 404 || res.status === 410) return false;
      if (res.status >= 300) throw new ServiceError({ service: 'gmail', operation: 'drafts.delete', problem: 'unknown', status: res.status });
      return true;
    },
  };
}
