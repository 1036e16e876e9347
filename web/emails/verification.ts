/** The email with the verification link. */
import { formatDateTime, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { intakeTexts } from '../texts/intake/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { type Email, link, oneLine, p, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const INTAKE = /* @__PURE__ */ textsOf(mailTexts, intakeTexts);

/** The email with the verification link. The link opens the confirm page; it confirms nothing by itself. */
export function verificationEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  /** The request's reference: in the subject and the body, as in every later email about it. */
  requestReference: string;
  verifyUrl: string;
  expiresAt: string;
  /** The request came as an email to the controller's privacy address: this email also acknowledges it. */
  receivedByEmail?: boolean;
  /** Someone asks for another person: that person's name (the email goes to the one who asks). */
  forSomeone?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = INTAKE[locale];
  const v = t.email.verify;
  const type = right(input.type);
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, v.subject({ controller }), input.requestReference);
  const intro = v.intro[type]({ controller });
  const expires = v.expires({ date: formatDateTime(input.expiresAt, locale) });
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    ...(input.receivedByEmail ? [p(v.byEmail)] : []),
    ...(input.forSomeone ? [p(v.forSomeone({ name: oneLine(input.forSomeone) }))] : []),
    referenceLine(t, input.requestReference),
    p(v.action),
    link(input.verifyUrl, v.linkText),
    p(expires, ' ', v.why),
    p(strong(v.ignore)),
    sig,
  ]);
}
