import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mention, PEOPLE, startHarness, type Harness } from '../../fakes/world/harness.js';
import { nextTuesdayAt } from '../support/dates.js';
import { allText, reply, schedule } from '../support/slack-steps.js';

const { organizer, bob } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.connect(organizer.id);
});
afterEach(async () => h.stop());

describe('a time asked for in words', () => {
  it('"next tuesday at 11am", free for everyone: the first proposal, marked, and the title keeps only its words', async () => {
    const cmd = await schedule(h, organizer, `${mention(bob)} Review 1 hour next tuesday at 11am`);
    const answer = await reply(h, cmd.responseUrl);
    const text = allText(answer);
    const asked = nextTuesdayAt(organizer.tz, 11).toMillis() / 1000;
    expect(text).toContain('the time you asked for, is free for everyone');
    expect(text).toContain(`<!date^${asked}^`);
    expect(text).toContain('Free times for *Review* (1 h)');
    expect(text).not.toContain('Review 1 hour');
  });

  it('taken: says who is busy then and offers the nearest free times that day', async () => {
    const at = nextTuesdayAt(organizer.tz, 11);
    h.google.addBusy(bob.email, at.toUTC().toISO() ?? '', at.plus({ hours: 1 }).toUTC().toISO() ?? '');
    const cmd = await schedule(h, organizer, `${mention(bob)} Review 1 hour next tuesday at 11am`);
    const text = allText(await reply(h, cmd.responseUrl));
    expect(text).toMatch(/You asked for .*, but Bob is busy then\. The nearest free times that day:/);
    const day = at.toISODate();
    const starts = [...text.matchAll(/<!date\^(\d+)\^/g)].map((m) => Number(m[1]) * 1000).filter((ms) => DateTime.fromMillis(ms, { zone: organizer.tz }).toISODate() === day);
    expect(starts.length).toBeGreaterThan(1);
  });
});
