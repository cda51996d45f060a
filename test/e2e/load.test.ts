import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../fakes/google/index.js';
import type { FakeSlackUser } from '../../fakes/slack/web-api.js';
import { identifierOf, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, repliesTo, reply, schedule } from '../support/slack-steps.js';

const N = 200;
/**
 * Neighbours here share working hours all year; user i invites guest i, whom no one else invites
 * (a person invited by two users at once gets only one of the two meetings at a time).
 */
const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'UTC'] as const;
const users: FakeSlackUser[] = Array.from({ length: N }, (_, i) => ({
  id: `U0LOAD${String(i).padStart(3, '0')}`,
  name: `load${i}`,
  realName: `Load User ${i}`,
  email: `load${i}@acme.test`,
  tz: ZONES[i % ZONES.length] ?? 'UTC',
}));
const guests: FakeSlackUser[] = users.map((u, i) => ({
  ...u,
  id: `U0GUEST${String(i).padStart(3, '0')}`,
  name: `guest${i}`,
  realName: `Guest ${i}`,
  email: `guest${i}@acme.test`,
  tz: ZONES[(i + 1) % ZONES.length] ?? 'UTC',
}));
const invitee = (i: number): FakeSlackUser => guests[i]!;
// Zero-padded, so that no title is a prefix of another ("Load 1" of "Load 10").
const titleOf = (i: number): string => `Load ${String(i).padStart(3, '0')}`;
const indexByEmail = new Map(users.map((u, i) => [u.email!, i]));

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  for (const u of users) {
    h.slack.addUser(u);
    // Before connecting: the identity decides whose Google account the minted tokens belong to.
    h.registry.linkIdentity(identifierOf(u.id), u.email!);
    h.google.addCalendar(u.email!);
    h.connect(u.id);
  }
  for (const g of guests) {
    h.slack.addUser(g);
    h.google.addCalendar(g.email!);
  }
});
afterAll(async () => h.stop());

/** One user's whole story: /schedule, wait for the proposal, pick its first time, wait for the booking. */
async function scheduleAndBook(u: FakeSlackUser, i: number) {
  const cmd = await schedule(h, u, `${mention(invitee(i))} 30m ${titleOf(i)}`);
  const proposal = await reply(h, cmd.responseUrl, 1, 25_000);
  const first = button(proposal, 'Book');
  const pick = await click(h, u, first);
  const done = await reply(h, pick.responseUrl, 1, 25_000);
  return { cmd, proposal, first, pick, done };
}

function ownerOf(r: RecordedRequest): number {
  const i = r.email === undefined ? undefined : indexByEmail.get(r.email);
  if (i === undefined) throw new Error(`a Google request on a token of nobody under test: ${r.method} ${r.path} (${r.email ?? 'no valid token'})`);
  return i;
}

describe(`${N} users scheduling at the same time`, () => {
  it('each gets their own proposal and exactly their own booking, on their own tokens', async () => {
    const stories = await Promise.all(users.map((u, i) => scheduleAndBook(u, i)));

    for (const [i, s] of stories.entries()) {
      const u = users[i]!;
      expect(s.cmd.status, `ack of ${u.id}'s /schedule`).toBe(200);
      expect(s.pick.status, `ack of ${u.id}'s pick`).toBe(200);
      // Each reply went to that user's own response_url, once, and was about their own request.
      expect(repliesTo(h, s.cmd.responseUrl)).toHaveLength(1);
      expect(repliesTo(h, s.pick.responseUrl)).toHaveLength(1);
      expect(allText(s.proposal)).toContain(titleOf(i));
      expect(s.done.text).toContain(`Booked: ${titleOf(i)}`);

      const events = h.google.events(u.email!).filter((e) => !e.deleted);
      expect(events, `${u.id}'s events`).toHaveLength(1);
      const event = events[0]!;
      expect(event.summary).toBe(titleOf(i));
      expect(event.attendees).toEqual([invitee(i).email]);
      expect(Date.parse(String(event.start.dateTime))).toBe((JSON.parse(s.first.value!) as { s: number }).s);

      const drafts = h.google.drafts(u.email!).filter((d) => !d.deleted);
      expect(drafts, `${u.id}'s drafts`).toHaveLength(1);
      expect(drafts[0]!.to).toEqual([invitee(i).email]);
      expect(drafts[0]!.subject).toContain(titleOf(i));
      expect(drafts[0]!.body).toContain(String(event.resource.htmlLink));
      expect(allText(s.done)).toContain(String(event.resource.htmlLink));
    }

    // Every Google request was made on the token of the user whose request it served.
    const perUser = users.map(() => ({ freeBusy: 0, insert: 0, draft: 0 }));
    for (const r of h.google.requests) {
      expect(r.status, `${r.method} ${r.path}`).toBe(200);
      const i = ownerOf(r);
      const calendar = /^\/calendar\/v3\/calendars\/([^/]+)\//.exec(r.path)?.[1];
      if (calendar !== undefined) expect([`primary`, encodeURIComponent(users[i]!.email!)]).toContain(calendar);
      if (r.path === '/calendar/v3/freeBusy') {
        perUser[i]!.freeBusy++;
        expect(r.body).toMatchObject({ items: [{ id: 'primary' }, { id: invitee(i).email }] });
      } else if (r.method === 'POST' && r.path === '/calendar/v3/calendars/primary/events') {
        perUser[i]!.insert++;
        expect(r.body).toMatchObject({ summary: titleOf(i), attendees: [{ email: invitee(i).email }] });
      } else if (r.method === 'POST' && r.path === '/gmail/v1/users/me/drafts') {
        perUser[i]!.draft++;
      }
    }
    expect(perUser).toEqual(users.map(() => ({ freeBusy: 1, insert: 1, draft: 1 })));
  }, 90_000);
});
