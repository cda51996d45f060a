import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ActionListener = (args: ActionArgs) => Promise<void>;

/**
 * Every button click through one Bolt listener that looks its action_id up. Bolt runs each
 * registered listener's middleware chain for every request it receives, commands included, so a
 * listener per button made each /schedule ack pass through a dozen chains that could not match.
 * A click on a button the bot no longer knows is still acked, so that Slack shows no error.
 */
export function routeActions(routes: Readonly<Record<string, ActionListener>>): ActionListener {
  const byId = new Map(Object.entries(routes));
  return async (args) => {
    const id = args.payload.action_id;
    const listener = byId.get(id);
    if (listener) return listener(args);
    args.logger.warn(`a click on an unknown action: ${id.slice(0, 100)}`);
    await args.ack();
  };
}
