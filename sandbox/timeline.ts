import type { Recorded } from '../fakes/slack/web-api.js';

/**
 * The sandbox's model of what each person sees in Slack, built from what reaches the Slack fake:
 * Web API calls (chat.postMessage, chat.postEphemeral, chat.update) and response_url posts.
 */

export interface SandboxMessage {
  id: string;
  channel: string;
  /** A user id; the bot's own user id for the bot's messages. */
  author: string;
  /** Ephemeral: only this user sees it. */
  visibleTo?: string;
  /** A slash command as its sender typed it (Slack itself shows nothing; the sandbox shows it faintly). */
  command?: boolean;
  text: string;
  blocks: unknown[];
  at: number;
  /** The message as the Slack fake keeps it, for messages posted with chat.postMessage. */
  slack?: { ts: string; message: Record<string, unknown> };
}

/** Whom a response_url belongs to, and the message it acts on (replace_original / delete_original). */
export interface Origin {
  channel: string;
  user: string;
  anchor?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const truthy = (v: unknown): boolean => v === true || v === 'true';

export class Timeline {
  private readonly messages: SandboxMessage[] = [];
  private readonly origins = new Map<string, Origin>();
  /** Posts to response_urls the sandbox has not learnt yet (a command's url is known once its ack is back). */
  private readonly early = new Map<string, Record<string, unknown>[]>();
  private cursor = 0;
  private counter = 0;
  /** Grows with every change, so watchers can tell something changed. */
  revision = 0;

  constructor(
    private readonly botUserId: string,
    private readonly dmChannelOf: (userId: string) => string,
  ) {}

  add(m: Omit<SandboxMessage, 'id' | 'at'>): SandboxMessage {
    this.counter += 1;
    const message: SandboxMessage = { ...m, id: `m${this.counter}`, at: Date.now() };
    this.messages.push(message);
    this.revision += 1;
    return message;
  }

  find(id: string): SandboxMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** What `userId` sees in `channel`, oldest first. */
  visible(userId: string, channel: string): SandboxMessage[] {
    return this.messages.filter((m) => m.channel === channel && (m.visibleTo === undefined || m.visibleTo === userId));
  }

  /** From now on, posts to `url` land with `origin`; an ack body becomes the message they act on. */
  register(url: string, origin: Origin, ack?: Record<string, unknown>): void {
    if (ack !== undefined && (str(ack.text) || Array.isArray(ack.blocks))) {
      const inChannel = ack.response_type === 'in_channel';
      const m = this.add({ ...this.content(ack), channel: origin.channel, author: this.botUserId, ...(inChannel ? {} : { visibleTo: origin.user }) });
      origin.anchor = m.id;
    }
    this.origins.set(url, origin);
    for (const body of this.early.get(url) ?? []) this.respond(origin, body);
    this.early.delete(url);
  }

  /** Takes in whatever the Slack fake recorded since the last call. */
  ingest(log: readonly Recorded[]): boolean {
    const fresh = log.slice(this.cursor);
    this.cursor = log.length;
    for (const r of fresh) {
      if (r.kind === 'response') {
        const origin = this.origins.get(r.responseUrl);
        if (origin) this.respond(origin, r.body);
        else this.early.set(r.responseUrl, [...(this.early.get(r.responseUrl) ?? []), r.body]);
      } else if (r.result.ok === true) {
        this.call(r.method, r.args, r.result);
      }
    }
    return fresh.length > 0;
  }

  private content(body: Record<string, unknown>): { text: string; blocks: unknown[] } {
    return { text: str(body.text) ?? '', blocks: Array.isArray(body.blocks) ? body.blocks : [] };
  }

  private respond(origin: Origin, body: Record<string, unknown>): void {
    this.revision += 1;
    const anchor = origin.anchor === undefined ? undefined : this.find(origin.anchor);
    if (truthy(body.delete_original)) {
      if (anchor) this.messages.splice(this.messages.indexOf(anchor), 1);
      origin.anchor = undefined;
      return;
    }
    if (truthy(body.replace_original) && anchor) {
      Object.assign(anchor, this.content(body));
      return;
    }
    const inChannel = body.response_type === 'in_channel';
    const m = this.add({ ...this.content(body), channel: origin.channel, author: this.botUserId, ...(inChannel ? {} : { visibleTo: origin.user }) });
    origin.anchor ??= m.id;
  }

  private call(method: string, args: Record<string, unknown>, result: Record<string, unknown>): void {
    this.revision += 1;
    const channelArg = str(args.channel) ?? '';
    const channel = /^[UW]/.test(channelArg) ? this.dmChannelOf(channelArg) : channelArg;
    if (method === 'chat.postMessage') {
      const ts = str(result.ts) ?? '';
      const message = isRecord(result.message) ? result.message : {};
      this.add({ ...this.content(args), channel: str(result.channel) ?? channel, author: this.botUserId, slack: { ts, message } });
    } else if (method === 'chat.postEphemeral') {
      const user = str(args.user);
      if (user !== undefined) this.add({ ...this.content(args), channel, author: this.botUserId, visibleTo: user });
    } else if (method === 'chat.update') {
      const target = this.messages.find((m) => m.channel === channel && m.slack?.ts === str(args.ts));
      const message = isRecord(result.message) ? result.message : undefined;
      if (target && message) {
        Object.assign(target, this.content(message), { slack: { ts: target.slack?.ts ?? '', message } });
      }
    }
  }
}
