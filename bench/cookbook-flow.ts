import type { ScalekitClient } from '@scalekit-sdk/node';
import { ConnectorStatus } from '@scalekit-sdk/node/lib/pkg/grpc/scalekit/v1/connected_accounts/connected_accounts_pb.js';

/**
 * The seed cookbook's meeting scheduler (shared/seeds/meeting-scheduler-cookbook.txt), ported
 * step for step from Python to the Node SDK and fetch so that it can run against the same fakes
 * as the bot: authorize Calendar, authorize Gmail, freeBusy, first free hour, insert the event,
 * draft the email — each waiting for the one before, as the cookbook's main() does.
 */
export interface CookbookSettings {
  calendarApiUrl: string;
  gmailApiUrl: string;
  /** The cookbook's USER_ID. */
  identifier: string;
  attendeeEmail: string;
  title: string;
}

const DURATION_MINUTES = 60;
const SEARCH_DAYS = 3;
const WORK_START_HOUR = 9; // UTC, as in the cookbook
const WORK_END_HOUR = 17;
const HOUR = 3_600_000;

interface Busy {
  start: string;
  end: string;
}

async function authorize(client: ScalekitClient, connector: string, identifier: string): Promise<string> {
  const { connectedAccount } = await client.actions.getOrCreateConnectedAccount({ connectionName: connector, identifier });
  if (connectedAccount?.status !== ConnectorStatus.ACTIVE) {
    // The cookbook prints this link and waits for Enter; a benchmark has nobody to press it.
    const { link } = await client.actions.getAuthorizationLink({ connectionName: connector, identifier });
    throw new Error(`${connector} is not authorized for ${identifier}; the cookbook would ask the user to open ${link}`);
  }
  const details = connectedAccount.authorizationDetails?.details;
  if (details?.case !== 'oauthToken') throw new Error(`${connector}: no OAuth token in the connected account`);
  return details.value.accessToken;
}

async function post(url: string, token: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // The cookbook's raise_for_status().
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function getBusySlots(s: CookbookSettings, token: string, now: number): Promise<Busy[]> {
  const body = (await post(`${s.calendarApiUrl}/freeBusy`, token, {
    timeMin: new Date(now).toISOString(),
    timeMax: new Date(now + SEARCH_DAYS * 24 * HOUR).toISOString(),
    items: [{ id: 'primary' }],
  })) as { calendars: { primary: { busy: Busy[] } } };
  return body.calendars.primary.busy;
}

function findFreeSlot(busy: Busy[], now: number): { start: number; end: number } | undefined {
  const windowEnd = now + SEARCH_DAYS * 24 * HOUR;
  for (let candidate = Math.floor(now / HOUR) * HOUR + HOUR; candidate < windowEnd; candidate += HOUR) {
    const end = candidate + DURATION_MINUTES * 60_000;
    const hour = new Date(candidate).getUTCHours();
    if (hour < WORK_START_HOUR || hour >= WORK_END_HOUR) continue;
    if (!busy.some((b) => candidate < Date.parse(b.end) && end > Date.parse(b.start))) return { start: candidate, end };
  }
  return undefined;
}

async function createEvent(s: CookbookSettings, token: string, slot: { start: number; end: number }): Promise<string> {
  const body = (await post(`${s.calendarApiUrl}/calendars/primary/events`, token, {
    summary: s.title,
    description: 'Scheduled by agent',
    start: { dateTime: new Date(slot.start).toISOString(), timeZone: 'UTC' },
    end: { dateTime: new Date(slot.end).toISOString(), timeZone: 'UTC' },
    attendees: [{ email: s.attendeeEmail }],
  })) as { htmlLink: string };
  return body.htmlLink;
}

async function createDraft(s: CookbookSettings, token: string, eventLink: string, start: number): Promise<void> {
  const text = `Hi,\n\nI've scheduled '${s.title}' for ${new Date(start).toUTCString()} (${DURATION_MINUTES} min).\n\nCalendar link: ${eventLink}\n\nLooking forward to it!`;
  // What Python's MIMEText(body) with to/subject set produces.
  const mime = [
    'Content-Type: text/plain; charset="us-ascii"',
    'MIME-Version: 1.0',
    'Content-Transfer-Encoding: 7bit',
    `to: ${s.attendeeEmail}`,
    `subject: Invitation: ${s.title}`,
    '',
    text,
  ].join('\n');
  await post(`${s.gmailApiUrl}/users/me/drafts`, token, { message: { raw: Buffer.from(mime).toString('base64url') } });
}

/**
 * The cookbook's main(). `mark` is called when the slot has been found (the point where the bot
 * would show its proposal) so the bench can split the run the same way as the bot's two steps.
 */
export async function runCookbook(client: ScalekitClient, s: CookbookSettings, mark: () => void): Promise<void> {
  const calendarToken = await authorize(client, 'googlecalendar', s.identifier);
  const gmailToken = await authorize(client, 'gmail', s.identifier);
  const now = Date.now();
  const slot = findFreeSlot(await getBusySlots(s, calendarToken, now), now);
  if (!slot) throw new Error(`no free slot in the next ${SEARCH_DAYS} days`);
  mark();
  const eventLink = await createEvent(s, calendarToken, slot);
  await createDraft(s, gmailToken, eventLink, slot.start);
}
