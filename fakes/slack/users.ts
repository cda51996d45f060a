import type { FakeSlackUser } from './types.js';

/** Current UTC offset of an IANA zone in seconds (Slack's `tz_offset`), e.g. -25200 for PDT. */
export function tzOffsetSeconds(tz: string, at: Date = new Date()): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(part ?? '');
  if (!m) throw new Error(`cannot compute offset for time zone ${tz} (${part ?? 'no part'})`);
  if (m[1] === undefined) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? '0') * 60;
  return m[1] === '-' ? -secs : secs;
}

/** Slack's `tz_label`, e.g. "Pacific Daylight Time". */
export function tzLabel(tz: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/** The `user` object of users.info / users.lookupByEmail. */
export function userObject(u: FakeSlackUser, defaultTeamId: string): Record<string, unknown> {
  const teamId = u.teamId ?? defaultTeamId;
  const realName = u.realName ?? u.name;
  const profile: Record<string, unknown> = {
    real_name: realName,
    real_name_normalized: realName,
    display_name: u.name,
    display_name_normalized: u.name,
    team: teamId,
  };
  if (u.email !== undefined) profile.email = u.email;
  if (u.isBot === true) profile.bot_id = `B${u.id.slice(1)}`;
  const grid =
    u.enterprise === undefined
      ? {}
      : { enterprise_user: { id: u.id, enterprise_id: u.enterprise.id, enterprise_name: u.enterprise.name, is_admin: false, is_owner: false, teams: [teamId] } };
  return {
    ...grid,
    id: u.id,
    team_id: teamId,
    name: u.name,
    real_name: realName,
    deleted: u.deleted ?? false,
    is_bot: u.isBot ?? false,
    is_app_user: false,
    tz: u.tz,
    tz_label: tzLabel(u.tz),
    tz_offset: tzOffsetSeconds(u.tz),
    profile,
  };
}
