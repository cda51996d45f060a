import { describe, expect, it } from 'vitest';
import { isVisible, until } from './browser.js';
import { becomeUser, botMessages, placement, screenshot, useSandboxPage } from './sandbox-page.js';

/** The channel in a browser: it scrolls like Slack, answers mistyped commands like Slack, and shows dates in the reader's zone. */

const view = useSandboxPage();

async function send(text: string): Promise<void> {
  const p = view.page();
  await p.locator('#input').fill(text);
  await p.locator('#input').press('Enter');
}

/** Sends `text` and waits for the bot's answer to it: a new message that is not "Looking for free times…". */
async function answerTo(text: string) {
  const p = view.page();
  const before = await botMessages(p).count();
  await send(text);
  await until(
    `the answer to ${text}`,
    async () => ((await botMessages(p).count()) > before && !(await botMessages(p).last().innerText()).includes('Looking for free times') ? true : undefined),
    45_000,
  );
  return botMessages(p).last();
}

describe('the channel', () => {
  it('scrolls like Slack: after each of 6 commands the message box and the newest reply are in the window', async () => {
    const p = view.page();
    await becomeUser(p, 'U0PRIYA', 'priya@acme.test');
    await p.locator('[data-view="general"]').click();
    const commands = [
      '/schedule help',
      '/schedule @alice 30m Sync',
      '/schedule help',
      '/schedule @lena 45m Review',
      '/schedule help',
      '/schedule @diego 1h Planning',
      '/schedule @alice @lena 30m Retro',
    ];
    const list = p.locator('#messages');
    for (const command of commands) {
      const reply = await answerTo(command);
      // Renders come from the send and from the change feed, in either order: wait for the last.
      await until('the newest reply scrolled into view', async () => ((await placement(reply, list)).bottomShown ? true : undefined), 5_000);
      expect(await placement(p.locator('#input'))).toEqual({ inWindow: true, bottomShown: true });
      expect(await isVisible(p.locator('#input'))).toBe(true);
    }
    // Really scrolled: far more than fits, and the list is at its end.
    const { scrollHeight, clientHeight, scrollTop } = await list.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, scrollTop: el.scrollTop }));
    expect(scrollHeight).toBeGreaterThan(clientHeight * 2);
    expect(scrollHeight - scrollTop - clientHeight).toBeLessThan(2);
    // The oldest command is above the window now, and scrolling up brings it back.
    const first = p.locator('#messages .message', { hasText: commands[0] ?? '' }).first();
    expect((await placement(first, list)).bottomShown).toBe(false);
    await first.scrollIntoViewIfNeeded();
    expect((await placement(first, list)).bottomShown).toBe(true);
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(p, 'scrolling.png');
  }, 240_000);

  it('answers a mistyped command as Slack does, and never sends it to the bot', async () => {
    const p = view.page();
    await send('/schedul @alice 30m Sync');
    const note = p.locator('#messages .message[data-author="USLACKBOT"]').last();
    await note.waitFor({ timeout: 10_000 });
    const text = await note.innerText();
    expect(text).toContain('/schedul is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.');
    expect(text).toContain('Only visible to you');
    expect(text).not.toMatch(/dispatch_failed|HTTP \d+/);
    expect(await p.locator('#messages').innerText()).not.toContain('dispatch_failed');
    await until('Slackbot’s note scrolled into view', async () => ((await placement(note, p.locator('#messages'))).bottomShown ? true : undefined), 5_000);
    await screenshot(p, 'mistyped-command.png');
  }, 30_000);

  it('answers a command it cannot read with a usage note that only its sender sees', async () => {
    const p = view.page();
    const note = await answerTo('/schedule @alice 3O Sync');
    const text = await note.innerText();
    expect(text).toContain('but got “3O”');
    expect(text).toContain('/schedule @alice');
    expect(text).toContain('Only visible to you');
    await until('the usage note scrolled into view', async () => ((await placement(note, p.locator('#messages'))).bottomShown ? true : undefined), 5_000);
    await screenshot(p, 'usage.png');
  }, 60_000);

  it('shows <!date^…> in the zone and clock of whoever "You are" is; an unknown token shows the fallback', async () => {
    const p = view.page();
    const { url, botToken } = view.sandbox().slackApi;
    const at = Date.UTC(2030, 0, 15, 14, 0) / 1000;
    const text =
      `Launch review: <!date^${at}^{date_short} at {time}|Jan 15, 2030 14:00 UTC>, ` +
      `agenda <!date^${at}^{date_num}^https://example.com/agenda|on the 15th>, ` +
      `odd token <!date^${at}^{weekday_fancy}|the fallback text>.`;
    // Posted as the bot posts, through the Slack fake's Web API.
    const res = await fetch(`${url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0GENERAL', text }),
    });
    expect(((await res.json()) as { ok?: boolean }).ok).toBe(true);

    const message = p.locator('#messages .message', { hasText: 'Launch review' });
    const seen: Record<string, string> = {};
    for (const [id, email, expected] of [
      ['U0SAM', 'sam@acme.test', 'Jan 15, 2030 at 9:00 AM'],
      ['U0ALICE', 'alice@acme.test', 'Jan 15, 2030 at 14:00'],
      ['U0PRIYA', 'priya@acme.test', 'Jan 15, 2030 at 19:30'],
    ] as const) {
      await becomeUser(p, id, email);
      await message.waitFor({ timeout: 10_000 });
      const shown = await message.innerText();
      expect(shown).toContain(`Launch review: ${expected}`);
      expect(shown).toContain('odd token the fallback text.');
      seen[id] = shown;
      if (id === 'U0SAM') await screenshot(p, 'dates-new-york.png');
    }
    expect(new Set(Object.values(seen)).size).toBe(3);
    const link = message.getByRole('link', { name: '2030-01-15' });
    expect(await link.getAttribute('href')).toBe('https://example.com/agenda');
    expect(await isVisible(message.locator('.slack-date', { hasText: '19:30' }))).toBe(true);
    await screenshot(p, 'dates-kolkata.png');
  }, 60_000);
});
