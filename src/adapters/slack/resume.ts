import type { Reply } from '../../core/messages/types.js';
import { renderInbox } from '../../core/messages/inbox-notices.js';
import { renderBooking, renderProposal } from '../../core/messages/render.js';
import type { PendingRequest } from '../../flows/connect/pending.js';
import { resumeSchedule } from '../../flows/schedule/continue-request.js';
import type { Recovered } from '../../flows/schedule/recover-bookings.js';
import { resumeInbox } from '../../flows/inbox/summarize.js';
import { inboxDeps } from './deps.js';
import { deliverTo, deliveryFor, type ClientFor, type DeliverLater } from './deliver.js';
import { scheduleDeps, type SlackDeps } from './deps.js';

export interface ResumeDeps {
  deps: SlackDeps;
  clientFor: ClientFor;
  deliverLater: DeliverLater;
}

/** Runs a request that waited for authorization and sends what it produced to its owner. */
export async function resumePending(r: ResumeDeps, pending: PendingRequest): Promise<void> {
  const client = await r.clientFor(pending.owner);
  switch (pending.kind) {
    case 'schedule': {
      const outcome = await resumeSchedule(scheduleDeps(r.deps, client), pending);
      // Closed or booked meanwhile: the user already has the message that says so.
      if (outcome.kind === 'gone') return;
      const reply: Reply | undefined = renderProposal(outcome).reply;
      if (!reply) return;
      const target = { user: pending.owner, responseUrl: pending.responseUrl, issuedAt: pending.responseUrlIssuedAt, uses: pending.responseUrlUses };
      await r.deliverLater(target, reply);
      break;
    }
    case 'inbox': {
      // Mail asks came as DMs or mentions, which have no response_url: the answer goes where the ask was.
      const outcome = await resumeInbox(inboxDeps(r.deps, client), pending);
      if (outcome) await deliverTo(client, pending.owner, deliveryFor(pending.channelId), renderInbox(outcome).reply);
      break;
    }
  }
  r.deps.log.info('resumed a request after authorization', { kind: pending.kind, team: pending.owner.teamId, user: pending.owner.userId });
}

/** Tells the owner of a booking finished (or rolled back) after a restart how it ended. */
export async function reportRecovered(r: ResumeDeps, recovered: Recovered): Promise<void> {
  const { record, outcome } = recovered;
  const reply = renderBooking(outcome).reply;
  if (!reply || outcome.kind === 'gone') return;
  const claimed = [...record.journal].reverse().find((j) => j.step === 'claimed');
  const responseUrl = record.booking.state === 'booking' ? record.booking.responseUrl : undefined;
  await r.deliverLater({ user: record.owner, responseUrl, issuedAt: claimed?.at, uses: 1 }, reply);
}
