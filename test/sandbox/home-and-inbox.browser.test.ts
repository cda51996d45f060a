import { describe, expect, it } from 'vitest';
import { isVisible, until } from './browser.js';
import { becomeUser, botMessages, placement, screenshot, useSandboxPage } from './sandbox-page.js';

/** App Home's preferences modal, and the seeded inbox's urgent flags and pages, in a browser. */

const view = useSandboxPage();

describe('App Home and the inbox', () => {
  it('Edit preferences opens the modal; a bad end time is refused next to its field; saved hours show on Home', async () => {
    const p = view.page();
    await becomeUser(p, 'U0ALICE', 'alice@acme.test');
    await p.locator('[data-view="home"]').click();
    const home = p.locator('#messages .home');
    await until('the Home tab', async () => ((await home.innerText().catch(() => '')).includes('Working hours: 09:00–17:00') ? true : undefined), 30_000);

    await home.getByRole('button', { name: 'Edit preferences' }).click();
    const modal = p.getByRole('dialog', { name: 'Scheduling preferences' });
    await modal.waitFor({ timeout: 15_000 });
    const start = modal.getByLabel('Working day starts');
    const end = modal.getByLabel('Working day ends');
    expect(await start.inputValue()).toBe('09:00');
    expect(await end.inputValue()).toBe('17:00');
    expect(await modal.getByRole('checkbox', { name: 'Monday' }).isChecked()).toBe(true);
    expect(await modal.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(false);
    expect(await modal.getByLabel('Default meeting length').locator('option:checked').innerText()).toBe('30 min');
    expect(await isVisible(modal.getByText('Leave empty to use your Slack time zone (Europe/London).'))).toBe(true);

    // The bot refuses an end before the start: the error shows under "Working day ends", the modal stays.
    await start.fill('10:00');
    await end.fill('09:00');
    await modal.getByRole('button', { name: 'Save' }).click();
    const endField = modal.locator('.modal-input[data-block-id="prefs_end"]');
    const endError = endField.locator('.field-error');
    await until('the field error from the bot', async () => ((await isVisible(endError)) ? true : undefined), 15_000);
    expect(await endError.innerText()).toBe('The day must end after it starts.');
    expect(await modal.locator('.field-error:visible').count()).toBe(1);
    expect((await placement(endError)).inWindow).toBe(true);
    expect(await start.inputValue()).toBe('10:00');
    await screenshot(p, 'prefs-modal-error.png');

    await end.fill('16:30');
    await modal.getByRole('checkbox', { name: 'Friday' }).uncheck();
    await modal.getByRole('button', { name: 'Save' }).click();
    await modal.waitFor({ state: 'detached', timeout: 15_000 });
    await until('Home with the new hours', async () => (/Working hours: 10:00–16:30, Mon, Tue, Wed, Thu(?!,)/.test(await home.innerText()) ? true : undefined), 15_000);
    await screenshot(p, 'prefs-saved-home.png');
  }, 90_000);

  it('asks the DM for unread mail: urgent mail is flagged first, and Show more gives the next page', async () => {
    const p = view.page();
    await p.locator('[data-view="dm"]').click();
    await until('the DM with the bot', async () => ((await p.locator('#channel-title').innerText()) === 'Scheduler' ? true : undefined));
    await p.locator('#input').fill('any unread email?');
    await p.locator('#input').press('Enter');

    const summary = botMessages(p).filter({ hasText: 'Contract renewal' }).last();
    await until('the summary', async () => ((await isVisible(summary)) ? true : undefined), 30_000);
    const text = await summary.innerText();
    // 13 unread seeded, 10 to a page (the wording is the bot's, so only the facts are checked).
    expect(text).toMatch(/\b13\b/);
    // Flagged by the bot's rule: its words ("urgent", "ASAP", "deadline") and colleagues' mail.
    const flagged = summary.locator('.section', { hasText: '🚩' });
    expect(await flagged.count()).toBeGreaterThanOrEqual(4);
    for (const subject of ['URGENT: TLS certificate', 'Board deck: need your numbers ASAP', 'Benefits enrolment deadline', 'Can you review the launch plan']) {
      expect(await isVisible(summary.locator('.section', { hasText: subject }).filter({ hasText: '🚩' }))).toBe(true);
    }
    expect(text.indexOf('URGENT: TLS certificate')).toBeLessThan(text.indexOf('Expense report approved'));
    expect(text).not.toContain('Weekly metrics');
    // The top of the summary, with the flagged mail, shown in the window.
    await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const firstFlagged = flagged.first();
    expect(await placement(firstFlagged, p.locator('#messages'))).toEqual({ inWindow: true, bottomShown: true });
    await screenshot(p, 'inbox-urgent.png');
    const more = summary.getByRole('button', { name: 'Show more' });
    await more.scrollIntoViewIfNeeded();
    expect((await placement(more, p.locator('#messages'))).bottomShown).toBe(true);

    await more.click();
    const next = botMessages(p).filter({ hasText: 'Weekly metrics' }).last();
    await until('the next page', async () => ((await isVisible(next)) ? true : undefined), 30_000);
    const page2 = await next.innerText();
    for (const subject of ['Your trip to Berlin is confirmed', 'Invoice #4821 is available', 'Weekly metrics: sign-ups up 12%']) expect(page2).toContain(subject);
    expect(page2).not.toContain('This week in calendars');
    expect(await next.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    expect((await placement(next, p.locator('#messages'))).bottomShown).toBe(true);
    await screenshot(p, 'inbox-show-more.png');
  }, 90_000);
});
