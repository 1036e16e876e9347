/** To the DPO: a processor's part of a request needs a person. */
import { formatDateTime, type Locale, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { staffMailTexts } from '../texts/staff-mail/index.ts';
import { type Email, link, oneLine, p, renderEmail, strong } from './email.ts';
import { consoleLink } from './staff-notice.ts';

const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

const PROCESSOR_KINDS = ['opendsr', 'email', 'manual', 'dynamodb', 'sql'] as const;

const ESCALATION_REASONS = ['no_answer', 'failed', 'timed_out', 'undeliverable'] as const;

/**
 * To the DPO when a processor's part of a request needs a person: no answer, failed, the wait
 * timed out, or the email asking for it bounced. Names the request by its reference only, never the subject: this email carries no
 * personal data. `dueAt` is the request's deadline (Art. 12(3)); `taskUrl`, when given, lets the
 * DPO record the answer themselves.
 */
export function escalationEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  /** The processor's kind; one without a sentence of its own (a connector, `lambda`, `webhook`) is named by the reason alone. */
  kind: string;
  requestReference: string;
  reason: (typeof ESCALATION_REASONS)[number];
  dueAt: string;
  taskUrl?: string;
  /** The request in the staff console, where staff see all of it and decide. */
  consoleUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.escalation;
  const kind = PROCESSOR_KINDS.find((k) => k === input.kind);
  const reason = ESCALATION_REASONS.find((k) => k === input.reason) ?? 'failed';
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[reason](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const url = input.taskUrl ? oneLine(input.taskUrl) : undefined;
  const what = [kind && x.kind[kind](r), x.reason[reason]].filter(Boolean).join(' ');
  const advice = kind ? x.advice[kind] : undefined;

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(x.intro(r))),
    p(what),
    advice && p(advice),
    url && link(url, x.linkText, x.link),
    consoleLink(t, input.consoleUrl),
    p(due),
    p(x.noPersonalData),
    p(x.automatic),
  ]);
}
