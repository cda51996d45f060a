import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parsePrefsSubmission } from '../../../core/prefs-form.js';
import { savePrefs as savePrefsFlow } from '../../../flows/home/home.js';
import { guarded } from '../guard.js';
import { publishHome } from '../home/publish-home.js';
import { homeDeps, type SlackDeps } from '../deps.js';

/** Saves the preferences form; mistakes are shown next to their fields and nothing is stored. */
export const savePrefs =
  (deps: SlackDeps) =>
  async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const submission = parsePrefsSubmission(view.state.values);
    if (submission.kind === 'errors') {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!teamId) return;
    const user = { teamId, userId: body.user.id, enterpriseId: body.is_enterprise_install ? body.enterprise?.id : undefined };
    await guarded({ listener: 'view:prefs.save', user, log: deps.log, inflight: deps.inflight }, async () => {
      await savePrefsFlow(homeDeps(deps, client), user, submission.prefs);
      await publishHome(deps, client, user);
    });
  };
