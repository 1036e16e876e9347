import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditRecord, verifyAuditChain } from '../../functions/platform/audit-chain';
import { issueLocalToken } from '../../local/staff-auth';
import type { Locale } from '../../web/locale';
import { answerTexts } from '../../web/texts/answer';
import { consoleTexts } from '../../web/texts/console';
import {
  codeOf,
  confirmFromEmail,
  mailbox,
  newSignInAttempt,
  type Runtime,
  removeDir,
  signIn,
  start,
  statusLinkIn,
  statusOf,
  submit,
  submitConfirmed,
  taskLinkFor,
  tempDataDir,
  tradeCode,
  VENDOR,
  waitForEmail,
  waitForStatus,
} from '../harness';

/**
 * A member of staff uses the console in Debian's Chromium (with JavaScript: the console is the one
 * page that has a script): signs in at the local identity provider, sees the open requests, opens
 * one and reads its timeline. A subject's name with markup is shown as text. An approver decides
 * requests that wait for review: approves one, refuses another with an edited template text.
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

/** A new tab; dialogs (the console's confirm before refusing) are recorded and dismissed, or accepted. */
async function openPage(answer: 'dismiss' | 'accept' = 'dismiss', seen = dialogs, inContext = context): Promise<Page> {
  const page = await inContext.newPage();
  page.on('dialog', async (d) => {
    seen.push(d.message());
    await (answer === 'accept' ? d.accept() : d.dismiss());
  });
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

/** Fills the local sign-in form (username, role, controllers) and sends it; its redirect lands on the console. */
async function signInLocally(page: Page, role: string, controllers = 'demo-association', lang: Locale = 'en'): Promise<void> {
  await page.goto(`${rt.urls.gateway}/console?lang=${lang}`);
  await page.getByRole('link', { name: consoleTexts[lang].signIn }).click();
  await page.waitForLoadState();
  await page.locator('[name=username]').fill('staff-browser');
  const roleField = page.locator('[name=role]');
  const tag = await roleField.first().evaluate((el) => `${el.tagName}:${(el as unknown as { type?: string }).type ?? ''}`);
  if (tag.startsWith('SELECT')) await roleField.selectOption(role);
  else if (tag.endsWith(':radio')) await page.locator(`[name=role][value="${role}"]`).check();
  else await roleField.fill(role);
  await page.locator('[name=controllers]').fill(controllers);
  await Promise.all([page.waitForURL((url) => url.pathname === '/console'), page.locator('form [type=submit]').first().click()]);
  // The script trades the code for tokens, then shows the console (or, refused, the sign-in again).
  // (Locators, not a script: the console's CSP allows no eval, which a string predicate needs.)
  await page.locator('#console-app:not([hidden]), #signin-message p').first().waitFor({ state: 'attached' });
}

/** What the tab keeps: its session storage. */
const storage = (page: Page) => page.evaluate(() => ({ ...sessionStorage }) as Record<string, string>);

describe('the staff console in a browser', () => {
  it('signs in, lists the open requests, opens one and shows its timeline, with a name in markup shown as text', async () => {
    const page = await openPage();
    await signInLocally(page, 'approver');
    // The token left the URL and stays in this tab's session storage.
    await page.waitForURL((url) => url.hash === '');
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

    // The audit trail downloads as a file whose chain verifies.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export audit trail (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-${requestId}.json`);
    const record = JSON.parse(readFileSync(await download.path(), 'utf8')) as AuditRecord;
    expect(record.requestId).toBe(requestId);
    // The page showed the trail a moment earlier; the workflow may have added to it since.
    expect(record.count).toBeGreaterThanOrEqual(await events.count());
    expect(verifyAuditChain(record)).toEqual({ valid: true });

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.locator('#list-view').waitFor({ state: 'visible' });

    // Filters refetch the list.
    await page.locator('#filters').getByLabel('Right').selectOption('erasure');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#requests-body tr').count()).toBe(0);
    expect(await page.locator('#requests-empty').isVisible()).toBe(true);
    await page.locator('#filters').getByLabel('Right').selectOption('access');
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

  it('signs in by the code flow with PKCE: state, nonce and an S256 challenge go out, the code comes back in the query', async () => {
    const page = await openPage();
    const authorize: URL[] = [];
    const traded: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/local/sign-in?')) authorize.push(new URL(r.url()));
      if (r.url().endsWith('/local/token')) traded.push(r.postData() ?? '');
    });
    await signInLocally(page, 'viewer');
    await page.locator('#requests-body tr').first().waitFor();
    expect(authorize).toHaveLength(1);
    const q = authorize[0]!.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(traded).toHaveLength(1);
    const form = new URLSearchParams(traded[0]);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(createHash('sha256').update(form.get('code_verifier')!).digest('base64url')).toBe(q.get('code_challenge'));
    // The code and state left the address bar; the tab keeps the id token only, with the sign-in's nonce.
    expect(page.url()).toBe(`${rt.urls.gateway}/console`);
    const kept = Object.values(await storage(page));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(Buffer.from(kept[0]!.split('.')[1]!, 'base64url').toString())).toMatchObject({ token_use: 'id', nonce: q.get('nonce') });
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('refuses an id token put in the URL fragment, though the pool signed it (a forged implicit-grant answer)', async () => {
    const someoneElse = await issueLocalToken(rt, { 'cognito:username': 'mallory', 'cognito:groups': ['approver'] });
    // The token itself is good: the API takes it. Only the way it arrived is wrong.
    expect((await fetch(`${rt.urls.gateway}/v1/staff/requests`, { headers: { authorization: `Bearer ${someoneElse}` } })).status).toBe(200);
    const page = await openPage();
    await page.goto(`${rt.urls.gateway}/console#id_token=${someoneElse}&token_type=Bearer&expires_in=3600`);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.locator('#console-app').isHidden()).toBe(true);
    expect(await storage(page)).toEqual({});
    expect(await page.evaluate('location.hash')).toBe('');
    await page.close();
  });

  it("refuses a sign-in's answer whose state this tab did not send, and never trades its code", async () => {
    // Someone else signs in and hands over their callback (code and state) as a link.
    const theirs = newSignInAttempt();
    const signedIn = await signIn(rt.urls.gateway, { username: 'mallory', role: 'approver', controllers: '*' }, fetch, theirs);
    const issued = codeOf(signedIn, rt.urls.gateway)!;
    expect(issued.state).toBe(theirs.state);
    const page = await openPage();
    const traded: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/local/token')) traded.push(r.url());
    });
    // No sign-in under way in this tab.
    await page.goto(`${rt.urls.gateway}/console?code=${issued.code}&state=${issued.state}`);
    await expect.poll(() => page.locator('#signin-message').textContent()).toContain(consoleTexts.en.signInRefused);
    expect(await storage(page)).toEqual({});
    // A sign-in of this tab under way, answered with another state.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.locator('[name=username]').waitFor();
    const pending = Object.keys(await storage(page));
    expect(pending).toHaveLength(1);
    await page.goto(`${rt.urls.gateway}/console?code=${issued.code}&state=${issued.state}`);
    await expect.poll(() => page.locator('#signin-message').textContent()).toContain(consoleTexts.en.signInRefused);
    expect(await storage(page)).toEqual({});
    expect(await page.locator('#console-app').isHidden()).toBe(true);
    expect(page.url()).toBe(`${rt.urls.gateway}/console`);
    expect(traded).toEqual([]);
    // The code was never spent: its owner can still trade it.
    expect((await tradeCode(rt.urls.gateway, issued.code, theirs.verifier)).status).toBe(200);
    await page.close();
  });

  it('comes back from signing in in the language the person signed in from', async () => {
    const page = await openPage();
    await signInLocally(page, 'viewer', 'demo-association', 'sv');
    await page.waitForURL((url) => url.search === '?lang=sv');
    await page.getByRole('button', { name: consoleTexts.sv.signOut }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.locator('#requests-body tr').first().waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(1);
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

/** A rectification request, confirmed: rectification always waits for staff first. */
async function rectificationInReview(email: string, corrected: string): Promise<{ requestId: string; statusUrl: string }> {
  const submitted = await submitConfirmed(rt, {
    controller: 'demo-association',
    type: 'rectification',
    email,
    rectifyAttribute: 'phone',
    inaccurate: 'My phone number is 070-000 00 00',
    corrected,
  });
  await waitForStatus(submitted.statusUrl, 'in_review');
  return submitted;
}

describe('deciding in the console', () => {
  it('shows an approver why a request waits, what the subject wrote (as text), and approving it takes it out of review', async () => {
    const corrected = '070-123 45 67 <script>alert(1)</script>';
    const { requestId, statusUrl } = await rectificationInReview('fix-me@example.org', corrected);
    const page = await openPage();
    await signInLocally(page, 'approver');

    const row = page.locator('#requests-body tr', { hasText: requestId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Waiting for you');
    expect(await row.textContent()).toContain('In review');
    await row.click();

    const panel = page.locator('#review-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain('Waiting for your decision');
    expect(await panel.textContent()).toContain('A correction to check before it is made');
    const details = page.locator('#details-facts');
    expect(await details.textContent()).toContain('My phone number is 070-000 00 00');
    expect(await details.textContent()).toContain(corrected);
    // Shown as text: no element was made of the subject's markup.
    expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
    // Approving is offered at this stage; so is refusing (with the templates) and asking for more.
    expect(await page.locator('#deny-reason option').count()).toBeGreaterThan(1);
    expect(await page.locator('#info-box').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#decision-message').textContent()).toContain('Your decision is saved.');
    expect(await panel.isHidden()).toBe(true);
    expect(await page.locator('#request-facts').textContent()).not.toContain('In review');
    expect(await page.locator('#timeline-body').textContent()).toContain('staff-browser');
    await expect.poll(async () => (await statusOf(statusUrl)).status).not.toBe('in_review');

    // Back in the list it no longer waits for anyone.
    await page.getByRole('button', { name: 'Back to the list' }).click();
    const again = page.locator('#requests-body tr', { hasText: requestId });
    await again.waitFor();
    expect(await again.textContent()).not.toContain('Waiting for you');
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('refuses with an edited template text after a confirmation, shows a refusal the API turns down, and the subject receives the edited text', async () => {
    const email = 'refuse-me@example.org';
    const { requestId, statusUrl } = await rectificationInReview(email, '070-765 43 21');
    const confirms: string[] = [];
    const page = await openPage('accept', confirms);
    await signInLocally(page, 'approver');
    // A staff email's link opens the request itself.
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await page.locator('#review-panel').waitFor({ state: 'visible' });
    // The address stays the request's own, so a reload or Back finds it.
    expect(new URL(page.url()).searchParams.get('request')).toBe(requestId);

    await page.getByText('Refuse the request').click();
    await page.locator('#deny-reason').selectOption('data_accurate');
    const text = page.getByLabel('Text sent to the data subject');
    const template = await text.inputValue();
    expect(template.trim().length).toBeGreaterThan(20);

    // Only spaces: the API answers 400 naming the field, and the page says so.
    await text.fill('   ');
    await page.getByRole('button', { name: 'Refuse', exact: true }).click();
    await expect.poll(() => page.locator('#decision-message').textContent()).toContain('The decision was not saved.');
    expect(await page.locator('#decision-message').textContent()).toContain('text');
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect((await statusOf(statusUrl)).status).toBe('in_review');

    const edited = `${template}\n\nWe checked the number 070-765 43 21 with you by phone on Monday.`;
    await text.fill(edited);
    await page.getByRole('button', { name: 'Refuse', exact: true }).click();
    await expect.poll(() => page.locator('#decision-message').textContent()).toContain('Your decision is saved.');
    expect(confirms).toHaveLength(2);
    expect(confirms[0]).toContain('Refuse this request');
    expect(await page.locator('#request-facts').textContent()).toContain('Refused');
    expect(await page.locator('#history-facts').textContent()).toContain('We checked the number 070-765 43 21');
    expect(await page.locator('#decisions').isHidden()).toBe(true);
    await waitForStatus(statusUrl, 'denied');

    // The subject's refusal carries staff's words.
    await expect
      .poll(
        async () => (await mailbox(rt)).some((m) => m.destination.to.includes(email) && (m.body.text ?? '').includes('We checked the number 070-765 43 21')),
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('charges a fee with its amount, currency and reason, shows it waiting, and records its payment (Art. 12(5)(a))', async () => {
    const email = 'fee-me@example.org';
    const { requestId, statusUrl } = await rectificationInReview(email, '070-111 22 33');
    const confirms: string[] = [];
    const page = await openPage('accept', confirms);
    await signInLocally(page, 'approver');
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await page.locator('#review-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#payment-box').isVisible()).toBe(false);

    await page.getByText('Charge a fee (Art. 12(5)(a))').click();
    await page.getByLabel('Amount').fill('25.5');
    await page.getByLabel('Currency (ISO 4217, e.g. EUR, SEK)').fill('eur');
    await page.getByLabel('Why (the data subject is told)').fill('The same correction was asked for twice this week.');
    await page.getByRole('button', { name: 'Charge the fee' }).click();
    await expect.poll(() => page.locator('#decision-message').textContent()).toContain('Your decision is saved.');
    const history = page.locator('#history-facts');
    expect(await history.textContent()).toContain('€25.50');
    expect(await history.textContent()).toContain('The same correction was asked for twice this week.');
    expect(await history.textContent()).toContain('Not paid yet');
    // While the fee waits, only its payment (or a refusal) moves the request on.
    expect(await page.locator('#fee-box').isVisible()).toBe(false);
    expect(await page.locator('#approve-box').isVisible()).toBe(false);
    expect(await page.locator('#payment-box').isVisible()).toBe(true);
    expect(((await statusOf(statusUrl)) as unknown as { waitingFor?: string }).waitingFor).toBe('fee_payment');

    await page.getByRole('button', { name: 'Record the payment' }).click();
    await expect.poll(() => page.locator('#decision-message').textContent()).toContain('Your decision is saved.');
    expect(confirms).toContain('Record that the fee was paid? The request goes ahead.');
    expect(await history.textContent()).toContain('Fee paid');
    expect(await history.textContent()).toContain('staff-browser');
    expect(await page.locator('#timeline-body').textContent()).toContain('Fee payment recorded');
    await expect.poll(async () => (await statusOf(statusUrl)).status).not.toBe('in_review');
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('shows who a request made for someone else is for, and opens the mandate as a download', async () => {
    const form = new FormData();
    const fields = {
      controller: 'demo-association',
      type: 'access',
      locale: 'en',
      email: 'rep.console@example.org',
      name: 'Rita Representative',
      onBehalfOf: 'mandate',
      subjectName: 'Ada Lindqvist',
      subjectEmail: 'ada@example.org',
    };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const mandate = '%PDF-1.4\n% signed power of attorney\n%%EOF\n';
    form.set('mandate', new Blob([mandate], { type: 'application/pdf' }), 'power-of-attorney.pdf');
    const res = await fetch(`${rt.urls.gateway}/v1/requests`, { method: 'POST', headers: { accept: 'application/json' }, body: form });
    expect(res.status).toBe(202);
    const { requestId } = (await res.json()) as { requestId: string };
    const confirmed = await confirmFromEmail(rt, await waitForEmail(rt, 'rep.console@example.org'));
    await waitForStatus(statusLinkIn(await confirmed.text()), 'in_review');

    const page = await openPage();
    await signInLocally(page, 'approver');
    const row = page.locator('#requests-body tr', { hasText: requestId });
    await row.waitFor();
    await row.click();
    const panel = page.locator('#review-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.textContent()).toContain(consoleTexts.en.reviewReason.representation);
    const subject = page.locator('#subject-facts');
    expect(await subject.textContent()).toContain('With the person’s mandate');
    expect(await subject.textContent()).toContain('Ada Lindqvist');
    expect(await subject.textContent()).toContain('Rita Representative <rep.console@example.org>');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Open' }).click()]);
    expect(download.suggestedFilename()).toBe('power-of-attorney.pdf');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(mandate);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("opens a request from a staff email's link after sign-in, and shows a viewer the review but no way to decide", async () => {
    const { requestId } = await rectificationInReview('viewer-sees@example.org', '070-111 11 11');
    const page = await openPage();
    // The link in the staff email, opened before signing in: the console shows that request once signed in.
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await signInLocally(page, 'viewer');
    await page.locator('#review-panel').waitFor({ state: 'visible' });
    expect(await page.locator('h1').textContent()).toContain(requestId);
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(1);
    expect(await page.locator('#decide-note').textContent()).toContain('Only staff with the approver role');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.locator('#deny-box').isVisible()).toBe(false);
    await page.close();
  });

  it('shows what a processor answered it kept: the basis and until when, as text', async () => {
    const { requestId } = await submitConfirmed(rt, { controller: 'demo-association', type: 'erasure', email: 'kept-view@example.org' });
    const form = new URLSearchParams({ outcome: 'retained', basis: 'Bookkeeping Act <ch. 7>', until: '2033-12-31' });
    const answered = await fetch(await taskLinkFor(rt, VENDOR, requestId), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    expect(answered.status).toBe(200);
    const page = await openPage();
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await signInLocally(page, 'viewer');
    const row = page.locator('#branches-body tr', { hasText: 'Demo Bookkeeping AB' });
    await row.waitFor();
    expect(await page.locator('#branches thead').textContent()).toContain('Answer');
    const text = await row.textContent();
    expect(text).toContain('Kept, not erased');
    expect(text).toContain('Legal basis: Bookkeeping Act <ch. 7>');
    expect(text).toContain('Kept until: 31 Dec 2033');
    await page.close();
  });

  it("lets an approver correct a processor's answer, which the systems table and the timeline then show", async () => {
    const { requestId } = await submitConfirmed(rt, { controller: 'demo-association', type: 'erasure', email: 'corrected-view@example.org' });
    const answered = await fetch(await taskLinkFor(rt, VENDOR, requestId), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ outcome: 'done' }).toString(),
    });
    expect(answered.status).toBe(200);
    const page = await openPage();
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await signInLocally(page, 'approver');
    const row = page.locator('#branches-body tr', { hasText: 'Demo Bookkeeping AB' });
    await row.getByRole('button', { name: 'Correct the answer' }).click();
    const form = page.locator('#form-correct');
    await form.getByLabel('What really happened').selectOption('partly');
    await form.getByLabel('What was kept (if done in part)').fill('Invoices from 2025');
    await form.getByLabel('Why it was kept (if done in part)').fill('Bookkeeping Act');
    await form.getByLabel(/^Why the answer changes/).fill('The firm told us later.');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await page.locator('#decision-message', { hasText: 'Your decision is saved.' }).waitFor();
    expect(await row.textContent()).toContain('Kept: Invoices from 2025');
    expect(await page.locator('#timeline-body').textContent()).toContain("A processor's answer was corrected by staff");
    await page.close();
  });
});

describe('the dashboard', () => {
  it("draws the period's charts and exports its requests as CSV, for a viewer", async () => {
    // Earlier tests left requests of this controller: at least the one in markup and the rectifications.
    const page = await openPage();
    await signInLocally(page, 'viewer');
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await page.locator('#dashboard-facts dd').first().waitFor();
    const received = Number(await page.locator('#dashboard-facts dd').first().textContent());
    expect(received).toBeGreaterThanOrEqual(3);
    // One bar per right and week that had requests; their tooltips add up to the period's total.
    const tips = await page.locator('#chart-weeks svg rect title').allTextContents();
    expect(tips.reduce((sum, tip) => sum + Number(tip.split(' ').pop()), 0)).toBe(received);
    expect(await page.locator('#chart-weeks svg').getAttribute('role')).toBe('img');
    expect(await page.locator('#legend-weeks li').count()).toBe(7);
    expect(await page.locator('#chart-open svg text').allTextContents()).toEqual(expect.arrayContaining(['Overdue', 'Within 7 days', 'Not confirmed yet']));
    expect(await page.locator('#chart-health svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#dash-controller option').allTextContents()).toEqual(['Demo Association']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export requests (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('requestId,right,status,receivedAt,dueAt,answeredAt,onTime,extendedMonths,refusalReason');
    expect(csv.length - 1).toBe(received);
    expect(csv.join('\n')).not.toMatch(/@example\.org/);
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});

/** A tab in a browser whose clock runs in another time zone than the runtime's (UTC), at a size. */
async function contextIn(timezoneId: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ timezoneId, viewport });
}

/** The tab's title, and its h1, for a view named `name`. */
const titled = (name: string) => `${name} – ${consoleTexts.en.siteName}`;

describe("the console's views", () => {
  it('gives each view its own address: Back returns to the view before, a reload stays, and the title and h1 follow', async () => {
    const ctx = await contextIn('UTC');
    const page = await openPage('dismiss', dialogs, ctx);
    await signInLocally(page, 'viewer');
    const h1 = page.locator('h1');
    await page.locator('#requests-body tr', { hasText: requestId }).waitFor();
    expect(await page.title()).toBe(titled('Requests'));
    expect(await h1.textContent()).toBe('Requests');

    await page.locator('#requests-body tr', { hasText: requestId }).click();
    await page.locator('#request-facts', { hasText: requestId }).waitFor();
    expect(new URL(page.url()).searchParams.get('request')).toBe(requestId);
    expect(await page.title()).toBe(titled(`Request ${requestId}`));
    expect(await h1.textContent()).toBe(`Request ${requestId}`);

    await page.getByRole('button', { name: 'Dashboard' }).click();
    await page.locator('#dashboard-facts dd').first().waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('dashboard');
    expect(await page.title()).toBe(titled('Dashboard'));
    expect(await h1.textContent()).toBe('Dashboard');

    // Back: the request again, then the list.
    await page.goBack();
    await page.locator('#detail-view').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#request-facts').textContent()).toContain(requestId);
    expect(await page.locator('#dashboard-view').isHidden()).toBe(true);
    expect(await page.title()).toBe(titled(`Request ${requestId}`));
    await page.goBack();
    await page.locator('#list-view').waitFor({ state: 'visible' });
    expect(await page.locator('#detail-view').isHidden()).toBe(true);
    expect(await page.title()).toBe(titled('Requests'));
    expect(new URL(page.url()).search).toBe('');

    // A filtered list is a view of its own too.
    await page.locator('#filters').getByLabel('Right', { exact: true }).selectOption('erasure');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('erasure');
    await page.goBack();
    await expect.poll(() => page.locator('#requests-body tr', { hasText: requestId }).count()).toBe(1);
    expect(await page.locator('#filters').getByLabel('Right', { exact: true }).inputValue()).toBe('');

    // Forward again; a reload keeps the view, and so does switching the language.
    await page.goForward();
    await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('erasure');
    await expect.poll(() => page.locator('#requests-body tr', { hasText: requestId }).count()).toBe(0);
    await page.locator('#filters').getByLabel('Right', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('#requests-body tr', { hasText: requestId }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('request')).toBe(requestId);
    await page.reload();
    await page.locator('#request-facts', { hasText: requestId }).waitFor();
    expect(await page.title()).toBe(titled(`Request ${requestId}`));
    await page.locator('nav.lang a[hreflang=sv]').click();
    await page.locator('#request-facts', { hasText: requestId }).waitFor();
    expect(await h1.textContent()).toBe(`${consoleTexts.sv.requestTitle} ${requestId}`);
    expect(cspViolations).toEqual([]);
    await ctx.close();
  });

  it("shows the timeline in words, with times in the staff member's time zone, which the page names", async () => {
    const ctx = await contextIn('Asia/Tokyo');
    const page = await openPage('dismiss', dialogs, ctx);
    await page.goto(`${rt.urls.gateway}/console?lang=en&request=${requestId}`);
    await signInLocally(page, 'viewer');
    await page.locator('#timeline-body tr[data-event=staff_viewed_request]').first().waitFor();
    expect(await page.locator('#time-zone').textContent()).toBe('Times are in your time zone: Asia/Tokyo (GMT+9)');

    const events = await page.locator('#timeline-body tr td:nth-child(2)').allTextContents();
    expect(events).toEqual(expect.arrayContaining(['Request submitted', 'The data subject confirmed their email address', 'Request viewed']));
    for (const words of events) expect(words).not.toMatch(/^[a-z]+(_[a-z]+)+$/);
    const submitted = page.locator('#timeline-body tr[data-event=request_submitted]');
    expect(await submitted.locator('td').nth(2).textContent()).toBe('Data subject');
    expect(await submitted.locator('td').nth(3).textContent()).toBe('Right: Access\nLanguage: English (en)');
    const viewed = page.locator('#timeline-body tr[data-event=staff_viewed_request]').first();
    expect(await viewed.locator('td').nth(2).textContent()).toBe('Staff (staff-browser)');
    // The vendor's task went out: named by the processor's name, not its id.
    expect(await page.locator('#timeline-body tr[data-event=branch_submitted]', { hasText: 'System: Demo Bookkeeping AB' }).count()).toBe(1);

    // The time is the event's, in Tokyo.
    const token = await issueLocalToken(rt, { 'cognito:groups': ['viewer'] });
    const detail = (await (await fetch(`${rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      timeline: { event: string; at: string }[];
    };
    const at = detail.timeline.find((e) => e.event === 'request_submitted')!.at;
    const inTokyo = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date(at));
    expect(await submitted.locator('td').first().textContent()).toBe(inTokyo);
    expect(await page.locator('#request-facts').textContent()).not.toContain('UTC');
    await ctx.close();
  });

  it("names the organisation in the list, and shows the subject's language on the request", async () => {
    const page = await openPage();
    await signInLocally(page, 'viewer');
    const row = page.locator('#requests-body tr', { hasText: requestId });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('Demo Association');
    expect(await page.locator('#requests-body').textContent()).not.toContain('demo-association');
    await row.click();
    const language = page.locator('#request-facts dt', { hasText: 'Language' });
    await language.waitFor();
    expect(await language.locator('xpath=following-sibling::dd[1]').textContent()).toBe('English (en)');
    await page.close();
  });

  it("offers the refusal reasons that fit the right in the staff member's language, the subject's version beside, preselected only when the review points to one", async () => {
    // Access without a name is checked for identity at this controller; the same again is a repeat as well.
    const email = 'svensk@example.org';
    const first = await submitConfirmed(rt, { controller: 'demo-organising-platform', type: 'access', email, locale: 'sv' });
    await waitForStatus(first.statusUrl, 'in_review');
    const again = await submitConfirmed(rt, { controller: 'demo-organising-platform', type: 'access', email, locale: 'sv' });
    await waitForStatus(again.statusUrl, 'in_review');

    const page = await openPage();
    await signInLocally(page, 'approver', 'demo-organising-platform');
    await page.goto(`${rt.urls.gateway}/console?request=${first.requestId}`);
    await page.locator('#review-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#request-facts').textContent()).toContain('Swedish (sv)');
    await page.getByText('Refuse the request').click();

    const reason = page.locator('#deny-reason');
    const offered = await reason.locator('option').allTextContents();
    expect(offered).toEqual([
      'Choose a reason',
      'Manifestly unfounded',
      'Excessive or repetitive',
      'Identity not confirmed',
      'We hold the data only for a customer',
      'Other (write your own)',
    ]);
    // The review asks for an identity check: that reason is chosen, its text in Swedish to send, in English beside it.
    expect(await reason.inputValue()).toBe('identity_not_confirmed');
    const sent = page.getByLabel('Text sent to the data subject (Swedish (sv))');
    expect(await sent.inputValue()).toBe(answerTexts.sv.email.denialReason.identity_not_confirmed({ controller: 'x' }));
    expect(await sent.getAttribute('lang')).toBe('sv');
    expect(await page.locator('#deny-own-title').textContent()).toBe('The template in your language (English (en))');
    expect(await page.locator('#deny-own-text').textContent()).toBe(answerTexts.en.email.denialReason.identity_not_confirmed({ controller: 'x' }));
    await reason.selectOption('excessive');
    expect(await page.locator('#deny-own-text').textContent()).toBe(answerTexts.en.email.denialReason.excessive({ controller: 'x' }));
    expect(await sent.inputValue()).toBe(answerTexts.sv.email.denialReason.excessive({ controller: 'x' }));

    // The repeat points to two reasons: none is chosen for the staff member.
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.locator('#requests-body tr', { hasText: again.requestId }).click();
    await page.locator('#review-panel', { hasText: 'The same request again' }).waitFor();
    await page.getByText('Refuse the request').click();
    expect(await reason.inputValue()).toBe('');
    expect(await sent.inputValue()).toBe('');
    expect(await page.locator('#deny-own').isHidden()).toBe(true);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('lists the requests at 390 px without scrolling sideways, each a card that says what its values are', async () => {
    const ctx = await contextIn('UTC', { width: 390, height: 844 });
    const page = await openPage('dismiss', dialogs, ctx);
    await signInLocally(page, 'viewer');
    const row = page.locator('#requests-body tr', { hasText: requestId });
    await row.waitFor();
    const widths = await page.evaluate(
      `(() => { const wrap = document.querySelector('#requests').parentElement; return { page: document.documentElement.scrollWidth, view: window.innerWidth, wrap: wrap.scrollWidth, wrapView: wrap.clientWidth }; })()`,
    );
    const { page: pageWidth, view, wrap, wrapView } = widths as { page: number; view: number; wrap: number; wrapView: number };
    expect(pageWidth).toBeLessThanOrEqual(view);
    expect(wrap).toBeLessThanOrEqual(wrapView);
    const box = (await row.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Each value is labelled by its column's name (the head row is hidden at this width).
    const organisation = row.locator('td[data-label="Organisation"]');
    expect(await organisation.textContent()).toBe('Demo Association');
    const before = await page.evaluate(
      `getComputedStyle(document.querySelector('tr[data-request-id="${requestId}"] td[data-label="Organisation"]'), '::before').content`,
    );
    expect(before).toBe('"Organisation: "');
    expect(await row.getByRole('button', { name: requestId }).isVisible()).toBe(true);
    await row.getByRole('button', { name: requestId }).click();
    await page.locator('#request-facts', { hasText: requestId }).waitFor();
    await ctx.close();
  });
});
