import { describe, expect, it } from 'vitest';
import { taskWithdrawnEmail, withdrawalReceiptEmail } from '../../../web/emails/withdrawal';
import { escapeHtml } from '../../../web/html';
import { formatDate, LOCALES } from '../../../web/locale';
import { renderStatusPage } from '../../../web/pages/status';
import { renderStatusEnded } from '../../../web/pages/status-ended';
import { renderTaskWithdrawn } from '../../../web/pages/task';
import { renderWithdrawConfirm } from '../../../web/pages/withdraw';
import { texts } from '../../../web/texts/all';

const AT = '2026-03-10T10:00:00.000Z';
const withdrawn = {
  controllerName: 'Demo <Association>',
  requestId: 'r1',
  type: 'erasure',
  status: 'cancelled',
  receivedAt: '2026-03-05T10:00:00.000Z',
  dueAt: '2026-04-05T10:00:00.000Z',
  withdrawnAt: AT,
  processors: [
    { name: 'Membership register', status: 'completed' },
    { name: 'Bookkeeping', status: 'stopped' },
  ],
};

describe('withdrawal, as people read it', () => {
  it('asks to confirm with a POST form carrying the key, the confirmation and the language, and a way back, in every language', () => {
    for (const locale of LOCALES) {
      const t = texts[locale];
      const html = renderWithdrawConfirm({
        locale,
        controllerName: 'Demo <Association>',
        requestId: 'r1',
        type: 'erasure',
        actionUrl: '/v1/requests/r1/cancel',
        statusKey: 'k"<y',
        statusUrl: '/v1/requests/r1/status?key=k',
        receipt: true,
      });
      expect(html).toContain(`<h1>${escapeHtml(t.withdrawal.title)}</h1>`);
      expect(html).toContain(escapeHtml(t.withdrawal.intro({ controller: 'Demo <Association>' })));
      expect(html).toContain('<form method="post" action="/v1/requests/r1/cancel">');
      expect(html).toContain('name="key" value="k&quot;&lt;y"');
      expect(html).toContain('name="confirm" value="yes"');
      expect(html).toContain(`name="lang" value="${locale}"`);
      expect(html).toContain(`href="/v1/requests/r1/status?key=k">${escapeHtml(t.withdrawal.keep)}</a>`);
      expect(html).toContain(escapeHtml(t.withdrawal.receiptNote));
      expect(html).not.toContain('<script');
    }
  });

  it('shows a withdrawn request with one status, its date, no deadline, and stopped systems as stopped, not as problems', () => {
    for (const locale of LOCALES) {
      const s = texts[locale].status;
      const html = renderStatusPage({ ...withdrawn, locale });
      // One status: the panel's, no notice beside it.
      expect(html.match(/<div class="panel"/g)).toHaveLength(1);
      expect(html).toContain(`<strong>${escapeHtml(s.status)}: ${escapeHtml(s.requestStatus.cancelled.label)}</strong>`);
      expect(html).not.toContain(`<dt>${escapeHtml(s.dueAt)}</dt>`);
      expect(html).toContain(`<dt>${escapeHtml(s.withdrawnAt)}</dt>\n<dd>${escapeHtml(formatDate(AT, locale))}</dd>`);
      expect(html).toContain(`<span class="tag">${escapeHtml(s.branchStatus.stopped)}</span>`);
      expect(html).not.toContain(escapeHtml(s.branchStatus.failed));
      expect(html).not.toContain('tag failed');
    }
  });

  it('emails the subject a receipt in their language, with the reference, the date and the status link', () => {
    for (const locale of LOCALES) {
      const w = texts[locale].withdrawal.receipt;
      const mail = withdrawalReceiptEmail({
        locale,
        controllerName: 'Demo Association',
        type: 'erasure',
        requestReference: 'r-123',
        withdrawnAt: AT,
        statusUrl: 'https://dsr.example/v1/requests/r-123/status?key=k',
        formUrl: `https://dsr.example/${locale}`,
      });
      expect(mail.subject).toBe(w.subject({ controller: 'Demo Association', reference: 'r-123' }));
      expect(mail.text).toContain(w.intro({ controller: 'Demo Association', date: formatDate(AT, locale) }));
      expect(mail.text).toContain(`${w.reference}: r-123`);
      expect(mail.text).toContain(texts[locale].requestType.erasure);
      expect(mail.text).toContain('https://dsr.example/v1/requests/r-123/status?key=k');
      expect(mail.html).toContain(`href="https://dsr.example/${locale}"`);
    }
  });

  it('tells a vendor or staff member by reference only, and their link says the request was withdrawn', () => {
    for (const locale of LOCALES) {
      const t = texts[locale];
      const r = { controller: 'Demo Association', processor: 'Bookkeeping', reference: 'r-123' };
      const mail = taskWithdrawnEmail({ locale, controllerName: r.controller, processorName: r.processor, requestReference: r.reference });
      expect(mail.subject).toBe(t.email.withdrawn.subject(r));
      expect(mail.text).toContain(t.email.withdrawn.intro(r));
      expect(mail.text).toContain(t.email.withdrawn.nothingMore);
      expect(mail.text).not.toContain('http');
      const page = renderTaskWithdrawn({ locale });
      expect(page).toContain(escapeHtml(t.task.withdrawn.title));
      expect(page).not.toContain(escapeHtml(t.task.alreadyDone.body));
    }
  });

  it("says an ended status link's request was withdrawn, not answered", () => {
    for (const locale of LOCALES) {
      const html = renderStatusEnded({ locale, erasedAt: AT, withdrawn: true });
      expect(html).toContain(escapeHtml(texts[locale].statusEnded.withdrawnBody({ date: formatDate(AT, locale) })));
      expect(html).not.toContain(escapeHtml(texts[locale].statusEnded.body({ date: formatDate(AT, locale) })));
    }
  });
});
