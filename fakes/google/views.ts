import type { MimeHeader } from './mime.js';
import type { CalendarEventResource, CalendarState, EventDateTime, Mailbox } from './state.js';

/** Read-only snapshots of the fake's state, for test assertions. */

export interface EventView {
  id: string;
  /** The owning calendar (lowercased address). */
  calendar: string;
  status: CalendarEventResource['status'];
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

export function eventViews(cal: CalendarState | undefined): EventView[] {
  if (cal === undefined) return [];
  return [...cal.events.values()].map((e) => {
    const r = structuredClone(e.resource);
    return {
      id: r.id,
      calendar: e.calendar,
      status: r.status,
      deleted: e.deleted,
      summary: r.summary,
      description: r.description,
      start: r.start,
      end: r.end,
      attendees: (r.attendees ?? []).map((a) => a.email),
      sendUpdates: { ...e.sendUpdates },
      resource: r,
    };
  });
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
