import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isVisible, until } from './browser.js';
import { botMessages as botMessagesOn, screenshot as screenshotOf, useSandboxPage } from './sandbox-page.js';

/** The sandbox page in a real (headless) Chromium, clicked through the way a person would. */

const SEEDED_SUBJECTS = /Contract renewal|Expense report|Nightly build|Workshop agenda/;

const view = useSandboxPage();
const page = () => view.page();

/**
 * A Connect button opens a popup that goes the real way: the bot's link, Sign in with Slack (the
 * pretend Slack has signed the browser in as "You are"), the consent screen behind the Scalekit
 * fake's link, Allow, and back to the bot's /auth/verify.
 */
async function consent(button: Locator): Promise<void> {
  const [popup] = await Promise.all([page().waitForEvent('popup'), button.click()]);
  await popup.waitForURL((u) => u.pathname.startsWith('/magic/'));
  await popup.waitForLoadState();
  await popup.getByRole('link', { name: 'Allow' }).click();
  await popup.waitForURL((u) => u.pathname === '/auth/verify');
  await popup.waitForLoadState();
  expect(await popup.locator('h1').innerText()).toMatch(/connected$/);
  await popup.close();
}

async function screenshot(name: string): Promise<void> {
  const path = await screenshotOf(page(), name);
  expect((await readFile(path)).length).toBeGreaterThan(20_000);
}

const botMessages = (): Locator => botMessagesOn(page());

describe('the sandbox in a browser', () => {
  it('a user new to Google connects, schedules, picks a time and sees the event and the draft', async () => {
    const p = page();
    await p.goto(view.sandbox().url);
    await until('the team in the "You are" picker', async () => ((await p.locator('#who option').count()) >= 4 ? true : undefined));
    expect(await p.locator('#who').inputValue()).toBe('U0SAM');
    expect(await p.locator('#connections .conn.on').count()).toBe(0);

    await p.locator('#input').fill('/schedule @alice 30m Sync');
    await p.locator('#input').press('Enter');

    const messages = p.locator('#messages');
    const book = messages.getByRole('button', { name: 'Book', exact: true }).first();
    const consented = new Set<string>();
    let connectedAt = 0;
    let continuedAt = 0;
    await until(
      'the proposal (Book buttons), after connecting Google',
      async () => {
        if (await isVisible(book)) return true;
        for (const connect of await messages.getByRole('button', { name: /^(Re)?connect /i }).all()) {
          const label = (await connect.innerText()).trim();
          if (consented.has(label)) continue;
          await consent(connect);
          consented.add(label);
          return undefined;
        }
        // The bot may resume by itself once connected: give it a moment, then press Continue (sparingly).
        if (connectedAt === 0 && (await p.locator('#connections .conn.on').count()) === 2) connectedAt = Date.now();
        const resume = messages.getByRole('button', { name: 'Continue', exact: true }).last();
        const now = Date.now();
        if (connectedAt > 0 && now - connectedAt > 2_000 && now - continuedAt > 5_000 && (await isVisible(resume))) {
          await resume.click();
          continuedAt = now;
        }
        return undefined;
      },
      60_000,
    );
    expect(consented.size).toBe(2);
    expect(await p.locator('#connections .conn.on').count()).toBe(2);
    expect(await messages.locator('.message.ephemeral', { hasText: 'Free times for Sync' }).count()).toBe(1);

    await book.click();
    const confirmation = messages.locator('.message', { hasText: 'is booked for' });
    await confirmation.waitFor({ timeout: 20_000 });
    expect(await confirmation.innerText()).toContain('Only visible to you');
    expect(await confirmation.getByRole('button', { name: 'Cancel meeting' }).count()).toBe(1);

    const event = p.locator('#calendar-panel .event', { hasText: 'Sync' });
    await event.waitFor({ timeout: 10_000 });
    expect(await event.innerText()).toContain('alice@acme.test');
    const draft = p.locator('#drafts-panel .draft').first();
    await draft.waitFor({ timeout: 10_000 });
    expect(await draft.innerText()).toContain('alice@acme.test');
    await screenshot('schedule.png');

    // Ephemeral means ephemeral: Alice sees none of Sam's conversation with the bot.
    await p.locator('#who').selectOption('U0ALICE');
    // Her own address heads her panels (Sam's drafts panel names her too, as the draft's recipient).
    await until('Alice’s view', async () => ((await p.locator('#drafts-panel .panel-sub').innerText()).includes('alice@acme.test') ? true : undefined));
    expect(await messages.locator('.message', { hasText: 'is booked for' }).count()).toBe(0);
    await p.locator('#who').selectOption('U0SAM');
    await confirmation.waitFor();
  }, 120_000);

  it('summarizes the unread inbox in a DM with the bot', async () => {
    const p = page();
    await p.locator('[data-view="dm"]').click();
    await until('the DM with the bot', async () => ((await p.locator('#channel-title').innerText()) === 'Scheduler' ? true : undefined));
    await p.locator('#input').fill('summarize my unread email');
    await p.locator('#input').press('Enter');
    await p.locator('#messages .message[data-author="U0SAM"]', { hasText: 'summarize my unread email' }).waitFor();

    const summary = await until(
      'the bot to answer the DM with a summary naming the seeded unread mail',
      async () => (await botMessages().allInnerTexts()).find((t) => SEEDED_SUBJECTS.test(t)),
      30_000,
    ).catch(async (e: unknown) => {
      const said = await botMessages().allInnerTexts();
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the bot said in the DM: ${JSON.stringify(said)}`, { cause: e });
    });
    expect(summary).not.toContain('This week in calendars');
    await screenshot('inbox.png');
  }, 60_000);

  it('shows what people type as text, never as markup', async () => {
    const p = page();
    await p.locator('[data-view="general"]').click();
    const typed = '<b>bold?</b> & <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>';
    await p.locator('#input').fill(typed);
    await p.locator('#input').press('Enter');
    const mine = p.locator('#messages .message[data-author="U0SAM"]').last();
    await until('the typed message', async () => ((await mine.innerText()).includes('<b>bold?</b> &') ? true : undefined));
    expect(await mine.locator('b, img, script').count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 30_000);

  it('Alice, invited by Sam, sees the meeting in her Calendar panel, marked as an invitation, in her time', async () => {
    const p = page();
    await p.locator('#who').selectOption('U0SAM');
    const own = p.locator('#calendar-panel .event', { hasText: 'Sync' });
    await own.waitFor();
    expect(await own.getAttribute('class')).not.toContain('invitation');
    const samWhen = await own.locator('.event-when').innerText();

    await p.locator('#who').selectOption('U0ALICE');
    const invitation = p.locator('#calendar-panel .event.invitation', { hasText: 'Sync' });
    await until('the invitation in Alice’s Calendar panel', async () => ((await isVisible(invitation)) ? true : undefined), 10_000);
    const text = await invitation.innerText();
    expect(await invitation.locator('.event-tag').textContent()).toBe('Invitation');
    expect(text).toContain('from sam@acme.test');
    expect(await p.locator('#calendar-panel .panel-sub').innerText()).toContain('alice@acme.test · times in Europe/London');
    // The same meeting, in London time rather than New York time.
    expect(await invitation.locator('.event-when').innerText()).not.toBe(samWhen);
    const box = await invitation.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= 900).toBe(true);
    await screenshot('invitation.png');
    await p.locator('#who').selectOption('U0SAM');
  }, 30_000);
});
