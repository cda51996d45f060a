import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildPrefsModal } from '../../../core/messages/prefs-modal.js';
import { guarded } from '../guard.js';
import { slackDirectory } from '../directory.js';
import type { ListenerDeps } from '../listener-deps.js';
import { ActionPayload, userOfAction } from '../payloads.js';

/** Opens the preferences form; the trigger_id lasts 3 s, so this does no more than it must first. */
export const editPrefs =
  (deps: ListenerDeps) =>
  async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const payload = ActionPayload.safeParse(body);
    const user = payload.success ? userOfAction(payload.data) : undefined;
    if (!user) return;
    await guarded({ listener: 'action:edit_prefs', user, log: deps.log, inflight: deps.inflight }, async () => {
      const [prefs, me] = await Promise.all([deps.store.getPrefs(user), slackDirectory(client).person(user.userId)]);
      await client.views.open({ trigger_id: body.trigger_id, view: buildPrefsModal(prefs, me.kind === 'person' ? me.zone : 'UTC') });
    });
  };
