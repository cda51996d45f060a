import { randomInt } from 'node:crypto';
import { googleError } from './errors.js';
import type { CalendarEventResource, ConferenceData, MeetMode, StoredEvent } from './state.js';

/**
 * Google Meet links made by events.insert with `conferenceDataVersion=1` and
 * `conferenceData.createRequest.conferenceSolutionKey.type = 'hangoutsMeet'`.
 */

const MEET_SOLUTION = {
  key: { type: 'hangoutsMeet' },
  name: 'Google Meet',
  iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
};

export interface CreateRequest {
  requestId?: string | undefined;
  conferenceSolutionKey?: { type?: string | undefined } | undefined;
}

/** `abc-defg-hij`, the shape of a Meet meeting code. */
function meetingCode(): string {
  const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
  return `${letters(3)}-${letters(4)}-${letters(3)}`;
}

/** Google's answer when the calendar cannot have this kind of conference: nothing is created. */
export const invalidConferenceType = (): Error => googleError(400, 'Invalid conference type value.', 'invalid');

/**
 * Validates a create request before anything is stored; throws Google's 400 for a solution type the
 * calendar does not allow (Meet `rejected`, or anything but hangoutsMeet).
 */
export function checkCreateRequest(request: CreateRequest, mode: MeetMode): void {
  if (request.conferenceSolutionKey?.type !== 'hangoutsMeet' || mode === 'rejected') throw invalidConferenceType();
}

/** Applies the create request to a new event: a link at once, later (`pending`), or never (`failure`). */
export function attachConference(event: StoredEvent, request: CreateRequest, mode: Exclude<MeetMode, 'rejected'>): void {
  const code = meetingCode();
  const createRequest = (statusCode: 'pending' | 'success' | 'failure'): NonNullable<ConferenceData['createRequest']> => ({
    requestId: request.requestId ?? '',
    conferenceSolutionKey: { type: 'hangoutsMeet' },
    status: { statusCode },
  });
  if (mode === 'success') {
    setMeet(event.resource, createRequest('success'), code);
  } else {
    event.resource.conferenceData = { createRequest: createRequest(mode) };
    if (mode === 'pending') event.pendingConference = { link: code };
  }
}

/** A pending conference is ready by the time the event is read again. */
export function settleConference(event: StoredEvent): void {
  const pending = event.pendingConference;
  const request = event.resource.conferenceData?.createRequest;
  if (pending === undefined || request === undefined) return;
  delete event.pendingConference;
  setMeet(event.resource, { ...request, status: { statusCode: 'success' } }, pending.link);
}

function setMeet(r: CalendarEventResource, createRequest: NonNullable<ConferenceData['createRequest']>, code: string): void {
  const uri = `https://meet.google.com/${code}`;
  r.hangoutLink = uri;
  r.conferenceData = {
    createRequest,
    entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
    conferenceSolution: structuredClone(MEET_SOLUTION),
    conferenceId: code,
  };
}
