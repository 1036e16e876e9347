import { describe, expect, it } from 'vitest';
import { linksIn, mailbox, poll, type StoredEmail } from '../harness';
import { browserSuite } from './browser';

/**
 * The page after the form and the receipt, in Debian's Chromium with JavaScript switched off: the
 * page shows the address typed and a reload shows it again without sending the form twice; the
 * receipt that follows the confirmation leads back to the status page.
 */

const suite = browserSuite({ dataDirPrefix: 'dsr-browser-', javaScriptEnabled: false });

const emailsTo = async (to: string) => (await mailbox(suite.runtime)).filter((e) => e.destination.to.includes(to));

async function emailTo(to: string, subject: RegExp, timeoutMs = 20_000): Promise<StoredEmail> {
  return poll(async () => (await emailsTo(to)).find((e) => subject.test(e.subject)), {
    timeoutMs,
    failure: () => `no email to ${to} matching ${subject} within ${timeoutMs} ms`,
  });
}

describe('after the form, in a browser without JavaScript', () => {
  it('shows the address typed, survives a reload without posting again, and the receipt leads back to the status page', async () => {
    const address = 'grace.hopper@exmaple.org';
    const page = await suite.context.newPage();
    await page.goto(`${suite.runtime.urls.gateway}/c/demo-association/sv`);
    await page.getByRole('radio', { name: 'Radering av mina personuppgifter' }).check();
    await page.getByLabel('Din e-postadress').fill(address);
    await page.getByRole('button', { name: 'Skicka begäran' }).click();
    await page.waitForLoadState();

    // A page of its own, reached by a GET: its URL carries a key, never the address.
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/v1\/requests\/[0-9a-f-]{36}\/sent$/);
    expect(decodeURIComponent(url.href)).not.toContain('exmaple');
    for (let i = 0; i < 2; i++) {
      expect(((await page.locator('h1').textContent()) ?? '').trim()).toBe('Titta i din e-post');
      expect(await page.locator('strong.address').textContent()).toBe(address);
      expect(await page.locator('main').textContent()).toContain('Om adressen är fel');
      if (i === 0) {
        // A reload asks nothing and posts nothing.
        page.on('dialog', () => {
          throw new Error('the reload asked to send the form again');
        });
        await page.reload();
      }
    }
    expect(await emailsTo(address)).toHaveLength(1);

    // Confirmed, the person gets the receipt, in Swedish, and its link opens the status page.
    const verification = await emailTo(address, /^Bekräfta din begäran/);
    await page.goto(linksIn(verification).find((l) => l.includes('/verify?token='))!);
    await page.getByRole('button').first().click();
    await page.waitForLoadState();
    const receipt = await emailTo(address, /är bekräftad \(ärende [0-9a-f-]{36}\)$/);
    const requestId = url.pathname.split('/')[3]!;
    expect(receipt.subject).toContain(requestId);
    expect(receipt.body.text).toContain(`Ärendenummer: ${requestId}`);
    await page.goto(linksIn(receipt).find((l) => l.includes('/status?key='))!);
    expect(((await page.locator('h1').textContent()) ?? '').trim()).toBe('Status för din begäran');
    expect(await page.locator('main').textContent()).toContain(requestId);

    // The page after the form no longer shows the address once the request is confirmed.
    await page.goto(url.href);
    expect(await page.locator('strong.address').count()).toBe(0);
    expect(await emailsTo(address)).toHaveLength(2);
    await page.close();
  });
});
