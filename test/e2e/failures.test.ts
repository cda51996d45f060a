import { afterEach, describe, expect, it } from 'vitest';
import { Code } from '@connectrpc/connect';
import { PEOPLE, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice, hidden, robot, gone } = PEOPLE;
let h: Harness;
const sleeps: number[] = [];

async function start() {
  sleeps.length = 0;
  h = await startHarness({ retry: { baseMs: 5, maxMs: 20, maxRetryAfterMs: 120_000, sleep: async (ms) => void sleeps.push(ms) } });
  h.connect(organizer.id);
}
afterEach(async () => h.stop());

describe('when something goes wrong', () => {
  it('a draft that keeps failing leaves no event, and the user can pick again', async () => {
    await start();
    h.google.failNext({ method: 'POST', path: '/drafts' }, { status: 500, times: 4 });
    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    const pick = await click(h, organizer, button(proposal, 'Book'));
    const failed = await reply(h, pick.responseUrl);
    expect(allText(failed)).toContain('removed the calendar event');
    const events = h.google.events(organizer.email);
    expect(events).toHaveLength(1);
    expect(events[0]?.deleted).toBe(true);
    expect(h.google.drafts(organizer.email)).toHaveLength(0);
    // a 500 may hide a draft: each retry came after a look (drafts.list) that found none
    expect(h.google.calls('drafts.create')).toHaveLength(4);
    expect(h.google.calls('drafts.list').length).toBeGreaterThanOrEqual(3);

    // Gmail is back: picking again books with a fresh event id (the deleted one keeps its id)
    const retry = await click(h, organizer, button(failed, 'Book'));
    const booked = await reply(h, retry.responseUrl);
    expect(booked.text).toContain('Booked: Sync');
    const live = h.google.events(organizer.email).filter((e) => !e.deleted);
    expect(live).toHaveLength(1);
    expect(live[0]?.id).not.toBe(events[0]?.id);
  });

  it('a Google slower than Slack’s 3 s: the ack comes at once and the result later', async () => {
    await start();
    const held = h.google.holdNext({ method: 'POST', path: '/freeBusy' });
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Sync`);
    await held.arrived;
    // the ack is already back while Google has not answered
    expect(cmd.status).toBe(200);
    expect(cmd.ack).toBeUndefined();
    expect(h.slack.responsesTo(cmd.responseUrl)).toHaveLength(0);
    held.release();
    expect((await reply(h, cmd.responseUrl)).text).toContain('Free times for Sync');
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    await start();
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 429, retryAfter: '7' });
    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    expect(proposal.text).toContain('Free times for Sync');
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7_000);
  });

  it('backs off on bursts of 5xx and rate-limit 403s, with growing bounded delays', async () => {
    await start();
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 503, times: 2 });
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 403, reason: 'userRateLimitExceeded' });
    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    expect(proposal.text).toContain('Free times for Sync');
    expect(sleeps).toHaveLength(3);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(20);
  });

  it('tells the user when to come back if Google keeps rate-limiting', async () => {
    await start();
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 429, retryAfter: '600' });
    const msg = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    expect(allText(msg)).toContain('try again in 10 minutes');
  });

  it('says so when Scalekit cannot be reached, and nothing crashes', async () => {
    await start();
    h.scalekit.failNext('getConnectedAccountAuth', Code.Unavailable, 'down', 20);
    const msg = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl, 1, 20_000);
    expect(allText(msg)).toContain('can’t reach the service that holds your Google connections');
    const health = await fetch(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(health.status).toBe(200);
  }, 30_000);

  it('names the attendees it cannot invite, and does nothing else', async () => {
    await start();
    const msg = await reply(h, (await schedule(h, organizer, `${mention(hidden)} ${mention(robot)} ${mention(gone)} 30m Sync`)).responseUrl);
    const text = allText(msg);
    expect(text).toContain('Hidden Email’s email address isn’t visible');
    expect(text).toContain('is a bot');
    expect(text).toContain('deactivated');
    expect(h.google.requests).toHaveLength(0);
  });

  it('names an attendee whose calendar Google will not show', async () => {
    await start();
    h.google.hideCalendar(alice.email);
    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} someone@elsewhere.test 30m Sync`)).responseUrl);
    expect(allText(proposal)).toContain('couldn’t see Alice and someone@elsewhere.test’s calendars');
  });
});
