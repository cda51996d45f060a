import { describe, expect, it } from 'vitest';
import { PEOPLE, mention, startWorld, type World } from '../../fakes/world/harness.js';
import { freePort } from '../../fakes/world/free-port.js';
import { BotProcesses, type BotProcess, stopAfterEach } from '../support/process-bot.js';
import type { TestBrowser } from '../../fakes/slack/browser.js';
import { openConnectLink } from '../support/connect-steps.js';
import { button, click, reply, type SlackSide } from '../support/slack-steps.js';

const { organizer, alice } = PEOPLE;
let world: World;
const bots = new BotProcesses();

stopAfterEach(bots, () => world);

async function instance(): Promise<BotProcess> {
  return bots.start(world, world.envFor(await freePort()));
}

const on = (bot: BotProcess): SlackSide => ({ slack: world.slack, sim: world.simFor(bot.port) });

/**
 * Opens a Connect link on the instance that made it (signing in there), consents, and returns to
 * `bot` instead: the session cookie and the waiting request are good on every instance.
 */
async function consentReturningTo(browser: TestBrowser, link: string, bot: BotProcess) {
  const toConsent = await openConnectLink(world, organizer, browser, link);
  const consent = await browser.open(toConsent.location ?? '', { stopBefore: (u) => u.pathname === '/auth/verify' });
  const back = new URL(consent.location ?? '');
  back.port = String(bot.port);
  return browser.open(back.toString());
}

describe('two bot processes on one PostgreSQL', () => {
  it('a request started on one resumes when the verify return lands on the other, and one click on both books once', async () => {
    world = await startWorld();
    const [a, b] = await Promise.all([instance(), instance()]);

    const cmd = await on(a).sim.slashCommand({ user: organizer, text: `${mention(alice)} 30m Sync` });
    const prompt = await reply(on(a), cmd.responseUrl);
    const links = prompt.buttons.filter((x) => x.url !== undefined);
    expect(links).toHaveLength(2);
    const browser = world.browser('olivia');
    for (const link of links) expect((await consentReturningTo(browser, link.url!, b)).status).toBe(200);

    const proposal = await reply(on(a), cmd.responseUrl, 2, 15_000);
    expect(proposal.text).toContain('Free times for Sync');

    const book = button(proposal, 'Book');
    const [ca, cb] = await Promise.all([click(on(a), organizer, book), click(on(b), organizer, book)]);
    expect([ca.status, cb.status]).toEqual([200, 200]);
    await Promise.race([reply(on(a), ca.responseUrl, 1, 15_000), reply(on(b), cb.responseUrl, 1, 15_000)]);
    await new Promise((r) => setTimeout(r, 500));
    expect(world.google.events(organizer.email).filter((e) => !e.deleted)).toHaveLength(1);
    expect(world.google.drafts(organizer.email).filter((d) => !d.deleted)).toHaveLength(1);
    expect(world.google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(1);
  }, 90_000);
});
