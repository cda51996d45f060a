import { buttonsIn, type SimResponse, type SlackClientSim, type ViewStateValues } from '../fakes/slack/signed-client.js';
import type { FakeSlack, FakeSlackUser } from '../fakes/slack/web-api.js';
import { manifestCommands, notACommand } from './slash-commands.js';
import type { Timeline } from './timeline.js';

/**
 * What a person does in the sandbox page, turned into the signed requests Slack would send the bot:
 * slash commands, messages (as Events API events) and button clicks (block_actions).
 */

export interface Click {
  /** A message id, or `home` for the App Home tab. */
  messageId: string;
  /** Position of the button among the message's buttons, in block order. */
  index: number;
  /** The action_id the page saw there; a mismatch means the message changed under the click. */
  actionId: string;
}

/** `errors`: a modal stays open with these, by block_id (`response_action: "errors"`). */
export type Outcome = { ok: true; errors?: Record<string, string> } | { ok: false; status: number; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class SlackActions {
  private readonly commands = manifestCommands();

  constructor(private readonly deps: { slack: FakeSlack; sim: SlackClientSim; timeline: Timeline; generalId: string }) {}

  /** Only #general and the person's own DM with the bot exist for them. */
  channelFor(user: FakeSlackUser, channel: string): string | undefined {
    const dm = this.deps.slack.dmChannelOf(user.id);
    return channel === this.deps.generalId || channel === dm ? channel : undefined;
  }

  /** `text` is already escaped the way Slack escapes it (mentions as `<@U…|name>`). */
  async send(user: FakeSlackUser, channel: string, text: string): Promise<Outcome> {
    const { sim, timeline, slack } = this.deps;
    const command = /^(\/[\w-]+)(?:\s+([\s\S]*))?$/.exec(text.trim());
    if (command?.[1] !== undefined && !this.commands.includes(command[1].toLowerCase())) {
      // Slack answers it itself; the bot never hears of it, and the text is not posted.
      timeline.add({ channel, author: 'USLACKBOT', visibleTo: user.id, text: notACommand(command[1]), blocks: [] });
      return { ok: true };
    }
    if (command?.[1] !== undefined) {
      timeline.add({ channel, author: user.id, visibleTo: user.id, command: true, text: text.trim(), blocks: [] });
      const res = await sim.slashCommand({ user, channel, command: command[1], text: command[2] ?? '' });
      timeline.register(res.responseUrl, { channel, user: user.id }, isRecord(res.json) ? res.json : undefined);
      return this.delivered(res, channel, user, command[1]);
    }
    timeline.add({ channel, author: user.id, text, blocks: [] });
    // The manifest subscribes to message.im and app_mention only: other channel chatter never reaches the bot.
    if (channel === slack.dmChannelOf(user.id)) {
      return this.delivered(await sim.event({ type: 'message', user: user.id, text, channel }), channel, user);
    }
    if (text.includes(`<@${slack.botUserId}`)) {
      return this.delivered(await sim.event({ type: 'app_mention', user: user.id, text, channel }), channel, user);
    }
    return { ok: true };
  }

  async click(user: FakeSlackUser, click: Click): Promise<Outcome> {
    const { sim, timeline, slack } = this.deps;
    if (click.messageId === 'home') {
      const button = buttonsIn(slack.homeViewOf(user.id)?.blocks)[click.index];
      if (button?.actionId !== click.actionId) return { ok: false, status: 409, error: 'the Home tab changed; try again' };
      const res = await sim.clickButton({ user, home: true, ...button });
      return this.delivered(res, undefined, user);
    }
    const message = timeline.find(click.messageId);
    if (!message || (message.visibleTo !== undefined && message.visibleTo !== user.id)) {
      return { ok: false, status: 404, error: 'no such message' };
    }
    const button = buttonsIn(message.blocks)[click.index];
    if (button?.actionId !== click.actionId) return { ok: false, status: 409, error: 'the message changed; try again' };
    const responseUrl = slack.newResponseUrl();
    timeline.register(responseUrl, { channel: message.channel, user: user.id, anchor: message.id });
    const res = await sim.clickButton({
      user,
      responseUrl,
      channel: message.channel,
      ...(message.slack ? { message: message.slack.message } : {}),
      ...button,
    });
    return this.delivered(res, message.channel, user);
  }

  /** Opening the Home tab sends app_home_opened, as Slack does. */
  async openHome(user: FakeSlackUser): Promise<Outcome> {
    return this.delivered(await this.deps.sim.event({ type: 'app_home_opened', user: user.id }), undefined, user);
  }

  /** The person presses the submit button of their modal: a view_submission, answered as Slack would. */
  async submitModal(user: FakeSlackUser, viewId: string, values: ViewStateValues): Promise<Outcome> {
    const modal = this.deps.slack.modals.get(viewId);
    if (modal?.userId !== user.id) return { ok: false, status: 404, error: 'that modal is not open for you' };
    const { outcome } = await this.deps.sim.viewSubmission({ user, viewId, values });
    if (outcome.kind === 'errors') return { ok: true, errors: outcome.errors };
    if (outcome.kind === 'failed') return { ok: false, status: 502, error: `We had some trouble connecting. Try again? (${outcome.reason})` };
    return { ok: true };
  }

  /** Cancel or ×: the modal goes; the bot asked for no view_closed (notify_on_close), so it hears nothing. */
  closeModal(user: FakeSlackUser, viewId: string): Outcome {
    const modal = this.deps.slack.modals.get(viewId);
    if (modal?.userId !== user.id) return { ok: false, status: 404, error: 'that modal is not open for you' };
    this.deps.slack.modals.close(viewId);
    return { ok: true };
  }

  /** A refused or failed request shows up the way Slack shows it: a note only the sender sees. */
  private delivered(res: SimResponse, channel: string | undefined, user: FakeSlackUser, command?: string): Outcome {
    if (res.status === 200) return { ok: true };
    const error = `HTTP ${res.status}`;
    if (channel !== undefined) {
      const what = command === undefined ? 'Your message' : `${command}`;
      this.deps.timeline.add({ channel, author: 'USLACKBOT', visibleTo: user.id, text: `${what} failed with the error "dispatch_failed" (${error})`, blocks: [] });
    }
    return { ok: false, status: 502, error };
  }
}
