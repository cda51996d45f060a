import type { DateTime } from 'luxon';
import type { FakeGoogle } from '../fakes/google/index.js';
import type { FakeSlackUser } from '../fakes/slack/web-api.js';
import { inboxFor } from './seed-inbox.js';

/** The made-up workspace the sandbox starts with: people spread over the world, busy weeks, full inboxes. */

export const TEAM_ID = 'T0SANDBOX';
export const GENERAL = { id: 'C0GENERAL', name: 'general' } as const;
export const BOT_USER: FakeSlackUser = { id: 'U0FAKEBOT', name: 'scheduler', realName: 'Scheduler', tz: 'UTC', isBot: true };

export interface Teammate extends FakeSlackUser {
  email: string;
  /** Already connected Google before the sandbox started, so others can see the connected path. */
  connected: boolean;
  /** The clock their Slack shows times with (a Slack preference, not in users.info). */
  clock: '12h' | '24h';
}

export const TEAMMATES: readonly Teammate[] = [
  { id: 'U0SAM', name: 'sam', realName: 'Sam Rivera', email: 'sam@acme.test', tz: 'America/New_York', connected: false, clock: '12h' },
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Chen', email: 'alice@acme.test', tz: 'Europe/London', connected: true, clock: '24h' },
  { id: 'U0PRIYA', name: 'priya', realName: 'Priya Sharma', email: 'priya@acme.test', tz: 'Asia/Kolkata', connected: true, clock: '24h' },
  { id: 'U0DIEGO', name: 'diego', realName: 'Diego Morales', email: 'diego@acme.test', tz: 'America/Los_Angeles', connected: false, clock: '12h' },
  { id: 'U0LENA', name: 'lena', realName: 'Lena Vogel', email: 'lena@acme.test', tz: 'Europe/Berlin', connected: false, clock: '24h' },
];

export interface Busy {
  start: string;
  end: string;
}

/** Meeting patterns in local time ([hour, minute, length in minutes]); each day takes one, in rotation. */
const DAY_PATTERNS: ReadonlyArray<ReadonlyArray<readonly [number, number, number]>> = [
  [
    [9, 0, 60],
    [11, 30, 30],
    [14, 0, 90],
  ],
  [
    [10, 0, 30],
    [13, 0, 60],
    [15, 30, 60],
  ],
  [
    [9, 30, 30],
    [12, 0, 60],
    [16, 0, 60],
  ],
  [
    [11, 0, 90],
    [14, 30, 30],
  ],
];

/** Busy blocks on every working day of the next two weeks, in the person's own zone. */
export function busyFor(person: Teammate, index: number, now: DateTime): Busy[] {
  const out: Busy[] = [];
  const today = now.setZone(person.tz).startOf('day');
  for (let d = 0; d < 14; d += 1) {
    const day = today.plus({ days: d });
    if (day.weekday > 5) continue;
    const pattern = DAY_PATTERNS[(d + index) % DAY_PATTERNS.length] ?? [];
    for (const [hour, minute, length] of pattern) {
      const start = day.set({ hour, minute });
      out.push({ start: start.toUTC().toISO() ?? '', end: start.plus({ minutes: length }).toUTC().toISO() ?? '' });
    }
  }
  return out;
}

/** Seeds calendars and mailboxes; returns each person's busy blocks (the fake only answers free/busy). */
export function seedGoogle(google: FakeGoogle, now: DateTime): Map<string, Busy[]> {
  const busyByEmail = new Map<string, Busy[]>();
  TEAMMATES.forEach((person, index) => {
    google.addCalendar(person.email);
    const busy = busyFor(person, index, now);
    for (const b of busy) google.addBusy(person.email, b.start, b.end);
    busyByEmail.set(person.email, busy);
    for (const m of inboxFor(person, TEAMMATES, now)) google.addMessage(person.email, m);
  });
  return busyByEmail;
}
