import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, launchBrowser, seriousAccessibilityViolations } from '../testing/browser.js';
import { startTestServer, tempDir, type TestServer } from '../testing/server.js';

let deed: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [deed, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await deed?.close();
});

/** A fresh browser profile with a given language; collects console messages for CSP checks. */
async function openApp(locale: string, path = '/'): Promise<{ page: Page; console: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
  contexts.push(context);
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(`${deed.url}${path}`);
  return { page, console };
}

describe('the app shell in Chromium', () => {
  it('greets in Ukrainian for a Ukrainian browser and marks which sections work', async () => {
    const { page, console } = await openApp('uk-UA');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вітаємо');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    const tiles = page.locator('.tiles li');
    expect(await tiles.count()).toBe(8);
    expect(await tiles.locator('h3').allTextContents()).toEqual([
      'Документи',
      'Послуги',
      'Підпис',
      'Поширення',
      'Опитування',
      'Освіта',
      'ТБ',
      'Журнал доступу',
    ]);
    expect(await tiles.getByText('Незабаром').count()).toBe(7);
    expect(await tiles.filter({ hasText: 'Журнал доступу' }).getByText('Доступно').count()).toBe(1);
    await expect.poll(() => page.getByTestId('platform-status').textContent()).toMatch(/працює · база даних (SQLite|PostgreSQL)/);
    expect(console.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
  });

  it('switches language in the app and remembers the choice', async () => {
    const { page } = await openApp('en-US');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome');
    await page.getByRole('button', { name: 'Українська' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вітаємо');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вітаємо');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Sections');
  });

  it('opens a section that says plainly it is not available yet, and finds its way back', async () => {
    const { page } = await openApp('en-US');
    await page.getByRole('link', { name: /Documents/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Documents');
    expect(new URL(page.url()).pathname).toBe('/documents');
    expect(await page.getByText('This section is not available yet.', { exact: false }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Documents');
    await page.getByRole('link', { name: 'Back to home' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome');
    await page.goto(`${deed.url}/no-such-page`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
  });

  it('is installable: a valid manifest and a registered service worker that serves the shell offline', async () => {
    // Installability is never granted to incognito profiles, so this test uses a real one.
    const context = await chromium.launchPersistentContext(tempDir('deed-profile-'), {
      executablePath: chromiumPath(),
      args: chromiumArgs,
      locale: 'en-US',
    });
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(deed.url);
    const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(scriptUrl).toBe(`${deed.url}/sw.js`);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string; critical: number }[] };
    expect(errors.filter((e) => e.critical)).toEqual([]);

    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome');
    await expect.poll(() => page.getByTestId('platform-status').textContent()).toMatch(/unreachable/);
    await page.context().setOffline(false);
  });

  it.each([
    ['en-US', '/'],
    ['uk-UA', '/'],
    ['en-US', '/signature'],
    ['uk-UA', '/design'],
  ])('has no serious accessibility violations (axe-core), %s %s', async (locale, path) => {
    const { page } = await openApp(locale, path);
    await page.locator('h1').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
