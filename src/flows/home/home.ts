import type { HomeConnection, HomeState } from '../../core/messages/home.js';
import type { CalendarChoice } from '../../core/messages/prefs-modal.js';
import type { SlackUserRef } from '../../core/identity.js';
import { CONNECTORS, type Connector } from '../../core/outcomes.js';
import type { Preferences } from '../../core/preferences.js';
import type { HomeDeps } from '../deps.js';
import { lookupToken } from '../connect/with-grant.js';

const SHOWN = new Set(['not-connected', 'expired', 'revoked', 'pending-verification']);

async function connection(deps: HomeDeps, user: SlackUserRef, connector: Connector): Promise<HomeConnection> {
  // The Home tab is where people check their connections: ask Scalekit, never a kept copy.
  const t = await lookupToken(deps.grants, user, connector, true);
  if (t.kind === 'token') return { connector, status: 'connected' };
  if (t.kind !== 'missing' || !SHOWN.has(t.problem)) return { connector, status: 'unavailable' };
  const status = t.problem as Exclude<HomeConnection['status'], 'connected' | 'unavailable'>;
  return { connector, status, link: await deps.grants.link(user, connector) };
}

/** Everything the App Home tab shows for one user, read at once. */
export async function homeState(deps: HomeDeps, user: SlackUserRef): Promise<HomeState> {
  const [connections, prefs, me] = await Promise.all([Promise.all(CONNECTORS.map((c) => connection(deps, user, c))), deps.store.getPrefs(user), deps.directory.person(user.userId)]);
  return { connections, prefs, slackZone: me.kind === 'person' ? me.zone : 'UTC' };
}

export async function disconnect(deps: HomeDeps, user: SlackUserRef, connector: Connector): Promise<void> {
  await deps.grants.disconnect(user, connector);
  deps.log.info('disconnected a Google service', { team: user.teamId, user: user.userId, connector });
}

/** A form saved without the calendars field keeps the calendars chosen before. */
export async function savePrefs(deps: HomeDeps, user: SlackUserRef, prefs: Preferences): Promise<void> {
  const calendars = prefs.calendars ?? (await deps.store.getPrefs(user))?.calendars;
  await deps.store.putPrefs(user, { ...prefs, ...(calendars ? { calendars } : {}) });
}

/** The user's calendars besides the primary, for the preferences form; undefined when Google can't say. */
export async function calendarChoices(deps: HomeDeps, user: SlackUserRef): Promise<CalendarChoice[] | undefined> {
  const t = await lookupToken(deps.grants, user, 'calendar');
  if (t.kind !== 'token') return undefined;
  const list = await deps.calendar.calendars(t.token);
  return list.filter((c) => !c.primary).map((c) => ({ id: c.id, summary: c.summary, selected: c.selected }));
}
