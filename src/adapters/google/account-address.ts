import { z } from 'zod';
import type { Connector } from '../../core/outcomes.js';
import type { GoogleAccounts } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';
import { googleFetch, type GoogleRequest, type RetryPolicy } from './http.js';

const PrimaryCalendar = z.object({ id: z.string().min(1) });
const GmailProfile = z.object({ emailAddress: z.string().min(1) });

/**
 * Each grant is asked with its own token, for what that grant may read: Calendar's primary
 * calendar (calendars.get; its id is the account's address) or Gmail's profile (users.getProfile).
 */
export function googleAccounts(urls: { calendarApiUrl: string; gmailApiUrl: string }, retry: RetryPolicy): GoogleAccounts {
  async function get<T>(req: Omit<GoogleRequest, 'method'>, shape: z.ZodType<T>): Promise<T> {
    const res = await googleFetch({ ...req, method: 'GET' }, retry);
    const parsed = shape.safeParse(res.body);
    if (res.status !== 200 || !parsed.success) throw new ServiceError({ service: req.service, operation: req.operation, problem: 'unknown', status: res.status });
    return parsed.data;
  }
  return {
    async address(connector: Connector, token: string): Promise<string> {
      if (connector === 'calendar') {
        const url = `${urls.calendarApiUrl}/calendars/primary`;
        return (await get({ service: 'calendar', operation: 'calendars.get', url, token, scope: 'https://www.googleapis.com/auth/calendar' }, PrimaryCalendar)).id;
      }
      const url = `${urls.gmailApiUrl}/users/me/profile`;
      return (await get({ service: 'gmail', operation: 'users.getProfile', url, token, scope: 'https://www.googleapis.com/auth/gmail.readonly' }, GmailProfile)).emailAddress;
    },
  };
}
