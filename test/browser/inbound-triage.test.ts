/**
 * A request by email whose right is unclear reaches the staff console: sent over the local SMTP port,
 * it shows in its own section under the request list; an approver reads it, chooses the right, and the
 * sender gets the verification email. The section has no accessibility violations (axe, WCAG 2.1 AA).
 */
import { AxeBuilder } from '@axe-core/playwright';
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTexts } from '../../web/texts/console';
import { linksIn, type Runtime, removeDir, start, tempDataDir, waitForEmail } from '../harness';
import { launchChromium } from './browser';

const SENDER = 'triage.browser@example.org';
const t = consoleTexts.en;
let rt: Runtime;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dataDir = tempDataDir('dsr-inbound-browser-');
  rt = await start(dataDir);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(new URL(rt.urls.smtp).port), secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: SENDER,
    to: 'requests@demo-association.example',
    subject: 'About my membership',
    text: 'Hi, I want you to stop everything you do with my details <b>now</b>.',
  });
  transport.close();
  await rt.inboundMail.settled();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rt?.stop();
  if (dataDir) removeDir(dataDir);
});

/** Signs in at the local identity provider with a role, and waits for the console. */
async function signIn(page: Page, role: string): Promise<void> {
  await page.goto(`${rt.urls.gateway}/console?lang=en`);
  await page.getByRole('link', { name: t.signIn }).click();
  await page.waitForLoadState();
  await page.locator('[name=username]').fill(`${role}-triage`);
  const roleField = page.locator('[name=role]');
  const tag = await roleField.first().evaluate((el) => `${el.tagName}:${(el as unknown as { type?: string }).type ?? ''}`);
  if (tag.startsWith('SELECT')) await roleField.selectOption(role);
  else if (tag.endsWith(':radio')) await page.locator(`[name=role][value="${role}"]`).check();
  else await roleField.fill(role);
  await page.locator('[name=controllers]').fill('*');
  await Promise.all([page.waitForURL((url) => url.pathname === '/console'), page.locator('form [type=submit]').first().click()]);
  await page.locator('#console-app:not([hidden])').waitFor();
}

describe('requests by email in the console', () => {
  it('shows a viewer the message to triage, without a way to decide', async () => {
    const page = await context.newPage();
    await signIn(page, 'viewer');
    const section = page.locator('#inbound-section');
    await section.waitFor({ state: 'visible' });
    await expect(section.getByRole('heading', { name: t.inbound.title }).count()).resolves.toBe(1);
    const row = page.locator('#inbound-body tr').first();
    await expect(row.textContent()).resolves.toContain(t.inbound.reason.right_unclear);
    // The list shows no address; opening the message does.
    await expect(section.textContent()).resolves.not.toContain(SENDER);
    await row.getByRole('button', { name: t.inbound.read }).click();
    await page.locator('#inbound-detail:not([hidden])').waitFor();
    await expect(page.locator('#inbound-facts').textContent()).resolves.toContain(SENDER);
    // What the sender wrote is text, never markup.
    await expect(page.locator('#inbound-text').textContent()).resolves.toContain('<b>now</b>');
    await expect(page.locator('#inbound-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('#inbound-viewer').isVisible()).resolves.toBe(true);

    const axe = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  }, 60_000);

  it('lets an approver choose the right, and the sender then gets the verification email', async () => {
    const page = await context.newPage();
    await signIn(page, 'approver');
    await page.locator('#inbound-body tr').first().getByRole('button', { name: t.inbound.read }).click();
    await page.locator('#inbound-form:not([hidden])').waitFor();
    await page.locator('#inbound-type').selectOption('restriction');
    await page.getByRole('button', { name: t.inbound.accept }).click();
    await page.getByText(t.inbound.accepted).waitFor();
    const verification = await waitForEmail(rt, SENDER);
    expect(linksIn(verification).some((l) => l.includes('/verify?token='))).toBe(true);
    // Triaged: the list no longer holds it, and the message is closed.
    await page.locator('#inbound-empty:not([hidden])').waitFor();
    await expect(page.locator('#inbound-detail').isHidden()).resolves.toBe(true);
    await page.close();
  }, 60_000);
});
