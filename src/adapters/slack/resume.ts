import type { Reply } from '../../core/messages/types.js';
import { renderBooking, renderProposal } from '../../core/messages/render.js';
import type { PendingRequest } from '../../flows/pending.js';
import { resumeSchedule } from '../../flows/propose-slots.js';
import type { Recovered } from '../../flows/recover-bookings.js';
import { resumeInbox } from '../../flows/summarize-inbox.js';
import { deliverTo } from './events/deliver.js';
import { inboxDeps } from './inbox-deps.js';
import type { ClientFor, Deliver } from './deliver.js';
import { flowDeps, type ListenerDeps } from './listener-deps.js';

export interface ResumeDeps {
  deps: ListenerDeps;
  clientFor: ClientFor;
  deliver: Deliver;
}

/** Runs a request that waited for authorization and sends what it produced to its owner. */
export async function resumePending(r: ResumeDeps, pending: PendingRequest): Promise<void> {
  const client = await r.clientFor(pending.owner);
  switch (pending.kind) {
    case 'schedule': {
      const outcome = await resumeSchedule(flowDeps(r.deps, client), pending);
      // Closed or booked meanwhile: the user already has the message that says so.
      if (outcome.kind === 'gone') return;
      const reply: Reply | undefined = renderProposal(outcome).reply;
      if (!reply) return;
      const target = { user: pending.owner, responseUrl: pending.responseUrl, issuedAt: pending.responseUrlIssuedAt, uses: pending.responseUrlUses };
      await r.deliver(target, reply);
      break;
    }
    case 'inbox': {
      // Mail asks came as DMs or mentions, which have no response_url: the answer goes where the ask was.
      const send = await resumeInbox(inboxDeps(r.deps, client), pending);
      if (send) await deliverTo(client, send.owner, send.delivery, send.reply);
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
  await r.deliver({ user: record.owner, responseUrl, issuedAt: claimed?.at, uses: 1 }, reply);
}
