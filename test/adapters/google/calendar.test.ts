import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogle } from '../../../fakes/google/index.js';
import { TokenRegistry } from '../../../fakes/token-registry.js';
import { googleCalendar } from '../../../src/adapters/google/calendar.js';
import { DEFAULT_RETRY } from '../../../src/adapters/google/http.js';
import { busyTimes } from '../../../src/flows/schedule/busy-times.js';

const CAL_SCOPE = 'https://www.googleapis.com/auth/calendar';
let google: FakeGoogle;
let token: string;
const calendar = () => googleCalendar(`${google.url}/calendar/v3`, { ...DEFAULT_RETRY, attempts: 1 });
const day = { timeMin: Date.parse('2026-12-07T00:00:00Z'), timeMax: Date.parse('2026-12-08T00:00:00Z') };

beforeAll(async () => {
  const registry = new TokenRegistry();
  registry.linkIdentity('slack:T1:U1', 'olivia@acme.test');
  google = await FakeGoogle.start({ registry });
  google.addCalendar('olivia@acme.test');
  token = registry.mint('slack:T1:U1', 'googlecalendar', [CAL_SCOPE]).accessToken;
});
afterAll(async () => google.stop());

describe('the Calendar adapter against the Google fake', () => {
  it('asks freeBusy in batches of at most 50 calendars and answers every one', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `guest${i}@acme.test`);
    for (const id of ids.slice(0, 3)) google.addCalendar(id);
    google.addBusy('guest1@acme.test', '2026-12-07T10:00:00Z', '2026-12-07T11:00:00Z');
    const before = google.calls('freeBusy').length;
    const answer = await calendar().freeBusy(token, { ...day, ids });
    const requests = google.calls('freeBusy').slice(before);
    expect(requests).toHaveLength(3);
    expect(answer.size).toBe(120);
    expect([...answer.values()].some((e) => e.kind === 'unseen' && e.reason === 'tooManyCalendarsRequested')).toBe(false);
    expect(answer.get('guest1@acme.test')).toEqual({ kind: 'busy', busy: [{ start: Date.parse('2026-12-07T10:00:00Z'), end: Date.parse('2026-12-07T11:00:00Z') }] });
  });

  it('counts the organizer’s selected calendars, not the hidden or unselected ones, with one more query only when there are any', async () => {
    const rota = google.addSecondaryCalendar('olivia@acme.test', {
      summary: 'Team rota',
      selected: true,
      accessRole: 'reader',
      busy: [{ start: '2026-12-07T14:00:00Z', end: '2026-12-07T15:00:00Z' }],
    });
    const holidays = google.addSecondaryCalendar('olivia@acme.test', { summary: 'Holidays', selected: false, busy: [{ start: '2026-12-07T16:00:00Z', end: '2026-12-07T17:00:00Z' }] });
    const list = await calendar().calendars(token);
    expect(list.map((c) => [c.summary, c.selected, c.primary])).toEqual(
      expect.arrayContaining([
        ['Team rota', true, false],
        ['Holidays', false, false],
      ]),
    );
    const before = google.calls('freeBusy').length;
    const busy = await busyTimes(calendar(), token, { ...day, attendees: [], prefs: undefined });
    expect(busy.ownExtra).toEqual([rota]);
    expect(busy.entries.get(rota)).toMatchObject({ kind: 'busy', busy: [{ start: Date.parse('2026-12-07T14:00:00Z') }] });
    expect(busy.entries.has(holidays)).toBe(false);
    expect(google.calls('freeBusy').length - before).toBe(2);
    // The App Home choice wins over Google's `selected`.
    const chosen = await busyTimes(calendar(), token, { ...day, attendees: [], prefs: { startMinute: 540, endMinute: 1020, days: [1, 2, 3, 4, 5], calendars: [holidays] } });
    expect(chosen.ownExtra).toEqual([holidays]);
  });
});
