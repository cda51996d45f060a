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
 * `/schedule`: ack at once, then read the command and search. The ack is empty: Slack never lets
 * a command's response_url replace the ack's message, so a "working…" note would stay on screen
 * above every answer. Reading the command (chrono-node) is the largest part of an ack's own work
 * (bench, "Acks"), so even usage comes through response_url, a moment later, like every answer.
 */
export const scheduleCommand =
  (deps: SlackDeps) =>
  async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const payload = CommandPayload.safeParse(command);
    if (!payload.success) {
      // Without a response_url there is no later: this one answer goes in the ack.
      await ack({ response_type: 'ephemeral', ...buildUsage('That request was missing something Slack always sends; please try again.') });
      return;
    }
    await ack();
    const user = userOfCommand(payload.data);
    const respond = respondTo(payload.data.response_url);
    await guarded({ listener: 'command:/schedule', user, log: deps.log, respond, inflight: deps.inflight }, async () => {
      const parsed = parseSchedule(payload.data.text);
      if (parsed.kind !== 'request') {
        await sendReply(respond, { reply: buildUsage(parsed.kind === 'invalid' ? parsed.reason : undefined), placement: 'beside' });
        return;
      }
      const outcome = await proposeSlots(scheduleDeps(deps, client), {
        owner: user,
        channelId: payload.data.channel_id,
        responseUrl: payload.data.response_url,
        request: parsed.request,
      });
      await sendReply(respond, asNewMessage(renderProposal(outcome)));
    });
  };
