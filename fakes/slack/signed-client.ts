import { randomUUID } from 'node:crypto';
import { httpPost, slackSignature, type SignOptions, type SimResponse } from './signing.js';
import type { SubmissionOutcome } from './modals.js';
import { blockActionsPayload, channelNameFor, eventEnvelope, newEventId, slashCommandBody, viewSubmissionPayload } from './payloads.js';
import type { Actor, AppInfo, ButtonSource, Channel, SimEvent, ViewStateValues } from './payloads.js';
import type { FakeSlackUser } from './types.js';
import type { FakeSlack } from './web-api.js';

export { buttonsIn, type FoundButton } from './buttons.js';
export type { SimEvent, ViewStateValues } from './payloads.js';
export { slackSignature, type SignOptions, type SimResponse } from './signing.js';

export interface SimInteraction extends SimResponse {
  /** response_url sent with the request ('' for home-tab clicks, which carry none). */
  responseUrl: string;
}
export interface SimEventResponse extends SimResponse {
  eventId: string;
  envelope: Record<string, unknown>;
}

export interface SimViewSubmission extends SimResponse {
  /** What Slack did with the modal after the app's ack. */
  outcome: SubmissionOutcome;
}

export interface SlackClientSimOptions {
  /** Bot base url (`/slack/events` is appended) or the full events url. */
  botUrl: string;
  signingSecret: string;
  slack: FakeSlack;
  teamId: string;
  appId?: string;
  teamDomain?: string;
  /** Channel used when a slash command / click names none. */
  defaultChannel?: Channel;
  timeoutMs?: number;
}

export interface ClickOptions {
  user: string | FakeSlackUser;
  actionId: string;
  value?: string;
  url?: string;
  /** Button label (action.text.text); defaults to actionId. */
  text?: string;
  blockId?: string;
  responseUrl?: string;
  channel?: string;
  /** Click on this (non-ephemeral) message, e.g. a recorded chat.postMessage `result.message`. */
  message?: Record<string, unknown>;
  /** Click on the App Home tab (container type "view", no response_url). */
  home?: boolean;
  sign?: SignOptions;
}

/** Sends requests to the bot exactly as Slack would: same content types, payload shapes and signatures. */
export class SlackClientSim {
  readonly eventsUrl: string;
  private readonly app: AppInfo;
  private readonly defaultChannel: Channel;

  constructor(private readonly opts: SlackClientSimOptions) {
    const u = new URL(opts.botUrl);
    this.eventsUrl = u.pathname === '/' || u.pathname === '' ? new URL('/slack/events', u).toString() : u.toString();
    this.app = {
      teamId: opts.teamId,
      teamDomain: opts.teamDomain ?? 'fake-team',
      appId: opts.appId ?? 'A0FAKEAPP',
      verificationToken: 'fake-verification-token',
    };
    this.defaultChannel = opts.defaultChannel ?? { id: 'C0GENERAL', name: 'general' };
  }

  async slashCommand(p: { user: string | FakeSlackUser; text: string; channel?: string; command?: string; sign?: SignOptions }): Promise<SimInteraction> {
    const responseUrl = this.opts.slack.newResponseUrl('command');
    const body = slashCommandBody(this.app, {
      actor: this.actor(p.user),
      channel: this.channel(p.channel),
      command: p.command ?? '/schedule',
      text: p.text,
      responseUrl,
      triggerId: this.opts.slack.newTriggerId(this.actor(p.user).id),
    });
    return { ...(await this.signedPost(body, 'application/x-www-form-urlencoded', p.sign)), responseUrl };
  }

  async clickButton(p: ClickOptions): Promise<SimInteraction> {
    const channel = this.channel(p.channel ?? (typeof p.message?.channel === 'string' ? p.message.channel : undefined));
    const home = p.home === true ? this.opts.slack.homeViewOf(this.actor(p.user).id) : undefined;
    const source: ButtonSource =
      p.home === true
        ? { kind: 'home', viewId: typeof home?.id === 'string' ? home.id : 'V0HOME', view: home }
        : p.message !== undefined
          ? { kind: 'message', channel, message: p.message }
          : { kind: 'ephemeral', channel, messageTs: this.opts.slack.nextTs() };
    const responseUrl = p.home === true ? '' : (p.responseUrl ?? this.opts.slack.newResponseUrl('block_actions'));
    const payload = blockActionsPayload(this.app, {
      actor: this.actor(p.user),
      source,
      actionId: p.actionId,
      blockId: p.blockId ?? randomUUID().slice(0, 5),
      value: p.value,
      url: p.url,
      text: p.text ?? p.actionId,
      responseUrl: responseUrl === '' ? undefined : responseUrl,
      triggerId: this.opts.slack.newTriggerId(this.actor(p.user).id),
    });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return { ...(await this.signedPost(body, 'application/x-www-form-urlencoded', p.sign)), responseUrl };
  }

  /**
   * The user presses the submit button of their open modal (`viewId`, else the one on top):
   * a signed `view_submission` with `values` as the view's state. The ack is applied as Slack
   * applies it (`outcome`: closed, errors by block_id, updated, failed); see fakes/slack/modals.ts.
   */
  async viewSubmission(p: { user: string | FakeSlackUser; values: ViewStateValues; viewId?: string; sign?: SignOptions }): Promise<SimViewSubmission> {
    const slack = this.opts.slack;
    const actor = this.actor(p.user);
    const modal = p.viewId === undefined ? slack.modals.of(actor.id) : slack.modals.get(p.viewId);
    if (modal === undefined || (modal.userId !== undefined && modal.userId !== actor.id)) throw new Error(`SlackClientSim: ${actor.id} has no open modal ${p.viewId ?? ''}`.trim());
    const payload = viewSubmissionPayload(this.app, { actor, view: modal.view, values: p.values, triggerId: slack.newTriggerId(actor.id) });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await this.signedPost(body, 'application/x-www-form-urlencoded', p.sign);
    return { ...res, outcome: slack.modals.applyAck(String(modal.view.id), res, () => slack.nextId('h')) };
  }

  /** Delivers an Events API event. Pass `eventId` + `retryNum` to model Slack redelivering the same event. */
  async event(evt: SimEvent, o: { retryNum?: number; retryReason?: string; eventId?: string; sign?: SignOptions } = {}): Promise<SimEventResponse> {
    const eventId = o.eventId ?? newEventId();
    const envelope = eventEnvelope(this.app, {
      event: this.fillEvent(evt),
      eventId,
      eventTime: Math.floor(Date.now() / 1000),
      botUserId: this.opts.slack.botUserId,
    });
    return this.redeliver(envelope, o);
  }

  /** Posts an envelope from a previous `event()` again, byte-identical apart from the retry headers. */
  async redeliver(envelope: Record<string, unknown>, o: { retryNum?: number; retryReason?: string; sign?: SignOptions } = {}): Promise<SimEventResponse> {
    const extra: Record<string, string> = {};
    if (o.retryNum !== undefined) {
      extra['X-Slack-Retry-Num'] = String(o.retryNum);
      extra['X-Slack-Retry-Reason'] = o.retryReason ?? 'http_timeout';
    }
    const res = await this.signedPost(JSON.stringify(envelope), 'application/json', o.sign, extra);
    return { ...res, eventId: String(envelope.event_id), envelope };
  }

  /** Posts exactly these bytes and headers (no signing) — for forged / malformed request tests. */
  postRaw(body: string, headers: Record<string, string>): Promise<SimResponse> {
    return httpPost(this.eventsUrl, body, headers, this.opts.timeoutMs ?? 10_000);
  }

  /** Signature headers for `body` as this client would send them. */
  signHeaders(body: string, sign: SignOptions = {}): Record<string, string> {
    if (sign.unsigned === true) return {};
    const ts = sign.timestampSec ?? Math.floor(Date.now() / 1000);
    return {
      'X-Slack-Request-Timestamp': String(ts),
      'X-Slack-Signature': slackSignature(sign.secret ?? this.opts.signingSecret, ts, body),
    };
  }

  private signedPost(body: string, contentType: string, sign?: SignOptions, extra: Record<string, string> = {}): Promise<SimResponse> {
    const headers = { 'Content-Type': contentType, 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...extra };
    return this.postRaw(body, { ...headers, ...this.signHeaders(body, sign) });
  }

  private actor(user: string | FakeSlackUser): Actor {
    const u = typeof user === 'string' ? this.opts.slack.user(user) : user;
    const id = typeof user === 'string' ? user : user.id;
    return { id, name: u?.name ?? id.toLowerCase(), teamId: u?.teamId ?? this.opts.teamId };
  }

  private channel(id: string | undefined): Channel {
    return id === undefined ? this.defaultChannel : { id, name: id === this.defaultChannel.id ? this.defaultChannel.name : channelNameFor(id) };
  }

  private fillEvent(evt: SimEvent): Record<string, unknown> {
    const slack = this.opts.slack;
    if (evt.type === 'app_home_opened') {
      const view = slack.homeViewOf(evt.user);
      const e: Record<string, unknown> = { type: evt.type, user: evt.user, channel: evt.channel ?? slack.dmChannelOf(evt.user), tab: evt.tab ?? 'home', event_ts: slack.nextTs() };
      return view === undefined ? e : { ...e, view };
    }
    const channel = evt.channel ?? slack.dmChannelOf(evt.user);
    const ts = evt.ts ?? slack.nextTs();
    const base: Record<string, unknown> = { client_msg_id: randomUUID(), ...evt, team: this.opts.teamId, channel, ts, event_ts: ts };
    if (evt.type === 'message') base.channel_type = evt.channel_type ?? { D: 'im', G: 'group' }[channel[0] ?? ''] ?? 'channel';
    return base;
  }
}
