import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../web/locale';
import { transparencyTexts } from '../../web/texts/transparency';
import { type Runtime, removeDir, start, tempDataDir } from '../harness';
import { launchChromium, sidewaysOverflow } from './browser';

/**
 * The public transparency page on the narrowest phone WCAG 1.4.10 names (320 CSS px): no scrolling
 * sideways, before the first figures and with them, in every language; a way to the request form
 * and to the DPO; and, before the first digest, when the first figures will appear.
 */

const CONTROLLER = 'demo-association';
const DPO = 'dpo@demo-association.example';

let rt: Runtime;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dataDir = tempDataDir('dsr-transparency-');
  rt = await start(dataDir);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rt?.stop();
  if (dataDir) removeDir(dataDir);
});

async function open(locale: Locale): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(`${rt.urls.gateway}/transparency/${CONTROLLER}?lang=${locale}`);
  expect(res?.status()).toBe(200);
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  return page;
}

/** The links every state of the page offers: the form in the page's language, and the DPO's address. */
async function expectWaysOn(page: Page, locale: Locale): Promise<void> {
  const t = transparencyTexts[locale].transparency;
  const form = page.getByRole('link', { name: t.formLink });
  expect(new URL((await form.getAttribute('href'))!, rt.urls.gateway).pathname).toBe(`/c/${CONTROLLER}/${locale}`);
  // The link leads to the controller's form, in that language.
  await form.click();
  await page.waitForLoadState();
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  expect(await page.locator('form input[name=email]').count()).toBe(1);
  await page.goBack();
  expect(await page.getByRole('link', { name: DPO }).getAttribute('href')).toBe(`mailto:${DPO}`);
}

describe('the transparency page at 320 px', () => {
  it('says when the first figures will appear, links to the form and the DPO, and reflows, before any digest', async () => {
    for (const locale of LOCALES) {
      const page = await open(locale);
      const text = (await page.locator('main').textContent()) ?? '';
      // A date, in the page's language: the next run of the controller's digest.
      const lead = transparencyTexts[locale].transparency.notYetUntil({ date: '\u0000' }).split('\u0000')[0]!;
      expect(text).toContain(lead);
      const when = text.slice(text.indexOf(lead) + lead.length).split('\n')[0]!;
      expect(when).toMatch(new RegExp(`\\b(${new Date().getUTCFullYear()}|${new Date().getUTCFullYear() + 1})\\b`));
      await expectWaysOn(page, locale);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.close();
    }
  });

  it('shows the published figures without scrolling sideways, in every language', async () => {
    const digest = rt.schedules.find((s) => (s.input as { controllerId?: string }).controllerId === CONTROLLER);
    expect(digest).toBeDefined();
    await rt.runSchedule(digest!.logicalId);
    const year = new Date().getUTCFullYear();
    for (const locale of LOCALES) {
      const t = transparencyTexts[locale].transparency;
      const page = await open(locale);
      const table = page.getByRole('table');
      await table.waitFor();
      // Each year a column, each measure a row named by its header.
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([t.measure, t.toDate({ year }), String(year - 1)]);
      expect(await table.getByRole('rowheader').allTextContents()).toEqual([t.received, t.compliedWith, t.refused, t.withdrawn, t.medianDays]);
      expect(await page.locator('main').textContent()).not.toContain(t.notYetUntil({ date: '' }).slice(0, 20));
      await expectWaysOn(page, locale);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.close();
    }
  });
});
