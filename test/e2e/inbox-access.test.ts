import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/core/messages/actions.js';
import { GOOGLE_SCOPES } from '../../fakes/token-registry.js';
import { PEOPLE, identifierOf, startHarness, type Harness } from '../../fakes/world/harness.js';
import { dm, gmailLists, HOUR, mentionBot, shown } from '../support/inbox-steps.js';
import { button, click, reply } from '../support/slack-steps.js';

const { organizer, mallory } = PEOPLE;
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.stop());

describe('whose mail, and who sees it', () => {
  it('an @mention in a channel is answered ephemerally to the asker alone, with their own mail only', async () => {
    h.connect(organizer.id);
    h.connect(mallory.id);
    const now = Date.now();
    h.google.addMessage(organizer.email, { from: 'cfo@ext.test', subject: 'Secret plan <!channel> *bold*', snippet: 'ping <@U0ALICE> <http://evil.test|click>', date: new Date(now - HOUR) });
    h.google.addMessage(mallory.email, { from: 'friend@ext.test', subject: 'Mallory own mail', snippet: 'hi', date: new Date(now - HOUR) });

    const mine = await mentionBot(h, organizer, 'any unread email?');
    expect(mine.call.args).toMatchObject({ channel: 'C0GENERAL', user: organizer.id });
    expect(shown(mine)).toContain('*Secret plan &lt;!channel&gt; ∗bold∗*');
    // mail text travels in verbatim mrkdwn only entity-escaped and with its formatting characters
    // made inert, so Slack pings, links and formats nothing in it
    const sections = mine.blocks.filter((b): b is { type: string; text: { type: string; text: string; verbatim?: boolean } } => (b as { type?: string }).type === 'section');
    const secret = sections.find((b) => b.text.text.includes('Secret plan'));
    expect(secret?.text).toMatchObject({ type: 'mrkdwn', verbatim: true });
    expect(secret?.text.text).not.toContain('*bold*');
    expect(JSON.stringify(mine.raw)).not.toMatch(/<!channel>|<@U0ALICE>|<http:\/\/evil/);

    const theirs = await mentionBot(h, mallory, 'unread email please');
    expect(theirs.call.args).toMatchObject({ channel: 'C0GENERAL', user: mallory.id });
    expect(shown(theirs)).toContain('Mallory own mail');
    expect(shown(theirs)).not.toContain('Secret plan');

    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.slack.callsTo('chat.postEphemeral').map((c) => c.args.user)).toEqual([organizer.id, mallory.id]);
    const lists = gmailLists(h);
    expect(lists.map((r) => r.email)).toEqual([organizer.email, mallory.email]);
  });

  it('a mention that is not about mail gets the help, ephemerally', async () => {
    const help = await mentionBot(h, organizer, 'what can you do?');
    expect(shown(help)).toContain('Summarize your unread email');
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Gmail access for the summary', () => {
  it('not connected: the Connect prompt, then Continue runs the ask for its owner only', async () => {
    h.google.addMessage(organizer.email, { from: 'x@ext.test', subject: 'Waiting mail', snippet: 's', date: new Date(Date.now() - HOUR) });
    const prompt = await dm(h, organizer, 'unread from x@ext.test');
    expect(shown(prompt)).toContain('Connect Gmail');
    expect(button(prompt, 'Connect Gmail').url).toMatch(new RegExp(`^${h.env.PUBLIC_URL}/connect/start\\?c=`));
    const cont = button(prompt, 'Continue');
    expect(cont.actionId).toBe(ACTION.inboxContinue);
    expect(prompt.buttons.some((b) => b.text === 'Cancel')).toBe(false);
    expect(h.google.requests).toHaveLength(0);

    const stolen = await click(h, mallory, cont);
    expect((await reply(h, stolen.responseUrl)).text).toContain('belongs to someone else');
    expect(h.google.requests).toHaveLength(0);

    h.connect(organizer.id, ['gmail']);
    const done = await reply(h, (await click(h, organizer, cont)).responseUrl);
    expect(done.replaceOriginal).toBe(true);
    expect(shown(done)).toContain('Waiting mail');
    expect(gmailLists(h).map((r) => [r.email, r.query.q])).toEqual([[organizer.email, 'is:unread in:inbox from:x@ext.test']]);

    // the waiting ask is used up once answered
    const again = await reply(h, (await click(h, organizer, cont)).responseUrl);
    expect(again.text).toContain('expired');
  });

  it('a grant without the read scope names it and offers to reconnect', async () => {
    h.scalekit.activate('gmail', identifierOf(organizer.id), [GOOGLE_SCOPES.gmailCompose]);
    const post = await dm(h, organizer, 'any unread email?');
    expect(shown(post)).toContain('`https://www.googleapis.com/auth/gmail.readonly`');
    expect(button(post, 'Reconnect Gmail').url).toContain('/connect/start?c=');
    expect(button(post, 'Continue').actionId).toBe(ACTION.inboxContinue);
    expect(gmailLists(h).map((r) => r.status)).toEqual([403]);
  });
});
