import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../../core/identity.js';
import { buildHome } from '../../../core/messages/home.js';
import { homeState } from '../../../flows/home.js';
import { flowDeps, type ListenerDeps } from '../listener-deps.js';

export async function publishHome(deps: ListenerDeps, client: WebClient, user: SlackUserRef): Promise<void> {
  const state = await homeState(flowDeps(deps, client), user);
  await client.views.publish({ user_id: user.userId, view: buildHome(state) });
}
