import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderProposal } from '../../../core/messages/render.js';
import { buildUsage } from '../../../core/messages/usage.js';
import { parseSchedule } from '../../../core/parse-schedule.js';
import { proposeSlots } from '../../../flows/schedule/propose.js';
import { guarded } from '../guard.js';
import { scheduleDeps, type SlackDeps } from '../deps.js';
import { CommandPayload, userOfCommand } from '../payloads.js';
import { asNewMessage, sendReply } from '../deliver.js';
import { respondTo } from '../response-url.js';

/**
 * `/schedule`: parse and ack at once (usage errors go in the ack itself), then search. The ack is
 * empty: Slack never lets a command's response_url replace the ack's message, so a "working…"
 * note would stay on screen above every answer.
 */
export const scheduleCommand =
  (deps: SlackDeps) =>
  async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const payload = CommandPayload.safeParse(command);
    if (!payload.success) {
      await ack({ response_type: 'ephemeral', ...buildUsage('That request was missing something Slack always sends; please try again.') });
      return;
    }
    const parsed = parseSchedule(payload.data.text);
    if (parsed.kind !== 'request') {
      await ack({ response_type: 'ephemeral', ...buildUsage(parsed.kind === 'invalid' ? parsed.reason : undefined) });
      return;
    }
    await ack();
    const user = userOfCommand(payload.data);
    const respond = respondTo(payload.data.response_url);
    await guarded({ listener: 'command:/schedule', user, log: deps.log, respond, inflight: deps.inflight }, async () => {
      const outcome = await proposeSlots(scheduleDeps(deps, client), {
        owner: user,
        channelId: payload.data.channel_id,
        responseUrl: payload.data.response_url,
        request: parsed.request,
      });
      await sendReply(respond, asNewMessage(renderProposal(outcome)));
    });
  };
