import type { Modals } from './modals.js';
import type { FakeSlackUser, NotInChannelError, SlackResult } from './types.js';
import { isRecord, strArg } from './types.js';
import { userObject } from './users.js';

/** The state the Web API method handlers read and mutate (implemented by FakeSlack). */
export interface MethodContext {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly triggerTtlMs: number;
  readonly users: Map<string, FakeSlackUser>;
  readonly notInChannel: Map<string, NotInChannelError>;
  /** Posted (non-ephemeral) messages by `${channel}:${ts}`, so chat.update can find them. */
  readonly messages: Map<string, Record<string, unknown>>;
  /** `userId`: whom the trigger was handed to; a modal opened with it shows to them. */
  readonly triggers: Map<string, { issuedAt: number; used: boolean; userId?: string }>;
  readonly homeViews: Map<string, Record<string, unknown>>;
  readonly modals: Modals;
  dmChannelOf(userId: string): string;
  /** Marks the DM as opened; returns whether it already was. */
  markDmOpen(userId: string): boolean;
  nextTs(): string;
  nextId(prefix: string): string;
}

type Args = Record<string, unknown>;
export type MethodHandler = (args: Args, ctx: MethodContext) => SlackResult;

const fail = (error: string, extra: Args = {}): SlackResult => ({ ok: false, error, ...extra });

function hasContent(args: Args): boolean {
  const text = strArg(args, 'text');
  return (text !== undefined && text !== '') || Array.isArray(args.blocks) || args.attachments !== undefined;
}

/** chat.* accept a user id as channel and post to the bot's DM with that user. */
function resolveChannel(args: Args, ctx: MethodContext): { channel: string } | { error: string } {
  const channel = strArg(args, 'channel');
  if (channel === undefined || channel === '') return { error: 'channel_not_found' };
  const blocked = ctx.notInChannel.get(channel);
  if (blocked !== undefined) return { error: blocked };
  if (/^[UW]/.test(channel)) {
    return ctx.users.has(channel) ? { channel: ctx.dmChannelOf(channel) } : { error: 'channel_not_found' };
  }
  return { channel };
}

function botMessage(ctx: MethodContext, ts: string, args: Args): Record<string, unknown> {
  const msg: Record<string, unknown> = {
    type: 'message',
    subtype: 'bot_message',
    text: strArg(args, 'text') ?? '',
    user: ctx.botUserId,
    bot_id: ctx.botId,
    team: ctx.teamId,
    ts,
  };
  if (args.blocks !== undefined) msg.blocks = args.blocks;
  if (args.thread_ts !== undefined) msg.thread_ts = strArg(args, 'thread_ts');
  return msg;
}

function viewResult(ctx: MethodContext, view: Record<string, unknown>): Record<string, unknown> {
  const id = ctx.nextId('V');
  return { id, team_id: ctx.teamId, app_id: 'A0FAKEAPP', bot_id: ctx.botId, hash: ctx.nextId('h'), root_view_id: id, previous_view_id: null, ...view };
}

export const METHODS: Record<string, MethodHandler> = {
  'auth.test': (_args, ctx) => ({
    ok: true,
    url: `https://${ctx.teamDomain}.slack.com/`,
    team: ctx.teamName,
    user: ctx.users.get(ctx.botUserId)?.name ?? 'scheduler',
    team_id: ctx.teamId,
    user_id: ctx.botUserId,
    bot_id: ctx.botId,
    is_enterprise_install: false,
  }),

  'users.info': (args, ctx) => {
    const u = ctx.users.get(strArg(args, 'user') ?? '');
    return u ? { ok: true, user: userObject(u, ctx.teamId) } : fail('user_not_found');
  },

  'users.lookupByEmail': (args, ctx) => {
    const email = strArg(args, 'email')?.toLowerCase();
    const u = [...ctx.users.values()].find((x) => email !== undefined && x.email?.toLowerCase() === email);
    return u ? { ok: true, user: userObject(u, ctx.teamId) } : fail('users_not_found');
  },

  'chat.postMessage': (args, ctx) => {
    const r = resolveChannel(args, ctx);
    if ('error' in r) return fail(r.error);
    if (!hasContent(args)) return fail('no_text');
    const ts = ctx.nextTs();
    const message = botMessage(ctx, ts, args);
    ctx.messages.set(`${r.channel}:${ts}`, message);
    return { ok: true, channel: r.channel, ts, message };
  },

  'chat.postEphemeral': (args, ctx) => {
    const r = resolveChannel(args, ctx);
    if ('error' in r) return fail(r.error);
    const user = strArg(args, 'user');
    if (user === undefined || !ctx.users.has(user)) return fail('user_not_found');
    if (!hasContent(args)) return fail('no_text');
    return { ok: true, message_ts: ctx.nextTs() };
  },

  'chat.update': (args, ctx) => {
    const channel = strArg(args, 'channel') ?? '';
    const ts = strArg(args, 'ts') ?? '';
    const key = `${channel}:${ts}`;
    const existing = ctx.messages.get(key);
    if (existing === undefined) return fail(ctx.notInChannel.get(channel) ?? 'message_not_found');
    if (!hasContent(args)) return fail('no_text');
    // Like Slack: omitting `blocks` keeps the previous blocks; `blocks: []` clears them.
    const message: Record<string, unknown> = { ...existing, ...botMessage(ctx, ts, args), edited: { user: ctx.botUserId, ts: ctx.nextTs() } };
    ctx.messages.set(key, message);
    return { ok: true, channel, ts, text: message.text, message };
  },

  'conversations.open': (args, ctx) => {
    const channel = strArg(args, 'channel');
    if (channel !== undefined) return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
    const ids = (strArg(args, 'users') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ids.length === 0) return fail('users_list_not_supplied');
    if (ids.some((id) => !ctx.users.has(id))) return fail('user_not_found');
    if (ids.length > 1) return fail('not_supported_by_fake', { detail: 'multi-person DMs are not modelled' });
    const [id] = ids as [string];
    const already = ctx.markDmOpen(id);
    const res: SlackResult = { ok: true, channel: { id: ctx.dmChannelOf(id) } };
    return already ? { ...res, no_op: true, already_open: true } : res;
  },

  'views.publish': (args, ctx) => {
    const userId = strArg(args, 'user_id') ?? '';
    if (!ctx.users.has(userId)) return fail('user_not_found');
    if (!isRecord(args.view) || args.view.type !== 'home') return fail('invalid_arguments');
    const view = viewResult(ctx, args.view);
    ctx.homeViews.set(userId, view);
    return { ok: true, view };
  },

  'views.open': (args, ctx) => {
    const triggerId = strArg(args, 'trigger_id');
    if (triggerId === undefined) return fail('invalid_arguments');
    const trigger = ctx.triggers.get(triggerId);
    if (trigger === undefined) return fail('invalid_trigger_id');
    if (trigger.used) return fail('exchanged_trigger_id');
    if (Date.now() - trigger.issuedAt > ctx.triggerTtlMs) return fail('expired_trigger_id');
    if (!isRecord(args.view)) return fail('invalid_arguments');
    trigger.used = true;
    const view = viewResult(ctx, args.view);
    ctx.modals.opened(trigger.userId, view);
    return { ok: true, view };
  },
};
