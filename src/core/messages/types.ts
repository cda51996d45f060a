import type * as types from '@slack/types';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** What the bot sends back: `text` is the notification and screen-reader fallback. */
export interface Reply {
  text: string;
  blocks: Block[];
}

export const section = (markdown: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: markdown } });
export const context = (markdown: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: markdown }] });

export function button(text: string, actionId: string, opts: { value?: string; url?: string; style?: 'primary' | 'danger' } = {}): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    ...(opts.value !== undefined ? { value: opts.value } : {}),
    ...(opts.url !== undefined ? { url: opts.url } : {}),
    ...(opts.style !== undefined ? { style: opts.style } : {}),
  };
}
