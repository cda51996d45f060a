import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Colleagues } from '../../flows/ports/index.js';
import type { Logger } from '../../flows/ports/index.js';

const LookupResult = z.object({ user: z.object({ deleted: z.boolean().optional(), is_bot: z.boolean().optional() }) });

/**
 * users.lookupByEmail through the workspace's own client. Built per request, so its cache lives
 * as long as one summary; an address Slack cannot look up simply does not count as a colleague.
 */
export function slackColleagues(client: WebClient, log: Logger): Colleagues {
  const cache = new Map<string, Promise<boolean>>();
  const lookup = async (email: string): Promise<boolean> => {
    try {
      const parsed = LookupResult.safeParse(await client.users.lookupByEmail({ email }));
      return parsed.success && !parsed.data.user.deleted && !parsed.data.user.is_bot;
    } catch (e) {
      const code = (e as { data?: { error?: unknown } } | null)?.data?.error;
      if (code !== 'users_not_found') log.warn('users.lookupByEmail failed; not flagging the sender', { error: typeof code === 'string' ? code : 'unknown' });
      return false;
    }
  };
  return {
    isMember(email) {
      const key = email.toLowerCase();
      let found = cache.get(key);
      if (!found) {
        found = lookup(key);
        cache.set(key, found);
      }
      return found;
    },
  };
}
