import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/sandbox.js';
import { launchChromium, until, type Browser } from './browser.js';
import { pngStats } from './png.js';

/** One sandbox and one headless Chromium for a test file, and what its tests check the page with. */

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
export const VIEWPORT = { width: 1440, height: 900 };

export interface SandboxPage {
  page(): Page;
  sandbox(): RunningSandbox;
}

/** Registers beforeAll/afterAll; a missing Chromium fails every test rather than skipping it. */
export function useSandboxPage(): SandboxPage {
  let sandbox: RunningSandbox | undefined;
  let browser: Browser | undefined;
  let setupError: unknown;
  const logs: string[] = [];
  beforeAll(async () => {
    try {
      browser = await launchChromium();
      sandbox = await startSandbox({ port: 0, logLevel: 'info', writeLog: (line) => logs.push(line) });
      await browser.page.goto(sandbox.url);
      await until('the team in the "You are" picker', async () => ((await browser?.page.locator('#who option').count()) ?? 0) >= 4 || undefined);
    } catch (e) {
      setupError = e;
    }
  }, 90_000);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && logs.length > 0) process.stderr.write(`Last bot log lines:\n${logs.slice(-30).join('\n')}\n`);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });
  const ready = () => {
    if (setupError !== undefined) throw setupError;
    if (!browser || !sandbox) throw new Error('the sandbox or Chromium did not start');
    return { browser, sandbox };
  };
  return { page: () => ready().browser.page, sandbox: () => ready().sandbox };
}

/** Saves the window as test/sandbox/screenshots/<name> and checks it is a real 1440×900 picture. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = fileURLToPath(new URL(name, SCREENSHOTS));
  await page.screenshot({ path });
  const stats = pngStats(await readFile(path));
  expect([stats.width, stats.height]).toEqual([VIEWPORT.width, VIEWPORT.height]);
  expect(stats.distinctColours).toBeGreaterThan(50);
  return path;
}

/**
 * Where `l` is: fully inside the window, and (for content of a scrolled list) its bottom edge inside
 * the part of `scroller` that shows. A box Playwright reports is not clipped by scrolling.
 */
export async function placement(l: Locator, scroller?: Locator): Promise<{ inWindow: boolean; bottomShown: boolean }> {
  const box = await l.boundingBox();
  if (!box) return { inWindow: false, bottomShown: false };
  const bottom = box.y + box.height;
  const inWindow = box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width + 0.5 && bottom <= VIEWPORT.height + 0.5;
  const area = scroller ? await scroller.boundingBox() : { x: 0, y: 0, width: VIEWPORT.width, height: VIEWPORT.height };
  const bottomShown = area !== null && bottom > area.y && bottom <= area.y + area.height + 1;
  return { inWindow, bottomShown };
}

/** Picks a person in "You are" and waits until the page shows their view. */
export async function becomeUser(page: Page, userId: string, email: string): Promise<void> {
  await page.locator('#who').selectOption(userId);
  // The address heading the panels is theirs (another person's panels may name them as an attendee).
  await until(`the page as ${userId}`, async () => ((await page.locator('#calendar-panel .panel-sub').innerText()).startsWith(`${email} ·`) ? true : undefined));
}

export const botMessages = (page: Page): Locator => page.locator('#messages .message[data-author="U0FAKEBOT"]');
