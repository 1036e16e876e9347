/** Art. 18(3): a restriction will be lifted. */
import { formatDate, type Locale, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, link, list, oneLine, p, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/** Art. 18(3): the subject hears before a restriction is lifted, when and where, and how to object. */
export function restrictionLiftNoticeEmail(input: {
  locale: Locale;
  controllerName: string;
  liftAt: string;
  processorNames: string[];
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.restrictionLift;
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, x.subject({ controller }), input.requestReference);
  const intro = x.intro({ controller, date: formatDate(input.liftAt, locale) });
  const names = input.processorNames.map(oneLine).filter(Boolean);
  const c = t.email.completion;
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(intro)),
    referenceLine(t, input.requestReference),
    names.length > 0 &&
      list(
        x.whereTitle,
        names.map((n) => [n]),
      ),
    p(x.after),
    p(x.object),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
}
