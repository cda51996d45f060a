import type { WebClient } from '@slack/web-api';
import type { SlackUserRef } from '../../../core/identity.js';
import { buildHome } from '../../../core/messages/home.js';
import { homeState } from '../../../flows/home/home.js';
import { homeDeps, type SlackDeps } from '../deps.js';

export async function publishHome(deps: SlackDeps, client: WebClient, user: SlackUserRef): Promise<void> {
  const state = await homeState(homeDeps(deps, client), user);
  await client.views.publish({ user_id: user.userId, view: buildHome(state) });
}
