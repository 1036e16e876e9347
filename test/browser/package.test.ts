import { describe, expect, it } from 'vitest';
import { answerDemoTasks, linksIn, submitConfirmed, waitForEmail, waitForFinal } from '../harness';
import { browserSuite } from './browser';

/** A person opens their access package on a phone, which cannot open a ZIP: the emailed page shows the same. */

const suite = browserSuite({ dataDirPrefix: 'dsr-browser-package-', javaScriptEnabled: false });

describe('the access package on a phone', () => {
  it('shows the records as tables at 390 px without the page scrolling sideways, and links the download', async () => {
    const { requestId, statusUrl } = await submitConfirmed(suite.runtime, { type: 'access', email: 'ada@example.org', name: 'Ada Lovelace', locale: 'sv' });
    await answerDemoTasks(suite.runtime, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const view = linksIn(await waitForEmail(suite.runtime, 'ada@example.org', 3)).find((l) => l.includes('/package/view?token='));
    expect(view).toBeDefined();

    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      expect((await page.goto(view!))?.status()).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      const members = page.locator('div.records[role="region"]', { has: page.locator('caption#records-members') });
      await expect(members.locator('td', { hasText: 'ada@example.org' }).count()).resolves.toBeGreaterThan(0);
      // WCAG 1.4.10: the page reflows; a wide table scrolls within its own box (so not sidewaysOverflow, which counts what is inside it).
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);

      const download = page.locator('a', { hasText: 'Ladda ned utdraget' });
      const href = new URL((await download.getAttribute('href'))!, page.url());
      expect(href.pathname).toBe(`/v1/requests/${requestId}/package`);
      expect((await fetch(href, { redirect: 'manual' })).status).toBe(302);
    } finally {
      await context.close();
    }
  });
});
