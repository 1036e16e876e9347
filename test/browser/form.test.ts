import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mailbox, poll, type StoredEmail } from '../harness';
import { browserSuite } from './browser';

/**
 * A person uses the form in Debian's Chromium with JavaScript switched off: the whole path from
 * the form to the confirmed request must work with plain HTML forms and links.
 */

const suite = browserSuite({ dataDirPrefix: 'dsr-browser-', javaScriptEnabled: false });

/** Waits for the SES emulator to hold an email to `to` whose subject matches, and returns it. */
async function emailTo(to: string, subject: RegExp, timeoutMs = 20_000): Promise<StoredEmail> {
  return poll(async () => (await mailbox(suite.runtime)).find((e) => e.destination.to.includes(to) && subject.test(e.subject)), {
    timeoutMs,
    failure: () => `no email to ${to} matching ${subject} within ${timeoutMs} ms`,
  });
}

/** The one verification link in an email's plain-text part. */
function verifyLinkIn(email: StoredEmail): string {
  const links = (email.body.text ?? '').match(/https?:\/\/\S+\/verify\?token=[A-Za-z0-9_-]+/g) ?? [];
  expect(links).toHaveLength(1);
  return links[0]!;
}

/** The demo association's own form (the register declares more than one organisation). */
const FORM = '/c/demo-association';

async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').textContent()) ?? '').trim();
}

describe('the request form in a browser without JavaScript', () => {
  it('takes an access request from the form to a confirmed request', async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}${FORM}/en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('script').count()).toBe(0);

    await page.getByRole('radio', { name: 'A copy of my personal data (access)' }).check();
    await page.getByLabel('Your email address').fill('ada@example.org');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Check your email');
    expect(await page.locator('main').textContent()).toContain('7 days');

    const email = await emailTo('ada@example.org', /Confirm your request/);
    const link = verifyLinkIn(email);

    // Opening the link only shows the confirm page; the button confirms.
    await page.goto(link);
    expect(await heading(page)).toBe('Confirm your request for a copy of your data');
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Your request is confirmed');

    // The status link on that page opens the status page.
    await page.getByRole('link', { name: 'See the status of your request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Status of your request');
    await page.close();
  });

  it('withdraws a request only after the page that asks, and a reload of the result posts nothing', async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}${FORM}/en`);
    await page.getByRole('radio', { name: 'A copy of my personal data (access)' }).check();
    await page.getByLabel('Your email address').fill('withdraws@example.org');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();
    await page.goto(verifyLinkIn(await emailTo('withdraws@example.org', /Confirm your request/)));
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await page.waitForLoadState();
    await page.getByRole('link', { name: 'See the status of your request' }).click();
    await page.waitForLoadState();

    await page.getByRole('button', { name: 'Withdraw my request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Withdraw your request?');
    // Changing one's mind goes back to the status page, the request untouched.
    await page.getByRole('link', { name: 'No, keep my request' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toMatch(/Current status: (Received|In progress)/);

    await page.getByRole('button', { name: 'Withdraw my request' }).click();
    await page.waitForLoadState();
    await page.getByRole('button', { name: 'Yes, withdraw my request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Status of your request');
    expect(new URL(page.url()).pathname).toMatch(/\/status$/);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Current status: Withdrawn');
    expect(main).not.toContain('Answer due by');
    await page.reload();
    expect(await heading(page)).toBe('Status of your request');
    await emailTo('withdraws@example.org', /is withdrawn/);
    // The verification, the receipt of the confirmation and the receipt of the withdrawal.
    expect((await mailbox(suite.runtime)).filter((e) => e.destination.to.includes('withdraws@example.org'))).toHaveLength(3);
    await page.close();
  });

  it('works in Swedish the same way, and tells a second click that the link was used', async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}${FORM}/en`);
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');

    await page.getByRole('radio', { name: 'Radering av mina personuppgifter' }).check();
    await page.getByLabel('Din e-postadress').fill('grace@example.org');
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Titta i din e-post');

    const link = verifyLinkIn(await emailTo('grace@example.org', /Bekräfta din begäran/));
    await page.goto(link);
    expect(await heading(page)).toBe('Bekräfta din begäran om radering');
    expect(await page.locator('main').textContent()).toContain('Det går inte att ångra');
    await page.getByRole('button', { name: 'Bekräfta radering' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Din begäran är bekräftad');

    await page.goto(link);
    expect(await heading(page)).toBe('Länken har redan använts');
    await page.close();
  });

  it("takes a correction: the right's own fields, an error shown by its field with the values kept, then confirmed", async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}/en`);
    // Several organisations: the start page lists them, each linking to its own form.
    await page.getByRole('link', { name: 'Demo Association' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(`${FORM}/en`);

    await page.getByRole('radio', { name: 'Correct data about me that is wrong (rectification)' }).check();
    const fields = page.getByRole('group', { name: 'Rectification: what to correct' });
    await fields.getByLabel('Which data is wrong?').selectOption('phone');
    await fields.getByLabel('What is wrong or incomplete?').fill('My old number, 070-111 11 11');
    await page.getByLabel('Your email address').fill('linnea@example.org');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();

    // Refused: the missing field says so next to itself, and nothing typed is lost.
    expect(await page.title()).toMatch(/^Error: /);
    const missing = page.getByRole('group', { name: 'Rectification: what to correct' });
    expect(await missing.locator('#corrected-error').textContent()).toContain('Say what the data should be.');
    expect(await missing.getByLabel('What is wrong or incomplete?').inputValue()).toBe('My old number, 070-111 11 11');
    expect(await missing.getByLabel('Which data is wrong?').inputValue()).toBe('phone');
    expect(await page.getByLabel('Your email address').inputValue()).toBe('linnea@example.org');
    expect(await page.getByRole('radio', { name: 'Correct data about me that is wrong (rectification)' }).isChecked()).toBe(true);

    await missing.getByLabel('What should it say?').fill('070-222 22 22');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Check your email');

    const link = verifyLinkIn(await emailTo('linnea@example.org', /Confirm your request/));
    await page.goto(link);
    expect(await heading(page)).toBe('Confirm your request for a correction');
    await page.getByRole('button', { name: 'Confirm the correction' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Your request is confirmed');
    expect(await page.locator('main').textContent()).toContain('with where your data was corrected');
    await page.close();
  });
  it('takes a request a parent makes for their child, with the document, and hides those fields while "me" is chosen', async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}${FORM}/en`);
    const person = page.getByRole('group', { name: 'The person you ask for' });
    // "Me" is chosen to begin with: the fields for someone else are out of the way (CSS alone).
    expect(await page.getByRole('radio', { name: 'Me', exact: true }).isChecked()).toBe(true);
    expect(await person.isVisible()).toBe(false);

    await page.getByRole('radio', { name: 'A copy of my personal data (access)' }).check();
    await page.getByRole('radio', { name: 'My child: I am their parent or guardian' }).check();
    expect(await person.isVisible()).toBe(true);
    await person.getByLabel('Their name').fill('Kim Child');
    await person.getByLabel('Their email address').fill('kim.child@example.org');
    await page.getByLabel('Your email address').fill('parent.in.browser@example.org');
    await page.getByLabel('Your name (optional)').fill('Pat Parent');
    // Sent without the document: refused by its field, the rest kept.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: /);
    const again = page.getByRole('group', { name: 'The person you ask for' });
    expect(await again.locator('#mandate-error').textContent()).toContain('Add the document as a PDF, PNG or JPEG');
    expect(await again.getByLabel('Their name').inputValue()).toBe('Kim Child');
    expect(await page.getByRole('radio', { name: 'My child: I am their parent or guardian' }).isChecked()).toBe(true);

    await again.getByLabel('A document that shows you may act for them').setInputFiles({
      name: 'custody.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Check your email');

    const email = await emailTo('parent.in.browser@example.org', /Confirm your request/);
    expect(email.body.text).toContain('You asked on behalf of Kim Child.');
    expect((await mailbox(suite.runtime)).some((e) => e.destination.to.includes('kim.child@example.org'))).toBe(false);
    await page.close();
  });
});
