import { buildDraftRaw, draftSubject, gmailDraftLink } from '../../core/draft-email.js';
import { draftMessageId, type DraftProbe } from '../../core/draft-probe.js';
import type { Interval } from '../../core/intervals.js';
import type { BookingOutcome, MissingGrant } from '../../core/outcomes.js';
import { withGrant } from '../connect/with-grant.js';
import type { BookingDeps } from '../deps.js';
import { isServiceError, type CreatedEvent, type DraftRef, type GmailApi, type TokenLookup } from '../ports/index.js';
import { claimTime, withStep, type ScheduleRecord } from './record.js';
import { compensate } from './roll-back.js';
import { bookedView } from './view.js';

/** How this booking attempt's draft is found again: the same inputs always give the same probe. */
export function draftProbeFor(record: ScheduleRecord, slot: Interval, event: CreatedEvent): DraftProbe {
  return {
    messageId: draftMessageId(record.id, record.generation, slot.start),
    subject: draftSubject({ title: record.request.title, slot, zone: record.organizer?.zone ?? 'UTC', organizerName: record.organizer?.name ?? '' }),
    to: record.attendees[0]?.email ?? '',
    since: claimTime(record),
    marker: event.htmlLink,
  };
}

/**
 * Looks before creating when an earlier attempt may have made the draft (recovery after a crash);
 * after a create that may have reached Gmail without an answer, looks once more before giving up.
 */
async function ensureDraft(gmail: GmailApi, token: string, raw: string, probe: DraftProbe, lookFirst: boolean): Promise<DraftRef> {
  if (lookFirst) {
    const found = await gmail.findDraft(token, probe);
    if (found) return found;
  }
  try {
    return await gmail.createDraft(token, { raw, probe });
  } catch (e) {
    if (!isServiceError(e) || e.problem !== 'unavailable') throw e;
    const found = await gmail.findDraft(token, probe).catch(() => undefined);
    if (found) return found;
    throw e;
  }
}

/**
 * The second half of a booking; also what recovery runs for an event left without its draft
 * (`lookFirst`, since the process may have died after Gmail made it). A draft that cannot be made
 * rolls the event back, with the draft too when Gmail may have made it unseen.
 */
export async function draftAndConfirm(
  deps: BookingDeps,
  record: ScheduleRecord,
  slot: Interval,
  event: CreatedEvent,
  opts: { gmailToken?: TokenLookup | undefined; lookFirst: boolean },
): Promise<BookingOutcome> {
  const organizer = record.organizer;
  const probe = draftProbeFor(record, slot, event);
  const raw = buildDraftRaw({
    to: record.attendees.map((a) => a.email),
    title: record.request.title,
    slot,
    zone: organizer?.zone ?? 'UTC',
    eventLink: event.htmlLink,
    meetLink: event.meetLink,
    organizerName: organizer?.name ?? '',
    attendees: record.attendees,
    messageId: probe.messageId,
  });
  let reason: string;
  let missingGmail: MissingGrant | undefined;
  let mayExist = true;
  try {
    const draft = await withGrant(deps.grants, { user: record.owner, resumeId: record.id }, 'gmail', (token) => ensureDraft(deps.gmail, token, raw, probe, opts.lookFirst), opts.gmailToken);
    if (draft.kind === 'ok') {
      const booked = {
        state: 'booked' as const,
        slot,
        eventId: event.id,
        eventLink: event.htmlLink,
        meetLink: event.meetLink,
        draftId: draft.value.draftId,
        draftLink: gmailDraftLink(draft.value.messageId, organizer?.email),
      };
      const at = deps.now();
      await deps.store.update(record.id, (r) => ({ next: withStep(withStep({ ...r, booking: booked }, 'draft-created', at), 'confirmed', at), result: undefined }));
      return { kind: 'booked', booking: bookedView(record, booked) };
    }
    if (draft.kind === 'missing') missingGmail = draft.missing;
    // A refused grant or a rate limit means Gmail made nothing; an outage may hide a draft.
    mayExist = draft.kind === 'failed' && draft.failure.kind === 'unavailable';
    reason =
      draft.kind === 'missing'
        ? 'Gmail did not accept your access for the draft'
        : draft.failure.kind === 'rate-limited'
          ? 'Gmail is rate-limiting the draft'
          : 'Gmail is not answering, so there is no draft';
  } catch (e) {
    deps.log.error('draft creation failed', { requestId: record.id, error: String(e) });
    reason = 'Gmail answered the draft with an error';
  }
  return compensate(deps, record, { eventId: event.id, draft: mayExist ? probe : undefined }, reason, missingGmail);
}
