import { safeZone } from '../../core/zone-names.js';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Directory, DirectoryEntry } from '../../flows/ports/index.js';
import { ServiceError } from '../../flows/ports/index.js';

const UserInfo = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    deleted: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    tz: z.string().optional(),
    profile: z.object({ email: z.string().optional(), display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

function hasCode(e: unknown, error: string): boolean {
  const data = (e as { data?: { error?: unknown } } | null)?.data;
  return typeof data === 'object' && data !== null && data.error === error;
}

/**
 * How long a profile is reused. users.info is Tier 4 and every /schedule needs two; names, zones
 * and emails change rarely, and a stale minute or five costs less than a round trip per command.
 */
const PROFILE_TTL_MS = 5 * 60_000;
const cached = new WeakMap<WebClient, Map<string, { entry: Promise<DirectoryEntry>; until: number }>>();

/** users.info through the workspace's own client; Slack's `tz` is the person's working zone. */
export function slackDirectory(client: WebClient, now: () => number = Date.now): Directory {
  let profiles = cached.get(client);
  if (!profiles) {
    profiles = new Map();
    cached.set(client, profiles);
  }
  const known = profiles;
  return {
    person(userId: string): Promise<DirectoryEntry> {
      const hit = known.get(userId);
      if (hit && hit.until > now()) return hit.entry;
      const entry = lookUp(client, userId);
      known.set(userId, { entry, until: now() + PROFILE_TTL_MS });
      // A failed look-up is not kept: the next request asks Slack again.
      entry.catch(() => known.delete(userId));
      return entry;
    },
  };
}

async function lookUp(client: WebClient, userId: string): Promise<DirectoryEntry> {
  let raw: unknown;
  try {
    raw = await client.users.info({ user: userId });
  } catch (e) {
    if (hasCode(e, 'user_not_found')) return { kind: 'not-found', id: userId };
    throw new ServiceError({ service: 'slack', operation: 'users.info', problem: 'unavailable' }, { cause: e });
  }
  const parsed = UserInfo.safeParse(raw);
  if (!parsed.success) throw new ServiceError({ service: 'slack', operation: 'users.info', problem: 'unknown', detail: 'unexpected response shape' });
  const u = parsed.data.user;
  const name = u.profile?.real_name || u.real_name || u.profile?.display_name || u.name || userId;
  return { kind: 'person', id: u.id, name, email: u.profile?.email, zone: safeZone(u.tz), isBot: u.is_bot ?? false, deleted: u.deleted ?? false };
}
