import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../web/html';
import { formatDate, formatDateTime, LOCALES } from '../../../web/locale';
import { renderRequestAccepted } from '../../../web/pages/accepted';
import { renderStatusPage } from '../../../web/pages/status';
import { texts } from '../../../web/texts/all';

const DUE = '2026-04-06T10:00:00.000Z';
const base = {
  controllerName: 'Demo Association',
  requestId: 'r1',
  receivedAt: '2026-03-05T10:00:00.000Z',
  dueAt: DUE,
  processors: [],
  dpoEmail: 'dpo@demo.example',
};
const question = { question: 'Which address?', replyUrl: '/v1/requests/r1/reply', statusKey: 'k1' };

describe('the page after the form', () => {
  it('shows the address typed, escaped, with what to do about a typo, in every language', () => {
    for (const locale of LOCALES) {
      const a = texts[locale].accepted;
      const html = renderRequestAccepted({ locale, controllerName: 'Demo Association', address: 'ada<x>@exmaple.org' });
      expect(html).toContain(`${escapeHtml(a.sentTo)} <strong class="address">ada&lt;x&gt;@exmaple.org</strong>`);
      expect(html).toContain(escapeHtml(a.typo));
      expect(html).not.toContain(escapeHtml(a.addressHidden));
    }
  });

  it('says it no longer shows the address once its while is over, and shows none', () => {
    for (const locale of LOCALES) {
      const a = texts[locale].accepted;
      const html = renderRequestAccepted({ locale, controllerName: 'Demo Association', addressHidden: true });
      expect(html).toContain(escapeHtml(a.addressHidden));
      expect(html).not.toContain('class="address"');
      expect(html).not.toContain(escapeHtml(a.typo));
    }
  });
});

describe('the status page while staff wait for an answer', () => {
  it('shows one status, "we need more information", and the deadline as paused, not as a date', () => {
    for (const locale of LOCALES) {
      const s = texts[locale].status;
      const html = renderStatusPage({ ...base, locale, type: 'erasure', status: 'in_review', infoRequest: { ...question, pausesClock: true } });
      expect(html).toContain(`<strong>${escapeHtml(s.status)}: ${escapeHtml(s.awaitingAnswer.label)}</strong>`);
      expect(html).not.toContain(escapeHtml(s.requestStatus.in_review.label));
      // The question's own heading does not repeat the status.
      expect(s.infoRequestTitle).not.toBe(s.awaitingAnswer.label);
      expect(html).toContain(`<dt>${escapeHtml(s.dueAt)}</dt>\n<dd>${escapeHtml(s.dueAtPaused)}</dd>`);
      expect(html).not.toContain(escapeHtml(formatDate(DUE, locale)));
      expect(html).toContain('<textarea id="answer"');
    }
  });

  it('keeps the date where the deadline runs on, and shows the answer received once given', () => {
    const s = texts.en.status;
    const running = renderStatusPage({ ...base, locale: 'en', type: 'erasure', status: 'in_review', infoRequest: { ...question, pausesClock: false } });
    expect(running).toContain(`<strong>${s.status}: ${s.awaitingAnswer.label}</strong>`);
    expect(running).toContain(`<dt>${s.dueAt}</dt>\n<dd>${formatDate(DUE, 'en')}</dd>`);
    const answered = renderStatusPage({
      ...base,
      locale: 'en',
      type: 'erasure',
      status: 'in_review',
      infoRequest: { ...question, pausesClock: true, answeredAt: '2026-03-08T10:00:00.000Z' },
    });
    expect(answered).toContain(`<strong>${s.status}: ${s.requestStatus.in_review.label}</strong>`);
    expect(answered).toContain(`<dt>${s.dueAt}</dt>\n<dd>${formatDate(DUE, 'en')}</dd>`);
    expect(answered).toContain(`<dt>${s.answeredAt}</dt>\n<dd>${formatDate('2026-03-08T10:00:00.000Z', 'en')}</dd>`);
    expect(answered).not.toContain('<textarea');
  });
});

describe('the status page of an answered request', () => {
  const now = new Date('2026-03-10T10:00:00.000Z');
  const completed = { ...base, type: 'access', status: 'completed', completedAt: '2026-03-09T10:00:00.000Z', now };

  it('says the download link was emailed and until when it works, without the link, and names the DPO', () => {
    for (const locale of LOCALES) {
      const s = texts[locale].status;
      const html = renderStatusPage({ ...completed, locale, download: { expiresAt: '2026-03-16T10:00:00.000Z' } });
      expect(html).toContain(escapeHtml(s.downloadTitle));
      expect(html).toContain(escapeHtml(s.downloadEmailed({ date: formatDateTime('2026-03-16T10:00:00.000Z', locale) })));
      expect(html).not.toMatch(/\/package(\/view)?\?token=/);
      expect(html).toContain(`${escapeHtml(s.questions)} <a href="mailto:dpo@demo.example">dpo@demo.example</a>`);
    }
  });

  it('says when the link stopped working, and nothing of it once the copy is deleted', () => {
    const s = texts.en.status;
    const expired = renderStatusPage({ ...completed, locale: 'en', download: { expiresAt: '2026-03-09T12:00:00.000Z' } });
    expect(expired).toContain(s.downloadExpired({ date: formatDateTime('2026-03-09T12:00:00.000Z', 'en') }));
    const deleted = renderStatusPage({
      ...completed,
      locale: 'en',
      download: { expiresAt: '2026-03-09T12:00:00.000Z' },
      packageDeletedAt: '2026-03-09T12:00:00.000Z',
    });
    expect(deleted).not.toContain(s.downloadTitle);
  });

  it('asks for a reload only while the request can still change', () => {
    for (const locale of LOCALES) {
      const hint = escapeHtml(texts[locale].status.refreshHint);
      for (const status of ['completed', 'denied', 'closed_unverified', 'cancelled']) {
        expect(renderStatusPage({ ...base, locale, type: 'erasure', status }), status).not.toContain(hint);
      }
      for (const status of ['awaiting_verification', 'received', 'in_review', 'in_progress']) {
        expect(renderStatusPage({ ...base, locale, type: 'erasure', status }), status).toContain(hint);
      }
    }
  });
});
