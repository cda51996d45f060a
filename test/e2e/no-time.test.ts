import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identifierOf, mention, PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, reply, schedule } from '../support/slack-steps.js';

const { organizer } = PEOPLE;
const priya = { id: 'U0PRIYA', name: 'priya', realName: 'Priya', email: 'priya@acme.test', tz: 'Asia/Kolkata' };
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.slack.addUser(priya);
  h.registry.linkIdentity(identifierOf(priya.id), priya.email);
  h.google.addCalendar(priya.email);
  h.connect(organizer.id);
});
afterEach(async () => h.stop());

describe('no time found', () => {
  it('New York and Kolkata office hours never meet: says so in numbers, not "try next week"', async () => {
    const cmd = await schedule(h, organizer, `${mention(priya)} 30m Sync`);
    const answer = await reply(h, cmd.responseUrl);
    const text = allText(answer);
    expect(text).toContain('Working hours never meet');
    expect(text).toContain('Kolkata time');
    expect(text).toMatch(/\d+ h( \d+ min)? apart/);
    expect(text).not.toContain('next week');
  });
});
