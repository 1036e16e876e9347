import { describe, expect, it } from 'vitest';
import { complianceFigures } from '../../../functions/reporting/compliance-figures';
import type { KeptAnswer } from '../../../functions/reporting/processor-answers';
import { digestEmail } from '../../../web/emails/digest';

// What processors said they kept reaches the DPO's digest, per request and processor, in the
// controller's language, as the subject's completion email says it.
const NOW = new Date('2026-11-22T12:00:00Z');
const PERIOD = { from: new Date('2026-11-15T12:00:00Z'), to: NOW };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const kept: KeptAnswer[] = [
  {
    requestId: id(1),
    processorId: 'bookkeeping',
    finishedAt: '2026-11-18T09:00:00Z',
    answer: { outcome: 'retained', basis: 'Bookkeeping Act <ch. 7>', until: '2033-12-31' },
  },
  {
    requestId: id(2),
    processorId: 'crm',
    finishedAt: '2026-11-19T09:00:00Z',
    answer: { outcome: 'partly', kept: 'Invoices of\n2025', reason: 'Tax law' },
  },
];
const input = {
  figures: complianceFigures('c', PERIOD, { received: [], answered: [], open: [], branches: [] }, NOW),
  controllerName: 'Demo',
  timezone: 'America/Los_Angeles',
  processorNames: { bookkeeping: 'Demo Bookkeeping AB', crm: 'Member register' },
  consoleUrl: (requestId: string) => `https://dsr.example/console?request=${requestId}`,
  consoleHome: 'https://dsr.example/console',
  keptAnswers: kept,
};

describe('the digest’s kept answers', () => {
  it('lists each kept answer with its basis, or what and why, and until when, linked to the request', () => {
    const mail = digestEmail({ ...input, locale: 'en' });
    expect(mail.text).toContain('What processors kept (retained, or done only in part) (2)');
    // The date is the calendar day the processor gave, wherever the digest's time zone is.
    expect(mail.text).toContain(
      `${id(1)} <https://dsr.example/console?request=${id(1)}> | Demo Bookkeeping AB | Kept – legal basis: Bookkeeping Act <ch. 7>; until 31 December 2033`,
    );
    expect(mail.text).toContain(`| Member register | Done only in part – kept: Invoices of 2025; why: Tax law\n`);
    expect(mail.html).toContain('Kept – legal basis: Bookkeeping Act &lt;ch. 7&gt;; until 31 December 2033');
    expect(mail.html).not.toContain('<ch. 7>');
  });

  it('says it in Swedish and Slovenian', () => {
    expect(digestEmail({ ...input, locale: 'sv' }).text).toContain('Sparat – rättslig grund: Bookkeeping Act <ch. 7>; till den 31 december 2033');
    expect(digestEmail({ ...input, locale: 'sv' }).text).toContain('Bara delvis utfört – sparat: Invoices of 2025; varför: Tax law');
    expect(digestEmail({ ...input, locale: 'sl' }).text).toContain('Ohranjeno – pravna podlaga: Bookkeeping Act <ch. 7>; do 31. december 2033');
    expect(digestEmail({ ...input, locale: 'sl' }).text).toContain('Opravljeno le delno – ohranjeno: Invoices of 2025; zakaj: Tax law');
  });

  it('leaves the section out when nothing was kept', () => {
    expect(digestEmail({ ...input, keptAnswers: [], locale: 'en' }).text).not.toContain('What processors kept');
  });
});
