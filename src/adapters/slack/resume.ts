import type { Reply } from '../../core/messages/types.js';
import { renderBooking, renderProposal } from '../../core/messages/render.js';
import type { PendingRequest } from '../../flows/pending.js';
import { resumeSchedule } from '../../flows/propose-slots.js';
import type { Recovered } from '../../flows/recover-bookings.js';
import type { ClientFor, Deliver } from './deliver.js';
import { flowDeps, type ListenerDeps } from './listener-deps.js';

export interface ResumeDeps {
  deps: ListenerDeps;
  clientFor: ClientFor;
  deliver: Deliver;
}

/** Runs a request that waited for authorization and sends what it produced to its owner. */
export async function resumePending(r: ResumeDeps, pending: PendingRequest): Promise<void> {
  const flow = flowDeps(r.deps, await r.clientFor(pending.owner));
  let reply: Reply | undefined;
  switch (pending.kind) {
    case 'schedule':
      reply = renderProposal(await resumeSchedule(flow, pending)).reply;
      break;
    case 'inbox':
      reply = undefined;
      break;
  }
  if (!reply) return;
  const via = await r.deliver({ user: pending.owner, responseUrl: pending.responseUrl, issuedAt: pending.responseUrlIssuedAt, uses: pending.responseUrlUses }, reply);
  r.deps.log.info('resumed a request after authorization', { kind: pending.kind, team: pending.owner.teamId, user: pending.owner.userId, via });
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
