import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../web/html';
import { LOCALES as ALL_LOCALES, type Locale } from '../../web/locale';
import {
  answerTaskLink,
  decideOn,
  documentClient,
  linksIn,
  mailbox,
  REQUESTS_TABLE,
  type Runtime,
  removeDir,
  requestKey,
  STAFF,
  type StoredEmail,
  staffToken,
  start,
  submit,
  submitConfirmed,
  taskLinkFor,
  tempDataDir,
  VENDOR,
  verificationEmailFor,
  waitForFinal,
  waitForStatus,
} from '../harness';
import { launchChromium } from './browser';

/**
 * Every page and email a person meets, in every language, at a desktop's and a phone's width, in
 * Debian's Chromium (the person clicks through without JavaScript): no axe-core violations of WCAG 2.1 A and AA, nothing to
 * scroll sideways at 320 px (WCAG 1.4.10), the controller named on each page a request's link
 * leads to, and the request's reference in each email to the person. A screenshot of each state
 * goes to test-results/screens/<locale>/<width>/<state>.png, listed in test-results/screens/index.html.
 */

const NAMED_LOCALES = process.env.A11Y_LOCALES?.split(',') as Locale[] | undefined;
const LOCALES: Locale[] = NAMED_LOCALES ?? [...ALL_LOCALES];
const WIDTHS = [1280, 390] as const;
type Width = (typeof WIDTHS)[number];
/**
 * Every language is walked, so a new one is checked without a change here; to keep the suite's
 * length as languages are added, the first is seen at both widths and the others at the phone's
 * only, where a language's long words break a layout first. Languages named in A11Y_LOCALES are
 * seen at both.
 */
const widthsOf = (locale: Locale): readonly Width[] => (NAMED_LOCALES || locale === LOCALES[0] ? WIDTHS : [390]);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CONTROLLER_ID = 'demo-association';
const CONTROLLER = 'Demo Association';
const SCREENS = join(process.cwd(), 'test-results', 'screens');

/**
 * Pages that may leave the controller unnamed, and why: a link that leads to no request cannot say
 * whose it would have been, and saying so for a guessed id would tell a stranger whose request it is.
 */
const NO_CONTROLLER_TO_NAME = new Set(['link-invalid', 'not-found']);

/** One screenshot of the overview. */
interface Shot {
  locale: Locale;
  width: Width;
  state: string;
  file: string;
  /** An email's subject, or a page's title. */
  caption: string;
  kind: 'page' | 'email';
  problems: string[];
  /** Known gaps, shown but not failing. */
  notes: string[];
}

let rt: Runtime;
let dataDir: string;
let browser: Browser;
let approver: string;
/** The person's side, clicking through without JavaScript; what they reach is checked in the views. */
let driverContext: BrowserContext;
const viewers = new Map<Width, { context: BrowserContext; page: Page }>();
const shots: Shot[] = [];

beforeAll(async () => {
  rmSync(SCREENS, { recursive: true, force: true });
  dataDir = tempDataDir('dsr-accessibility-');
  rt = await start(dataDir);
  browser = await launchChromium();
  approver = await staffToken(rt, 'approver', '*', 'dpo.anna');
  driverContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  driverContext.setDefaultTimeout(15_000);
  for (const width of WIDTHS) {
    // axe runs as a script in the page, so the views allow it; the pages bring none of their own,
    // and the person's clicks (the driver) go without JavaScript.
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    context.setDefaultTimeout(15_000);
    viewers.set(width, { context, page: await context.newPage() });
  }
});

afterAll(async () => {
  writeOverview();
  for (const { context } of viewers.values()) await context.close();
  await driverContext?.close();
  await browser?.close();
  await rt?.stop();
  if (dataDir) removeDir(dataDir);
});

/** Where a state is seen: a link to open, or a page a POST answered with (its HTML as it came). */
type Source = { url: string } | { html: string };

/** What is wrong with the page shown now: axe's violations, and sideways scrolling at 320 px. */
async function problemsOf(page: Page, width: Width): Promise<string[]> {
  const problems: string[] = [];
  const axe = await new AxeBuilder({ page })
    // Options first: they would replace the tags' runOnly.
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  for (const v of axe.violations) problems.push(`axe ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (width === 390) {
    // The narrowest phone WCAG 1.4.10 names; back to 390 px for the screenshot.
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (overflow > 0) problems.push(`scrolls sideways by ${overflow} px at 320 px`);
    await page.setViewportSize({ width: 390, height: 800 });
  }
  return problems;
}

/** Checks one state at every width at once, with a screenshot of each; returns what was wrong. */
async function see(locale: Locale, state: string, source: Source, kind: 'page' | 'email' = 'page', caption?: string, notes: string[] = []): Promise<string[]> {
  const found = await Promise.all(widthsOf(locale).map((width) => seeAt(width, locale, state, source, kind, caption, notes)));
  return found.flat();
}

async function seeAt(
  width: Width,
  locale: Locale,
  state: string,
  source: Source,
  kind: 'page' | 'email',
  caption: string | undefined,
  notes: string[],
): Promise<string[]> {
  const { page } = viewers.get(width)!;
  if ('url' in source) await page.goto(source.url);
  else await page.setContent(source.html, { waitUntil: 'load' });
  const problems = await problemsOf(page, width);
  // biome-ignore lint/performance/useDomNodeTextContent: the name must be shown, not merely be somewhere in the markup
  const shown = kind === 'page' ? await page.locator('body').innerText() : '';
  if (kind === 'page' && !NO_CONTROLLER_TO_NAME.has(state) && !shown.includes(CONTROLLER)) {
    problems.push(`does not name the controller (${CONTROLLER})`);
  }
  const file = join(locale, String(width), `${kind === 'email' ? 'email-' : ''}${state}.png`);
  mkdirSync(join(SCREENS, locale, String(width)), { recursive: true });
  await page.screenshot({ path: join(SCREENS, file), fullPage: true });
  shots.push({ locale, width, state, file, caption: caption ?? (await page.title()), kind, problems, notes });
  return problems.map((p) => `${locale} ${width}px ${kind} ${state}: ${p}`);
}

/** The person's emails as the steps sent them, each labelled by the step. */
class Inbox {
  readonly seen = new Map<string, number>();
  readonly labelled: { label: string; email: StoredEmail; requestId: string }[] = [];
  /** How many emails an address has had so far, to wait for the next one after a step. */
  async mark(to: string): Promise<number> {
    return (await mailbox(rt)).filter((e) => e.destination.to.includes(to)).length;
  }
  /** Waits for the first email to `to` after `before` of them and labels it as the step's. */
  async next(to: string, before: number, label: string, requestId: string): Promise<StoredEmail> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const mine = (await mailbox(rt)).filter((e) => e.destination.to.includes(to));
      if (mine.length > before) {
        const email = mine[before]!;
        this.labelled.push({ label, email, requestId });
        return email;
      }
      if (Date.now() > deadline) throw new Error(`no email "${label}" to ${to} within 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const addressOf = (journey: string, locale: Locale) => `${journey}.${locale}@example.org`;
const gateway = () => rt.urls.gateway;

async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

/** The request's reference as the person reads it: in the text part, not hidden in a link. */
function carriesReference(email: StoredEmail, requestId: string): boolean {
  const text = (email.body.text ?? '').replace(/https?:\/\/\S+/g, '');
  return text.includes(requestId);
}

describe.each(LOCALES)('every page and email a person meets, in %s', (locale) => {
  it('has no axe violations, reflows at 320 px and names the controller on every page, and each email carries the reference', async () => {
    const problems: string[] = [];
    const inbox = new Inbox();
    const driver = await driverContext.newPage();
    const person = {
      access: addressOf('access', locale),
      withdraws: addressOf('withdraws', locale),
      asked: addressOf('asked', locale),
      erasure: addressOf('erasure', locale),
      late: addressOf('late', locale),
    };

    // The journeys that need no browser start at once, so their workflows run while the form is used.
    const withdrawsMark = await inbox.mark(person.withdraws);
    const askedMark = await inbox.mark(person.asked);
    const erasureMark = await inbox.mark(person.erasure);
    const lateMark = await inbox.mark(person.late);
    const [withdraws, asked, erasure, late] = await Promise.all([
      submitConfirmed(rt, { controller: CONTROLLER_ID, type: 'access', email: person.withdraws, locale }),
      submitConfirmed(rt, {
        controller: CONTROLLER_ID,
        type: 'objection',
        email: person.asked,
        locale,
        objectionScope: 'other',
        objectionGrounds: 'I do not want my attendance counted.',
      }),
      submitConfirmed(rt, { controller: CONTROLLER_ID, type: 'erasure', email: person.erasure, name: 'Erika Example', locale }),
      submit(rt, { controller: CONTROLLER_ID, type: 'access', email: person.late, locale }),
    ]);
    await inbox.next(person.withdraws, withdrawsMark, 'withdraws-verification', withdraws.requestId);
    await inbox.next(person.asked, askedMark, 'asked-verification', asked.requestId);
    await inbox.next(person.erasure, erasureMark, 'erasure-verification', erasure.requestId);

    // The form, empty and refused, then sent: check your email.
    await driver.goto(`${gateway()}/c/${CONTROLLER_ID}/${locale}`);
    expect(await driver.locator('html').getAttribute('lang')).toBe(locale);
    problems.push(...(await see(locale, 'form', { url: driver.url() })));
    // A correction without what the data should say: the browser lets it through, the service refuses it by its field.
    await driver.locator('#type-rectification').check();
    await driver.locator('select[name=rectifyAttribute]').selectOption('phone');
    await driver.locator('#inaccurate').fill('My old number');
    await driver.locator('#email').fill(person.access);
    await driver.locator('main form button[type=submit]').click();
    await driver.waitForLoadState();
    expect(await driver.locator('#corrected-error').count()).toBe(1);
    problems.push(...(await see(locale, 'form-errors', { html: await driver.content() })));
    const accessMark = await inbox.mark(person.access);
    await driver.goto(`${gateway()}/c/${CONTROLLER_ID}/${locale}`);
    await driver.locator('#type-access').check();
    await driver.locator('#email').fill(person.access);
    await driver.locator('main form button[type=submit]').click();
    await driver.waitForLoadState();
    problems.push(...(await see(locale, 'check-your-email', { html: await driver.content() })));

    // The verification link: the confirm page, then confirmed, then the status page.
    const verification = await inbox.next(person.access, accessMark, 'access-verification', '');
    const accessLink = linksIn(verification).find((l) => l.includes('/verify?token='));
    const accessId = /\/v1\/requests\/([0-9a-f-]+)\/verify/.exec(accessLink ?? '')?.[1] ?? '';
    inbox.labelled.at(-1)!.requestId = accessId;
    await driver.goto(accessLink!);
    problems.push(...(await see(locale, 'confirm', { url: driver.url() })));
    await driver.locator('main form button[type=submit]').click();
    await driver.waitForLoadState();
    problems.push(...(await see(locale, 'confirmed', { html: await driver.content() })));
    const statusUrl = new URL((await driver.locator('main a[href*="/status?key="]').first().getAttribute('href'))!, driver.url()).toString();
    await driver.goto(accessLink!);
    problems.push(...(await see(locale, 'link-used', { url: driver.url() })));
    await driver.goto(`${gateway()}/v1/requests/${accessId}/verify?token=${'x'.repeat(43)}`);
    problems.push(...(await see(locale, 'link-invalid', { url: driver.url() })));

    // In progress: the vendor and staff have their tasks.
    const vendorLink = await taskLinkFor(rt, VENDOR, accessId);
    const staffLink = await taskLinkFor(rt, STAFF, accessId);
    await waitForStatus(statusUrl, 'in_progress');
    problems.push(...(await see(locale, 'status-in-progress', { url: statusUrl })));
    // Task pages speak the controller's first language whatever the person's: seen once.
    const tasksToo = locale === LOCALES[0];
    if (tasksToo) {
      problems.push(...(await see(locale, 'task-vendor', { url: vendorLink })));
      problems.push(...(await see(locale, 'task-staff', { url: staffLink })));
    }

    // The tasks answered (the vendor's export brings its file): done, then the link again.
    const completionMark = await inbox.mark(person.access);
    const vendorDone = await answerTask(vendorLink, accessId);
    if (tasksToo) problems.push(...(await see(locale, 'task-done', { html: await vendorDone.text() })));
    await answerTask(staffLink, accessId);
    if (tasksToo) problems.push(...(await see(locale, 'task-already-done', { url: vendorLink })));
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const completion = await inbox.next(person.access, completionMark, 'access-completion', accessId);
    problems.push(...(await see(locale, 'status-completed', { url: statusUrl })));
    const packageView = linksIn(completion).find((l) => l.includes('/package/view?token='));
    expect(packageView).toBeDefined();
    problems.push(...(await see(locale, 'package-view', { url: packageView! })));
    // The download link once it expired.
    await expireRequestField(accessId, 'downloadExpiresAt');
    problems.push(...(await see(locale, 'package-expired', { url: packageView!.replace('/package/view?', '/package?') })));
    problems.push(...(await see(locale, 'not-found', { url: `${gateway()}/v1/requests/${accessId}/status?key=${'x'.repeat(43)}&lang=${locale}` })));

    // Withdrawn while a vendor still works on it: the page that asks, the status, the vendor's link.
    const withdrawsVendor = await taskLinkFor(rt, VENDOR, withdraws.requestId);
    await driver.goto(withdraws.statusUrl);
    await driver.locator('main form[method=get] button[type=submit]').click();
    await driver.waitForLoadState();
    problems.push(...(await see(locale, 'withdraw-confirm', { url: driver.url() })));
    const withdrawnMark = await inbox.mark(person.withdraws);
    await driver.locator('main form[method=post] button[type=submit]').click();
    await driver.waitForLoadState();
    expect(new URL(driver.url()).pathname).toMatch(/\/status$/);
    await inbox.next(person.withdraws, withdrawnMark, 'withdrawal-receipt', withdraws.requestId);
    problems.push(...(await see(locale, 'status-withdrawn', { url: driver.url() })));
    if (tasksToo) problems.push(...(await see(locale, 'task-withdrawn', { url: withdrawsVendor })));

    // Staff ask a question: the status page waits for the person's answer, which they give there.
    await waitForStatus(asked.statusUrl, 'in_review');
    const questionMark = await inbox.mark(person.asked);
    expect((await decideOn(rt, approver, asked.requestId, { decision: 'request_info', text: 'Which events do you mean?' })).status).toBe(200);
    await inbox.next(person.asked, questionMark, 'information-request', asked.requestId);
    problems.push(...(await see(locale, 'status-question', { url: asked.statusUrl })));
    await driver.goto(asked.statusUrl);
    await driver.locator('textarea[name=answer]').fill('The spring meetings.');
    await driver.locator('form:has(textarea[name=answer]) button[type=submit]').click();
    await driver.waitForLoadState();
    problems.push(...(await see(locale, 'reply-received', { html: await driver.content() })));

    // The deadline extended, then the request refused.
    const extensionMark = await inbox.mark(person.asked);
    expect((await decideOn(rt, approver, asked.requestId, { decision: 'extend', months: 1, reasons: 'Many event lists to go through.' })).status).toBe(200);
    await inbox.next(person.asked, extensionMark, 'extension', asked.requestId);
    problems.push(...(await see(locale, 'status-extended', { url: asked.statusUrl })));
    const refusalMark = await inbox.mark(person.asked);
    const refusal = { decision: 'deny', reason: 'compelling_grounds', text: 'We need the attendance lists for the grant report.' };
    expect((await decideOn(rt, approver, asked.requestId, refusal)).status).toBe(200);
    expect((await waitForFinal(asked.statusUrl)).status).toBe('denied');
    await inbox.next(person.asked, refusalMark, 'refusal', asked.requestId);
    problems.push(...(await see(locale, 'status-refused', { url: asked.statusUrl })));

    // An erasure answered, then one answer corrected by staff: kept in part.
    for (const to of [VENDOR, STAFF]) await (await answerTask(await taskLinkFor(rt, to, erasure.requestId), erasure.requestId)).text();
    expect((await waitForFinal(erasure.statusUrl)).status).toBe('completed');
    await inbox.next(person.erasure, erasureMark + 1, 'erasure-completion', erasure.requestId);
    const correctionMark = await inbox.mark(person.erasure);
    const correction = {
      decision: 'correct_answer',
      processorId: 'bookkeeping',
      outcome: 'partly',
      kept: 'Invoices from this year',
      reason: 'The bookkeeping law',
      why: 'The bookkeeping firm told us later that invoices must be kept.',
    };
    expect((await decideOn(rt, approver, erasure.requestId, correction)).status).toBe(200);
    await inbox.next(person.erasure, correctionMark, 'answer-correction', erasure.requestId);
    problems.push(...(await see(locale, 'status-erasure-corrected', { url: erasure.statusUrl })));

    // A verification link that expired.
    const lateEmail = await verificationEmailFor(rt, person.late, late.requestId);
    await inbox.next(person.late, lateMark, 'late-verification', late.requestId);
    await expireRequestField(late.requestId, 'verifyExpiresAt');
    await driver.goto(linksIn(lateEmail).find((l) => l.includes('/verify?token='))!);
    expect(await heading(driver)).not.toBe('');
    problems.push(...(await see(locale, 'link-expired', { url: driver.url() })));

    // The public transparency page, before the first figures.
    problems.push(...(await see(locale, 'transparency', { url: `${gateway()}/transparency/${CONTROLLER_ID}?lang=${locale}` })));

    // Every email the person had: the labelled ones, and any a step sent beside them.
    const mine = new Set(Object.values(person));
    const labelledIds = new Set(inbox.labelled.map((l) => l.email.messageId));
    const ids = new Map(
      Object.entries({ access: accessId, withdraws: withdraws.requestId, asked: asked.requestId, erasure: erasure.requestId, late: late.requestId }),
    );
    const others = (await mailbox(rt))
      .filter((e) => e.destination.to.some((t) => mine.has(t)) && !labelledIds.has(e.messageId))
      .map((email, i) => {
        const journey = email.destination.to[0]!.split('.')[0]!;
        return { label: `${journey}-other-${i + 1}`, email, requestId: ids.get(journey)! };
      });
    for (const { label, email, requestId } of [...inbox.labelled, ...others]) {
      expect(email.body.html, `${label} has an HTML part`).toBeDefined();
      const withReference = carriesReference(email, requestId);
      problems.push(...(await see(locale, label, { html: email.body.html! }, 'email', email.subject, [])));
      if (!withReference) problems.push(`${locale} email ${label}: does not carry the request reference ${requestId}`);
    }
    await driver.close();

    expect(problems).toEqual([]);
  }, 240_000);
});

describe('the transparency page with its figures', () => {
  it('has no axe violations and reflows at 320 px in every language', async () => {
    const digest = rt.schedules.find((s) => (s.input as { controllerId?: string }).controllerId === CONTROLLER_ID);
    expect(digest).toBeDefined();
    await rt.runSchedule(digest!.logicalId);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      problems.push(...(await see(locale, 'transparency-figures', { url: `${gateway()}/transparency/${CONTROLLER_ID}?lang=${locale}` })));
    }
    expect(problems).toEqual([]);
  });
});

/** Lets a link of a request expire: its expiry a minute ago, as the clock would have made it. */
async function expireRequestField(requestId: string, field: 'verifyExpiresAt' | 'downloadExpiresAt'): Promise<void> {
  await documentClient(rt.urls.dynamodbDirect).send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: requestKey(requestId),
      UpdateExpression: 'SET #field = :past',
      ExpressionAttributeNames: { '#field': field },
      ExpressionAttributeValues: { ':past': new Date(Date.now() - 60_000).toISOString() },
    }),
  );
}

/** Answers a task link as its vendor or staff member would: an export brings its file. The answer's page. */
async function answerTask(link: string, requestId: string): Promise<Response> {
  const asksForFile = (await (await fetch(link)).text()).includes('type="file"');
  const res = await answerTaskLink(link, asksForFile ? { file: { name: 'export.txt', content: `Records of request ${requestId}` } } : {});
  expect(res.status).toBe(200);
  return res;
}

/** The overview: every screenshot, by language and width, with what was wrong on it. */
function writeOverview(): void {
  if (!shots.length) return;
  const e = escapeHtml;
  const sections = LOCALES.flatMap((locale) =>
    widthsOf(locale).map((width) => {
      const mine = shots.filter((s) => s.locale === locale && s.width === width);
      if (!mine.length) return '';
      const items = mine
        .map(
          (
            s,
          ) => `<li><figure><a href="${e(s.file)}"><img src="${e(s.file)}" alt="${e(`${s.kind === 'email' ? 'Email' : 'Page'} ${s.state}, ${locale}, ${width} px`)}" loading="lazy" width="${width === 1280 ? 320 : 195}"></a>
<figcaption><strong>${e(s.kind === 'email' ? `email: ${s.state}` : s.state)}</strong><br>${e(s.caption)}${
            s.problems.length ? `<ul class="problems">${s.problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul>` : ''
          }${s.notes.length ? `<ul class="notes">${s.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}</figcaption></figure></li>`,
        )
        .join('\n');
      return `<section><h2 id="${locale}-${width}">${e(locale)} at ${width} px</h2>\n<ul class="shots">\n${items}\n</ul></section>`;
    }),
  );
  const toc = LOCALES.flatMap((l) => widthsOf(l).map((w) => `<li><a href="#${l}-${w}">${l} at ${w} px</a></li>`)).join('');
  const failing = shots.filter((s) => s.problems.length).length;
  const gaps = shots.filter((s) => s.notes.length).length;
  writeFileSync(
    join(SCREENS, 'index.html'),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Screens of every page and email a person meets</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#1b1b1b}.shots{list-style:none;display:flex;flex-wrap:wrap;gap:1.5rem;padding:0}
figure{margin:0;max-width:320px}img{border:1px solid #8a8a8a;height:auto;display:block}figcaption{font-size:.9rem;margin-top:.4rem}.problems{color:#a3001b}.notes{color:#6b4200}</style>
</head><body><main>
<h1>Screens of every page and email a person meets</h1>
<p>${shots.length} screenshots from test/browser/accessibility.test.ts, ${new Date().toISOString()}; ${failing} with problems (axe violations of WCAG 2.1 A/AA, sideways scrolling at 320 px, an unnamed controller, an email without its reference), ${gaps} with a known gap.</p>
<nav aria-label="Languages and widths"><ul>${toc}</ul></nav>
${sections.join('\n')}
</main></body></html>
`,
  );
}
