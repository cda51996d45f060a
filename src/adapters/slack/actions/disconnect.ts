import { Connector } from '../../../core/outcomes.js';
import { disconnect as disconnectFlow } from '../../../flows/home/home.js';
import { publishHome } from '../home/publish-home.js';
import { homeDeps } from '../deps.js';
import { homeAction } from './home-action.js';

/** App Home's Disconnect (confirmed in Slack's dialog): removes the account at Scalekit. */
export const disconnect = homeAction('action:disconnect', async (deps, { client, user, value }) => {
  const connector = Connector.safeParse(value);
  if (!connector.success) return;
  await disconnectFlow(homeDeps(deps, client), user, connector.data);
  await publishHome(deps, client, user);
});
