import type { FakeGoogle } from '../fakes/google/index.js';
import { ConnectorStatus, type FakeScalekit } from '../fakes/scalekit/server.js';
import type { FakeSlack } from '../fakes/slack/web-api.js';
import { BOT_USER, GENERAL, TEAMMATES, type Busy, type Teammate } from './team.js';
import type { SandboxMessage, Timeline } from './timeline.js';

/** What the page needs to draw one person's view, as plain JSON. */

export interface World {
  slack: FakeSlack;
  scalekit: FakeScalekit;
  google: FakeGoogle;
  timeline: Timeline;
  busy: Map<string, Busy[]>;
  identifierOf(userId: string): string;
  /** The bot's PUBLIC_URL: its Connect links start there. */
  botUrl: string;
}

/** Where every Connect button of the bot points. */
export const connectLinkPrefix = (world: World): string => `${world.botUrl}/connect/start?`;

const CONNECTORS = { calendar: 'googlecalendar', gmail: 'gmail' } as const;

function connection(world: World, person: Teammate): { calendar: boolean; gmail: boolean } {
  const active = (connector: string): boolean => world.scalekit.account(connector, world.identifierOf(person.id))?.status === ConnectorStatus.ACTIVE;
  return { calendar: active(CONNECTORS.calendar), gmail: active(CONNECTORS.gmail) };
}

const publicMessage = (m: SandboxMessage) => ({
  id: m.id,
  author: m.author,
  ephemeral: m.visibleTo !== undefined,
  command: m.command === true,
  text: m.text,
  blocks: m.blocks,
  at: m.at,
});

function calendar(world: World, person: Teammate, now: number) {
  // Own events and the invitations Google copied to this calendar, as the person's Calendar shows them.
  const events = world.google.eventsOf(person.email).map((e) => ({
    id: e.id,
    invitation: e.invitation,
    organizer: e.organizer,
    summary: e.summary ?? '(no title)',
    start: e.start.dateTime ?? e.start.date ?? '',
    end: e.end.dateTime ?? e.end.date ?? '',
    attendees: e.attendees,
    cancelled: e.deleted || e.status === 'cancelled',
    link: e.resource.htmlLink,
  }));
  const busy = (world.busy.get(person.email) ?? []).filter((b) => Date.parse(b.end) > now).slice(0, 8);
  return { events, busy };
}

function drafts(world: World, person: Teammate) {
  return world.google
    .drafts(person.email)
    .filter((d) => !d.deleted)
    .map((d) => ({ id: d.id, subject: d.subject, to: d.to, body: d.body, created: d.created.toISOString() }));
}

/** The modal the bot opened in front of `me` (views.open), with the errors of the last submission. */
function modalOf(world: World, me: Teammate) {
  const m = world.slack.modals.of(me.id);
  return m === undefined ? null : { id: String(m.view.id), view: m.view, errors: m.errors };
}

/** Everything `me` may see: never another person's ephemeral messages, drafts or events. */
export function viewState(world: World, me: Teammate, version: number) {
  const dm = world.slack.dmChannelOf(me.id);
  const home = world.slack.homeViewOf(me.id);
  return {
    version,
    me: me.id,
    users: TEAMMATES.map((p) => ({ id: p.id, name: p.name, realName: p.realName, tz: p.tz, clock: p.clock, email: p.email, connected: connection(world, p) })),
    /** URL buttons to these (Connect) are opened as the person chosen in "You are". */
    connectLinkPrefix: connectLinkPrefix(world),
    bot: { id: BOT_USER.id, name: BOT_USER.realName ?? BOT_USER.name, handle: BOT_USER.name },
    channels: { general: GENERAL, dm: { id: dm, name: BOT_USER.realName ?? BOT_USER.name } },
    messages: {
      [GENERAL.id]: world.timeline.visible(me.id, GENERAL.id).map(publicMessage),
      [dm]: world.timeline.visible(me.id, dm).map(publicMessage),
    },
    home: Array.isArray(home?.blocks) ? home.blocks : null,
    modal: modalOf(world, me),
    calendar: calendar(world, me, Date.now()),
    drafts: drafts(world, me),
  };
}

/** Changes whenever anything a page could show may have changed. */
export function fingerprint(world: World): string {
  const statuses = TEAMMATES.map((p) => {
    const c = connection(world, p);
    return `${c.calendar ? 1 : 0}${c.gmail ? 1 : 0}`;
  }).join('');
  return `${world.timeline.revision}:${world.slack.log.length}:${world.google.requests.length}:${world.scalekit.calls.length}:${statuses}`;
}
