import type { Interval } from '../../core/intervals.js';
import type { Booked, ProposalView } from '../../core/outcomes.js';
import { DEFAULT_MINUTES } from '../../core/preferences.js';
import type { ScheduleRecord } from './record.js';

export function viewOf(record: ScheduleRecord, slots: Interval[], hasMore: boolean): ProposalView {
  return {
    requestId: record.id,
    title: record.request.title,
    minutes: record.minutes ?? record.request.minutes ?? DEFAULT_MINUTES,
    zone: record.organizer?.zone ?? 'UTC',
    whenText: record.whenText,
    slots,
    attendees: record.attendees.map((a) => ({ name: a.name, zone: a.zone })),
    unseen: record.unseen,
    hasMore,
  };
}

export function bookedView(record: ScheduleRecord, b: { slot: Interval; eventLink: string; draftLink: string; meetLink?: string | undefined }): Booked {
  return {
    requestId: record.id,
    title: record.request.title,
    slot: b.slot,
    zone: record.organizer?.zone ?? 'UTC',
    attendees: record.attendees.map((a) => ({ name: a.name, zone: a.zone })),
    eventLink: b.eventLink,
    meetLink: b.meetLink,
    meetWanted: record.organizer?.prefs?.meet ?? true,
    draftLink: b.draftLink,
  };
}
