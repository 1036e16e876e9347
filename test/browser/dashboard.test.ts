import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIGHTS } from '../../functions/domain/request';
import { consoleTexts } from '../../web/texts/console';
import { complianceFixture, loadFixture } from '../fixtures/compliance';
import { REQUESTS_TABLE, staffToken, useRuntime } from '../harness';
import { launchChromium } from './browser';

/**
 * The console's dashboard on a phone (390 CSS px): each chart's figures are also a table with the
 * same numbers the API gave, and every word on the charts is drawn at 12 px or more, inside the chart.
 */

const CONTROLLER = 'demo-association';
const t = consoleTexts.en;
const local = useRuntime();
let browser: Browser;
let context: BrowserContext;

/** What `GET /v1/staff/reports` answers, as far as the charts draw it. */
interface Reports {
  figures: {
    received: { total: number };
    processors?: { processorId: string; completed: number; failed: number }[];
  };
  weeks: { weekStart: string; received: Record<string, number | undefined>; answered: number; onTime: number }[];
  openByDue: Record<string, number | undefined>;
  processorNames: Record<string, string>;
}

beforeAll(async () => {
  // Ten weeks of requests of every right, some answered, some open, with processor branches.
  const fixture = complianceFixture({
    controllerId: CONTROLLER,
    count: 240,
    now: new Date(),
    periodDays: 7,
    spanDays: 70,
    processors: ['members', 'event-participation', 'invoices'],
    seed: 7,
    tag: 7,
  });
  await loadFixture(local.db, REQUESTS_TABLE, fixture);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Signs in at the local identity provider's form as a viewer of the association, and lands on the console. */
async function signInAsViewer(page: Page): Promise<void> {
  await page.goto(`${local.rt.urls.gateway}/console?lang=en`);
  await page.getByRole('link', { name: t.signIn }).click();
  await page.waitForLoadState();
  await page.locator('[name=username]').fill('staff-dashboard');
  const role = page.locator('[name=role]');
  const tag = await role.first().evaluate((el) => `${el.tagName}:${(el as unknown as { type?: string }).type ?? ''}`);
  if (tag.startsWith('SELECT')) await role.selectOption('viewer');
  else if (tag.endsWith(':radio')) await page.locator('[name=role][value="viewer"]').check();
  else await role.fill('viewer');
  await page.locator('[name=controllers]').fill(CONTROLLER);
  await Promise.all([page.waitForURL((url) => url.pathname === '/console'), page.locator('form [type=submit]').first().click()]);
  await page.locator('#console-app:not([hidden])').waitFor({ state: 'attached' });
}

/** A chart's table, opened: found by its caption, the chart's title. */
async function tableOf(page: Page, title: string): Promise<Locator> {
  const details = page.locator('details', { has: page.locator('caption', { hasText: title }) });
  expect(await details.count()).toBe(1);
  await details.locator('summary').click();
  const table = page.getByRole('table', { name: title });
  await table.waitFor();
  return table;
}

/** The body rows of a table as text cells (row header first). */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('th, td').allTextContents()).map((c) => c.trim()));
  return out;
}

describe('the dashboard on a phone', () => {
  it("gives each chart's figures as a table, the same as the API's", async () => {
    const token = await staffToken(local.rt, 'viewer', CONTROLLER);
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/reports`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const api = (await res.json()) as Reports;
    expect(api.weeks.length).toBeGreaterThanOrEqual(10);

    const page = await context.newPage();
    await signInAsViewer(page);
    await page.getByRole('button', { name: t.report.dashboardTitle }).click();
    await page.locator('#dashboard-facts dd').first().waitFor();

    // Requests per week by right: a row per week, a column per right that had any, and the total.
    const weeks = await tableOf(page, t.report.perWeekTitle);
    const rights = RIGHTS.filter((r) => api.weeks.some((w) => w.received[r]));
    expect(await weeks.locator('thead th').allTextContents()).toEqual([t.report.weekOf, ...rights.map((r) => t.type[r]), t.report.total]);
    const weekRows = await rowsOf(weeks);
    expect(weekRows).toHaveLength(api.weeks.length);
    weekRows.forEach((cells, i) => {
      const w = api.weeks[i]!;
      expect(cells.slice(1).map(Number)).toEqual([...rights.map((r) => w.received[r] ?? 0), rights.reduce((sum, r) => sum + (w.received[r] ?? 0), 0)]);
    });
    expect(weekRows.reduce((sum, cells) => sum + Number(cells.at(-1)), 0)).toBe(api.figures.received.total);

    // Answered on time per week: answered, on time, and the share.
    const onTime = await tableOf(page, t.report.onTimeTitle);
    expect(await onTime.locator('thead th').allTextContents()).toEqual([t.report.weekOf, t.report.answered, t.report.onTime, t.report.onTimePercent]);
    const onTimeRows = await rowsOf(onTime);
    expect(onTimeRows.map((c) => [Number(c[1]), Number(c[2])])).toEqual(api.weeks.map((w) => [w.answered, w.onTime]));
    onTimeRows.forEach((c, i) => {
      const w = api.weeks[i]!;
      expect(c[3]).toBe(w.answered ? `${Math.round((w.onTime / w.answered) * 1000) / 10} %` : '—');
    });

    // Open work by deadline: a row per bucket.
    const open = await tableOf(page, t.report.openByDueTitle);
    const buckets = ['overdue', 'week', 'fortnight', 'later', 'unconfirmed'] as const;
    expect(await rowsOf(open)).toEqual(buckets.map((b) => [t.report.buckets[b], String(api.openByDue[b] ?? 0)]));

    // Processor health: a row per processor, done and failed.
    const health = await tableOf(page, t.report.healthTitle);
    const processors = api.figures.processors ?? [];
    expect(processors.length).toBeGreaterThan(0);
    const healthRows = await rowsOf(health);
    expect(healthRows.map((c) => c.slice(0, 3))).toEqual(
      processors.map((p) => [api.processorNames[p.processorId] ?? p.processorId, String(p.completed), String(p.failed)]),
    );
    await page.close();
  });

  it('draws every word of the charts at 12 px or more, inside its chart, at 390 px', async () => {
    const page = await context.newPage();
    await signInAsViewer(page);
    await page.getByRole('button', { name: t.report.dashboardTitle }).click();
    await page.locator('#chart-health svg rect').first().waitFor();
    // A string: the tests compile without the DOM's types.
    const texts = (await page.evaluate(`Array.from(document.querySelectorAll('.chart-box svg')).flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll('text')).map((text) => {
        const r = text.getBoundingClientRect();
        return { chart: svg.parentElement.id, text: text.textContent, px: Number(text.getAttribute('font-size')) * scale,
          inside: r.left >= box.left - 1 && r.right <= box.right + 1 };
      });
    })`)) as { chart: string; text: string; px: number; inside: boolean }[];
    expect(new Set(texts.map((x) => x.chart))).toEqual(new Set(['chart-weeks', 'chart-ontime', 'chart-open', 'chart-health']));
    expect(texts.filter((x) => x.px < 12)).toEqual([]);
    expect(texts.filter((x) => !x.inside)).toEqual([]);
    await page.close();
  });
});
