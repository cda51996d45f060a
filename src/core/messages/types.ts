import type * as types from '@slack/types';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** What the bot sends back: `text` is the notification and screen-reader fallback. */
export interface Reply {
  text: string;
  blocks: Block[];
}

export const section = (markdown: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: markdown } });
/** A plain-text object (labels, option texts, dialog titles): never read as markup. */
export const plainText = (text: string, emoji = true) => ({ type: 'plain_text' as const, text, emoji });
/** A reply that is one section of markdown, the same words as its notification text. */
export const notice = (markdown: string): Reply => ({ text: markdown, blocks: [section(markdown)] });

/** Slack's confirmation dialog before a button that cannot be undone. */
export const confirmDialog = (p: { title: string; text: string; confirm: string }) => ({
  title: plainText(p.title),
  text: { type: 'mrkdwn' as const, text: p.text },
  confirm: plainText(p.confirm),
  deny: plainText('Keep it'),
});

/** "Try again in N minutes": a Retry-After in seconds, rounded up to whole minutes, at least one. */
export function minutesToWait(retryAfterSeconds: number | undefined): string {
  const wait = retryAfterSeconds !== undefined ? Math.max(1, Math.ceil(retryAfterSeconds / 60)) : 1;
  return `${wait} minute${wait > 1 ? 's' : ''}`;
}
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
