import type { ScheduleRequest } from '../../core/parse-schedule.js';
import type { Attendee, Organizer } from '../../core/people.js';
import type { Preferences } from '../../core/preferences.js';
import type { Directory, DirectoryEntry } from '../ports/index.js';

export type People = { kind: 'ok'; organizer: Organizer; attendees: Attendee[] } | { kind: 'problem'; reason: string };

function problemWith(entry: DirectoryEntry): string | undefined {
  if (entry.kind === 'not-found') return `I couldn’t find the Slack user ${entry.id} in this workspace.`;
  if (entry.deleted) return `${entry.name}’s Slack account is deactivated.`;
  if (entry.isBot) return `${entry.name} is a bot, and bots have no calendar to invite.`;
  if (!entry.email) return `${entry.name}’s email address isn’t visible to me, so I can’t invite them; give their email address instead.`;
  return undefined;
}

/**
 * Looks everyone up in Slack (and their own preferences) at once and reports every problem
 * together. A preference's zone overrides the Slack profile's.
 */
export async function resolvePeople(directory: Directory, prefsOf: (userIds: string[]) => Promise<Map<string, Preferences>>, organizerId: string, request: ScheduleRequest): Promise<People> {
  const ids = [organizerId, ...request.mentions.filter((id) => id !== organizerId)];
  const [entries, found] = await Promise.all([Promise.all(ids.map((id) => directory.person(id))), prefsOf(ids)]);
  const prefs = ids.map((id) => found.get(id));
  const [me, ...others] = entries;
  if (!me || me.kind === 'not-found') return { kind: 'problem', reason: 'I couldn’t look you up in Slack. Please try again.' };

  const problems = others.map(problemWith).filter((p): p is string => p !== undefined);
  if (problems.length > 0) return { kind: 'problem', reason: problems.join(' ') };

  const myPrefs = prefs[0];
  const organizer: Organizer = { slackId: me.id, name: me.name, zone: myPrefs?.zone ?? me.zone, email: me.email, prefs: myPrefs };
  const attendees: Attendee[] = [];
  const seen = new Set(me.email ? [me.email.toLowerCase()] : []);
  others.forEach((p, i) => {
    if (p.kind !== 'person' || !p.email || seen.has(p.email.toLowerCase())) return;
    seen.add(p.email.toLowerCase());
    const theirs = prefs[i + 1];
    attendees.push({ email: p.email, name: p.name, slackId: p.id, zone: theirs?.zone ?? p.zone, prefs: theirs });
  });
  for (const email of request.emails) {
    if (seen.has(email)) continue;
    seen.add(email);
    attendees.push({ email, name: email });
  }
  if (attendees.length === 0) return { kind: 'problem', reason: 'Invite at least one person other than yourself.' };
  return { kind: 'ok', organizer, attendees };
}
