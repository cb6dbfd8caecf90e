import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardHarness, MODERATOR, startDashboardHarness, UNSURE_QUESTION } from './harness.js';

// The dashboard in a real browser: Debian's headless Chromium (/usr/bin/chromium, which .ci/run
// installs) driven by playwright-core. A moderator signs in with a link from chat, sees the charts,
// teaches an unanswered question, finds the bot now answers it and the action in the audit log.
// Every page is saved as a screenshot at desktop and phone widths (test-results/dashboard/).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../test-results/dashboard/', import.meta.url));
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

let h: DashboardHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startDashboardHarness();
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (error) {
    throw new Error(
      `cannot start Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does): ${(error as Error).message.split('\n')[0]}`,
    );
  }
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** A browser page signed in as the moderator through a link `/connects-mod dashboard` gave. */
async function signIn(size: keyof typeof SIZES): Promise<Page> {
  const page = await browser.newPage({ viewport: SIZES[size] });
  const link = await h.linkFor(MODERATOR);
  await page.goto(link.url ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${h.url}/`);
  return page;
}

async function shoot(page: Page, name: string, size: keyof typeof SIZES): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
}

describe('the dashboard in Chromium', () => {
  it('signs in with a link, draws the charts, teaches a question and shows it in the audit log', async () => {
    const page = await signIn('desktop');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.reload();
    await expect.poll(() => page.locator('canvas[data-drawn="true"]').count()).toBe(3);
    expect(await page.locator('.figure .value').first().textContent()).toMatch(/^\d+$/);

    expect(h.desk.matcher.match(UNSURE_QUESTION).decision).not.toBe('answer');
    await page.getByRole('link', { name: 'Unanswered' }).click();
    const card = page.locator('li.card', { hasText: UNSURE_QUESTION });
    await card.locator('select[name="intent"]').selectOption('connects.buy');
    await card.getByRole('button', { name: 'Teach' }).click();
    await expect.poll(() => page.locator('.note.ok').textContent()).toContain('connects.buy');
    expect(await page.locator('li.card', { hasText: UNSURE_QUESTION }).count()).toBe(0);
    expect(h.desk.matcher.match(UNSURE_QUESTION)).toMatchObject({
      decision: 'answer',
      intent: 'connects.buy',
    });

    await page.getByRole('link', { name: 'Audit log' }).click();
    const row = page.locator('tr', { hasText: 'teach' }).first();
    expect(await row.textContent()).toContain('discord:200000000000000050');
    // A member's markup on the unanswered page stayed text: nothing ran.
    await page.goto(`${h.url}/unanswered`);
    expect(await page.locator('li.card', { hasText: '<script>' }).count()).toBe(1);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  for (const size of ['desktop', 'phone'] as const)
    it(`renders every page at ${size} width`, async () => {
      const page = await signIn(size);
      const pages = {
        overview: '/',
        unanswered: '/unanswered',
        knowledge:
          '/knowledge?entry=refunds&try=my%20client%20cancelled%20the%20job%2C%20where%20are%20my%20connects',
        notices: '/notices',
        audit: '/audit',
        lookup: '/lookup',
      };
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${h.url}${path}`);
        if (name === 'overview')
          await expect.poll(() => page.locator('canvas[data-drawn="true"]').count()).toBe(3);
        // Nothing wider than the screen: a phone scrolls down, never sideways.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow, `${name} at ${size}`).toBeLessThanOrEqual(1);
        await shoot(page, name, size);
      }
      await page.close();
    }, 60_000);
});
