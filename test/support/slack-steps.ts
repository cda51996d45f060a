import { buttonsIn, type FoundButton } from '../../fakes/slack/signed-client.js';
import type { FakeSlackUser } from '../../fakes/slack/web-api.js';
import type { SlackClientSim } from '../../fakes/slack/signed-client.js';
import type { FakeSlack } from '../../fakes/slack/web-api.js';

/** What the steps need: Slack's fake, and a client that signs requests to one bot. */
export interface SlackSide {
  slack: FakeSlack;
  sim: SlackClientSim;
}

export interface Posted {
  text: string;
  blocks: unknown[];
  replaceOriginal: boolean;
  buttons: FoundButton[];
  raw: Record<string, unknown>;
}

function posted(body: Record<string, unknown>): Posted {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as unknown[]) : [];
  return {
    text: typeof body.text === 'string' ? body.text : '',
    blocks,
    replaceOriginal: body.replace_original === true,
    buttons: buttonsIn(blocks),
    raw: body,
  };
}

/** The n-th (1-based) post the bot made to a response_url, waiting for it if need be. */
export async function reply(h: SlackSide, responseUrl: string, n = 1, timeoutMs = 8_000): Promise<Posted> {
  let seen = 0;
  const r = await h.slack.waitFor((x) => x.kind === 'response' && x.responseUrl === responseUrl && ++seen === n, timeoutMs, `post #${n} to the response_url`);
  if (r.kind !== 'response') throw new Error('unreachable');
  return posted(r.body);
}

export function repliesTo(h: SlackSide, responseUrl: string): Posted[] {
  return h.slack.responsesTo(responseUrl).map((p) => posted(p.body));
}

export async function schedule(h: SlackSide, user: FakeSlackUser, text: string) {
  const res = await h.sim.slashCommand({ user, text });
  return { ...res, ack: res.json as Record<string, unknown> | undefined };
}

export async function click(h: SlackSide, user: FakeSlackUser, button: FoundButton) {
  return h.sim.clickButton({ user, actionId: button.actionId, ...(button.value !== undefined ? { value: button.value } : {}), ...(button.url !== undefined ? { url: button.url } : {}) });
}

export function button(p: Posted, text: string): FoundButton {
  const b = p.buttons.find((x) => x.text === text);
  if (!b) throw new Error(`no "${text}" button among: ${p.buttons.map((x) => x.text).join(', ')}`);
  return b;
}

export const allText = (p: Posted): string => JSON.stringify(p.blocks) + p.text;
