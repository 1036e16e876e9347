import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerCorrectionEmail } from '../../../web/emails/answer-correction';
import { completionEmail } from '../../../web/emails/completion';
import { denialEmail } from '../../../web/emails/denial';
import type { Email } from '../../../web/emails/email';
import { extensionEmail } from '../../../web/emails/extension';
import { feeEmail } from '../../../web/emails/fee';
import { informationRequestEmail } from '../../../web/emails/information-request';
import { requestReceiptEmail } from '../../../web/emails/receipt';
import { restrictionLiftNoticeEmail } from '../../../web/emails/restriction-lift';
import { verificationEmail } from '../../../web/emails/verification';
import { withdrawalReceiptEmail } from '../../../web/emails/withdrawal';
import { escapeHtml } from '../../../web/html';
import { formatDate, LOCALES, type Locale } from '../../../web/locale';
import { texts } from '../../../web/texts/all';

const REFERENCE = '6f1c1a2e-2a8b-4c1d-9c1e-1d2e3f4a5b6c';
const RIGHTS = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent'] as const;
const STATUS_URL = `https://dsr.example/v1/requests/${REFERENCE}/status?key=k`;
const DUE = '2026-04-06T10:00:00.000Z';
const common = (locale: Locale) => ({ locale, controllerName: 'Demo Association', requestReference: REFERENCE, statusUrl: STATUS_URL });
/** The lead supervisory authority the demo register names. */
const IMY = { name: 'IMY', url: 'https://www.imy.se' };
/** A fee asked for a third copy, with where to complain. */
const feeInput = (locale: Locale) => ({
  ...common(locale),
  type: 'access' as const,
  amount: '25.00',
  currency: 'EUR',
  reason: 'The third copy this month.',
  dpoEmail: 'dpo@demo.example',
  supervisoryAuthority: IMY,
});
const answer = (locale: Locale) => ({
  ...common(locale),
  onTime: true,
  outcomes: [{ processorName: 'Membership register', status: 'completed' as const, action: 'export' as const, recordCount: 1 }],
  supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
  dpoEmail: 'dpo@demo.example',
});

/**
 * Every email a data subject can get, by the module that writes it, each variant whose subject
 * differs (the answer per right, and the two with a download ready).
 */
const SUBJECT_EMAILS: Record<string, (locale: Locale) => Record<string, Email>> = {
  'verification.ts': (locale) => ({
    verification: verificationEmail({ ...common(locale), type: 'access', verifyUrl: 'https://dsr.example/v', expiresAt: DUE }),
  }),
  'receipt.ts': (locale) => ({ receipt: requestReceiptEmail({ ...common(locale), type: 'erasure', dueAt: DUE, dpoEmail: 'dpo@demo.example' }) }),
  'completion.ts': (locale) => ({
    ...Object.fromEntries(RIGHTS.map((type) => [`answer ${type}`, completionEmail({ ...answer(locale), type })])),
    'access ready': completionEmail({ ...answer(locale), type: 'access', downloadUrl: 'https://dsr.example/d', downloadExpiresAt: DUE }),
    'portability ready': completionEmail({ ...answer(locale), type: 'portability', downloadUrl: 'https://dsr.example/d', downloadExpiresAt: DUE }),
  }),
  'denial.ts': (locale) => ({ refusal: denialEmail({ ...answer(locale), type: 'erasure', reasonText: 'Kept by law.' }) }),
  'extension.ts': (locale) => ({
    extension: extensionEmail({ ...common(locale), type: 'access', months: 2, reasons: 'Many systems.', newDueAt: DUE }),
  }),
  'fee.ts': (locale) => ({
    fee: feeEmail(feeInput(locale)),
  }),
  'information-request.ts': (locale) => ({
    question: informationRequestEmail({ ...common(locale), type: 'erasure', question: 'Which address?', pausesClock: true, dueAt: DUE }),
  }),
  'restriction-lift.ts': (locale) => ({
    'restriction lift': restrictionLiftNoticeEmail({ ...common(locale), liftAt: DUE, processorNames: ['Membership register'] }),
  }),
  'answer-correction.ts': (locale) => ({
    'answer correction': answerCorrectionEmail({
      ...answer(locale),
      outcome: {
        processorName: 'Bookkeeping firm',
        status: 'completed',
        action: 'erase',
        answer: { outcome: 'partly', kept: 'Invoices', reason: 'Bookkeeping Act' },
      },
      why: 'The firm told us later.',
    }),
  }),
  'withdrawal.ts': (locale) => ({
    'withdrawal receipt': withdrawalReceiptEmail({ ...common(locale), type: 'erasure', withdrawnAt: DUE, formUrl: 'https://dsr.example/en' }),
  }),
};

/** The other modules of web/emails: to staff, vendors and the DPO, or shared parts. */
const NOT_TO_THE_SUBJECT = [
  'deadline.ts',
  'digest.ts',
  'email.ts',
  'escalation.ts',
  'review-waiting.ts',
  'staff-notice.ts',
  'staff-task.ts',
  'subject-answered.ts',
  'task-parts.ts',
  'vendor-request.ts',
];

describe("the data subject's emails", () => {
  it('are all listed here: every module of web/emails is either one of them or not to the subject', () => {
    const modules = readdirSync(path.resolve(__dirname, '../../../web/emails')).filter((f) => f.endsWith('.ts'));
    expect([...Object.keys(SUBJECT_EMAILS), ...NOT_TO_THE_SUBJECT].sort()).toEqual(modules.sort());
  });

  it('each carry the reference in the subject and the body, and no two have the same subject, in every language', () => {
    for (const locale of LOCALES) {
      const emails = Object.entries(SUBJECT_EMAILS).flatMap(([, make]) => Object.entries(make(locale)));
      for (const [name, email] of emails) {
        expect(email.subject, `${locale} ${name}`).toContain(REFERENCE);
        expect(email.text, `${locale} ${name}`).toContain(REFERENCE);
        expect(email.html, `${locale} ${name}`).toContain(REFERENCE);
      }
      const subjects = emails.map(([, email]) => email.subject);
      expect(new Set(subjects).size, `${locale}: ${subjects.join(' | ')}`).toBe(subjects.length);
    }
  });
});

describe('the receipt of a confirmed request', () => {
  it('gives the reference, what was asked in plain words, the deadline, the status link and the DPO, in the reader’s language', () => {
    for (const locale of LOCALES) {
      const t = texts[locale];
      for (const type of RIGHTS) {
        const mail = requestReceiptEmail({ ...common(locale), type, dueAt: DUE, dpoEmail: 'dpo@demo.example' });
        expect(mail.subject).toBe(t.email.reference.subject({ subject: t.receipt.subject({ controller: 'Demo Association' }), reference: REFERENCE }));
        expect(mail.text).toContain(`${t.receipt.reference}: ${REFERENCE}`);
        expect(mail.text).toContain(`${t.receipt.type}: ${t.requestType[type]}`);
        expect(mail.text).toContain(`${t.receipt.right}: ${t.rights[type].title}`);
        expect(mail.text).toContain(t.rights[type].summary);
        expect(mail.text).toContain(`${t.receipt.due}: ${formatDate(DUE, locale)}`);
        expect(mail.text).toContain(t.confirmed.next[type]);
        expect(mail.text).toContain(`${t.receipt.statusIntro}\n${STATUS_URL}`);
        expect(mail.text).toContain(`${t.status.questions} dpo@demo.example`);
        expect(mail.html).toContain(`href="${escapeHtml(STATUS_URL)}"`);
        expect(mail.html).toContain(`<html lang="${locale}">`);
      }
    }
  });

  it('is written in Swedish and Slovenian, not English, in those languages', () => {
    const en = requestReceiptEmail({ ...common('en'), type: 'access', dueAt: DUE, dpoEmail: 'dpo@demo.example' });
    const sv = requestReceiptEmail({ ...common('sv'), type: 'access', dueAt: DUE, dpoEmail: 'dpo@demo.example' });
    const sl = requestReceiptEmail({ ...common('sl'), type: 'access', dueAt: DUE, dpoEmail: 'dpo@demo.example' });
    expect(sv.subject).toBe(`Din begäran till Demo Association är bekräftad (ärende ${REFERENCE})`);
    expect(sl.subject).toBe(`Vaša zahteva za organizacijo Demo Association je potrjena (št. ${REFERENCE})`);
    expect(sv.text).toContain('Ska besvaras senast: 6 april 2026');
    expect(sl.text).toContain('Rok za odgovor: 6. april 2026');
    // No sentence of the English email appears in the others.
    const sentences = en.text.split('\n').filter((line) => line.length > 25 && !line.includes('://') && !line.includes(REFERENCE));
    for (const line of sentences) {
      expect(sv.text).not.toContain(line);
      expect(sl.text).not.toContain(line);
    }
  });
});

describe('the fee email (Art. 12(5)(a))', () => {
  it('gives the amount as the reader writes money, staff’s reason, that the clock waits, and the way out, in every language', () => {
    const amounts = { en: '€25.00', sv: '25,00\u00a0€', sl: '25,00\u00a0€', de: '25,00\u00a0€' };
    for (const locale of LOCALES) {
      const x = texts[locale].email.fee;
      const mail = feeEmail(feeInput(locale));
      expect(mail.text).toContain(amounts[locale]);
      expect(mail.text).toContain('The third copy this month.');
      expect(mail.text).toContain(x.pauses);
      expect(mail.text).toContain('dpo@demo.example');
      expect(mail.text).toContain(STATUS_URL);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      // A fee may be complained of like any answer (Art. 77): the lead authority, and the person's own.
      expect(mail.text).toContain(texts[locale].email.complaints.completionIntro);
      expect(mail.text).toContain('https://www.imy.se');
      expect(mail.text).toContain(texts[locale].email.complaints.ownState);
    }
    expect(
      feeEmail({ ...common('sv'), type: 'access', amount: '150.00', currency: 'SEK', reason: 'r', dpoEmail: 'd@x.example', supervisoryAuthority: IMY }).text,
    ).toContain('150,00\u00a0kr');
  });
});
