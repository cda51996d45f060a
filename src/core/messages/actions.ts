import { z } from 'zod';

/** Every action id the bot puts on a button; each has exactly one listener. */
export const ACTION = {
  pickSlot: 'schedule.pick_slot',
  moreTimes: 'schedule.more_times',
  cancelProposal: 'schedule.cancel',
  continueRequest: 'schedule.continue',
  cancelMeeting: 'schedule.cancel_meeting',
  /** Re-runs an unread-mail summary that waited for Gmail to be connected. */
  inboxContinue: 'inbox.continue',
  /** The next page of an unread-mail summary; its value is a signed cursor. */
  inboxMore: 'inbox.more',
  /** App Home: remove a connected account at Scalekit (after a confirmation). */
  disconnect: 'home.disconnect',
  editPrefs: 'home.edit_prefs',
  /** App Home: the same unread summary a DM asking for it gets, sent to the DM. */
  homeInbox: 'home.summarize_unread',
  /** URL buttons: Slack opens the link and still sends an action, which only needs an ack. */
  openLink: 'link.open',
} as const;

export type ActionId = (typeof ACTION)[keyof typeof ACTION];

const RequestValue = z.object({ r: z.string().min(1).max(64) });
const SlotValue = RequestValue.extend({ s: z.number().int().nonnegative() });

export type RequestRef = z.infer<typeof RequestValue>;
export type SlotRef = z.infer<typeof SlotValue>;

export const encodeRequest = (requestId: string): string => JSON.stringify({ r: requestId });
export const encodeSlot = (requestId: string, start: number): string => JSON.stringify({ r: requestId, s: start });

function decode<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const decodeRequest = (value: string | undefined) => decode(RequestValue, value);
export const decodeSlot = (value: string | undefined) => decode(SlotValue, value);
