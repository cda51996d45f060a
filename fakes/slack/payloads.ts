import { randomBytes } from 'node:crypto';

/** Who is acting, resolved from the FakeSlack user list. */
export interface Actor {
  id: string;
  name: string;
  teamId: string;
}

export interface Channel {
  id: string;
  name: string;
}

export interface AppInfo {
  teamId: string;
  teamDomain: string;
  appId: string;
  /** Legacy verification token Slack still includes in payloads. */
  verificationToken: string;
}

export function channelNameFor(id: string): string {
  if (id.startsWith('D')) return 'directmessage';
  if (id.startsWith('G')) return 'privategroup';
  return 'general';
}

/** The form body of a slash command, field for field as Slack sends it. */
export function slashCommandBody(app: AppInfo, p: { actor: Actor; channel: Channel; command: string; text: string; responseUrl: string; triggerId: string }): string {
  return new URLSearchParams({
    token: app.verificationToken,
    team_id: app.teamId,
    team_domain: app.teamDomain,
    channel_id: p.channel.id,
    channel_name: p.channel.name,
    user_id: p.actor.id,
    user_name: p.actor.name,
    command: p.command,
    text: p.text,
    api_app_id: app.appId,
    is_enterprise_install: 'false',
    response_url: p.responseUrl,
    trigger_id: p.triggerId,
  }).toString();
}

export type ButtonSource =
  | { kind: 'ephemeral'; channel: Channel; messageTs: string }
  | { kind: 'message'; channel: Channel; message: Record<string, unknown> }
  | { kind: 'home'; viewId: string; view?: Record<string, unknown> };

/** A `block_actions` payload for one button click (goes in the form field `payload`). */
export function blockActionsPayload(
  app: AppInfo,
  p: { actor: Actor; source: ButtonSource; actionId: string; blockId: string; value?: string; text: string; url?: string; responseUrl?: string; triggerId: string },
): Record<string, unknown> {
  const action: Record<string, unknown> = {
    action_id: p.actionId,
    block_id: p.blockId,
    text: { type: 'plain_text', text: p.text, emoji: true },
    type: 'button',
    action_ts: `${(Date.now() / 1000).toFixed(6)}`,
  };
  if (p.value !== undefined) action.value = p.value;
  if (p.url !== undefined) action.url = p.url;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: { id: p.actor.id, username: p.actor.name, name: p.actor.name, team_id: p.actor.teamId },
    api_app_id: app.appId,
    token: app.verificationToken,
    trigger_id: p.triggerId,
    team: { id: app.teamId, domain: app.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  const s = p.source;
  if (s.kind === 'home') {
    payload.container = { type: 'view', view_id: s.viewId };
    payload.view = { id: s.viewId, type: 'home', team_id: app.teamId, app_id: app.appId, ...s.view };
    return payload;
  }
  const messageTs = s.kind === 'ephemeral' ? s.messageTs : String(s.message.ts);
  payload.container = { type: 'message', message_ts: messageTs, channel_id: s.channel.id, is_ephemeral: s.kind === 'ephemeral' };
  payload.channel = { id: s.channel.id, name: s.channel.name };
  // Slack omits `message` for ephemeral messages; it includes the full message otherwise.
  if (s.kind === 'message') payload.message = s.message;
  if (p.responseUrl !== undefined) payload.response_url = p.responseUrl;
  return payload;
}

/** What a modal's inputs hold, as Slack reports it: `{ [block_id]: { [action_id]: { type, value | selected_… } } }`. */
export type ViewStateValues = Record<string, Record<string, Record<string, unknown>>>;

/** A `view_submission` payload: the modal as views.open made it, with the state of its inputs. */
export function viewSubmissionPayload(app: AppInfo, p: { actor: Actor; view: Record<string, unknown>; values: ViewStateValues; triggerId: string }): Record<string, unknown> {
  const id = String(p.view.id);
  return {
    type: 'view_submission',
    team: { id: app.teamId, domain: app.teamDomain },
    user: { id: p.actor.id, username: p.actor.name, name: p.actor.name, team_id: p.actor.teamId },
    api_app_id: app.appId,
    token: app.verificationToken,
    trigger_id: p.triggerId,
    view: {
      id,
      team_id: app.teamId,
      type: 'modal',
      private_metadata: '',
      callback_id: '',
      hash: '',
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: id,
      app_id: app.appId,
      external_id: '',
      app_installed_team_id: app.teamId,
      ...p.view,
      state: { values: p.values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export type SimEvent =
  | { type: 'message'; user: string; text: string; channel?: string; channel_type?: string; ts?: string; thread_ts?: string; subtype?: string }
  | { type: 'app_mention'; user: string; text: string; channel: string; ts?: string; thread_ts?: string }
  | { type: 'app_home_opened'; user: string; channel?: string; tab?: 'home' | 'messages' };

export function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** An Events API `event_callback` envelope around an already-filled `event`. */
export function eventEnvelope(app: AppInfo, p: { event: Record<string, unknown>; eventId: string; eventTime: number; botUserId: string }): Record<string, unknown> {
  return {
    token: app.verificationToken,
    team_id: app.teamId,
    context_team_id: app.teamId,
    context_enterprise_id: null,
    api_app_id: app.appId,
    event: p.event,
    type: 'event_callback',
    event_id: p.eventId,
    event_time: p.eventTime,
    authorizations: [{ enterprise_id: null, team_id: app.teamId, user_id: p.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString('base64url')}`,
  };
}
