import type { MimeHeader } from './mime.js';
import { eventAsSeenOn } from './calendar-events.js';
import type { CalendarEventResource, CalendarState, EventDateTime, Mailbox, StoredEvent } from './state.js';

/** Read-only snapshots of the fake's state, for test assertions. */

export interface EventView {
  id: string;
  /** The calendar it sits on (lowercased id: a person's address for their primary calendar). */
  calendar: string;
  /** The calendar it was organised on; differs from `calendar` for an invitation. */
  organizer: string;
  /** A copy on an invited attendee's calendar. */
  invitation: boolean;
  status: CalendarEventResource['status'];
  /** Deleted by its organizer, or (for an invitation) removed by the attendee. */
  deleted: boolean;
  summary: string | undefined;
  description: string | undefined;
  start: EventDateTime;
  end: EventDateTime;
  attendees: string[];
  /** The `sendUpdates` query parameter of the insert and of the delete (undefined when omitted / not yet deleted). */
  sendUpdates: { insert: string | undefined; delete: string | undefined };
  /** A copy of the full event resource as the API returns it. */
  resource: CalendarEventResource;
}

export interface DraftView {
  id: string;
  messageId: string;
  threadId: string;
  deleted: boolean;
  created: Date;
  from: string | undefined;
  /** Bare addresses. */
  to: string[];
  cc: string[];
  bcc: string[];
  /** RFC 2047-decoded. */
  subject: string;
  /** The decoded text/plain body, LF line endings. */
  body: string;
  html: string | undefined;
  mimeType: string;
  /** The Message-ID header as stored (the client's own unless setDraftMessageIds('replace')). */
  messageIdHeader: string | undefined;
  headers: MimeHeader[];
  /** The raw RFC 2822 message as sent, decoded as UTF-8. */
  raw: string;
}

function eventView(e: StoredEvent, calendar: string, invitation: boolean, removed: boolean): EventView {
  const r = eventAsSeenOn(e, calendar, removed);
  return {
    id: r.id,
    calendar,
    organizer: e.calendar,
    invitation,
    status: r.status,
    deleted: e.deleted || removed,
    summary: r.summary,
    description: r.description,
    start: r.start,
    end: r.end,
    attendees: (r.attendees ?? []).map((a) => a.email),
    sendUpdates: { ...e.sendUpdates },
    resource: r,
  };
}

/** The events organised on `cal`. */
export function eventViews(cal: CalendarState | undefined): EventView[] {
  if (cal === undefined) return [];
  return [...cal.events.values()].map((e) => eventView(e, cal.id, false, false));
}

/** The events organised on `cal`, then the invitations copied to it. */
export function calendarViews(cal: CalendarState | undefined): EventView[] {
  if (cal === undefined) return [];
  return [...eventViews(cal), ...[...cal.invitations.values()].map((i) => eventView(i.event, cal.id, true, i.removed))];
}

export function draftViews(box: Mailbox): DraftView[] {
  return [...box.drafts.values()].map((d) => {
    const p = d.message.parsed;
    return {
      id: d.id,
      messageId: d.message.id,
      threadId: d.message.threadId,
      deleted: d.deleted,
      created: new Date(d.created.getTime()),
      from: p.from,
      to: [...p.to],
      cc: [...p.cc],
      bcc: [...p.bcc],
      subject: p.subject,
      body: p.body,
      html: p.html,
      mimeType: p.mimeType,
      messageIdHeader: p.headers.find((h) => h.name.toLowerCase() === 'message-id')?.value,
      headers: p.headers.map((h) => ({ ...h })),
      raw: d.message.raw.toString('utf8'),
    };
  });
}
