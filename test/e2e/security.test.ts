import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, PEOPLE, SIGNING_SECRET, mention, startHarness, type Harness } from '../../fakes/world/harness.js';
import { allText, button, click, reply, schedule } from '../support/slack-steps.js';

const { organizer, alice, mallory } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.connect(organizer.id);
  h.connect(mallory.id);
});
afterEach(async () => h.stop());

describe('nothing crosses from one user to another, and nothing leaks', () => {
  it('rejects forged and stale signatures with 401 and does nothing', async () => {
    const forged = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync`, sign: { secret: 'not-the-secret' } });
    expect(forged.status).toBe(401);
    const stale = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync`, sign: { timestampSec: Math.floor(Date.now() / 1000) - 60 * 10 } });
    expect(stale.status).toBe(401);
    const unsigned = await h.sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync`, sign: { unsigned: true } });
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    // Nothing about anyone: the only call may be the bot's own start-up warm-up, which names nobody.
    expect(h.scalekit.calls.filter((c) => c.identifier !== undefined || c.method !== 'listConnectedAccounts')).toHaveLength(0);
    expect(h.google.requests).toHaveLength(0);
    expect(h.slack.responses).toHaveLength(0);
  });

  it("another user's clicks on someone's buttons never use either user's token", async () => {
    const proposal = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    const googleBefore = h.google.requests.length;
    const scalekitBefore = h.scalekit.calls.length;

    for (const text of ['Book', 'More times', 'Cancel']) {
      const replay = await click(h, mallory, button(proposal, text));
      const answer = await reply(h, replay.responseUrl);
      expect(answer.text).toContain('belongs to someone else');
      expect(answer.replaceOriginal).toBe(false);
    }
    expect(h.google.requests.length).toBe(googleBefore);
    expect(h.scalekit.calls.length).toBe(scalekitBefore);

    // the owner's own click still works, with the owner's token only
    const pick = await click(h, organizer, button(proposal, 'Book'));
    const booked = await reply(h, pick.responseUrl);
    const replayCancel = await click(h, mallory, button(booked, 'Cancel meeting'));
    expect((await reply(h, replayCancel.responseUrl)).text).toContain('belongs to someone else');
    const ownerTokens = new Set(h.google.requests.map((r) => r.email));
    expect([...ownerTokens]).toEqual([organizer.email]);
    expect(h.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    expect(h.google.events(mallory.email)).toHaveLength(0);
  });

  it('Slack markup in a title cannot ping anyone', async () => {
    const rejected = await schedule(h, organizer, `${mention(alice)} 30m Hi <!channel>`);
    expect(allText(await reply(h, rejected.responseUrl))).toContain('cannot contain mentions');
    // Slack sends &, < and > in command text as entities
    const cmd = await schedule(h, organizer, `${mention(alice)} 30m Q&amp;A &lt;script&gt; *launch*`);
    const proposal = await reply(h, cmd.responseUrl);
    expect(allText(proposal)).toContain('Q&amp;A &lt;script&gt;');
    expect(allText(proposal)).not.toContain('&amp;amp;');
    expect(allText(proposal)).not.toContain('<script>');
    const pick = await click(h, organizer, button(proposal, 'Book'));
    await reply(h, pick.responseUrl);
    expect(h.google.events(organizer.email)[0]?.summary).toBe('Q&A <script> *launch*');
  });

  it('no token or secret reaches a log line or a Slack message', async () => {
    // a run through the paths that log: a booking, a 401 refetch, a failed draft, an unhandled Google error
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 401 });
    const first = await reply(h, (await schedule(h, organizer, `${mention(alice)} 30m Sync`)).responseUrl);
    await reply(h, (await click(h, organizer, button(first, 'Book'))).responseUrl);
    h.google.failNext({ method: 'POST', path: '/drafts' }, { status: 400, reason: 'invalid' });
    const second = await reply(h, (await schedule(h, organizer, `${mention(alice)} 1h Retro`)).responseUrl);
    await reply(h, (await click(h, organizer, button(second, 'Book'))).responseUrl);
    h.google.failNext({ method: 'POST', path: '/freeBusy' }, { status: 418 });
    await reply(h, (await schedule(h, organizer, `${mention(alice)} 1h Teapot`)).responseUrl);

    const secrets = [...h.registry.allMinted(), BOT_TOKEN, SIGNING_SECRET, h.scalekit.clientSecret];
    expect(h.registry.allMinted().length).toBeGreaterThanOrEqual(4);
    const everything = [...h.logs, ...h.slack.responses.map((r) => JSON.stringify(r.body)), ...h.slack.calls.map((c) => JSON.stringify(c.args))].join('\n');
    expect(h.logs.some((l) => l.includes('listener failed'))).toBe(true);
    for (const s of secrets) expect(everything.includes(s), 'a secret leaked').toBe(false);
  });
});
