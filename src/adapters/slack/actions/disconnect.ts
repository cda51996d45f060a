import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { disconnect as disconnectFlow } from '../../../flows/home.js';
import { guarded } from '../guard.js';
import { publishHome } from '../home/publish-home.js';
import { flowDeps, type ListenerDeps } from '../listener-deps.js';
import { ActionPayload, userOfAction } from '../payloads.js';

const Connector = z.enum(['calendar', 'gmail']);

/** App Home's Disconnect (confirmed in Slack's dialog): removes the account at Scalekit. */
export const disconnect =
  (deps: ListenerDeps) =>
  async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = ActionPayload.safeParse(body);
    const user = payload.success ? userOfAction(payload.data) : undefined;
    const connector = Connector.safeParse(payload.success ? payload.data.actions[0]?.value : undefined);
    if (!user || !connector.success) return;
    await guarded({ listener: 'action:disconnect', user, log: deps.log, inflight: deps.inflight }, async () => {
      await disconnectFlow(flowDeps(deps, client), user, connector.data);
      await publishHome(deps, client, user);
    });
  };
