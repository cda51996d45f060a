import type { SlackActionMiddlewareArgs } from '@slack/bolt';

/** Slack opens a URL button's link itself but still sends the click; it only needs an ack. */
export const openLink =
  () =>
  async ({ ack }: SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
  };
