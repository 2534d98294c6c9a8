import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAccessibilityViolations } from '../testing/browser.js';
import { startTestServer, type TestServer } from '../testing/server.js';

let deed: TestServer;
let browser: Browser;

beforeAll(async () => {
  [deed, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await deed?.close();
});

async function signedInPage(): Promise<{ page: Page; name: string }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${deed.url}/`);
  await page.getByRole('link', { name: 'Sign in' }).click();
  const first = page.getByRole('button', { name: /^Sign in as / }).first();
  await first.waitFor();
  await first.click();
  const name = (await page.getByTestId('profile-name').textContent())!;
  return { page, name };
}

describe('"My data log" in Chromium', () => {
  it("shows who read the citizen's record, when and why, each entry verified on the device", async () => {
    const { page, name } = await signedInPage();
    expect(name).toMatch(/\S+ \S+ \S+/);
    await expect.poll(() => page.getByText('Fetched just now from the Population register', { exact: false }).count()).toBe(1);
    await page.getByRole('link', { name: /See who looked at your data/ }).click();
    await expect
      .poll(() => page.getByTestId('log-verification').textContent())
      .toMatch(/^All \d+ entries verified against the signed log of \d+ entries\.$/);
    const entries = page.getByTestId('log-entry');
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    const newest = entries.first();
    expect(await newest.textContent()).toContain('Deed platform');
    expect(await newest.textContent()).toContain('Read your record in the Population register');
    expect(await newest.textContent()).toContain('You opened your data in the app');
    expect(await newest.getByText('✓ Verified').count()).toBe(1);
    expect(await page.getByText('Signing in (demonstration)').count()).toBeGreaterThanOrEqual(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${deed.url}/sign-in`);
    await page
      .getByRole('button', { name: /^Sign in as / })
      .first()
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows an entry altered in the database as not verified', async () => {
    const { page } = await signedInPage();
    await page.goto(`${deed.url}/log`);
    await expect.poll(() => page.getByTestId('log-verification').textContent()).toMatch(/^All/);
    const seq = await deed.server.database
      .as<{ access_log_entries: { seq: number } }>()
      .selectFrom('access_log_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    await sql`update access_log_entries set purpose = 'administration' where seq = ${seq.seq}`.execute(deed.server.database.as());
    await page.reload();
    await expect.poll(() => page.getByTestId('log-verification').textContent()).toBe('Warning: an entry does not match the signed log.');
    expect(await page.getByTestId('log-entry').first().getByText('Not verified').count()).toBe(1);
    await page.context().close();
  });

  it('gives the administrator members, rights and the message log of a case', async () => {
    const { page } = await signedInPage();
    await page.goto(`${deed.url}/log`);
    const caseId = (await page.getByTestId('log-entry').first().locator('code').textContent())!;
    await page.goto(`${deed.url}/admin`);
    await page.getByLabel('Administrator token').fill(fs.readFileSync(path.join(deed.dataDir, 'admin-token'), 'utf8').trim());
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('chain-population').textContent()).toMatch(/^intact, \d+ entries$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.locator('tbody tr').filter({ hasText: 'in-process' }).count()).toBe(7);

    await page.getByLabel('Case id').fill(caseId);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByTestId('messages-population').textContent()).toContain('deed-platform → population/person.read');
    expect(await page.getByTestId('messages-deed-platform').textContent()).toContain('out');

    const rights = page.getByTestId('rights');
    const row = rights.locator('tr', { hasText: 'education/education.read' });
    expect(await row.count()).toBe(1);
    await page.getByRole('button', { name: 'Revoke education/education.read' }).click();
    await expect.poll(() => rights.locator('tr', { hasText: 'education/education.read' }).count()).toBe(0);
    await page.getByLabel('Register / Service').selectOption('education/education.read');
    await page.getByLabel('Purposes').fill('citizen.profile, administration');
    await page.getByRole('button', { name: 'Grant' }).click();
    await expect
      .poll(() => rights.locator('tr', { hasText: 'education/education.read' }).textContent())
      .toContain('citizen.profile, administration');
    await page.context().close();
  });
});
