import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFromEmail, removeDir, start, submit, taskLinkFor, tempDataDir, VENDOR, waitForEmail, type Runtime } from '../integration/support';

/**
 * A member of staff uses the console in Debian's Chromium (with JavaScript: the console is the one
 * page that has a script): signs in at the local identity provider, sees the open requests, opens
 * one and reads its timeline. A subject's name with markup is shown as text.
 */

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

let rt: Runtime;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let requestId: string;
const dialogs: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  dataDir = tempDataDir();
  rt = await start(dataDir);
  const submitted = await submit(rt, { controller: 'demo-association', type: 'access', email: 'markup@example.org', name: MARKUP_NAME });
  requestId = submitted.requestId;
  await confirmFromEmail(rt, await waitForEmail(rt, 'markup@example.org'));
  await taskLinkFor(rt, VENDOR, requestId);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rt?.stop();
  if (dataDir) removeDir(dataDir);
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

/** Fills the local sign-in form (username, role, controllers) and sends it; its redirect lands on the console. */
async function signInLocally(page: Page, role: string, controllers = 'demo-association'): Promise<void> {
  await page.goto(`${rt.urls.gateway}/console?lang=en`);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForLoadState();
  await page.locator('[name=username]').fill('staff-browser');
  const roleField = page.locator('[name=role]');
  const tag = await roleField.first().evaluate((el) => `${el.tagName}:${(el as unknown as { type?: string }).type ?? ''}`);
  if (tag.startsWith('SELECT')) await roleField.selectOption(role);
  else if (tag.endsWith(':radio')) await page.locator(`[name=role][value="${role}"]`).check();
  else await roleField.fill(role);
  await page.locator('[name=controllers]').fill(controllers);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/console'),
    page.locator('form [type=submit]').first().click(),
  ]);
}

describe('the staff console in a browser', () => {
  it('signs in, lists the open requests, opens one and shows its timeline, with a name in markup shown as text', async () => {
    const page = await openPage();
    await signInLocally(page, 'approver');
    // The token left the URL and stays in this tab's session storage.
    await page.waitForFunction('location.hash === ""');
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(1);

    const row = page.locator('#requests-body tr', { hasText: requestId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Access');
    expect(await page.locator('#requests-body').textContent()).not.toContain('markup@example.org');

    await row.click();
    await page.locator('#detail-view').waitFor({ state: 'visible' });
    const subject = page.locator('#subject-facts');
    await expect.poll(() => subject.textContent()).toContain('markup@example.org');
    expect(await subject.textContent()).toContain(MARKUP_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('#request-facts').textContent()).toContain(requestId);

    expect(await page.locator('#branches-body tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#branches-body').textContent()).toContain('Waiting for an answer');
    const events = page.locator('#timeline-body tr');
    expect(await events.count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.locator('#list-view').waitFor({ state: 'visible' });

    // Filters refetch the list.
    await page.getByLabel('Right').selectOption('erasure');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#requests-body tr').count()).toBe(0);
    expect(await page.locator('#requests-empty').isVisible()).toBe(true);
    await page.getByLabel('Right').selectOption('access');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#requests-body tr', { hasText: requestId }).count()).toBe(1);

    // Sign out forgets the token and the data on the page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator('#requests-body tr').count()).toBe(0);
    expect(await page.locator('#subject-facts').textContent()).not.toContain('markup@example.org');

    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('tells a person without a staff role that they have no access', async () => {
    const page = await openPage();
    await signInLocally(page, 'none');
    await expect.poll(() => page.locator('#console-message').textContent()).toContain('You have no access');
    expect(await page.locator('#requests-body tr').count()).toBe(0);
    await page.close();
  });

  it('sends a person whose token is refused back to sign in', async () => {
    const page = await openPage();
    await signInLocally(page, 'viewer');
    await page.locator('#requests-body tr').first().waitFor();
    // A token whose signature no longer matches: the gateway refuses it with 401.
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage)[0]!;
      const [h, p, s] = sessionStorage.getItem(key)!.split('.');
      sessionStorage.setItem(key, `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`);
    });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.locator('#signin-message').textContent()).toContain('Your session has ended');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});
