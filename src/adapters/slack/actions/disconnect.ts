import { z } from 'zod';
import { disconnect as disconnectFlow } from '../../../flows/home.js';
import { publishHome } from '../home/publish-home.js';
import { flowDeps } from '../listener-deps.js';
import { homeAction } from './home-action.js';

const Connector = z.enum(['calendar', 'gmail']);

/** App Home's Disconnect (confirmed in Slack's dialog): removes the account at Scalekit. */
export const disconnect = homeAction('action:disconnect', async (deps, { client, user, value }) => {
  const connector = Connector.safeParse(value);
  if (!connector.success) return;
  await disconnectFlow(flowDeps(deps, client), user, connector.data);
  await publishHome(deps, client, user);
});
