import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mention, PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.connect(organizer.id);
});
afterEach(async () => h.stop());

async function book() {
  const cmd = await schedule(h, organizer, `${mention(alice)} 30m Sync`);
  const proposal = await reply(h, cmd.responseUrl);
  const pick = await click(h, organizer, button(proposal, 'Book'));
  return reply(h, pick.responseUrl);
}

describe('a Google Meet link on every booked event', () => {
  it('asks Google for a Meet conference and shows its link in the confirmation and the draft', async () => {
    const done = await book();
    const [event] = h.google.events(organizer.email).filter((e) => !e.deleted);
    const meet = String(event?.resource.hangoutLink ?? '');
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(h.google.calls('events.insert')[0]?.query.conferenceDataVersion).toBe('1');
    expect(allText(done)).toContain(meet);
    const [draft] = h.google.drafts(organizer.email).filter((d) => !d.deleted);
    expect(draft?.body).toContain(meet);
  });

  it('a workspace that cannot have Meet gets the event without one and a note, not a failure', async () => {
    h.google.setMeet(organizer.email, 'rejected');
    const done = await book();
    expect(done.text).toContain('Booked');
    const events = h.google.events(organizer.email).filter((e) => !e.deleted);
    expect(events).toHaveLength(1);
    expect(events[0]?.resource.hangoutLink).toBeUndefined();
    expect(allText(done)).toContain('No Google Meet link');
  });
});
