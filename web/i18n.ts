/**
 * Every word a person sees, in English, Swedish and Slovenian.
 *
 * `Texts` is the shape of the English texts; Swedish and Slovenian are annotated with it, so the
 * compiler refuses a locale that lacks a key (or has an extra one). Texts are plain text, never
 * markup: the templates escape them like any other value. Texts that mention a name, a date or a
 * number are functions of those values.
 */

import {
  BRANCH_STATUSES,
  type BranchStatus,
  LOCALES,
  type Locale,
  REQUEST_STATUSES,
  type RequestStatus,
  RIGHTS,
  type Right,
  SERVED_RIGHTS,
} from '../functions/domain/request';

export type { BranchStatus, Locale, RequestStatus, Right };
export { BRANCH_STATUSES, LOCALES, REQUEST_STATUSES, RIGHTS };
export const DEFAULT_LOCALE: Locale = 'en';
/** The rights the form accepts now; the others are explained with a pointer to the organisation. */
export const FORM_RIGHTS = SERVED_RIGHTS;
export type FormRight = (typeof FORM_RIGHTS)[number];

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska', sl: 'Slovenščina' };

/** A right from data (a stored request, a form): access when the value is not one, so a page never fails on it. */
export function asRight(value: unknown): Right {
  return (RIGHTS as readonly unknown[]).includes(value) ? (value as Right) : 'access';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The Intl locale behind each language: British English (day before month, 24-hour clock). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE', sl: 'sl-SI' };

/** A date in the reader's language, e.g. "5 April 2026", "5 april 2026", "5. april 2026". */
export function formatDate(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone }).format(d);
}

/** A date and time for link expiries, with the time zone named, e.g. "5 April 2026 at 14:03 UTC". */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
  return timeZone === 'UTC' ? `${s} UTC` : s;
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);
}

/** A country code as a name in the reader's language, e.g. SE → "Sweden" / "Sverige" / "Švedska". */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(INTL_LOCALE[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const plural = {
  en: new Intl.PluralRules('en'),
  sv: new Intl.PluralRules('sv'),
  sl: new Intl.PluralRules('sl'),
};

/** "1 record", "3 records". */
const enRecords = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'record' : 'records'}`;
const enDays = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'day' : 'days'}`;
/** "1 post", "3 poster". */
const svRecords = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'post' : 'poster'}`;
const svDays = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'dag' : 'dagar'}`;
/** Slovenian has four forms: 1 dan, 2 dneva, 3 dni... 5 dni (accusative after "velja"). */
const slDays = (n: number) => {
  const form = { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' }[plural.sl.select(n) as 'one' | 'two' | 'few' | 'other'] ?? 'dni';
  return `${formatNumber(n, 'sl')} ${form}`;
};
/** Accusative after a verb: našli smo 1 zapis, 2 zapisa, 3 zapise, 5 zapisov. */
const slRecordsAcc = (n: number) => {
  const form = { one: 'zapis', two: 'zapisa', few: 'zapise', other: 'zapisov' }[plural.sl.select(n) as 'one' | 'two' | 'few' | 'other'] ?? 'zapisov';
  return `${formatNumber(n, 'sl')} ${form}`;
};
/** Genitive after "iz": iz 1 zapisa, iz 2/3/5 zapisov. */
const slRecordsGen = (n: number) => `${formatNumber(n, 'sl')} ${plural.sl.select(n) === 'one' ? 'zapisa' : 'zapisov'}`;

/** "1 month", "2 months"; Swedish "1 månad", "2 månader"; Slovenian after "za": 1 mesec, 2 meseca, 3 mesece, 5 mesecev. */
const enMonths = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'month' : 'months'}`;
const svMonths = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'månad' : 'månader'}`;
const slMonths = (n: number) => {
  const form = { one: 'mesec', two: 'meseca', few: 'mesece', other: 'mesecev' }[plural.sl.select(n) as 'one' | 'two' | 'few' | 'other'] ?? 'mesecev';
  return `${formatNumber(n, 'sl')} ${form}`;
};

type C = { controller: string };
/** A message about one processor's part of one request. */
type R = { controller: string; processor: string; reference: string };
/** What a legal hold kept: how many items, until when, under which law. */
type Held = { count?: number; date?: string; basis?: string };

/** A request named by what it asks for ("to erase personal data"), or by what the person asked of whom. */
type RW = R & { what: string };
type RA = R & { asked: string };
/** A refusal template's context: the controller, and the customer the data is held for when the subject named one. */
type Den = { controller: string; customer?: string };

const en = {
  common: {
    siteName: 'Your personal data',
    skipToContent: 'Skip to main content',
    languageNav: 'Language',
    footer: 'We use your email address only to answer your request.',
    newRequest: 'Make a new request',
    statusLink: 'See the status of your request',
    errorPrefix: 'Error',
    dpoLabel: 'Data protection officer',
    privacyPolicy: 'Privacy policy',
  },
  /** Plain-words explanations of every right; the title names the GDPR article. */
  rights: {
    access: {
      title: 'Right of access (Article 15)',
      summary:
        'You can find out whether we hold personal data about you and get a copy of it, with information on why we use it, where it came from, who receives it and how long we keep it.',
    },
    portability: {
      title: 'Right to data portability (Article 20)',
      summary: 'You can get the data you gave us in a machine-readable format, or ask us to send it directly to another organisation.',
    },
    rectification: {
      title: 'Right to rectification (Article 16)',
      summary: 'You can ask us to correct data about you that is wrong, and to complete data that is incomplete.',
    },
    erasure: {
      title: 'Right to erasure (Article 17)',
      summary: 'You can ask us to erase your personal data. We erase it unless the law requires us to keep it, for example for accounting.',
    },
    restriction: {
      title: 'Right to restriction of processing (Article 18)',
      summary: 'You can ask us to stop using your data for a while but keep it, for example while we check whether it is correct.',
    },
    objection: {
      title: 'Right to object (Article 21)',
      summary: 'You can object to our use of your data when we rely on our legitimate interests, and you can always say no to direct marketing.',
    },
    withdraw_consent: {
      title: 'Right to withdraw consent (Article 7(3))',
      summary:
        'Where we use your data because you agreed to it, you can withdraw your consent at any time. This does not affect what we did before you withdrew it.',
    },
  },
  /** Short names of the request types, for the status page and the confirm page. */
  requestType: {
    access: 'A copy of your personal data',
    portability: 'Your data in a machine-readable format (portability)',
    rectification: 'Correction of your personal data',
    erasure: 'Erasure of your personal data',
    restriction: 'Restriction of the use of your data',
    objection: 'Objection to the use of your data',
    withdraw_consent: 'Withdrawal of your consent',
  },
  form: {
    title: 'Use your rights over your personal data',
    intro:
      'You can ask an organisation for a copy of the personal data it holds about you, have it corrected or erased, and use your other rights under the GDPR. You do not need an account.',
    introTo: ({ controller }: C) => `Your request goes to ${controller}.`,
    noControllers: 'No organisation is accepting requests here at the moment.',
    controllerLabel: 'Which organisation is your request for?',
    typeLegend: 'What do you want to ask for?',
    typeLabel: {
      access: 'A copy of my personal data (access)',
      portability: 'My data in a machine-readable format, to reuse elsewhere (portability)',
      rectification: 'Correct data about me that is wrong (rectification)',
      erasure: 'Erase my personal data (erasure)',
      restriction: 'Stop using my data for now, but keep it (restriction)',
      objection: 'Stop using my data for marketing or other purposes (objection)',
      withdraw_consent: 'Withdraw a consent I gave (withdrawal of consent)',
    },
    emailLabel: 'Your email address',
    emailHint: 'Use the address the organisation knows you by. We will send a link to it so you can confirm the request.',
    nameLabel: 'Your name (optional)',
    nameHint: 'Helps us if we need to contact you about your request.',
    howTitle: 'What happens next',
    steps: (p: { days: number }) => [
      `We email you a link. The link works for ${enDays(p.days)}.`,
      'You open the link and confirm the request. This shows us that the email address is yours.',
      'We answer within one month, as the law requires, and email you when it is done.',
    ],
    privacyNote: 'We only use your email address to answer this request. We do not add it to any mailing list.',
    submit: 'Send request',
    errorSummaryTitle: 'There is a problem',
    fieldErrors: {
      type: 'Choose what you want to ask for.',
      email: 'Enter your email address, like name@example.org.',
      name: 'Check your name.',
      locale: 'Choose a language.',
      controller: 'Choose the organisation your request is for.',
      body: 'We could not read the form. Please fill it in again.',
      rectifyAttribute: 'Choose the data that is wrong, or “Something else”.',
      inaccurate: 'Say what is wrong.',
      corrected: 'Say what the data should be.',
      objectionScope: 'Choose what you object to.',
      objectionGrounds: 'Check the reasons for your objection.',
      consentPurposes: 'Choose at least one consent to withdraw.',
      transmitTo: 'Choose one of the organisations listed, or none.',
      viaCustomer: 'Check the name of the organisation.',
      message: 'Check your message.',
      rateLimit: 'Too many requests have come from here, or for this email address, within an hour. Please try again later.',
    },
    inEnglish: 'In English:',
    /** Each right's own fields: a fieldset per right, its legend naming the right. */
    fieldsLegend: {
      portability: 'Portability: where the data goes',
      rectification: 'Rectification: what to correct',
      objection: 'Objection: what you object to',
      withdraw_consent: 'Withdrawal of consent: which consent',
    },
    fieldsHint: 'Fill this in only if you chose this right above.',
    rectifyAttributeLabel: 'Which data is wrong?',
    rectifyAttributeOther: 'Something else (describe it below)',
    inaccurateLabel: 'What is wrong or incomplete?',
    inaccurateHint: 'For example an old address or a misspelt name, and where you saw it.',
    correctedLabel: 'What should it say?',
    correctedHint: 'The correct or complete data. We may ask you to show that it is correct.',
    objectionScopeLegend: 'What do you object to?',
    objectionScope: {
      direct_marketing: 'Direct marketing, such as newsletters and offers',
      other: 'Other use of my data that relies on the organisation’s legitimate interests',
    },
    objectionScopeHint: {
      direct_marketing: 'We stop at once. You do not need to give a reason.',
      other: 'We stop unless we have compelling legitimate grounds that override your interests, rights and freedoms, or need the data for legal claims.',
    },
    objectionGroundsLabel: 'Why do you object? (optional)',
    objectionGroundsHint: 'For an objection to other use, tell us about your particular situation so that we can weigh it.',
    consentLegend: 'Which consent do you withdraw?',
    consentHint: 'Choose one or more. We stop that use of your data and erase what we held only for it.',
    transmitToLabel: 'Send the data directly to another organisation (optional)',
    transmitToHint: 'We can send it only to the organisations listed here. Leave this as it is to download the data yourself.',
    transmitToNone: 'No, I will download it myself',
    viaCustomerLabel: 'Is your request about an organisation that uses our services? (optional)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `${p.controller} also handles personal data on behalf of others: ${p.description}. If your request is about data you gave one of them, write its name here. That organisation decides about your data, so we may point you to it.`,
    messageLabel: 'Anything else we should know? (optional)',
    messageHint: 'For example why you ask, or which period your request covers. At most 4,000 characters.',
    organisationsIntro: 'Each organisation answers for the personal data it holds. Choose the one your request is for to open its form.',
  },
  accepted: {
    title: 'Check your email',
    body: ({ controller }: C) => `If the address you gave is correct, you will soon get an email with a link to confirm your request to ${controller}.`,
    expires: (p: { days: number }) => `The link works for ${enDays(p.days)}. Nothing happens until you confirm.`,
    noDataHint:
      'For your privacy, neither this page nor the email says whether the organisation holds any data about you. You will find out once you have confirmed.',
    noEmailTitle: 'No email?',
    noEmail: 'Look in your spam or junk folder. If the email has not arrived after a few minutes, check the address and send the form again.',
    sendAgain: 'Fill in the form again',
  },
  confirm: {
    title: {
      access: 'Confirm your request for a copy of your data',
      portability: 'Confirm your request for your data in a machine-readable format',
      rectification: 'Confirm your request for a correction',
      erasure: 'Confirm your request for erasure',
      restriction: 'Confirm your request to restrict the use of your data',
      objection: 'Confirm your objection',
      withdraw_consent: 'Confirm the withdrawal of your consent',
    },
    what: {
      access: ({ controller }: C) =>
        `When you confirm, ${controller} searches every system where it keeps personal data, collects what it holds about you and emails you a link to download it. The download also explains why the data is used, where it came from, who receives it and how long it is kept.`,
      portability: ({ controller }: C) =>
        `When you confirm, ${controller} collects the data you gave it and emails you a link to download it in machine-readable files (JSON and CSV). If you asked for it, ${controller} also sends the data directly to the organisation you chose.`,
      rectification: ({ controller }: C) =>
        `When you confirm, ${controller} corrects the data in every system where it keeps it. Staff may check the correction first and may ask you for more information.`,
      erasure: ({ controller }: C) => `When you confirm, ${controller} erases your personal data in every system where it keeps it.`,
      restriction: ({ controller }: C) =>
        `When you confirm, ${controller} marks your data as restricted in every system where it keeps it: the data is kept but not used until the restriction is lifted. You will be told before that happens.`,
      objection: ({ controller }: C) =>
        `When you confirm, ${controller} stops using your data for direct marketing at once. An objection to other use is weighed by staff, who tell you the outcome.`,
      withdraw_consent: ({ controller }: C) =>
        `When you confirm, ${controller} stops the processing you consented to and erases the data it held only for that purpose. What was done before you withdrew your consent stays lawful.`,
    },
    irreversible: 'This cannot be undone: deleted data cannot be restored. Services that depend on the data, such as a membership, may end.',
    kept: 'Where the law requires the organisation to keep some data, or where records are kept for statistics with everything that identifies you removed, we will tell you what was kept and why.',
    button: {
      access: 'Confirm my request',
      portability: 'Confirm my request',
      rectification: 'Confirm the correction',
      erasure: 'Confirm erasure',
      restriction: 'Confirm the restriction',
      objection: 'Confirm my objection',
      withdraw_consent: 'Withdraw my consent',
    },
    notYou: 'If you did not ask for this, close this page. Nothing will happen.',
  },
  confirmed: {
    title: 'Your request is confirmed',
    received: ({ controller }: C) => `${controller} has received your request.`,
    due: (p: { date: string }) => `The deadline for the answer is ${p.date}.`,
    next: {
      access: 'We will email you a link to download your data when it is ready.',
      portability: 'We will email you a link to download your data when it is ready, and tell you whether it was sent on.',
      rectification: 'We will email you when it is done, with where your data was corrected.',
      erasure: 'We will email you when it is done, with what was erased in each system.',
      restriction: 'We will email you when it is done, with where the use of your data is now restricted.',
      objection: 'We will email you the outcome of your objection.',
      withdraw_consent: 'We will email you when it is done, with what happened to the data held for that purpose.',
    },
    statusIntro: 'You can follow your request on its status page. Keep the link to yourself: it is personal.',
  },
  /** A one-click unsubscribe link from the organisation's own emails (RFC 8058): withdrawal of consent to one purpose. */
  unsubscribe: {
    title: 'Stop these emails',
    confirm: (p: { controller: string; purpose: string }) =>
      `Press the button to withdraw your consent to “${p.purpose}” from ${p.controller}. The processing for it stops, the data held for it is erased, and you get an email when that is done.`,
    button: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} has your withdrawal of consent to “${p.purpose}”. You will get an email when the data held for it has been erased.`,
  },
  linkProblem: {
    expired: {
      title: 'This link has expired',
      body: (p: { days: number }) => `Confirmation links work for ${enDays(p.days)}. The request was not confirmed in time, so nothing has been done with it.`,
      next: 'If you still want to make the request, please send it again. It only takes a minute.',
    },
    used: {
      title: 'This link has already been used',
      body: 'The request has already been confirmed. You do not need to do anything more: we will email you when it is done.',
      next: 'If you want to make another request, use the form.',
    },
    invalid: {
      title: 'This link does not work',
      body: 'The link may have been cut off when it was copied. Try opening it again straight from the email, or copy the whole link.',
      next: 'If that does not help, please send a new request.',
    },
  },
  status: {
    title: 'Status of your request',
    controller: 'Request to',
    reference: 'Reference',
    type: 'Request',
    status: 'Current status',
    receivedAt: 'Received',
    dueAt: 'Answer due by',
    completedAt: 'Completed',
    systemsTitle: 'Progress in each system',
    systemCol: 'Where data may be kept',
    statusCol: 'Progress',
    noSystemsYet: 'Work in the individual systems starts once the request is being handled.',
    refreshHint: 'This page does not update by itself. Reload it to see the latest status.',
    withdrawTitle: 'Withdraw your request',
    withdrawExplain:
      'You can withdraw this request if you no longer want it handled. Work that is already done stays done: data that was erased cannot be brought back.',
    withdrawButton: 'Withdraw my request',
    withdrawnNotice: 'Your request is withdrawn. We have stopped working on it and told the organisations that were still handling it.',
    extensionTitle: 'The deadline is extended',
    extension: (p: { months: number; date: string }) =>
      `The law lets us extend the deadline by up to two further months when requests are complex or numerous (Article 12(3) GDPR). We have extended it by ${enMonths(p.months)}; the new deadline is ${p.date}.`,
    extensionReasons: 'Why:',
    denialTitle: 'Why your request was refused',
    infoRequestTitle: 'We need more information from you',
    infoRequestIntro: 'Before we can go on with your request, our staff ask:',
    clockPaused: 'The deadline waits until you answer.',
    clockRuns: 'The deadline keeps running while we wait for your answer.',
    answerLabel: 'Your answer',
    answerHint: 'At most 4,000 characters. Do not send more personal data than the question needs.',
    answerButton: 'Send my answer',
    answerError: 'Write your answer, in at most 4,000 characters.',
    packageDeleted: (p: { date: string }) => `The copy of your data was deleted on ${p.date}, when its download link expired.`,
    personalDataErased: (p: { date: string }) =>
      `Your email address, your name and what you wrote to us were erased from this request on ${p.date}. We keep only a record that the request was answered.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Waiting for your confirmation',
        description: 'Open the link in the email we sent you and confirm the request.',
      },
      received: {
        label: 'Received',
        description: 'Your request is confirmed and waiting to be handled.',
      },
      in_review: {
        label: 'Being reviewed',
        description: 'A member of staff is looking at your request. We will contact you if we need anything.',
      },
      in_progress: {
        label: 'In progress',
        description: 'We are working through each system where your data may be kept.',
      },
      completed: {
        label: 'Completed',
        description: 'Your request has been answered. We have emailed you the result.',
      },
      denied: {
        label: 'Refused',
        description: 'We could not carry out your request. We have emailed you the reasons and what you can do.',
      },
      closed_unverified: {
        label: 'Closed – never confirmed',
        description: 'The request was not confirmed in time, so nothing was done with it.',
      },
      cancelled: {
        label: 'Cancelled',
        description: 'The request was cancelled and nothing more will be done with it.',
      },
    },
    branchStatus: {
      pending: 'Waiting',
      running: 'In progress',
      waiting: 'Waiting for an answer',
      completed: 'Done',
      failed: 'Problem – staff will follow up',
    },
  },
  /** After the subject answered staff's question on the status page. */
  replyReceived: {
    title: 'Thank you – we have your answer',
    body: 'Our staff will look at it and go on with your request. We will email you when there is news.',
    next: 'You can follow your request on its status page, through the link in our emails.',
  },
  packageExpired: {
    title: 'This download link no longer works',
    body: (p: { days: number }) =>
      `Download links work for ${enDays(p.days)} after we email them, and each link is personal. For your security, the link stops working after that.`,
    next: 'If you need a copy of your data again, please send a new request.',
    deletedTitle: 'Your copy of the data has been deleted',
    deletedBody: (p: { date: string }) => `The download link expired and the copy of your data was deleted on ${p.date}, so it can no longer be downloaded.`,
  },
  notFound: {
    title: 'Page not found',
    body: 'Check that the address is complete. If you came here from a link in an email, open it again straight from the email.',
  },
  email: {
    greeting: 'Hello,',
    signoff: 'Kind regards,',
    /** An email sent again because we could not tell whether the first one went (a crash between sending and recording). */
    repeat: {
      subjectPrefix: 'Sent again',
      notice:
        'We may have sent you this email already: an interruption on our side stopped us from recording that it went. If you have it twice, use this one: its links replace those of the earlier email.',
    },
    verify: {
      subject: ({ controller }: C) => `Confirm your request to ${controller}`,
      intro: {
        access: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} for a copy of the personal data it holds about this email address.`,
        portability: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} for the personal data given to it about this email address, in a machine-readable format.`,
        rectification: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} to correct the personal data it holds about this email address.`,
        erasure: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} to erase the personal data it holds about this email address.`,
        restriction: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} to restrict the use of the personal data it holds about this email address.`,
        objection: ({ controller }: C) =>
          `Someone, hopefully you, has objected to the way ${controller} uses the personal data it holds about this email address.`,
        withdraw_consent: ({ controller }: C) =>
          `Someone, hopefully you, has withdrawn a consent given to ${controller} for the use of the personal data it holds about this email address.`,
      },
      action: 'To go ahead, open this link and confirm the request on the page that opens:',
      linkText: 'Open the confirmation page',
      expires: (p: { date: string }) => `The link works until ${p.date}.`,
      why: 'We ask you to confirm so that nobody else can make a request about you.',
      ignore: 'If you did not ask for this, ignore this email. Nothing will happen.',
    },
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Your personal data from ${controller} is ready to download`,
        portabilityReady: ({ controller }: C) => `Your data from ${controller} is ready to download in a machine-readable format`,
        access: ({ controller }: C) => `Answer to your request for a copy of your data from ${controller}`,
        portability: ({ controller }: C) => `Answer to your data portability request to ${controller}`,
        rectification: ({ controller }: C) => `Result of your request for a correction to ${controller}`,
        erasure: ({ controller }: C) => `Result of your erasure request to ${controller}`,
        restriction: ({ controller }: C) => `Result of your request for restriction to ${controller}`,
        objection: ({ controller }: C) => `Result of your objection to ${controller}`,
        withdraw_consent: ({ controller }: C) => `Result of the withdrawal of your consent to ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} has answered your request for a copy of your personal data.`,
        portability: ({ controller }: C) => `${controller} has answered your request for your data in a machine-readable format (Article 20 GDPR).`,
        rectification: ({ controller }: C) => `${controller} has handled your request to correct your personal data (Article 16 GDPR).`,
        erasure: ({ controller }: C) => `${controller} has handled your request to erase your personal data.`,
        restriction: ({ controller }: C) => `${controller} has handled your request to restrict the use of your personal data (Article 18 GDPR).`,
        objection: ({ controller }: C) => `${controller} has handled your objection (Article 21 GDPR).`,
        withdraw_consent: ({ controller }: C) => `${controller} has handled the withdrawal of your consent (Article 7(3) GDPR).`,
      },
      portabilityDownloadIntro:
        'Download your data here. It is a ZIP file with the data you gave us in machine-readable JSON and CSV files, which other services can import:',
      transmitted: (p: { target: string }) => `As you asked, we have also sent the data directly to ${p.target}.`,
      rectifiedTitle: 'Where your data was corrected',
      restrictedTitle: 'Where the use of your data is now restricted',
      restrictedExplain:
        'Restricted data is kept but not otherwise used without your consent, except for legal claims, to protect the rights of another person or for important reasons of public interest (Article 18(2) GDPR). We will tell you before a restriction is lifted.',
      objectionDirectMarketing:
        'We have stopped using your data for direct marketing. So that you are not sent marketing again by mistake, we keep your address only in a scrambled form on a suppression list.',
      objectionUpheld:
        'We have accepted your objection: we no longer use your data for the processing you objected to. Where we must keep it, its use is restricted.',
      consentWithdrawn: (p: { purposes: string }) => `You have withdrawn your consent to: ${p.purposes}. We have stopped that processing.`,
      consentTitle: 'What happened to the data held for it',
      late: 'We are sorry that this answer comes later than the deadline.',
      downloadIntro: 'Download your data here. It is a ZIP file with an overview you can open in a web browser and the data itself in JSON and CSV files:',
      downloadLinkText: 'Download your data',
      downloadExpires: (p: { date: string }) => `The link is personal and works until ${p.date}.`,
      noDownload: 'We could not put together a download this time. Our staff will follow up and contact you.',
      searchedTitle: 'Where we looked',
      erasedTitle: 'What was done in each system',
      outcome: {
        found: (p: { count: number }) => `${enRecords(p.count)} found`,
        nothingFound: 'no data about you',
        searched: 'searched',
        deleted: (p: { count: number }) => `deleted ${enRecords(p.count)}`,
        deletedUncounted: 'your data was deleted',
        anonymised: (p: { count: number }) => `removed identifying details from ${enRecords(p.count)}, kept the rest for statistics`,
        anonymisedUncounted: 'removed identifying details, kept the rest for statistics',
        noneHeld: 'held no data about you',
        failed: 'not finished yet – our staff will follow up and contact you',
        held: (p: Held) =>
          `kept ${p.count === undefined ? 'your data' : enRecords(p.count)}${p.date ? ` until ${p.date}` : ''} because the law requires it${p.basis ? ` (${p.basis})` : ''}; ${p.count === undefined || p.count === 1 ? 'it is' : 'they are'} restricted: used for nothing else, and deleted ${p.date ? 'then' : 'when that obligation ends'}`,
        suppressed: (p: { date?: string }) =>
          `to make sure you are not added again by mistake, we keep a scrambled (keyed hash) form of your email address ${p.date ? `until ${p.date}` : 'for a limited time'}, from which the address cannot be read`,
        erasedConfirmed: 'erased at our request; the erasure is confirmed',
        erasedConfirmedCount: (p: { count: number }) => `${enRecords(p.count)} erased at our request; the erasure is confirmed`,
        rectified: (p: { count: number }) => `corrected in ${enRecords(p.count)}`,
        rectifiedUncounted: 'corrected',
        rectifiedByStaff: 'corrected by our staff',
        restricted: (p: { count: number }) => `${enRecords(p.count)} restricted: kept, but not used`,
        restrictedUncounted: 'restricted: kept, but not used',
      },
      recipientsTitle: 'Who we told about the erasure',
      recipientsIntro: 'We have told these recipients of your data about the erasure (Article 19 GDPR):',
      recipientsIntroChange: 'We have told these recipients of your data about the correction or restriction (Article 19 GDPR):',
      failedNote: 'In some systems the work could not be finished automatically. Our staff will follow up and tell you the outcome.',
      statusIntro: 'You can see the status of your request at any time:',
      questions: 'Questions? Write to our data protection officer:',
      complaint: (p: { authority: string }) =>
        `If you are not satisfied with how we have handled your request, you have the right to complain to the supervisory authority, ${p.authority}:`,
    },
    vendor: {
      subject: (p: RW) => `Request ${p.what} from ${p.controller} (ref. ${p.reference})`,
      reminder: 'Reminder',
      reminderIntro: 'This is a reminder: we have not yet had your answer to the request below.',
      intro: (p: RA) =>
        `A person has asked ${p.asked}. You process personal data on behalf of ${p.controller} (“${p.processor}” in our records), so as our processor you are asked to help us answer the request (Article 28(3)(e) GDPR).`,
      /** What the vendor does, by the branch's action (every erasure mode is `erase` for a vendor). */
      todo: {
        export:
          'Please find all personal data you hold about this person on our behalf. Then open the link below, choose “Done as asked” and attach the data as one file (for example ZIP, JSON or CSV). Please do not send the data by email. If you hold no data about the person, choose “We hold no data on this person”.',
        exportPortable:
          'Please find the personal data this person provided that you hold on our behalf. Then open the link below, choose “Done as asked” and attach the data as one file in a structured, machine-readable format (for example JSON or CSV). Please do not send the data by email. If you hold no data about the person, choose “We hold no data on this person”.',
        erase:
          'Please erase all personal data you hold about this person on our behalf, including copies, and make sure any sub-processors do the same. Then open the link below and choose “Done as asked”. If you hold no data about the person, choose “We hold no data on this person”. If the law requires you to keep some of the data, say in the note what you kept and why.',
        rectify:
          'Please correct the data about this person as described below, everywhere you hold it on our behalf, and make sure any sub-processors do the same. Then open the link below and choose “Done as asked”. If you hold no data about the person, choose “We hold no data on this person”.',
        restrict:
          'Please mark all personal data you hold about this person on our behalf as restricted: keep it, but use it for nothing else until we tell you the restriction is lifted (Article 18 GDPR). Make sure any sub-processors do the same. Then open the link below and choose “Done as asked”. If you hold no data about the person, choose “We hold no data on this person”.',
      },
      linkText: 'Open the answer page',
    },
    staff: {
      subject: (p: RW) => `Task: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `A person has asked ${p.asked}. Part of the work has to be done by hand, and you are the person named for it: ${p.processor}.`,
      /** What the task asks for, by the branch's action. */
      action: {
        export: 'Here: find the person’s data and attach it, or describe in the note what you found.',
        exportPortable: 'Here: find the data the person provided and attach it in a machine-readable format (for example JSON or CSV).',
        erase: 'Here: erase the person’s data, including copies. If the law requires keeping some of it, say in the note what you kept and why.',
        rectify: 'Here: correct the data as described below, wherever it is kept.',
        restrict: 'Here: mark the person’s data as restricted. Keep it, but use it for nothing else until the restriction is lifted.',
      },
      instructionsTitle: 'What to do',
      finish:
        'When you are done, open the link below, choose what you did and add a short note, for example where you looked. If you found nothing about the person, choose “We hold no data on this person”.',
      linkText: 'Open the task',
    },
    task: {
      dueBy: (p: { date: string }) => `Please answer by ${p.date}.`,
      linkOnce: 'The link works once: when the answer has been sent it stops working. Please do not forward this email, as it contains personal data.',
      reference: (p: { reference: string }) => `Our reference: ${p.reference}`,
    },
    /** A request named by what it asks for, after "Request …". */
    requestWhat: {
      access: 'for access to personal data',
      portability: 'for a portable copy of personal data',
      rectification: 'to correct personal data',
      erasure: 'to erase personal data',
      restriction: 'to restrict the processing of personal data',
      objection: 'objecting to the processing of personal data',
      withdraw_consent: 'withdrawing consent to the processing of personal data',
    },
    /** A request's short name, e.g. in "your request for access". */
    requestShort: {
      access: 'request for access',
      portability: 'request for data portability',
      rectification: 'request for rectification',
      erasure: 'request for erasure',
      restriction: 'request for restriction',
      objection: 'objection',
      withdraw_consent: 'withdrawal of consent',
    },
    /** What the person asked of the controller, after "A person has asked …". */
    asked: {
      access: ({ controller }: C) => `${controller} for a copy of their personal data (Article 15 GDPR)`,
      portability: ({ controller }: C) => `${controller} for the personal data they provided, in a machine-readable format (Article 20 GDPR)`,
      rectification: ({ controller }: C) => `${controller} to correct their personal data (Article 16 GDPR)`,
      erasure: ({ controller }: C) => `${controller} to erase their personal data (Article 17 GDPR)`,
      restriction: ({ controller }: C) => `${controller} to restrict the processing of their personal data (Article 18 GDPR)`,
      objection: ({ controller }: C) => `${controller} to stop using their personal data, under their right to object (Article 21 GDPR)`,
      withdraw_consent: ({ controller }: C) => `${controller} to stop processing their personal data, withdrawing their consent (Article 7(3) GDPR)`,
    },
    correction: {
      title: 'The correction',
      attribute: 'Data',
      inaccurate: 'What is wrong',
      corrected: 'What it should be',
    },
    /** A refusal (Article 12(4)): staff's reasons, then the right to complain and to go to court. */
    denial: {
      subject: ({ controller }: C) => `Your request to ${controller} has been refused`,
      intro: (p: C & { what: string }) => `${p.controller} has considered your ${p.what} and cannot carry it out.`,
      reasonsTitle: 'Why',
      remedies: (p: { authority: string }) =>
        `If you disagree, you have the right to lodge a complaint with the supervisory authority, ${p.authority}, and to seek a judicial remedy before a court (Article 12(4) GDPR).`,
      authorityLink: 'The supervisory authority’s website:',
    },
    /** The default text of each refusal template, which staff edit before it is sent. */
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Under Article 12(5) GDPR we may refuse a request that is manifestly unfounded. We consider that your request is: it does not concern personal data that we process about you.',
      excessive: (_: Den) =>
        'Under Article 12(5) GDPR we may refuse a request that is excessive, in particular because it repeats earlier ones. You made the same request recently and we answered it then; nothing has changed since.',
      identity_not_confirmed: (_: Den) =>
        'We could not confirm that you are the person the data is about (Articles 11(2) and 12(6) GDPR), so we cannot carry out the request without risking disclosing or changing someone else’s data. You are welcome to send a new request with information that lets us identify you.',
      processor_only: (p: Den) =>
        p.customer
          ? `${p.controller} holds this data only on behalf of ${p.customer}, as its processor (Article 28 GDPR). ${p.customer} decides about the data, so please send your request to ${p.customer}. We will help it answer you.`
          : `${p.controller} holds this data only on behalf of the organisation you are registered with, as its processor (Article 28 GDPR). That organisation decides about the data, so please send your request to it. We will help it answer you.`,
      legal_obligation: (_: Den) =>
        'We must keep this data to comply with a legal obligation, or for the establishment, exercise or defence of legal claims (Article 17(3)(b) and (e) GDPR). We keep it only as long as that requires, and use it for nothing else.',
      compelling_grounds: (_: Den) =>
        'We have weighed your objection against our reasons for the processing (Article 21(1) GDPR). We have compelling legitimate grounds that override your interests, rights and freedoms, so we continue the processing.',
      data_accurate: (_: Den) =>
        'We have checked the data you asked us to correct (Article 16 GDPR) and found that it is accurate as it is, so we have not changed it.',
    },
    /** Article 12(3): more time, with the reasons, told within the first month. */
    extension: {
      subject: ({ controller }: C) => `${controller} needs more time for your request`,
      intro: (p: C & { what: string }) => `${p.controller} needs more time to answer your ${p.what}.`,
      newDue: (p: { months: number; date: string }) =>
        `The law allows the deadline to be extended by up to two further months when requests are complex or numerous (Article 12(3) GDPR). We have extended it by ${enMonths(p.months)}: you will have our answer by ${p.date} at the latest.`,
      reasonsTitle: 'Why we need more time',
    },
    /** Article 12(6): staff ask the subject for more; the answer is given on the status page. */
    infoRequest: {
      subject: ({ controller }: C) => `${controller} needs more information for your request`,
      intro: (p: C & { what: string }) =>
        `Before ${p.controller} can go on with your ${p.what}, our staff need more information from you (Article 12(6) GDPR).`,
      questionTitle: 'Our question',
      howToAnswer: 'Please answer on the status page of your request. Do not reply to this email, and send no more personal data than the question asks for.',
      linkText: 'Answer on the status page',
      pauses: 'The deadline for our answer waits until we have your reply.',
      runs: (p: { date: string }) => `The deadline for our answer still runs: ${p.date}.`,
    },
    /** Article 18(3): the subject hears before a restriction is lifted. */
    restrictionLift: {
      subject: ({ controller }: C) => `${controller} will lift the restriction on your data`,
      intro: (p: C & { date: string }) =>
        `You asked ${p.controller} to restrict the use of your personal data. As the law requires, we are telling you in advance (Article 18(3) GDPR): the restriction will be lifted on ${p.date}.`,
      whereTitle: 'Where the restriction ends',
      after: 'From then on the data may be used again as before.',
      object:
        'If you think the restriction should stay, for example because the data is still wrong or because you have objected to its use, contact us before that date.',
    },
    /** To staff: a request waits for their decision. Ids, the right, reasons and dates only. */
    reviewWaiting: {
      subject: (p: RW) => `Needs a decision: ${p.what} ${p.reference} to ${p.controller}`,
      intro: (p: RW) => `Request ${p.reference} (${p.what}) waits for a decision by staff.`,
      reasonsTitle: 'Why it waits',
      reasons: {
        repeat_request: 'The same person made the same request recently: it may be excessive (Article 12(5) GDPR).',
        identity_check: 'The rules for this organisation ask staff to check the identity first (Article 12(6) GDPR).',
        objection_weighing: 'An objection to processing other than direct marketing: the grounds must be weighed (Article 21(1) GDPR).',
        rectification: 'A correction to check before it is applied (Article 16 GDPR).',
        controller_as_processor: 'The person says the data is held for one of our customers, who may need to answer (Article 28 GDPR).',
        legal_hold_partial: 'An erasure that a legal obligation blocked in part (Article 17(3)(b) GDPR).',
        branch_failed: 'A system or service could not finish its part.',
      },
      due: (p: { date: string }) => `The person must be answered by ${p.date} (Article 12(3) GDPR).`,
      link: 'Open the request in the staff console:',
      linkText: 'Open the staff console',
    },
    /** To staff: the subject answered their question. */
    subjectAnswered: {
      subject: (p: R) => `The person answered: request ${p.reference} to ${p.controller}`,
      intro: (p: R) => `The person behind request ${p.reference} has answered your question. The request waits for you to go on with it.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Due in 7 days: request ${p.reference} to ${p.controller}`,
        in_2_days: (p: R) => `Due in 2 days: request ${p.reference} to ${p.controller}`,
        overdue: (p: R) => `Overdue: request ${p.reference} to ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Request ${p.reference} must be answered within 7 days and is not finished yet.`,
        in_2_days: (p: R) => `Request ${p.reference} must be answered within 2 days and is not finished yet.`,
        overdue: (p: R) =>
          `Request ${p.reference} was due and is not answered. The law gives one month (Article 12(3) GDPR), extendable by two months only if the subject was told why within the first month.`,
      },
      due: (p: { date: string }) => `Deadline: ${p.date}.`,
      advice: 'See which parts are still open on the request’s status and in its audit log, and make sure the subject is answered in time.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Needs attention: no answer from ${p.processor} (request ${p.reference})`,
        failed: (p: R) => `Needs attention: ${p.processor} failed (request ${p.reference})`,
        timed_out: (p: R) => `Needs attention: waiting for ${p.processor} timed out (request ${p.reference})`,
      },
      intro: (p: R) => `Request ${p.reference} to ${p.controller} needs your attention: ${p.processor} has not finished its part.`,
      kind: {
        opendsr: (p: R) => `${p.processor} is a service provider we reach through its OpenDSR API.`,
        email: (p: R) => `${p.processor} is a service provider we ask by email.`,
        manual: (p: R) => `${p.processor} is a task for our staff.`,
        dynamodb: (p: R) => `${p.processor} is one of our own databases.`,
      },
      reason: {
        no_answer: 'No answer has come in the time allowed.',
        failed: 'The work there failed and could not be finished automatically.',
        timed_out: 'No answer came before the waiting time ran out, so this part of the request is now recorded as failed.',
      },
      advice: {
        opendsr: 'Check the provider’s OpenDSR service or contact the provider, and make sure the request is carried out there.',
        email: 'Contact the provider’s privacy contact directly.',
        manual: 'Ask the person the task was given to, or do the task yourself.',
        dynamodb: 'Look up the error class in the request’s audit log, fix the cause and run the request again.',
      },
      link: 'You can record the answer yourself on the task page. The link works once:',
      linkText: 'Open the task page',
      due: (p: { date: string }) => `The person must be answered by ${p.date} (Article 12(3) GDPR).`,
      noPersonalData: 'For privacy, this email names no person. Find the request by its reference.',
      automatic: 'This email was sent automatically by the data subject request service.',
    },
  },
  package: {
    title: ({ controller }: C) => `Your personal data held by ${controller}`,
    intro:
      'This package answers your request for access (Article 15 GDPR). For each system it shows the data we hold about you and the information the law entitles you to.',
    reference: 'Reference',
    generatedAt: 'Created',
    filesIntro: 'The data itself is in the files next to this page: one JSON file and one CSV file (opens in a spreadsheet program) per system.',
    registerNote: "The descriptions of each system come from the organisation's register and may be in English.",
    contentsTitle: 'Systems in this package',
    recordCount: 'Records about you',
    files: 'Files',
    dataCategories: 'Categories of data',
    purposes: 'Why we use it',
    legalBasis: 'Legal basis',
    retention: 'How long we keep it',
    source: 'Where it came from',
    recipients: 'Who receives it',
    noRecipients: 'Nobody outside the organisation.',
    failed: 'We could not export the data from this system. Our staff will follow up and send it to you.',
    noData: 'We hold no data about you in this system.',
    attachmentNote: 'Where a service provider sent us a file of its own, the file is in a folder of its own, exactly as the provider sent it.',
    asSent: '(as the provider sent it)',
    rightsTitle: 'Your rights',
    rightsIntro: 'You have these rights over your personal data. To use them, contact our data protection officer.',
    complaint: (p: { authority: string }) => `You also have the right to complain to the supervisory authority, ${p.authority}.`,
  },
  /** The one-time page where a vendor's privacy contact or a member of staff answers their part of a request. */
  task: {
    siteName: 'Data subject requests',
    title: (p: { what: string }) => `Request ${p.what}`,
    taskTitle: (p: R) => `Task: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `A person has asked ${p.asked}. As the processor behind “${p.processor}”, please do what is asked below on behalf of ${p.controller} and confirm it here.`,
      manual: (p: RA) => `A person has asked ${p.asked}. Follow the instructions for ${p.processor} and record the outcome here.`,
    },
    facts: {
      controller: 'Request from',
      reference: 'Reference',
      type: 'Request',
      system: 'System or service',
      dueAt: 'Answer by',
    },
    personTitle: 'The person making the request',
    identity: { email: 'Email address', name: 'Name' },
    instructionsTitle: 'Instructions',
    outcomeLegend: 'What was done?',
    outcome: { done: 'Done as asked', not_found: 'We hold no data on this person' },
    doneHint: {
      erasure: 'All personal data on this person has been erased, including copies.',
      access: 'Describe in the note what was found and where.',
      accessUpload: 'Attach the data below as one file.',
      rectify: 'The data has been corrected as asked, everywhere it is kept.',
      restrict: 'The data is marked as restricted and used for nothing else.',
    },
    notFoundHint: 'The data was searched and nothing about this person was found.',
    noteLabel: 'Note (optional)',
    noteHint: 'At most 2,000 characters. For example what was done, or what had to be kept and why.',
    fileLabel: 'The data, as one file',
    fileHint: 'One file, for example ZIP, JSON or CSV. Leave this empty if you chose “We hold no data on this person”.',
    submit: 'Send the answer',
    once: 'The link works once: after the answer is sent it stops working.',
    personalData: 'This page shows personal data. Do not share the link.',
    done: {
      title: 'Thank you – the answer is recorded',
      body: 'Nothing more is needed. You can close this page.',
    },
    alreadyDone: {
      title: 'This task has already been answered',
      body: 'An answer was sent through this link earlier, so nothing more is needed. If that answer was wrong, contact the organisation that sent you the link.',
    },
    invalid: {
      title: 'This link does not work',
      body: 'The link may be incomplete, or the request may have been closed or withdrawn. Open the link again straight from the email, and make sure you copy all of it.',
      next: 'If it still does not work, contact the organisation that sent you the link.',
    },
  },
  /** The public transparency page: aggregate figures only. */
  transparency: {
    title: 'Requests from the people whose data we hold',
    intro: (p: { controller: string }) =>
      `How many requests to exercise their data protection rights (Articles 15 to 22 GDPR) ${p.controller} received, how many it complied with or refused, and how long answering took. Counts only: nobody can be identified from them.`,
    year: 'Year',
    toDate: (p: { year: number }) => `${p.year} (so far)`,
    received: 'Received',
    compliedWith: 'Complied with',
    refused: 'Refused',
    withdrawn: 'Withdrawn by the person',
    medianDays: 'Median days to answer',
    updated: (p: { date: string }) => `Figures as of ${p.date}.`,
    notYet: 'No figures have been published yet.',
  },
};

export type Texts = typeof en;

const sv: Texts = {
  common: {
    siteName: 'Dina personuppgifter',
    skipToContent: 'Hoppa till huvudinnehållet',
    languageNav: 'Språk',
    footer: 'Vi använder din e-postadress endast för att besvara din begäran.',
    newRequest: 'Gör en ny begäran',
    statusLink: 'Se hur det går med din begäran',
    errorPrefix: 'Fel',
    dpoLabel: 'Dataskyddsombud',
    privacyPolicy: 'Integritetspolicy',
  },
  rights: {
    access: {
      title: 'Rätt till tillgång (artikel 15)',
      summary:
        'Du har rätt att få veta om vi behandlar personuppgifter om dig och i så fall få en kopia av dem (ett registerutdrag), tillsammans med information om varför vi använder dem, var de kommer ifrån, vem som får ta del av dem och hur länge vi sparar dem.',
    },
    portability: {
      title: 'Rätt till dataportabilitet (artikel 20)',
      summary:
        'Du har rätt att få ut de uppgifter som du själv har lämnat till oss i ett maskinläsbart format, eller be oss att överföra dem direkt till en annan organisation.',
    },
    rectification: {
      title: 'Rätt till rättelse (artikel 16)',
      summary: 'Du har rätt att få felaktiga uppgifter om dig rättade och ofullständiga uppgifter kompletterade.',
    },
    erasure: {
      title: 'Rätt till radering (artikel 17)',
      summary: 'Du har rätt att få dina personuppgifter raderade. Vi raderar dem om inte lagen kräver att vi sparar dem, till exempel för bokföringen.',
    },
    restriction: {
      title: 'Rätt till begränsning av behandling (artikel 18)',
      summary: 'Du har rätt att begära att vi tills vidare slutar använda dina uppgifter men behåller dem, till exempel medan vi kontrollerar om de stämmer.',
    },
    objection: {
      title: 'Rätt att göra invändningar (artikel 21)',
      summary:
        'Du har rätt att invända mot att vi använder dina uppgifter med stöd av vårt berättigade intresse, och du kan alltid säga nej till direktmarknadsföring.',
    },
    withdraw_consent: {
      title: 'Rätt att återkalla samtycke (artikel 7.3)',
      summary:
        'När vi använder dina uppgifter för att du har samtyckt till det kan du när som helst återkalla ditt samtycke. Det påverkar inte den behandling som skett innan du återkallade det.',
    },
  },
  requestType: {
    access: 'Registerutdrag – en kopia av dina personuppgifter',
    portability: 'Dina uppgifter i ett maskinläsbart format (dataportabilitet)',
    rectification: 'Rättelse av dina personuppgifter',
    erasure: 'Radering av dina personuppgifter',
    restriction: 'Begränsning av behandlingen av dina uppgifter',
    objection: 'Invändning mot behandlingen av dina uppgifter',
    withdraw_consent: 'Återkallelse av ditt samtycke',
  },
  form: {
    title: 'Gör en begäran om dina personuppgifter',
    intro:
      'Du kan begära ett registerutdrag från en organisation, få felaktiga uppgifter rättade eller uppgifterna raderade och använda dina andra rättigheter enligt dataskyddsförordningen. Du behöver inget konto.',
    introTo: ({ controller }: C) => `Din begäran skickas till ${controller}.`,
    noControllers: 'Just nu tar ingen organisation emot begäranden här.',
    controllerLabel: 'Vilken organisation gäller din begäran?',
    typeLegend: 'Vad vill du begära?',
    typeLabel: {
      access: 'Ett registerutdrag – en kopia av mina personuppgifter',
      portability: 'Mina uppgifter i ett maskinläsbart format, för att kunna använda dem någon annanstans (dataportabilitet)',
      rectification: 'Rättelse av uppgifter om mig som är fel',
      erasure: 'Radering av mina personuppgifter',
      restriction: 'Att mina uppgifter sparas men inte används tills vidare (begränsning)',
      objection: 'Att mina uppgifter inte används för marknadsföring eller andra ändamål (invändning)',
      withdraw_consent: 'Återkallelse av ett samtycke som jag har gett',
    },
    emailLabel: 'Din e-postadress',
    emailHint: 'Ange den adress som organisationen har registrerad för dig. Vi skickar en länk dit så att du kan bekräfta begäran.',
    nameLabel: 'Ditt namn (frivilligt)',
    nameHint: 'Underlättar för oss om vi behöver kontakta dig om din begäran.',
    howTitle: 'Så går det till',
    steps: (p: { days: number }) => [
      `Vi mejlar dig en länk. Länken gäller i ${svDays(p.days)}.`,
      'Du öppnar länken och bekräftar begäran. Så vet vi att e-postadressen är din.',
      'Vi svarar inom en månad, som lagen kräver, och mejlar dig när det är klart.',
    ],
    privacyNote: 'Vi använder din e-postadress bara för att besvara den här begäran. Vi använder den inte för några utskick.',
    submit: 'Skicka begäran',
    errorSummaryTitle: 'Något behöver rättas',
    fieldErrors: {
      type: 'Välj vad du vill begära.',
      email: 'Ange din e-postadress, till exempel namn@example.org.',
      name: 'Kontrollera ditt namn.',
      locale: 'Välj språk.',
      controller: 'Välj vilken organisation din begäran gäller.',
      body: 'Vi kunde inte läsa formuläret. Fyll i det igen.',
      rectifyAttribute: 'Välj vilken uppgift som är fel, eller ”Något annat”.',
      inaccurate: 'Beskriv vad som är fel.',
      corrected: 'Skriv vad som är rätt.',
      objectionScope: 'Välj vad du invänder mot.',
      objectionGrounds: 'Kontrollera skälen för din invändning.',
      consentPurposes: 'Välj minst ett samtycke att återkalla.',
      transmitTo: 'Välj en av organisationerna i listan, eller ingen.',
      viaCustomer: 'Kontrollera organisationens namn.',
      message: 'Kontrollera ditt meddelande.',
      rateLimit: 'För många begäranden har kommit härifrån, eller för den här e-postadressen, inom en timme. Försök igen senare.',
    },
    inEnglish: 'På engelska:',
    fieldsLegend: {
      portability: 'Dataportabilitet: vart uppgifterna ska',
      rectification: 'Rättelse: vad som ska rättas',
      objection: 'Invändning: vad du invänder mot',
      withdraw_consent: 'Återkallelse av samtycke: vilket samtycke',
    },
    fieldsHint: 'Fyll bara i det här om du har valt den här rättigheten ovan.',
    rectifyAttributeLabel: 'Vilken uppgift är fel?',
    rectifyAttributeOther: 'Något annat (beskriv det nedan)',
    inaccurateLabel: 'Vad är fel eller ofullständigt?',
    inaccurateHint: 'Till exempel en gammal adress eller ett felstavat namn, och var du såg det.',
    correctedLabel: 'Vad ska det stå?',
    correctedHint: 'Den rätta eller fullständiga uppgiften. Vi kan be dig visa att den stämmer.',
    objectionScopeLegend: 'Vad invänder du mot?',
    objectionScope: {
      direct_marketing: 'Direktmarknadsföring, till exempel nyhetsbrev och erbjudanden',
      other: 'Annan användning av mina uppgifter som grundar sig på organisationens berättigade intresse',
    },
    objectionScopeHint: {
      direct_marketing: 'Vi slutar direkt. Du behöver inte ange något skäl.',
      other:
        'Vi slutar, om vi inte har tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, eller behöver uppgifterna för rättsliga anspråk.',
    },
    objectionGroundsLabel: 'Varför invänder du? (frivilligt)',
    objectionGroundsHint: 'Om du invänder mot annan användning: berätta om din särskilda situation, så att vi kan väga in den.',
    consentLegend: 'Vilket samtycke återkallar du?',
    consentHint: 'Välj ett eller flera. Vi slutar använda dina uppgifter på det sättet och raderar det som vi bara hade för det ändamålet.',
    transmitToLabel: 'Skicka uppgifterna direkt till en annan organisation (frivilligt)',
    transmitToHint: 'Vi kan bara skicka dem till organisationerna i listan. Låt valet vara som det är om du vill ladda ned uppgifterna själv.',
    transmitToNone: 'Nej, jag laddar ned dem själv',
    viaCustomerLabel: 'Gäller din begäran en organisation som använder våra tjänster? (frivilligt)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `${p.controller} behandlar också personuppgifter för andras räkning: ${p.description}. Om din begäran gäller uppgifter som du har lämnat till någon av dem skriver du organisationens namn här. Det är den organisationen som bestämmer över dina uppgifter, så vi kan komma att hänvisa dig dit.`,
    messageLabel: 'Något mer vi bör veta? (frivilligt)',
    messageHint: 'Till exempel varför du frågar, eller vilken tidsperiod begäran gäller. Högst 4 000 tecken.',
    organisationsIntro: 'Varje organisation ansvarar för de personuppgifter som den själv har. Välj den som din begäran gäller för att öppna dess formulär.',
  },
  accepted: {
    title: 'Titta i din e-post',
    body: ({ controller }: C) => `Om adressen du angav stämmer får du snart ett mejl med en länk för att bekräfta din begäran till ${controller}.`,
    expires: (p: { days: number }) => `Länken gäller i ${svDays(p.days)}. Ingenting händer förrän du har bekräftat.`,
    noDataHint:
      'Av hänsyn till din integritet framgår det varken här eller i mejlet om organisationen har några uppgifter om dig. Det får du veta när du har bekräftat.',
    noEmailTitle: 'Inget mejl?',
    noEmail: 'Titta i mappen för skräppost. Om mejlet inte har kommit efter några minuter kan du kontrollera adressen och skicka formuläret igen.',
    sendAgain: 'Fyll i formuläret igen',
  },
  confirm: {
    title: {
      access: 'Bekräfta din begäran om registerutdrag',
      portability: 'Bekräfta din begäran om dina uppgifter i maskinläsbart format',
      rectification: 'Bekräfta din begäran om rättelse',
      erasure: 'Bekräfta din begäran om radering',
      restriction: 'Bekräfta din begäran om begränsning',
      objection: 'Bekräfta din invändning',
      withdraw_consent: 'Bekräfta att du återkallar ditt samtycke',
    },
    what: {
      access: ({ controller }: C) =>
        `När du bekräftar söker ${controller} igenom alla system där personuppgifter lagras, samlar ihop det som finns om dig och mejlar dig en länk där du kan ladda ned det. I nedladdningen står också varför uppgifterna används, var de kommer ifrån, vem som får ta del av dem och hur länge de sparas.`,
      portability: ({ controller }: C) =>
        `När du bekräftar samlar ${controller} ihop de uppgifter som du har lämnat och mejlar dig en länk där du kan ladda ned dem i maskinläsbara filer (JSON och CSV). Om du har bett om det skickar ${controller} också uppgifterna direkt till den organisation som du valde.`,
      rectification: ({ controller }: C) =>
        `När du bekräftar rättar ${controller} uppgifterna i alla system där de finns. En handläggare kan först kontrollera rättelsen och be dig om mer information.`,
      erasure: ({ controller }: C) => `När du bekräftar raderar ${controller} dina personuppgifter i alla system där de lagras.`,
      restriction: ({ controller }: C) =>
        `När du bekräftar markerar ${controller} dina uppgifter som begränsade i alla system där de finns: de sparas men används inte förrän begränsningen hävs. Du får besked innan det sker.`,
      objection: ({ controller }: C) =>
        `När du bekräftar slutar ${controller} genast att använda dina uppgifter för direktmarknadsföring. En invändning mot annan användning prövas av en handläggare, som meddelar dig resultatet.`,
      withdraw_consent: ({ controller }: C) =>
        `När du bekräftar upphör ${controller} med den behandling som du samtyckte till och raderar de uppgifter som fanns enbart för det ändamålet. Det som gjordes innan du återkallade samtycket var ändå lagligt.`,
    },
    irreversible:
      'Det går inte att ångra: raderade uppgifter kan inte återställas. Tjänster som bygger på uppgifterna, till exempel ett medlemskap, kan upphöra.',
    kept: 'Om lagen kräver att organisationen sparar vissa uppgifter, eller om uppgifter sparas för statistik utan något som kan identifiera dig, får du veta vad som sparades och varför.',
    button: {
      access: 'Bekräfta min begäran',
      portability: 'Bekräfta min begäran',
      rectification: 'Bekräfta rättelse',
      erasure: 'Bekräfta radering',
      restriction: 'Bekräfta begränsning',
      objection: 'Bekräfta min invändning',
      withdraw_consent: 'Återkalla mitt samtycke',
    },
    notYou: 'Om du inte har begärt detta kan du stänga sidan. Ingenting händer då.',
  },
  confirmed: {
    title: 'Din begäran är bekräftad',
    received: ({ controller }: C) => `${controller} har tagit emot din begäran.`,
    due: (p: { date: string }) => `Du får svar senast den ${p.date}.`,
    next: {
      access: 'Du får ett mejl med en länk för nedladdning när dina uppgifter är klara.',
      portability: 'Du får ett mejl med en länk för nedladdning när dina uppgifter är klara, och besked om de har skickats vidare.',
      rectification: 'Du får ett mejl när det är klart, med besked om var dina uppgifter har rättats.',
      erasure: 'Du får ett mejl när det är klart, med besked om vad som raderades i varje system.',
      restriction: 'Du får ett mejl när det är klart, med besked om var behandlingen av dina uppgifter nu är begränsad.',
      objection: 'Du får ett mejl med besked om hur din invändning har prövats.',
      withdraw_consent: 'Du får ett mejl när det är klart, med besked om vad som hände med uppgifterna för det ändamålet.',
    },
    statusIntro: 'Du kan följa din begäran på statussidan. Behåll länken för dig själv – den är personlig.',
  },
  unsubscribe: {
    title: 'Sluta få de här mejlen',
    confirm: (p: { controller: string; purpose: string }) =>
      `Tryck på knappen för att återkalla ditt samtycke till ”${p.purpose}” hos ${p.controller}. Behandlingen upphör, uppgifterna för ändamålet raderas och du får ett mejl när det är klart.`,
    button: 'Avregistrera mig',
    doneTitle: 'Du är avregistrerad',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} har tagit emot att du återkallar ditt samtycke till ”${p.purpose}”. Du får ett mejl när uppgifterna för det har raderats.`,
  },
  linkProblem: {
    expired: {
      title: 'Länken har slutat gälla',
      body: (p: { days: number }) => `Länkar för bekräftelse gäller i ${svDays(p.days)}. Begäran bekräftades inte i tid, så ingenting har gjorts med den.`,
      next: 'Om du fortfarande vill göra din begäran kan du skicka den igen. Det tar bara någon minut.',
    },
    used: {
      title: 'Länken har redan använts',
      body: 'Begäran är redan bekräftad. Du behöver inte göra något mer – du får ett mejl när den är klar.',
      next: 'Vill du göra en ny begäran använder du formuläret.',
    },
    invalid: {
      title: 'Länken fungerar inte',
      body: 'Länken kan ha klippts av när den kopierades. Försök öppna den direkt från mejlet igen, eller kopiera hela länken.',
      next: 'Om det inte hjälper kan du göra en ny begäran.',
    },
  },
  status: {
    title: 'Status för din begäran',
    controller: 'Begäran till',
    reference: 'Ärendenummer',
    type: 'Begäran gäller',
    status: 'Aktuell status',
    receivedAt: 'Mottagen',
    dueAt: 'Ska besvaras senast',
    completedAt: 'Slutförd',
    systemsTitle: 'Läget i varje system',
    systemCol: 'Där uppgifter kan finnas',
    statusCol: 'Läge',
    noSystemsYet: 'Arbetet i de enskilda systemen börjar när begäran behandlas.',
    refreshHint: 'Sidan uppdateras inte av sig själv. Ladda om den för att se det senaste läget.',
    withdrawTitle: 'Återkalla din begäran',
    withdrawExplain:
      'Du kan återkalla begäran om du inte längre vill att vi behandlar den. Det som redan är gjort står sig: uppgifter som har raderats går inte att få tillbaka.',
    withdrawButton: 'Återkalla min begäran',
    withdrawnNotice: 'Din begäran är återkallad. Vi har slutat arbeta med den och meddelat de organisationer som fortfarande hanterade den.',
    extensionTitle: 'Tidsfristen har förlängts',
    extension: (p: { months: number; date: string }) =>
      `Lagen tillåter att tidsfristen förlängs med högst två månader till om begäranden är komplicerade eller många (artikel 12.3 i dataskyddsförordningen). Vi har förlängt den med ${svMonths(p.months)}, och den nya tidsfristen är den ${p.date}.`,
    extensionReasons: 'Skäl:',
    denialTitle: 'Varför din begäran avslogs',
    infoRequestTitle: 'Vi behöver mer information från dig',
    infoRequestIntro: 'Innan vi kan gå vidare med din begäran undrar vår handläggare:',
    clockPaused: 'Tidsfristen står still tills du har svarat.',
    clockRuns: 'Tidsfristen löper vidare medan vi väntar på ditt svar.',
    answerLabel: 'Ditt svar',
    answerHint: 'Högst 4 000 tecken. Skicka inte fler personuppgifter än frågan kräver.',
    answerButton: 'Skicka mitt svar',
    answerError: 'Skriv ditt svar, med högst 4 000 tecken.',
    packageDeleted: (p: { date: string }) => `Kopian av dina uppgifter raderades den ${p.date}, när nedladdningslänken slutade gälla.`,
    personalDataErased: (p: { date: string }) =>
      `Din e-postadress, ditt namn och det du skrev till oss raderades från begäran den ${p.date}. Vi sparar bara en uppgift om att begäran besvarades.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Väntar på din bekräftelse',
        description: 'Öppna länken i mejlet som vi skickade och bekräfta begäran.',
      },
      received: {
        label: 'Mottagen',
        description: 'Din begäran är bekräftad och väntar på att behandlas.',
      },
      in_review: {
        label: 'Granskas',
        description: 'En handläggare går igenom din begäran. Vi kontaktar dig om vi behöver något mer.',
      },
      in_progress: {
        label: 'Under behandling',
        description: 'Vi går igenom varje system där dina uppgifter kan finnas.',
      },
      completed: {
        label: 'Klar',
        description: 'Din begäran är besvarad. Vi har mejlat dig resultatet.',
      },
      denied: {
        label: 'Avslagen',
        description: 'Vi kunde inte genomföra din begäran. Vi har mejlat dig skälen och vad du kan göra.',
      },
      closed_unverified: {
        label: 'Avslutad – bekräftades aldrig',
        description: 'Begäran bekräftades inte i tid, så ingenting gjordes med den.',
      },
      cancelled: {
        label: 'Avbruten',
        description: 'Begäran har avbrutits och ingenting mer kommer att göras med den.',
      },
    },
    branchStatus: {
      pending: 'Väntar',
      running: 'Pågår',
      waiting: 'Väntar på svar',
      completed: 'Klart',
      failed: 'Problem – vi följer upp',
    },
  },
  replyReceived: {
    title: 'Tack – vi har fått ditt svar',
    body: 'Vår handläggare går igenom det och fortsätter med din begäran. Vi mejlar dig när det finns något nytt.',
    next: 'Du kan följa din begäran på statussidan, via länken i våra mejl.',
  },
  packageExpired: {
    title: 'Nedladdningslänken fungerar inte längre',
    body: (p: { days: number }) =>
      `Nedladdningslänkar gäller i ${svDays(p.days)} från det att vi mejlar dem, och varje länk är personlig. Av säkerhetsskäl slutar länken fungera efter det.`,
    next: 'Om du behöver en ny kopia av dina uppgifter kan du göra en ny begäran.',
    deletedTitle: 'Kopian av dina uppgifter har raderats',
    deletedBody: (p: { date: string }) =>
      `Nedladdningslänken har slutat gälla och kopian av dina uppgifter raderades den ${p.date}, så den går inte längre att ladda ner.`,
  },
  notFound: {
    title: 'Sidan hittades inte',
    body: 'Kontrollera att adressen är fullständig. Om du kom hit via en länk i ett mejl kan du öppna den igen direkt från mejlet.',
  },
  email: {
    greeting: 'Hej!',
    signoff: 'Vänliga hälsningar',
    repeat: {
      subjectPrefix: 'Skickat igen',
      notice:
        'Vi kan redan ha skickat det här mejlet: ett avbrott hos oss hindrade oss från att registrera att det gick iväg. Om du har fått det två gånger, använd det här: dess länkar ersätter det tidigare mejlets.',
    },
    verify: {
      subject: ({ controller }: C) => `Bekräfta din begäran till ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt ett registerutdrag från ${controller}, det vill säga en kopia av de personuppgifter som finns om den här e-postadressen.`,
        portability: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har bett ${controller} om de personuppgifter som har lämnats om den här e-postadressen, i ett maskinläsbart format.`,
        rectification: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} rättar de personuppgifter som finns om den här e-postadressen.`,
        erasure: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} raderar de personuppgifter som finns om den här e-postadressen.`,
        restriction: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} begränsar användningen av de personuppgifter som finns om den här e-postadressen.`,
        objection: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har invänt mot hur ${controller} använder de personuppgifter som finns om den här e-postadressen.`,
        withdraw_consent: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har återkallat ett samtycke till att ${controller} använder de personuppgifter som finns om den här e-postadressen.`,
      },
      action: 'För att gå vidare öppnar du länken och bekräftar begäran på sidan som visas:',
      linkText: 'Öppna sidan för bekräftelse',
      expires: (p: { date: string }) => `Länken gäller till den ${p.date}.`,
      why: 'Vi ber dig bekräfta så att ingen annan kan göra en begäran om dig.',
      ignore: 'Om du inte har begärt detta kan du bortse från mejlet. Ingenting kommer att hända.',
    },
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Ditt registerutdrag från ${controller} är klart att ladda ned`,
        portabilityReady: ({ controller }: C) => `Dina uppgifter från ${controller} är klara att ladda ned i maskinläsbart format`,
        access: ({ controller }: C) => `Svar på din begäran om registerutdrag från ${controller}`,
        portability: ({ controller }: C) => `Svar på din begäran om dataportabilitet från ${controller}`,
        rectification: ({ controller }: C) => `Resultat av din begäran om rättelse hos ${controller}`,
        erasure: ({ controller }: C) => `Resultat av din begäran om radering hos ${controller}`,
        restriction: ({ controller }: C) => `Resultat av din begäran om begränsning hos ${controller}`,
        objection: ({ controller }: C) => `Resultat av din invändning hos ${controller}`,
        withdraw_consent: ({ controller }: C) => `Resultat av att du återkallade ditt samtycke hos ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} har besvarat din begäran om registerutdrag.`,
        portability: ({ controller }: C) =>
          `${controller} har besvarat din begäran om dina uppgifter i ett maskinläsbart format (artikel 20 i dataskyddsförordningen).`,
        rectification: ({ controller }: C) =>
          `${controller} har behandlat din begäran om rättelse av dina personuppgifter (artikel 16 i dataskyddsförordningen).`,
        erasure: ({ controller }: C) => `${controller} har behandlat din begäran om radering av dina personuppgifter.`,
        restriction: ({ controller }: C) =>
          `${controller} har behandlat din begäran om begränsning av behandlingen av dina personuppgifter (artikel 18 i dataskyddsförordningen).`,
        objection: ({ controller }: C) => `${controller} har behandlat din invändning (artikel 21 i dataskyddsförordningen).`,
        withdraw_consent: ({ controller }: C) => `${controller} har behandlat återkallelsen av ditt samtycke (artikel 7.3 i dataskyddsförordningen).`,
      },
      portabilityDownloadIntro:
        'Här kan du ladda ned dina uppgifter. Det är en ZIP-fil med de uppgifter som du har lämnat till oss, i maskinläsbara JSON- och CSV-filer som andra tjänster kan läsa in:',
      transmitted: (p: { target: string }) => `Som du bad om har vi också skickat uppgifterna direkt till ${p.target}.`,
      rectifiedTitle: 'Här rättades dina uppgifter',
      restrictedTitle: 'Här är behandlingen av dina uppgifter nu begränsad',
      restrictedExplain:
        'Uppgifter med begränsad behandling sparas men används inte på annat sätt utan ditt samtycke, utom för rättsliga anspråk, för att skydda någon annans rättigheter eller av skäl som rör ett viktigt allmänt intresse (artikel 18.2 i dataskyddsförordningen). Vi meddelar dig innan en begränsning hävs.',
      objectionDirectMarketing:
        'Vi har slutat använda dina uppgifter för direktmarknadsföring. För att du inte ska få marknadsföring igen av misstag sparar vi din adress bara i förvrängd form på en spärrlista.',
      objectionUpheld:
        'Vi har godtagit din invändning: vi använder inte längre dina uppgifter för den behandling som du invände mot. Där vi måste spara dem är behandlingen begränsad.',
      consentWithdrawn: (p: { purposes: string }) => `Du har återkallat ditt samtycke till: ${p.purposes}. Vi har upphört med den behandlingen.`,
      consentTitle: 'Det här hände med uppgifterna för det ändamålet',
      late: 'Vi beklagar att svaret kommer senare än den tidsfrist som gäller.',
      downloadIntro:
        'Här kan du ladda ned dina uppgifter. Det är en ZIP-fil med en översikt som du kan öppna i webbläsaren och själva uppgifterna i JSON- och CSV-filer:',
      downloadLinkText: 'Ladda ned dina uppgifter',
      downloadExpires: (p: { date: string }) => `Länken är personlig och gäller till den ${p.date}.`,
      noDownload: 'Vi kunde inte sammanställa någon nedladdning den här gången. Vi följer upp ärendet och kontaktar dig.',
      searchedTitle: 'Här har vi sökt',
      erasedTitle: 'Det här gjordes i varje system',
      outcome: {
        found: (p: { count: number }) => `${svRecords(p.count)} hittades`,
        nothingFound: 'inga uppgifter om dig',
        searched: 'genomsökt',
        deleted: (p: { count: number }) => `${svRecords(p.count)} raderades`,
        deletedUncounted: 'dina uppgifter raderades',
        anonymised: (p: { count: number }) => `uppgifter som kan identifiera dig togs bort från ${svRecords(p.count)}, resten sparas för statistik`,
        anonymisedUncounted: 'uppgifter som kan identifiera dig togs bort, resten sparas för statistik',
        noneHeld: 'här fanns inga uppgifter om dig',
        failed: 'inte klart än – vi följer upp och hör av oss till dig',
        held: (p: Held) =>
          `${p.count === undefined ? 'dina uppgifter' : svRecords(p.count)} sparas${p.date ? ` till den ${p.date}` : ''} eftersom lagen kräver det${p.basis ? ` (${p.basis})` : ''}; behandlingen av uppgifterna är begränsad: de används inte till något annat och raderas ${p.date ? 'då' : 'när skyldigheten att spara dem upphör'}`,
        suppressed: (p: { date?: string }) =>
          `för att du inte ska läggas till igen av misstag sparar vi din e-postadress i förvrängd form (ett hashvärde beräknat med en hemlig nyckel) ${p.date ? `till den ${p.date}` : 'under en begränsad tid'}, och adressen går inte att läsa ut ur den`,
        erasedConfirmed: 'dina uppgifter raderades på vår begäran, och raderingen är bekräftad',
        erasedConfirmedCount: (p: { count: number }) => `${svRecords(p.count)} raderades på vår begäran, och raderingen är bekräftad`,
        rectified: (p: { count: number }) => `rättades i ${svRecords(p.count)}`,
        rectifiedUncounted: 'rättades',
        rectifiedByStaff: 'rättades av vår personal',
        restricted: (p: { count: number }) => `${svRecords(p.count)} begränsades: sparas men används inte`,
        restrictedUncounted: 'begränsades: sparas men används inte',
      },
      recipientsTitle: 'Vilka vi har underrättat om raderingen',
      recipientsIntro: 'Vi har underrättat de här mottagarna av dina uppgifter om raderingen (artikel 19 i dataskyddsförordningen):',
      recipientsIntroChange: 'Vi har underrättat de här mottagarna av dina uppgifter om rättelsen eller begränsningen (artikel 19 i dataskyddsförordningen):',
      failedNote: 'I vissa system gick arbetet inte att slutföra automatiskt. Vi följer upp och meddelar dig resultatet.',
      statusIntro: 'Du kan när som helst se hur det går med din begäran:',
      questions: 'Har du frågor? Skriv till vårt dataskyddsombud:',
      complaint: (p: { authority: string }) =>
        `Om du inte är nöjd med hur vi har hanterat din begäran har du rätt att lämna klagomål till tillsynsmyndigheten ${p.authority}:`,
    },
    vendor: {
      subject: (p: RW) => `Begäran från ${p.controller} ${p.what} (ärende ${p.reference})`,
      reminder: 'Påminnelse',
      reminderIntro: 'Det här är en påminnelse: vi har ännu inte fått ert svar på begäran nedan.',
      intro: (p: RA) =>
        `En person har begärt ${p.asked}. Ni behandlar personuppgifter på uppdrag av ${p.controller} (”${p.processor}” i vårt register) och ska som personuppgiftsbiträde hjälpa oss att besvara begäran (artikel 28.3 e i dataskyddsförordningen).`,
      todo: {
        export:
          'Ta fram alla personuppgifter om personen som ni behandlar för vår räkning. Öppna sedan länken nedan, välj ”Utfört enligt begäran” och bifoga uppgifterna som en fil (till exempel ZIP, JSON eller CSV). Skicka inte uppgifterna med e-post. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        exportPortable:
          'Ta fram de personuppgifter som personen själv har lämnat och som ni behandlar för vår räkning. Öppna sedan länken nedan, välj ”Utfört enligt begäran” och bifoga uppgifterna som en fil i ett strukturerat, maskinläsbart format (till exempel JSON eller CSV). Skicka inte uppgifterna med e-post. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        erase:
          'Radera alla personuppgifter om personen som ni behandlar för vår räkning, även kopior, och se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”. Om lagen kräver att ni sparar vissa uppgifter skriver ni i meddelandet vad ni har sparat och varför.',
        rectify:
          'Rätta uppgifterna om personen enligt beskrivningen nedan, överallt där ni behandlar dem för vår räkning, och se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        restrict:
          'Markera alla personuppgifter om personen som ni behandlar för vår räkning som begränsade: spara dem, men använd dem inte till något annat förrän vi meddelar att begränsningen har hävts (artikel 18 i dataskyddsförordningen). Se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
      },
      linkText: 'Öppna svarssidan',
    },
    staff: {
      subject: (p: RW) => `Uppgift: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `En person har begärt ${p.asked}. En del av arbetet måste göras för hand, och du är utsedd att göra det: ${p.processor}.`,
      action: {
        export: 'Här: ta fram personens uppgifter och bifoga dem, eller beskriv i meddelandet vad du hittade.',
        exportPortable: 'Här: ta fram de uppgifter som personen själv har lämnat och bifoga dem i ett maskinläsbart format (till exempel JSON eller CSV).',
        erase: 'Här: radera personens uppgifter, även kopior. Om lagen kräver att något sparas skriver du i meddelandet vad som sparades och varför.',
        rectify: 'Här: rätta uppgifterna enligt beskrivningen nedan, överallt där de finns.',
        restrict: 'Här: markera personens uppgifter som begränsade. Spara dem, men använd dem inte till något annat förrän begränsningen hävs.',
      },
      instructionsTitle: 'Så här gör du',
      finish:
        'När du är klar öppnar du länken nedan, väljer vad du har gjort och skriver ett kort meddelande, till exempel var du har letat. Om du inte hittade något om personen väljer du ”Vi har inga uppgifter om personen”.',
      linkText: 'Öppna uppgiften',
    },
    task: {
      dueBy: (p: { date: string }) => `Svara senast den ${p.date}.`,
      linkOnce: 'Länken fungerar en gång: när svaret har skickats slutar den att fungera. Vidarebefordra inte mejlet, eftersom det innehåller personuppgifter.',
      reference: (p: { reference: string }) => `Vårt ärendenummer: ${p.reference}`,
    },
    requestWhat: {
      access: 'om tillgång till personuppgifter',
      portability: 'om dataportabilitet',
      rectification: 'om rättelse av personuppgifter',
      erasure: 'om radering av personuppgifter',
      restriction: 'om begränsning av behandlingen av personuppgifter',
      objection: 'om invändning mot behandlingen av personuppgifter',
      withdraw_consent: 'om återkallat samtycke till behandling av personuppgifter',
    },
    requestShort: {
      access: 'begäran om registerutdrag',
      portability: 'begäran om dataportabilitet',
      rectification: 'begäran om rättelse',
      erasure: 'begäran om radering',
      restriction: 'begäran om begränsning',
      objection: 'invändning',
      withdraw_consent: 'återkallelse av samtycke',
    },
    asked: {
      access: ({ controller }: C) => `en kopia av sina personuppgifter från ${controller} (artikel 15 i dataskyddsförordningen)`,
      portability: ({ controller }: C) =>
        `att få ut de personuppgifter som hen har lämnat till ${controller} i ett maskinläsbart format (artikel 20 i dataskyddsförordningen)`,
      rectification: ({ controller }: C) => `rättelse av sina personuppgifter hos ${controller} (artikel 16 i dataskyddsförordningen)`,
      erasure: ({ controller }: C) => `radering av sina personuppgifter hos ${controller} (artikel 17 i dataskyddsförordningen)`,
      restriction: ({ controller }: C) => `begränsning av behandlingen av sina personuppgifter hos ${controller} (artikel 18 i dataskyddsförordningen)`,
      objection: ({ controller }: C) =>
        `att ${controller} slutar använda hens personuppgifter, med stöd av rätten att göra invändningar (artikel 21 i dataskyddsförordningen)`,
      withdraw_consent: ({ controller }: C) =>
        `att ${controller} slutar behandla hens personuppgifter, eftersom hen har återkallat sitt samtycke (artikel 7.3 i dataskyddsförordningen)`,
    },
    correction: {
      title: 'Rättelsen',
      attribute: 'Uppgift',
      inaccurate: 'Det som är fel',
      corrected: 'Det som ska stå',
    },
    denial: {
      subject: ({ controller }: C) => `Din begäran till ${controller} har avslagits`,
      intro: (p: C & { what: string }) => `${p.controller} har prövat din ${p.what} och kan inte genomföra den.`,
      reasonsTitle: 'Skäl',
      remedies: (p: { authority: string }) =>
        `Om du inte håller med har du rätt att lämna klagomål till tillsynsmyndigheten ${p.authority} och att få saken prövad av domstol (artikel 12.4 i dataskyddsförordningen).`,
      authorityLink: 'Tillsynsmyndighetens webbplats:',
    },
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Enligt artikel 12.5 i dataskyddsförordningen får vi avslå en begäran som är uppenbart ogrundad. Vi bedömer att din begäran är det: den gäller inte personuppgifter som vi behandlar om dig.',
      excessive: (_: Den) =>
        'Enligt artikel 12.5 i dataskyddsförordningen får vi avslå en begäran som är orimlig, särskilt om den upprepas. Du gjorde samma begäran nyligen och fick svar då, och ingenting har ändrats sedan dess.',
      identity_not_confirmed: (_: Den) =>
        'Vi har inte kunnat bekräfta att du är den person som uppgifterna gäller (artiklarna 11.2 och 12.6 i dataskyddsförordningen). Därför kan vi inte genomföra begäran utan risk att lämna ut eller ändra någon annans uppgifter. Du är välkommen att göra en ny begäran med uppgifter som gör att vi kan identifiera dig.',
      processor_only: (p: Den) =>
        p.customer
          ? `${p.controller} behandlar de här uppgifterna enbart på uppdrag av ${p.customer}, som personuppgiftsbiträde (artikel 28 i dataskyddsförordningen). Det är ${p.customer} som bestämmer över uppgifterna, så skicka din begäran dit. Vi hjälper dem att besvara den.`
          : `${p.controller} behandlar de här uppgifterna enbart på uppdrag av den organisation som du är registrerad hos, som personuppgiftsbiträde (artikel 28 i dataskyddsförordningen). Det är den organisationen som bestämmer över uppgifterna, så skicka din begäran dit. Vi hjälper den att besvara den.`,
      legal_obligation: (_: Den) =>
        'Vi måste spara de här uppgifterna för att uppfylla en rättslig förpliktelse eller för att kunna fastställa, göra gällande eller försvara rättsliga anspråk (artikel 17.3 b och e i dataskyddsförordningen). Vi sparar dem bara så länge som det krävs och använder dem inte till något annat.',
      compelling_grounds: (_: Den) =>
        'Vi har vägt din invändning mot våra skäl för behandlingen (artikel 21.1 i dataskyddsförordningen). Vi har tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, och fortsätter därför behandlingen.',
      data_accurate: (_: Den) =>
        'Vi har kontrollerat de uppgifter som du bad oss rätta (artikel 16 i dataskyddsförordningen) och kommit fram till att de är korrekta, så vi har inte ändrat dem.',
    },
    extension: {
      subject: ({ controller }: C) => `${controller} behöver mer tid för din begäran`,
      intro: (p: C & { what: string }) => `${p.controller} behöver mer tid för att besvara din ${p.what}.`,
      newDue: (p: { months: number; date: string }) =>
        `Lagen tillåter att tidsfristen förlängs med högst två månader till om begäranden är komplicerade eller många (artikel 12.3 i dataskyddsförordningen). Vi har förlängt den med ${svMonths(p.months)}: du får vårt svar senast den ${p.date}.`,
      reasonsTitle: 'Varför vi behöver mer tid',
    },
    infoRequest: {
      subject: ({ controller }: C) => `${controller} behöver mer information om din begäran`,
      intro: (p: C & { what: string }) =>
        `Innan ${p.controller} kan gå vidare med din ${p.what} behöver vår handläggare mer information från dig (artikel 12.6 i dataskyddsförordningen).`,
      questionTitle: 'Vår fråga',
      howToAnswer: 'Svara på statussidan för din begäran. Svara inte på det här mejlet, och skicka inte fler personuppgifter än frågan gäller.',
      linkText: 'Svara på statussidan',
      pauses: 'Tidsfristen för vårt svar står still tills vi har fått ditt svar.',
      runs: (p: { date: string }) => `Tidsfristen för vårt svar löper vidare: senast den ${p.date}.`,
    },
    restrictionLift: {
      subject: ({ controller }: C) => `${controller} kommer att häva begränsningen av dina uppgifter`,
      intro: (p: C & { date: string }) =>
        `Du har begärt att ${p.controller} begränsar användningen av dina personuppgifter. Som lagen kräver meddelar vi dig i förväg (artikel 18.3 i dataskyddsförordningen): begränsningen hävs den ${p.date}.`,
      whereTitle: 'Här upphör begränsningen',
      after: 'Därefter kan uppgifterna användas igen som tidigare.',
      object:
        'Om du anser att begränsningen bör finnas kvar, till exempel för att uppgifterna fortfarande är fel eller för att du har invänt mot användningen, kontakta oss före det datumet.',
    },
    reviewWaiting: {
      subject: (p: RW) => `Beslut behövs: ${p.what} ${p.reference} till ${p.controller}`,
      intro: (p: RW) => `Ärende ${p.reference} (${p.what}) väntar på beslut av en handläggare.`,
      reasonsTitle: 'Varför det väntar',
      reasons: {
        repeat_request: 'Samma person gjorde samma begäran nyligen: den kan vara orimlig (artikel 12.5 i dataskyddsförordningen).',
        identity_check: 'Organisationens regler kräver att identiteten kontrolleras först (artikel 12.6 i dataskyddsförordningen).',
        objection_weighing: 'En invändning mot annan behandling än direktmarknadsföring: skälen måste vägas (artikel 21.1 i dataskyddsförordningen).',
        rectification: 'En rättelse som ska kontrolleras innan den genomförs (artikel 16 i dataskyddsförordningen).',
        controller_as_processor: 'Personen uppger att uppgifterna behandlas för en av våra kunder, som kan behöva svara (artikel 28 i dataskyddsförordningen).',
        legal_hold_partial: 'En radering som delvis stoppades av en rättslig förpliktelse (artikel 17.3 b i dataskyddsförordningen).',
        branch_failed: 'Ett system eller en tjänst kunde inte slutföra sin del.',
      },
      due: (p: { date: string }) => `Personen ska ha fått svar senast den ${p.date} (artikel 12.3 i dataskyddsförordningen).`,
      link: 'Öppna ärendet i handläggarkonsolen:',
      linkText: 'Öppna handläggarkonsolen',
    },
    subjectAnswered: {
      subject: (p: R) => `Personen har svarat: ärende ${p.reference} till ${p.controller}`,
      intro: (p: R) => `Personen bakom ärende ${p.reference} har svarat på din fråga. Ärendet väntar på att du går vidare med det.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Ska besvaras inom 7 dagar: ärende ${p.reference} till ${p.controller}`,
        in_2_days: (p: R) => `Ska besvaras inom 2 dagar: ärende ${p.reference} till ${p.controller}`,
        overdue: (p: R) => `Försenat: ärende ${p.reference} till ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Ärende ${p.reference} ska besvaras inom 7 dagar och är inte klart än.`,
        in_2_days: (p: R) => `Ärende ${p.reference} ska besvaras inom 2 dagar och är inte klart än.`,
        overdue: (p: R) =>
          `Ärende ${p.reference} skulle ha besvarats och är inte besvarat. Lagen ger en månad (artikel 12.3 i GDPR), som bara får förlängas med två månader om den registrerade fick veta varför inom den första månaden.`,
      },
      due: (p: { date: string }) => `Sista dag: ${p.date}.`,
      advice: 'Se vilka delar som fortfarande är öppna i ärendets status och logg, och se till att den registrerade får svar i tid.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Behöver åtgärdas: inget svar från ${p.processor} (ärende ${p.reference})`,
        failed: (p: R) => `Behöver åtgärdas: fel hos ${p.processor} (ärende ${p.reference})`,
        timed_out: (p: R) => `Behöver åtgärdas: väntan på ${p.processor} har löpt ut (ärende ${p.reference})`,
      },
      intro: (p: R) => `Ärende ${p.reference} hos ${p.controller} behöver din uppmärksamhet: ${p.processor} har inte slutfört sin del.`,
      kind: {
        opendsr: (p: R) => `${p.processor} är en leverantör som vi når via dess OpenDSR-API.`,
        email: (p: R) => `${p.processor} är en leverantör som vi kontaktar via e-post.`,
        manual: (p: R) => `${p.processor} är en uppgift för vår personal.`,
        dynamodb: (p: R) => `${p.processor} är en av våra egna databaser.`,
      },
      reason: {
        no_answer: 'Inget svar har kommit inom den tid som gäller.',
        failed: 'Arbetet där misslyckades och kunde inte slutföras automatiskt.',
        timed_out: 'Inget svar kom innan väntetiden löpte ut, så den här delen av ärendet är nu registrerad som misslyckad.',
      },
      advice: {
        opendsr: 'Kontrollera leverantörens OpenDSR-tjänst eller kontakta leverantören, och se till att begäran genomförs där.',
        email: 'Kontakta leverantörens kontaktperson för dataskydd direkt.',
        manual: 'Fråga den som fick uppgiften, eller gör den själv.',
        dynamodb: 'Slå upp felklassen i ärendets granskningslogg, åtgärda orsaken och kör ärendet igen.',
      },
      link: 'Du kan själv registrera svaret på uppgiftssidan. Länken fungerar en gång:',
      linkText: 'Öppna uppgiftssidan',
      due: (p: { date: string }) => `Personen ska ha fått svar senast den ${p.date} (artikel 12.3 i dataskyddsförordningen).`,
      noPersonalData: 'Av integritetsskäl nämns ingen person i mejlet. Sök upp ärendet med hjälp av ärendenumret.',
      automatic: 'Mejlet skickades automatiskt av tjänsten för begäranden från registrerade.',
    },
  },
  package: {
    title: ({ controller }: C) => `Dina personuppgifter hos ${controller}`,
    intro:
      'Det här paketet är svaret på din begäran om tillgång (artikel 15 i dataskyddsförordningen). För varje system visas vilka uppgifter vi har om dig och den information som du har rätt till enligt lag.',
    reference: 'Ärendenummer',
    generatedAt: 'Skapat',
    filesIntro: 'Själva uppgifterna finns i filerna bredvid den här sidan: en JSON-fil och en CSV-fil (öppnas i ett kalkylprogram) per system.',
    registerNote: 'Beskrivningarna av varje system kommer från organisationens register och kan vara på engelska.',
    contentsTitle: 'System i det här paketet',
    recordCount: 'Poster om dig',
    files: 'Filer',
    dataCategories: 'Kategorier av uppgifter',
    purposes: 'Varför vi använder dem',
    legalBasis: 'Rättslig grund',
    retention: 'Hur länge vi sparar dem',
    source: 'Varifrån de kommer',
    recipients: 'Vem som får ta del av dem',
    noRecipients: 'Ingen utanför organisationen.',
    failed: 'Vi kunde inte ta ut uppgifterna från det här systemet. Vi följer upp och skickar dem till dig.',
    noData: 'Vi har inga uppgifter om dig i det här systemet.',
    attachmentNote: 'Om en leverantör har skickat oss en egen fil ligger den i en egen mapp, precis som leverantören skickade den.',
    asSent: '(som leverantören skickade den)',
    rightsTitle: 'Dina rättigheter',
    rightsIntro: 'Du har de här rättigheterna när det gäller dina personuppgifter. Kontakta vårt dataskyddsombud om du vill använda dem.',
    complaint: (p: { authority: string }) => `Du har också rätt att lämna klagomål till tillsynsmyndigheten ${p.authority}.`,
  },
  task: {
    siteName: 'Begäranden från registrerade',
    title: (p: { what: string }) => `Begäran ${p.what}`,
    taskTitle: (p: R) => `Uppgift: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `En person har begärt ${p.asked}. Som personuppgiftsbiträde för ”${p.processor}” ber vi er göra det som beskrivs nedan på uppdrag av ${p.controller} och bekräfta det här.`,
      manual: (p: RA) => `En person har begärt ${p.asked}. Följ instruktionerna för ${p.processor} och registrera resultatet här.`,
    },
    facts: {
      controller: 'Begäran från',
      reference: 'Ärendenummer',
      type: 'Begäran gäller',
      system: 'System eller tjänst',
      dueAt: 'Svara senast',
    },
    personTitle: 'Personen som har gjort begäran',
    identity: { email: 'E-postadress', name: 'Namn' },
    instructionsTitle: 'Instruktioner',
    outcomeLegend: 'Vad har gjorts?',
    outcome: { done: 'Utfört enligt begäran', not_found: 'Vi har inga uppgifter om personen' },
    doneHint: {
      erasure: 'Alla personuppgifter om personen har raderats, även kopior.',
      access: 'Beskriv i meddelandet vad som hittades och var.',
      accessUpload: 'Bifoga uppgifterna nedan som en fil.',
      rectify: 'Uppgifterna har rättats enligt begäran, överallt där de finns.',
      restrict: 'Uppgifterna är markerade som begränsade och används inte till något annat.',
    },
    notFoundHint: 'Det har sökts efter uppgifter, och ingenting om personen hittades.',
    noteLabel: 'Meddelande (frivilligt)',
    noteHint: 'Högst 2 000 tecken. Till exempel vad som har gjorts, eller vad som måste sparas och varför.',
    fileLabel: 'Uppgifterna, som en fil',
    fileHint: 'En fil, till exempel ZIP, JSON eller CSV. Lämna fältet tomt om ”Vi har inga uppgifter om personen” har valts.',
    submit: 'Skicka svaret',
    once: 'Länken fungerar en gång: när svaret har skickats slutar den att fungera.',
    personalData: 'Sidan visar personuppgifter. Dela inte länken.',
    done: {
      title: 'Tack – svaret är registrerat',
      body: 'Inget mer behövs. Du kan stänga sidan.',
    },
    alreadyDone: {
      title: 'Uppgiften är redan besvarad',
      body: 'Ett svar har redan skickats via den här länken, så inget mer behövs. Om svaret var fel kontaktar du organisationen som skickade länken.',
    },
    invalid: {
      title: 'Länken fungerar inte',
      body: 'Länken kan vara ofullständig, eller så har begäran avslutats eller återkallats. Öppna länken igen direkt från mejlet och se till att du kopierar hela länken.',
      next: 'Om den fortfarande inte fungerar kontaktar du organisationen som skickade länken.',
    },
  },
  transparency: {
    title: 'Begäranden från de personer vars uppgifter vi behandlar',
    intro: (p) =>
      `Hur många begäranden om att utöva dataskyddsrättigheter (artiklarna 15–22 i dataskyddsförordningen) ${p.controller} har tagit emot, hur många som bifallits eller avslagits, och hur lång tid svaren tog. Endast antal: ingen kan identifieras utifrån dem.`,
    year: 'År',
    toDate: (p) => `${p.year} (hittills)`,
    received: 'Mottagna',
    compliedWith: 'Bifallna',
    refused: 'Avslagna',
    withdrawn: 'Återkallade av personen',
    medianDays: 'Median, dagar till svar',
    updated: (p) => `Siffror per ${p.date}.`,
    notYet: 'Inga siffror har publicerats ännu.',
  },
};

const sl: Texts = {
  common: {
    siteName: 'Vaši osebni podatki',
    skipToContent: 'Preskoči na glavno vsebino',
    languageNav: 'Jezik',
    footer: 'Vaš e-poštni naslov uporabimo samo za odgovor na vašo zahtevo.',
    newRequest: 'Oddajte novo zahtevo',
    statusLink: 'Preverite stanje svoje zahteve',
    errorPrefix: 'Napaka',
    dpoLabel: 'Pooblaščena oseba za varstvo podatkov',
    privacyPolicy: 'Politika zasebnosti',
  },
  rights: {
    access: {
      title: 'Pravica do dostopa (15. člen)',
      summary:
        'Izveste lahko, ali o vas obdelujemo osebne podatke, in prejmete njihovo kopijo, skupaj s pojasnilom, zakaj jih uporabljamo, od kod izvirajo, komu jih posredujemo in kako dolgo jih hranimo.',
    },
    portability: {
      title: 'Pravica do prenosljivosti podatkov (20. člen)',
      summary:
        'Podatke, ki ste nam jih posredovali sami, lahko prejmete v strojno berljivi obliki ali zahtevate, da jih neposredno posredujemo drugi organizaciji.',
    },
    rectification: {
      title: 'Pravica do popravka (16. člen)',
      summary: 'Zahtevate lahko, da netočne podatke o vas popravimo, nepopolne pa dopolnimo.',
    },
    erasure: {
      title: 'Pravica do izbrisa (17. člen)',
      summary: 'Zahtevate lahko, da vaše osebne podatke izbrišemo. Izbrišemo jih, razen če jih moramo po zakonu hraniti, na primer za računovodske namene.',
    },
    restriction: {
      title: 'Pravica do omejitve obdelave (18. člen)',
      summary: 'Zahtevate lahko, da vaših podatkov začasno ne uporabljamo, vendar jih še hranimo, na primer dokler preverjamo, ali so točni.',
    },
    objection: {
      title: 'Pravica do ugovora (21. člen)',
      summary: 'Obdelavi vaših podatkov, ki temelji na našem zakonitem interesu, lahko ugovarjate, neposrednemu trženju pa lahko ugovarjate kadar koli.',
    },
    withdraw_consent: {
      title: 'Pravica do preklica privolitve (tretji odstavek 7. člena)',
      summary:
        'Kadar vaše podatke uporabljamo na podlagi vaše privolitve, jo lahko kadar koli prekličete. Preklic ne vpliva na obdelavo, ki je bila izvedena pred njim.',
    },
  },
  requestType: {
    access: 'Kopija vaših osebnih podatkov',
    portability: 'Vaši podatki v strojno berljivi obliki (prenosljivost)',
    rectification: 'Popravek vaših osebnih podatkov',
    erasure: 'Izbris vaših osebnih podatkov',
    restriction: 'Omejitev obdelave vaših podatkov',
    objection: 'Ugovor obdelavi vaših podatkov',
    withdraw_consent: 'Preklic vaše privolitve',
  },
  form: {
    title: 'Uveljavljanje pravic glede osebnih podatkov',
    intro:
      'Organizacijo lahko zaprosite za kopijo osebnih podatkov, ki jih hrani o vas, zahtevate njihov popravek ali izbris ter uveljavljate druge pravice po Splošni uredbi o varstvu podatkov. Uporabniškega računa ne potrebujete.',
    introTo: ({ controller }: C) => `Vaša zahteva bo poslana organizaciji ${controller}.`,
    noControllers: 'Trenutno nobena organizacija tukaj ne sprejema zahtev.',
    controllerLabel: 'Na katero organizacijo se nanaša vaša zahteva?',
    typeLegend: 'Kaj želite zahtevati?',
    typeLabel: {
      access: 'Kopijo mojih osebnih podatkov (dostop)',
      portability: 'Moje podatke v strojno berljivi obliki, da jih lahko uporabim drugje (prenosljivost)',
      rectification: 'Popravek napačnih podatkov o meni',
      erasure: 'Izbris mojih osebnih podatkov',
      restriction: 'Da moje podatke za zdaj hranite, a jih ne uporabljate (omejitev obdelave)',
      objection: 'Da mojih podatkov ne uporabljate za trženje ali druge namene (ugovor)',
      withdraw_consent: 'Preklic privolitve za obdelavo mojih podatkov',
    },
    emailLabel: 'Vaš e-poštni naslov',
    emailHint: 'Vpišite naslov, pod katerim vas organizacija pozna. Nanj vam bomo poslali povezavo, s katero potrdite zahtevo.',
    nameLabel: 'Vaše ime in priimek (neobvezno)',
    nameHint: 'Pomaga nam, če bi vas morali glede zahteve kontaktirati.',
    howTitle: 'Kako poteka postopek',
    steps: (p: { days: number }) => [
      `Po e-pošti vam pošljemo povezavo. Povezava velja ${slDays(p.days)}.`,
      'Odprete povezavo in potrdite zahtevo. Tako vemo, da je e-poštni naslov res vaš.',
      'Odgovorimo vam v enem mesecu, kot zahteva zakon, in vas obvestimo po e-pošti, ko je zahteva izvedena.',
    ],
    privacyNote: 'Vaš e-poštni naslov uporabimo samo za odgovor na to zahtevo. Ne dodamo ga na noben seznam prejemnikov.',
    submit: 'Pošlji zahtevo',
    errorSummaryTitle: 'Nekaj je treba popraviti',
    fieldErrors: {
      type: 'Izberite, kaj želite zahtevati.',
      email: 'Vpišite svoj e-poštni naslov, na primer ime@example.org.',
      name: 'Preverite svoje ime.',
      locale: 'Izberite jezik.',
      controller: 'Izberite organizacijo, na katero se nanaša zahteva.',
      body: 'Obrazca nismo mogli prebrati. Prosimo, izpolnite ga znova.',
      rectifyAttribute: 'Izberite podatek, ki je napačen, ali »Nekaj drugega«.',
      inaccurate: 'Opišite, kaj je narobe.',
      corrected: 'Napišite, kakšen bi moral biti podatek.',
      objectionScope: 'Izberite, čemu ugovarjate.',
      objectionGrounds: 'Preverite razloge za ugovor.',
      consentPurposes: 'Izberite vsaj eno privolitev, ki jo preklicujete.',
      transmitTo: 'Izberite eno od navedenih organizacij ali nobene.',
      viaCustomer: 'Preverite ime organizacije.',
      message: 'Preverite svoje sporočilo.',
      rateLimit: 'V eni uri je bilo od tu ali za ta e-poštni naslov poslanih preveč zahtev. Poskusite znova pozneje.',
    },
    inEnglish: 'V angleščini:',
    fieldsLegend: {
      portability: 'Prenosljivost: kam naj gredo podatki',
      rectification: 'Popravek: kaj je treba popraviti',
      objection: 'Ugovor: čemu ugovarjate',
      withdraw_consent: 'Preklic privolitve: katero privolitev preklicujete',
    },
    fieldsHint: 'To izpolnite samo, če ste zgoraj izbrali to pravico.',
    rectifyAttributeLabel: 'Kateri podatek je napačen?',
    rectifyAttributeOther: 'Nekaj drugega (opišite spodaj)',
    inaccurateLabel: 'Kaj je napačno ali nepopolno?',
    inaccurateHint: 'Na primer star naslov ali napačno zapisano ime ter kje ste to opazili.',
    correctedLabel: 'Kako bi se moralo glasiti?',
    correctedHint: 'Pravilen ali popoln podatek. Morda vas bomo prosili, da pravilnost izkažete.',
    objectionScopeLegend: 'Čemu ugovarjate?',
    objectionScope: {
      direct_marketing: 'Neposrednemu trženju, na primer novicam in ponudbam',
      other: 'Drugi uporabi mojih podatkov, ki temelji na zakonitih interesih organizacije',
    },
    objectionScopeHint: {
      direct_marketing: 'Takoj prenehamo. Razloga vam ni treba navesti.',
      other:
        'Prenehamo, razen če imamo nujne upravičene razloge, ki prevladajo nad vašimi interesi, pravicami in svoboščinami, ali podatke potrebujemo za pravne zahtevke.',
    },
    objectionGroundsLabel: 'Zakaj ugovarjate? (neobvezno)',
    objectionGroundsHint: 'Če ugovarjate drugi uporabi, opišite svoj posebni položaj, da ga lahko upoštevamo.',
    consentLegend: 'Katero privolitev preklicujete?',
    consentHint: 'Izberite eno ali več. Takšno uporabo vaših podatkov bomo ustavili in izbrisali podatke, ki smo jih hranili samo za ta namen.',
    transmitToLabel: 'Podatke pošljite neposredno drugi organizaciji (neobvezno)',
    transmitToHint: 'Pošljemo jih lahko samo organizacijam s tega seznama. Če želite podatke prenesti sami, izbire ne spreminjajte.',
    transmitToNone: 'Ne, povezavo za prenos pošljite meni',
    viaCustomerLabel: 'Ali se vaša zahteva nanaša na organizacijo, ki uporablja naše storitve? (neobvezno)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `Organizacija ${p.controller} obdeluje osebne podatke tudi v imenu drugih: ${p.description}. Če se zahteva nanaša na podatke, ki ste jih posredovali eni od njih, tukaj vpišite njeno ime. O vaših podatkih odloča ta organizacija, zato vas bomo morda napotili nanjo.`,
    messageLabel: 'Nam želite sporočiti še kaj? (neobvezno)',
    messageHint: 'Na primer, zakaj sprašujete ali na katero obdobje se zahteva nanaša. Največ 4000 znakov.',
    organisationsIntro:
      'Vsaka organizacija odgovarja za osebne podatke, ki jih hrani sama. Izberite tisto, na katero se nanaša vaša zahteva, da odprete njen obrazec.',
  },
  accepted: {
    title: 'Preverite svojo e-pošto',
    body: ({ controller }: C) =>
      `Če ste vpisali pravilen naslov, boste kmalu prejeli e-poštno sporočilo s povezavo za potrditev zahteve, naslovljene na organizacijo ${controller}.`,
    expires: (p: { days: number }) => `Povezava velja ${slDays(p.days)}. Dokler zahteve ne potrdite, se ne zgodi nič.`,
    noDataHint:
      'Zaradi varovanja vaše zasebnosti niti ta stran niti e-poštno sporočilo ne razkrivata, ali organizacija o vas hrani kakršne koli podatke. To boste izvedeli, ko boste zahtevo potrdili.',
    noEmailTitle: 'Niste prejeli sporočila?',
    noEmail: 'Preverite mapo z neželeno pošto. Če sporočila po nekaj minutah še vedno ni, preverite naslov in obrazec pošljite znova.',
    sendAgain: 'Ponovno izpolnite obrazec',
  },
  confirm: {
    title: {
      access: 'Potrdite zahtevo za kopijo osebnih podatkov',
      portability: 'Potrdite zahtevo za podatke v strojno berljivi obliki',
      rectification: 'Potrdite zahtevo za popravek',
      erasure: 'Potrdite zahtevo za izbris osebnih podatkov',
      restriction: 'Potrdite zahtevo za omejitev obdelave',
      objection: 'Potrdite ugovor',
      withdraw_consent: 'Potrdite preklic privolitve',
    },
    what: {
      access: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} pregleda vse sisteme, v katerih hrani osebne podatke, zbere podatke o vas in vam po e-pošti pošlje povezavo za prenos. V prenosu je pojasnjeno tudi, za kaj se podatki uporabljajo, od kod izvirajo, komu se posredujejo in kako dolgo se hranijo.`,
      portability: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} zbere podatke, ki ste ji jih posredovali, in vam po e-pošti pošlje povezavo za njihov prenos v strojno berljivih datotekah (JSON in CSV). Če ste tako zahtevali, podatke pošlje tudi neposredno organizaciji, ki ste jo izbrali.`,
      rectification: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} popravi podatke v vseh sistemih, v katerih jih hrani. Popravek lahko najprej preveri njeno osebje, ki vas lahko prosi za dodatne informacije.`,
      erasure: ({ controller }: C) => `Ko zahtevo potrdite, organizacija ${controller} izbriše vaše osebne podatke iz vseh sistemov, v katerih jih hrani.`,
      restriction: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} vaše podatke v vseh sistemih, v katerih jih hrani, označi kot omejene: podatki se hranijo, vendar se ne uporabljajo, dokler omejitev ne preneha. O tem boste obveščeni vnaprej.`,
      objection: ({ controller }: C) =>
        `Ko ugovor potrdite, organizacija ${controller} takoj preneha uporabljati vaše podatke za neposredno trženje. Ugovor drugi uporabi pretehta njeno osebje, ki vam sporoči izid.`,
      withdraw_consent: ({ controller }: C) =>
        `Ko preklic potrdite, organizacija ${controller} preneha z obdelavo, za katero ste dali privolitev, in izbriše podatke, ki jih je hranila samo za ta namen. Obdelava pred preklicem ostaja zakonita.`,
    },
    irreversible:
      'Tega ni mogoče razveljaviti: izbrisanih podatkov ni mogoče obnoviti. Storitve, ki temeljijo na teh podatkih, na primer članstvo, lahko prenehajo.',
    kept: 'Če mora organizacija nekatere podatke po zakonu hraniti ali če zapise za statistične namene hrani brez vsega, kar bi vas lahko identificiralo, vam bomo sporočili, kaj je bilo ohranjeno in zakaj.',
    button: {
      access: 'Potrjujem zahtevo',
      portability: 'Potrjujem zahtevo',
      rectification: 'Potrjujem popravek',
      erasure: 'Potrjujem izbris',
      restriction: 'Potrjujem omejitev',
      objection: 'Potrjujem ugovor',
      withdraw_consent: 'Prekličem privolitev',
    },
    notYou: 'Če tega niste zahtevali, zaprite to stran. Nič se ne bo zgodilo.',
  },
  confirmed: {
    title: 'Vaša zahteva je potrjena',
    received: ({ controller }: C) => `Organizacija ${controller} je prejela vašo zahtevo.`,
    due: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
    next: {
      access: 'Ko bodo vaši podatki pripravljeni, vam bomo po e-pošti poslali povezavo za prenos.',
      portability: 'Ko bodo vaši podatki pripravljeni, vam bomo po e-pošti poslali povezavo za prenos in sporočili, ali smo jih posredovali naprej.',
      rectification: 'Ko bo popravek opravljen, vam bomo po e-pošti sporočili, kje so bili vaši podatki popravljeni.',
      erasure: 'Ko bo izbris končan, vam bomo po e-pošti sporočili, kaj je bilo izbrisano v posameznem sistemu.',
      restriction: 'Ko bo omejitev izvedena, vam bomo po e-pošti sporočili, kje je obdelava vaših podatkov zdaj omejena.',
      objection: 'Izid ugovora vam bomo sporočili po e-pošti.',
      withdraw_consent: 'Ko bo preklic izveden, vam bomo po e-pošti sporočili, kaj se je zgodilo s podatki, ki smo jih hranili za ta namen.',
    },
    statusIntro: 'Potek zahteve lahko spremljate na strani s stanjem zahteve. Povezave ne delite z drugimi, saj je namenjena samo vam.',
  },
  unsubscribe: {
    title: 'Odjava od teh sporočil',
    confirm: (p: { controller: string; purpose: string }) =>
      `S klikom na gumb prekličete privolitev za »${p.purpose}« pri ${p.controller}. Obdelava za ta namen se ustavi, podatki zanj se izbrišejo, ko bo končano, pa prejmete e-pošto.`,
    button: 'Odjava',
    doneTitle: 'Odjavljeni ste',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} je prejel preklic vaše privolitve za »${p.purpose}«. Ko bodo podatki za ta namen izbrisani, prejmete e-pošto.`,
  },
  linkProblem: {
    expired: {
      title: 'Povezava je potekla',
      body: (p: { days: number }) =>
        `Povezave za potrditev veljajo ${slDays(p.days)}. Zahteva ni bila pravočasno potrjena, zato v zvezi z njo ni bilo storjeno nič.`,
      next: 'Če zahtevo še vedno želite oddati, jo pošljite znova. Vzame vam le minuto.',
    },
    used: {
      title: 'Povezava je že bila uporabljena',
      body: 'Zahteva je že potrjena. Ničesar vam ni treba storiti: ko bo izvedena, vas bomo obvestili po e-pošti.',
      next: 'Če želite oddati novo zahtevo, uporabite obrazec.',
    },
    invalid: {
      title: 'Povezava ne deluje',
      body: 'Povezava se je pri kopiranju morda prekinila. Poskusite jo znova odpreti neposredno iz e-poštnega sporočila ali kopirajte celotno povezavo.',
      next: 'Če to ne pomaga, oddajte novo zahtevo.',
    },
  },
  status: {
    title: 'Stanje vaše zahteve',
    controller: 'Naslovljena na',
    reference: 'Številka zahteve',
    type: 'Vrsta zahteve',
    status: 'Trenutno stanje',
    receivedAt: 'Prejeta',
    dueAt: 'Rok za odgovor',
    completedAt: 'Zaključena',
    systemsTitle: 'Stanje po posameznih sistemih',
    systemCol: 'Kje so lahko podatki',
    statusCol: 'Stanje',
    noSystemsYet: 'Delo v posameznih sistemih se začne, ko se začne obravnava zahteve.',
    refreshHint: 'Stran se ne osvežuje samodejno. Za najnovejše stanje jo znova naložite.',
    withdrawTitle: 'Umik zahteve',
    withdrawExplain: 'Zahtevo lahko umaknete, če ne želite več, da jo obravnavamo. Kar je že narejeno, ostane: izbrisanih podatkov ni mogoče obnoviti.',
    withdrawButton: 'Umakni mojo zahtevo',
    withdrawnNotice: 'Vaša zahteva je umaknjena. Z delom na njej smo prenehali in o tem obvestili organizacije, ki so jo še obravnavale.',
    extensionTitle: 'Rok je podaljšan',
    extension: (p: { months: number; date: string }) =>
      `Zakon dovoljuje, da se rok pri zapletenih ali številnih zahtevah podaljša za največ dva dodatna meseca (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov). Podaljšali smo ga za ${slMonths(p.months)}; novi rok je ${p.date}.`,
    extensionReasons: 'Razlogi:',
    denialTitle: 'Zakaj je bila vaša zahteva zavrnjena',
    infoRequestTitle: 'Potrebujemo več informacij',
    infoRequestIntro: 'Preden lahko nadaljujemo z vašo zahtevo, vas naše osebje sprašuje:',
    clockPaused: 'Rok miruje, dokler ne odgovorite.',
    clockRuns: 'Rok teče naprej, medtem ko čakamo na vaš odgovor.',
    answerLabel: 'Vaš odgovor',
    answerHint: 'Največ 4000 znakov. Ne pošiljajte več osebnih podatkov, kot jih zahteva vprašanje.',
    answerButton: 'Pošlji odgovor',
    answerError: 'Napišite odgovor, dolg največ 4000 znakov.',
    packageDeleted: (p: { date: string }) => `Kopija vaših podatkov je bila izbrisana dne ${p.date}, ko je povezava za prenos potekla.`,
    personalDataErased: (p: { date: string }) =>
      `Vaš e-poštni naslov, ime in vse, kar ste nam napisali, smo iz te zahteve izbrisali dne ${p.date}. Hranimo le zapis, da je bila zahteva obravnavana.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Čaka na vašo potrditev',
        description: 'Odprite povezavo v e-poštnem sporočilu, ki smo vam ga poslali, in potrdite zahtevo.',
      },
      received: {
        label: 'Prejeta',
        description: 'Vaša zahteva je potrjena in čaka na obravnavo.',
      },
      in_review: {
        label: 'V pregledu',
        description: 'Zahtevo pregleduje naše osebje. Če bomo potrebovali še kaj, vas bomo kontaktirali.',
      },
      in_progress: {
        label: 'V obravnavi',
        description: 'Pregledujemo vse sisteme, v katerih so lahko vaši podatki.',
      },
      completed: {
        label: 'Zaključena',
        description: 'Na vašo zahtevo smo odgovorili. Rezultat smo vam poslali po e-pošti.',
      },
      denied: {
        label: 'Zavrnjena',
        description: 'Vaše zahteve nismo mogli izvesti. Razloge in možnosti, ki jih imate, smo vam poslali po e-pošti.',
      },
      closed_unverified: {
        label: 'Zaprta – ni bila potrjena',
        description: 'Zahteva ni bila pravočasno potrjena, zato v zvezi z njo ni bilo storjeno nič.',
      },
      cancelled: {
        label: 'Preklicana',
        description: 'Zahteva je bila preklicana in v zvezi z njo ne bo storjeno nič več.',
      },
    },
    branchStatus: {
      pending: 'Čaka',
      running: 'V teku',
      waiting: 'Čaka na odgovor',
      completed: 'Končano',
      failed: 'Težava – osebje bo zadevo preverilo',
    },
  },
  replyReceived: {
    title: 'Hvala – vaš odgovor smo prejeli',
    body: 'Naše osebje ga bo pregledalo in nadaljevalo z vašo zahtevo. Ko bo kaj novega, vam bomo pisali.',
    next: 'Potek zahteve lahko spremljate na strani s stanjem zahteve, do katere vodi povezava v naših sporočilih.',
  },
  packageExpired: {
    title: 'Povezava za prenos ne deluje več',
    body: (p: { days: number }) =>
      `Povezave za prenos veljajo ${slDays(p.days)} od trenutka, ko jih pošljemo, in so namenjene samo vam. Zaradi varnosti povezava po tem preneha delovati.`,
    next: 'Če znova potrebujete kopijo svojih podatkov, oddajte novo zahtevo.',
    deletedTitle: 'Kopija vaših podatkov je izbrisana',
    deletedBody: (p: { date: string }) =>
      `Povezava za prenos je potekla in kopija vaših podatkov je bila izbrisana dne ${p.date}, zato je ni več mogoče prenesti.`,
  },
  notFound: {
    title: 'Strani ni mogoče najti',
    body: 'Preverite, ali je naslov popoln. Če ste sem prišli prek povezave v e-poštnem sporočilu, jo znova odprite neposredno iz sporočila.',
  },
  email: {
    greeting: 'Pozdravljeni,',
    signoff: 'Lep pozdrav,',
    repeat: {
      subjectPrefix: 'Ponovno poslano',
      notice:
        'To sporočilo smo vam morda že poslali: prekinitev na naši strani nam je preprečila, da bi zabeležili, da je bilo poslano. Če ste ga prejeli dvakrat, uporabite tega: njegove povezave nadomeščajo povezave iz prejšnjega sporočila.',
    },
    verify: {
      subject: ({ controller }: C) => `Potrdite zahtevo, poslano organizaciji ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval kopijo osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        portability: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval osebne podatke, posredovane v zvezi s tem e-poštnim naslovom, v strojno berljivi obliki.`,
        rectification: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval popravek osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        erasure: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval izbris osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        restriction: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval omejitev obdelave osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        objection: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je ugovarjal temu, kako organizacija ${controller} uporablja osebne podatke, ki jih hrani o tem e-poštnem naslovu.`,
        withdraw_consent: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je preklical privolitev, na podlagi katere organizacija ${controller} uporablja osebne podatke, ki jih hrani o tem e-poštnem naslovu.`,
      },
      action: 'Za nadaljevanje odprite spodnjo povezavo in zahtevo potrdite na strani, ki se odpre:',
      linkText: 'Odprite stran za potrditev',
      expires: (p: { date: string }) => `Rok veljavnosti povezave: ${p.date}.`,
      why: 'Za potrditev vas prosimo zato, da nihče drug ne more oddati zahteve v vašem imenu.',
      ignore: 'Če tega niste zahtevali, to sporočilo prezrite. Nič se ne bo zgodilo.',
    },
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Vaši osebni podatki pri organizaciji ${controller} so pripravljeni za prenos`,
        portabilityReady: ({ controller }: C) => `Vaši podatki v strojno berljivi obliki pri organizaciji ${controller} so pripravljeni za prenos`,
        access: ({ controller }: C) => `Odgovor na vašo zahtevo za kopijo podatkov pri organizaciji ${controller}`,
        portability: ({ controller }: C) => `Odgovor na vašo zahtevo za prenosljivost podatkov pri organizaciji ${controller}`,
        rectification: ({ controller }: C) => `Izid vaše zahteve za popravek pri organizaciji ${controller}`,
        erasure: ({ controller }: C) => `Izid vaše zahteve za izbris pri organizaciji ${controller}`,
        restriction: ({ controller }: C) => `Izid vaše zahteve za omejitev obdelave pri organizaciji ${controller}`,
        objection: ({ controller }: C) => `Izid vašega ugovora pri organizaciji ${controller}`,
        withdraw_consent: ({ controller }: C) => `Izid preklica vaše privolitve pri organizaciji ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `Organizacija ${controller} je odgovorila na vašo zahtevo za kopijo osebnih podatkov.`,
        portability: ({ controller }: C) =>
          `Organizacija ${controller} je odgovorila na vašo zahtevo za podatke v strojno berljivi obliki (20. člen Splošne uredbe o varstvu podatkov).`,
        rectification: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala vašo zahtevo za popravek osebnih podatkov (16. člen Splošne uredbe o varstvu podatkov).`,
        erasure: ({ controller }: C) => `Organizacija ${controller} je obravnavala vašo zahtevo za izbris osebnih podatkov.`,
        restriction: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala vašo zahtevo za omejitev obdelave osebnih podatkov (18. člen Splošne uredbe o varstvu podatkov).`,
        objection: ({ controller }: C) => `Organizacija ${controller} je obravnavala vaš ugovor (21. člen Splošne uredbe o varstvu podatkov).`,
        withdraw_consent: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala preklic vaše privolitve (tretji odstavek 7. člena Splošne uredbe o varstvu podatkov).`,
      },
      portabilityDownloadIntro:
        'Svoje podatke lahko prenesete tukaj. Gre za datoteko ZIP s podatki, ki ste nam jih posredovali, v strojno berljivih datotekah JSON in CSV, ki jih lahko uvozijo tudi druge storitve:',
      transmitted: (p: { target: string }) => `Kot ste zahtevali, smo podatke poslali tudi neposredno organizaciji ${p.target}.`,
      rectifiedTitle: 'Kje so bili vaši podatki popravljeni',
      restrictedTitle: 'Kje je obdelava vaših podatkov zdaj omejena',
      restrictedExplain:
        'Podatke, katerih obdelava je omejena, hranimo, vendar jih brez vaše privolitve ne uporabljamo drugače, razen za pravne zahtevke, za varstvo pravic druge osebe ali zaradi pomembnega javnega interesa (drugi odstavek 18. člena Splošne uredbe o varstvu podatkov). Preden omejitev preneha, vas bomo obvestili.',
      objectionDirectMarketing:
        'Vaših podatkov ne uporabljamo več za neposredno trženje. Da vam tržnih sporočil pomotoma ne bi znova pošiljali, vaš naslov hranimo le v nečitljivi obliki na seznamu za blokado.',
      objectionUpheld:
        'Vaš ugovor smo sprejeli: vaših podatkov ne uporabljamo več za obdelavo, ki ste ji ugovarjali. Kjer jih moramo hraniti, je njihova obdelava omejena.',
      consentWithdrawn: (p: { purposes: string }) => `Preklicali ste privolitev za: ${p.purposes}. To obdelavo smo ustavili.`,
      consentTitle: 'Kaj se je zgodilo s podatki za ta namen',
      late: 'Opravičujemo se, ker odgovor prihaja po izteku roka.',
      downloadIntro:
        'Svoje podatke lahko prenesete tukaj. Gre za datoteko ZIP s pregledom, ki ga odprete v spletnem brskalniku, ter s samimi podatki v datotekah JSON in CSV:',
      downloadLinkText: 'Prenesite svoje podatke',
      downloadExpires: (p: { date: string }) => `Povezava je namenjena samo vam. Rok veljavnosti: ${p.date}.`,
      noDownload: 'Tokrat prenosa nismo mogli pripraviti. Naše osebje bo zadevo preverilo in se vam oglasilo.',
      searchedTitle: 'Kje smo iskali',
      erasedTitle: 'Kaj je bilo storjeno v posameznem sistemu',
      outcome: {
        found: (p: { count: number }) => `našli smo ${slRecordsAcc(p.count)}`,
        nothingFound: 'o vas ni podatkov',
        searched: 'pregledano',
        deleted: (p: { count: number }) => `izbrisali smo ${slRecordsAcc(p.count)}`,
        deletedUncounted: 'vaši podatki so bili izbrisani',
        anonymised: (p: { count: number }) =>
          `iz ${slRecordsGen(p.count)} smo odstranili podatke, po katerih bi vas bilo mogoče prepoznati, preostanek hranimo za statistične namene`,
        anonymisedUncounted: 'odstranili smo podatke, po katerih bi vas bilo mogoče prepoznati, preostanek hranimo za statistične namene',
        noneHeld: 'tu ni bilo podatkov o vas',
        failed: 'še ni zaključeno – naše osebje bo zadevo preverilo in se vam oglasilo',
        held: (p: Held) =>
          `hranimo ${p.count === undefined ? 'vaše podatke' : slRecordsAcc(p.count)}, ker to zahteva zakon${p.basis ? ` (${p.basis})` : ''}; obdelava teh podatkov je omejena: ne uporabljamo jih za noben drug namen, izbrisali pa jih bomo${p.date ? ` po izteku roka hrambe (${p.date})` : ', ko obveznost hrambe preneha'}`,
        suppressed: (p: { date?: string }) =>
          `da vas pomotoma ne bi znova dodali, vaš e-poštni naslov hranimo v nečitljivi obliki (kot zgoščeno vrednost, izračunano s tajnim ključem), iz katere naslova ni mogoče razbrati${p.date ? ` – rok hrambe: ${p.date}` : ', in to le omejen čas'}`,
        erasedConfirmed: 'vaši podatki so bili na našo zahtevo izbrisani, izbris je potrjen',
        erasedConfirmedCount: (p: { count: number }) => `na našo zahtevo so izbrisali ${slRecordsAcc(p.count)}, izbris je potrjen`,
        rectified: (p: { count: number }) => `popravili smo ${slRecordsAcc(p.count)}`,
        rectifiedUncounted: 'podatki so bili popravljeni',
        rectifiedByStaff: 'popravilo jih je naše osebje',
        restricted: (p: { count: number }) => `omejili smo ${slRecordsAcc(p.count)}: hranimo jih, vendar jih ne uporabljamo`,
        restrictedUncounted: 'obdelava je omejena: podatke hranimo, vendar jih ne uporabljamo',
      },
      recipientsTitle: 'Koga smo obvestili o izbrisu',
      recipientsIntro: 'O izbrisu smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      recipientsIntroChange: 'O popravku ali omejitvi smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      failedNote: 'V nekaterih sistemih dela ni bilo mogoče samodejno dokončati. Naše osebje bo zadevo preverilo in vam sporočilo izid.',
      statusIntro: 'Stanje zahteve lahko kadar koli preverite tukaj:',
      questions: 'Imate vprašanja? Pišite naši pooblaščeni osebi za varstvo podatkov:',
      complaint: (p: { authority: string }) =>
        `Če niste zadovoljni z obravnavo svoje zahteve, imate pravico vložiti pritožbo pri nadzornem organu (${p.authority}):`,
    },
    vendor: {
      subject: (p: RW) => `Zahteva ${p.what} – ${p.controller} (št. ${p.reference})`,
      reminder: 'Opomnik',
      reminderIntro: 'To je opomnik: na spodnjo zahtevo še nismo prejeli vašega odgovora.',
      intro: (p: RA) =>
        `Posameznik je ${p.asked}. Osebne podatke obdelujete v imenu organizacije ${p.controller} (v naši evidenci: »${p.processor}«), zato nam morate kot obdelovalec pomagati odgovoriti na zahtevo (točka (e) tretjega odstavka 28. člena Splošne uredbe o varstvu podatkov).`,
      todo: {
        export:
          'Poiščite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu. Nato odprite spodnjo povezavo, izberite »Opravljeno, kot je zahtevano« in priložite podatke kot eno datoteko (na primer ZIP, JSON ali CSV). Podatkov ne pošiljajte po e-pošti. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        exportPortable:
          'Poiščite osebne podatke, ki jih je ta oseba posredovala in jih obdelujete v našem imenu. Nato odprite spodnjo povezavo, izberite »Opravljeno, kot je zahtevano« in priložite podatke kot eno datoteko v strukturirani, strojno berljivi obliki (na primer JSON ali CSV). Podatkov ne pošiljajte po e-pošti. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        erase:
          'Izbrišite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu, vključno s kopijami, in poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«. Če morate nekatere podatke po zakonu hraniti, v opombi navedite, katere in zakaj.',
        rectify:
          'Popravite podatke o tej osebi, kot je opisano spodaj, povsod, kjer jih obdelujete v našem imenu, in poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        restrict:
          'Vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu, označite kot omejene: hranite jih, vendar jih ne uporabljajte za nič drugega, dokler vam ne sporočimo, da je omejitev prenehala (18. člen Splošne uredbe o varstvu podatkov). Poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
      },
      linkText: 'Odprite stran za odgovor',
    },
    staff: {
      subject: (p: RW) => `Naloga: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `Posameznik je ${p.asked}. Del dela je treba opraviti ročno, za to pa ste določeni vi: ${p.processor}.`,
      action: {
        export: 'Tukaj: poiščite podatke o osebi in jih priložite ali v opombi opišite, kaj ste našli.',
        exportPortable: 'Tukaj: poiščite podatke, ki jih je oseba posredovala, in jih priložite v strojno berljivi obliki (na primer JSON ali CSV).',
        erase: 'Tukaj: izbrišite podatke o osebi, vključno s kopijami. Če je treba kaj hraniti po zakonu, v opombi navedite, kaj in zakaj.',
        rectify: 'Tukaj: popravite podatke, kot je opisano spodaj, povsod, kjer se hranijo.',
        restrict: 'Tukaj: podatke o osebi označite kot omejene. Hranite jih, vendar jih ne uporabljajte za nič drugega, dokler omejitev ne preneha.',
      },
      instructionsTitle: 'Kaj je treba storiti',
      finish:
        'Ko končate, odprite spodnjo povezavo, izberite, kaj ste storili, in dodajte kratko opombo, na primer kje ste iskali. Če o osebi niste našli ničesar, izberite »O tej osebi nimamo podatkov«.',
      linkText: 'Odprite nalogo',
    },
    task: {
      dueBy: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
      linkOnce: 'Povezava deluje samo enkrat: ko je odgovor poslan, preneha delovati. Sporočila ne posredujte naprej, saj vsebuje osebne podatke.',
      reference: (p: { reference: string }) => `Naša številka zahteve: ${p.reference}`,
    },
    requestWhat: {
      access: 'za dostop do osebnih podatkov',
      portability: 'za prenosljivost osebnih podatkov',
      rectification: 'za popravek osebnih podatkov',
      erasure: 'za izbris osebnih podatkov',
      restriction: 'za omejitev obdelave osebnih podatkov',
      objection: 'z ugovorom obdelavi osebnih podatkov',
      withdraw_consent: 's preklicem privolitve za obdelavo osebnih podatkov',
    },
    requestShort: {
      access: 'zahteva za dostop',
      portability: 'zahteva za prenosljivost',
      rectification: 'zahteva za popravek',
      erasure: 'zahteva za izbris',
      restriction: 'zahteva za omejitev obdelave',
      objection: 'ugovor',
      withdraw_consent: 'preklic privolitve',
    },
    asked: {
      access: ({ controller }: C) => `pri organizaciji ${controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov)`,
      portability: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval osebne podatke, ki jih je posredoval, v strojno berljivi obliki (20. člen Splošne uredbe o varstvu podatkov)`,
      rectification: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval popravek svojih osebnih podatkov (16. člen Splošne uredbe o varstvu podatkov)`,
      erasure: ({ controller }: C) => `pri organizaciji ${controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov)`,
      restriction: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval omejitev obdelave svojih osebnih podatkov (18. člen Splošne uredbe o varstvu podatkov)`,
      objection: ({ controller }: C) =>
        `ugovarjal obdelavi svojih osebnih podatkov pri organizaciji ${controller} (21. člen Splošne uredbe o varstvu podatkov)`,
      withdraw_consent: ({ controller }: C) =>
        `preklical privolitev za obdelavo svojih osebnih podatkov pri organizaciji ${controller} (tretji odstavek 7. člena Splošne uredbe o varstvu podatkov)`,
    },
    correction: {
      title: 'Popravek',
      attribute: 'Podatek',
      inaccurate: 'Kaj je napačno',
      corrected: 'Kako se mora glasiti',
    },
    denial: {
      subject: ({ controller }: C) => `Vaša zahteva, poslana organizaciji ${controller}, je zavrnjena`,
      intro: (p: C & { what: string }) => `Organizacija ${p.controller} je obravnavala vašo vlogo (${p.what}), vendar je ne more izvesti.`,
      reasonsTitle: 'Razlogi',
      remedies: (p: { authority: string }) =>
        `Če se s tem ne strinjate, imate pravico vložiti pritožbo pri nadzornem organu (${p.authority}) in uveljavljati pravno sredstvo pred sodiščem (četrti odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      authorityLink: 'Spletno mesto nadzornega organa:',
    },
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Po petem odstavku 12. člena Splošne uredbe o varstvu podatkov lahko zavrnemo zahtevo, ki je očitno neutemeljena. Menimo, da je vaša zahteva takšna: ne nanaša se na osebne podatke, ki jih obdelujemo o vas.',
      excessive: (_: Den) =>
        'Po petem odstavku 12. člena Splošne uredbe o varstvu podatkov lahko zavrnemo zahtevo, ki je pretirana, zlasti če se ponavlja. Enako zahtevo ste vložili pred kratkim in nanjo smo že odgovorili, od takrat pa se ni nič spremenilo.',
      identity_not_confirmed: (_: Den) =>
        'Nismo mogli potrditi, da ste oseba, na katero se podatki nanašajo (drugi odstavek 11. člena in šesti odstavek 12. člena Splošne uredbe o varstvu podatkov). Zato zahteve ne moremo izvesti, ne da bi tvegali razkritje ali spremembo podatkov druge osebe. Lahko pa vložite novo zahtevo s podatki, po katerih vas lahko prepoznamo.',
      processor_only: (p: Den) =>
        p.customer
          ? `Organizacija ${p.controller} te podatke obdeluje samo v imenu organizacije ${p.customer}, in sicer kot obdelovalec (28. člen Splošne uredbe o varstvu podatkov). O podatkih odloča ${p.customer}, zato zahtevo pošljite tja. Pri odgovoru bomo pomagali.`
          : `Organizacija ${p.controller} te podatke obdeluje samo v imenu organizacije, pri kateri ste registrirani, in sicer kot obdelovalec (28. člen Splošne uredbe o varstvu podatkov). O podatkih odloča ta organizacija, zato zahtevo pošljite njej. Pri odgovoru ji bomo pomagali.`,
      legal_obligation: (_: Den) =>
        'Te podatke moramo hraniti zaradi izpolnjevanja pravne obveznosti ali za uveljavljanje, izvajanje ali obrambo pravnih zahtevkov (točki (b) in (e) tretjega odstavka 17. člena Splošne uredbe o varstvu podatkov). Hranimo jih le toliko časa, kot je potrebno, in jih ne uporabljamo za nič drugega.',
      compelling_grounds: (_: Den) =>
        'Vaš ugovor smo pretehtali glede na razloge za obdelavo (prvi odstavek 21. člena Splošne uredbe o varstvu podatkov). Imamo nujne upravičene razloge, ki prevladajo nad vašimi interesi, pravicami in svoboščinami, zato z obdelavo nadaljujemo.',
      data_accurate: (_: Den) =>
        'Preverili smo podatke, za katere ste zahtevali popravek (16. člen Splošne uredbe o varstvu podatkov), in ugotovili, da so točni, zato jih nismo spremenili.',
    },
    extension: {
      subject: ({ controller }: C) => `Organizacija ${controller} potrebuje več časa za vašo zahtevo`,
      intro: (p: C & { what: string }) => `Organizacija ${p.controller} potrebuje več časa za odgovor (${p.what}).`,
      newDue: (p: { months: number; date: string }) =>
        `Zakon dovoljuje, da se rok pri zapletenih ali številnih zahtevah podaljša za največ dva dodatna meseca (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov). Podaljšali smo ga za ${slMonths(p.months)}: odgovor boste prejeli najpozneje ${p.date}.`,
      reasonsTitle: 'Zakaj potrebujemo več časa',
    },
    infoRequest: {
      subject: ({ controller }: C) => `Organizacija ${controller} potrebuje več informacij o vaši zahtevi`,
      intro: (p: C & { what: string }) =>
        `Preden lahko organizacija ${p.controller} nadaljuje z obravnavo (${p.what}), naše osebje od vas potrebuje več informacij (šesti odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      questionTitle: 'Naše vprašanje',
      howToAnswer: 'Odgovorite na strani s stanjem zahteve. Na to sporočilo ne odgovarjajte in ne pošiljajte več osebnih podatkov, kot jih zahteva vprašanje.',
      linkText: 'Odgovorite na strani s stanjem zahteve',
      pauses: 'Rok za naš odgovor miruje, dokler ne prejmemo vašega odgovora.',
      runs: (p: { date: string }) => `Rok za naš odgovor teče naprej: ${p.date}.`,
    },
    restrictionLift: {
      subject: ({ controller }: C) => `Organizacija ${controller} bo odpravila omejitev obdelave vaših podatkov`,
      intro: (p: C & { date: string }) =>
        `Pri organizaciji ${p.controller} ste zahtevali omejitev obdelave svojih osebnih podatkov. Kot zahteva zakon, vas obveščamo vnaprej (tretji odstavek 18. člena Splošne uredbe o varstvu podatkov): omejitev bo odpravljena ${p.date}.`,
      whereTitle: 'Kje omejitev preneha',
      after: 'Od takrat naprej se podatki lahko znova uporabljajo kot prej.',
      object:
        'Če menite, da bi morala omejitev ostati, na primer ker so podatki še vedno napačni ali ker ste ugovarjali njihovi uporabi, se nam oglasite pred tem datumom.',
    },
    reviewWaiting: {
      subject: (p: RW) => `Potrebna je odločitev: ${p.what} ${p.reference} – ${p.controller}`,
      intro: (p: RW) => `Zahteva ${p.reference} (${p.what}) čaka na odločitev osebja.`,
      reasonsTitle: 'Zakaj čaka',
      reasons: {
        repeat_request: 'Ista oseba je pred kratkim vložila enako zahtevo: morda je pretirana (peti odstavek 12. člena Splošne uredbe o varstvu podatkov).',
        identity_check: 'Pravila te organizacije zahtevajo, da osebje najprej preveri identiteto (šesti odstavek 12. člena Splošne uredbe o varstvu podatkov).',
        objection_weighing:
          'Ugovor obdelavi, ki ni neposredno trženje: razloge je treba pretehtati (prvi odstavek 21. člena Splošne uredbe o varstvu podatkov).',
        rectification: 'Popravek, ki ga je treba preveriti, preden se izvede (16. člen Splošne uredbe o varstvu podatkov).',
        controller_as_processor:
          'Oseba navaja, da podatke hranimo za eno od naših strank, ki bo morda morala odgovoriti sama (28. člen Splošne uredbe o varstvu podatkov).',
        legal_hold_partial: 'Izbris, ki ga je delno preprečila pravna obveznost (točka (b) tretjega odstavka 17. člena Splošne uredbe o varstvu podatkov).',
        branch_failed: 'Sistem ali storitev svojega dela ni mogla dokončati.',
      },
      due: (p: { date: string }) => `Oseba mora prejeti odgovor najpozneje ${p.date} (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      link: 'Zahtevo odprite v konzoli za osebje:',
      linkText: 'Odprite konzolo za osebje',
    },
    subjectAnswered: {
      subject: (p: R) => `Oseba je odgovorila: zahteva ${p.reference} – ${p.controller}`,
      intro: (p: R) => `Oseba, ki je vložila zahtevo ${p.reference}, je odgovorila na vaše vprašanje. Zahteva čaka, da z njo nadaljujete.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Rok čez 7 dni: zahteva ${p.reference} za ${p.controller}`,
        in_2_days: (p: R) => `Rok čez 2 dni: zahteva ${p.reference} za ${p.controller}`,
        overdue: (p: R) => `Rok je potekel: zahteva ${p.reference} za ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Na zahtevo ${p.reference} je treba odgovoriti v 7 dneh, a še ni zaključena.`,
        in_2_days: (p: R) => `Na zahtevo ${p.reference} je treba odgovoriti v 2 dneh, a še ni zaključena.`,
        overdue: (p: R) =>
          `Rok za odgovor na zahtevo ${p.reference} je potekel, odgovora pa še ni. Zakon določa en mesec (člen 12(3) GSVP), ki ga je mogoče podaljšati za dva meseca le, če je bil posameznik o razlogih obveščen v prvem mesecu.`,
      },
      due: (p: { date: string }) => `Rok: ${p.date}.`,
      advice: 'V stanju zahteve in njenem dnevniku preverite, kateri deli so še odprti, in poskrbite, da bo posameznik pravočasno dobil odgovor.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Potrebno ukrepanje – ${p.processor}: ni odgovora (zahteva ${p.reference})`,
        failed: (p: R) => `Potrebno ukrepanje – ${p.processor}: napaka (zahteva ${p.reference})`,
        timed_out: (p: R) => `Potrebno ukrepanje – ${p.processor}: čas čakanja je potekel (zahteva ${p.reference})`,
      },
      intro: (p: R) => `Zahteva ${p.reference} pri organizaciji ${p.controller} potrebuje vašo pozornost: del zahteve (${p.processor}) ni dokončan.`,
      kind: {
        opendsr: (p: R) => `${p.processor}: ponudnik, s katerim komuniciramo prek vmesnika OpenDSR.`,
        email: (p: R) => `${p.processor}: ponudnik, ki mu zahteve pošiljamo po e-pošti.`,
        manual: (p: R) => `${p.processor}: naloga za naše osebje.`,
        dynamodb: (p: R) => `${p.processor}: ena od naših lastnih podatkovnih zbirk.`,
      },
      reason: {
        no_answer: 'V predvidenem času ni bilo odgovora.',
        failed: 'Delo ni uspelo in ga ni bilo mogoče samodejno dokončati.',
        timed_out: 'Odgovor ni prispel, preden je potekel čas čakanja, zato je ta del zahteve zdaj označen kot neuspešen.',
      },
      advice: {
        opendsr: 'Preverite ponudnikovo storitev OpenDSR ali se obrnite na ponudnika in poskrbite, da bo zahteva izvedena.',
        email: 'Obrnite se neposredno na ponudnikovo kontaktno osebo za varstvo podatkov.',
        manual: 'Pozanimajte se pri osebi, ki ji je bila naloga dodeljena, ali nalogo opravite sami.',
        dynamodb: 'V revizijski sledi zahteve poiščite vrsto napake, odpravite vzrok in zahtevo zaženite znova.',
      },
      link: 'Odgovor lahko vpišete tudi sami na strani naloge. Povezava deluje samo enkrat:',
      linkText: 'Odprite stran naloge',
      due: (p: { date: string }) => `Rok za odgovor posamezniku: ${p.date} (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      noPersonalData: 'Zaradi varstva zasebnosti to sporočilo ne navaja nobene osebe. Zahtevo poiščite po njeni številki.',
      automatic: 'To sporočilo je samodejno poslala storitev za obravnavo zahtev posameznikov.',
    },
  },
  package: {
    title: ({ controller }: C) => `Vaši osebni podatki pri organizaciji ${controller}`,
    intro:
      'Ta paket je odgovor na vašo zahtevo za dostop (15. člen Splošne uredbe o varstvu podatkov). Za vsak sistem so navedeni podatki, ki jih hranimo o vas, in informacije, do katerih ste upravičeni po zakonu.',
    reference: 'Številka zahteve',
    generatedAt: 'Ustvarjeno',
    filesIntro: 'Sami podatki so v datotekah poleg te strani: za vsak sistem ena datoteka JSON in ena datoteka CSV (odprete jo v programu za preglednice).',
    registerNote: 'Opisi posameznih sistemov izhajajo iz registra organizacije in so lahko v angleščini.',
    contentsTitle: 'Sistemi v tem paketu',
    recordCount: 'Zapisi o vas',
    files: 'Datoteke',
    dataCategories: 'Vrste podatkov',
    purposes: 'Nameni obdelave',
    legalBasis: 'Pravna podlaga',
    retention: 'Rok hrambe',
    source: 'Vir podatkov',
    recipients: 'Prejemniki',
    noRecipients: 'Nihče zunaj organizacije.',
    failed: 'Podatkov iz tega sistema nismo mogli izvoziti. Naše osebje bo zadevo preverilo in vam jih poslalo.',
    noData: 'V tem sistemu o vas ne hranimo podatkov.',
    attachmentNote: 'Če nam je ponudnik poslal svojo datoteko, je ta v ločeni mapi, natanko takšna, kot jo je poslal.',
    asSent: '(kot jo je poslal ponudnik)',
    rightsTitle: 'Vaše pravice',
    rightsIntro:
      'V zvezi s svojimi osebnimi podatki imate naslednje pravice. Če jih želite uveljavljati, se obrnite na našo pooblaščeno osebo za varstvo podatkov.',
    complaint: (p: { authority: string }) => `Imate tudi pravico vložiti pritožbo pri nadzornem organu (${p.authority}).`,
  },
  task: {
    siteName: 'Zahteve posameznikov glede osebnih podatkov',
    title: (p: { what: string }) => `Zahteva ${p.what}`,
    taskTitle: (p: R) => `Naloga: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `Posameznik je ${p.asked}. Kot obdelovalca za »${p.processor}« vas prosimo, da v imenu organizacije ${p.controller} opravite, kar je opisano spodaj, in to potrdite tukaj.`,
      manual: (p: RA) => `Posameznik je ${p.asked}. Sledite navodilom za »${p.processor}« in tukaj vpišite izid.`,
    },
    facts: {
      controller: 'Pošiljatelj zahteve',
      reference: 'Številka zahteve',
      type: 'Vrsta zahteve',
      system: 'Sistem ali storitev',
      dueAt: 'Rok za odgovor',
    },
    personTitle: 'Oseba, ki je vložila zahtevo',
    identity: { email: 'E-poštni naslov', name: 'Ime in priimek' },
    instructionsTitle: 'Navodila',
    outcomeLegend: 'Kaj je bilo storjeno?',
    outcome: { done: 'Opravljeno, kot je zahtevano', not_found: 'O tej osebi nimamo podatkov' },
    doneHint: {
      erasure: 'Vsi osebni podatki o tej osebi so izbrisani, vključno s kopijami.',
      access: 'V opombi opišite, kaj je bilo najdeno in kje.',
      accessUpload: 'Podatke spodaj priložite kot eno datoteko.',
      rectify: 'Podatki so popravljeni, kot je zahtevano, povsod, kjer se hranijo.',
      restrict: 'Podatki so označeni kot omejeni in se ne uporabljajo za nič drugega.',
    },
    notFoundHint: 'Podatke smo iskali, vendar o tej osebi nismo našli ničesar.',
    noteLabel: 'Opomba (neobvezno)',
    noteHint: 'Največ 2000 znakov. Na primer, kaj je bilo storjeno ali katere podatke je bilo treba ohraniti in zakaj.',
    fileLabel: 'Podatki v eni datoteki',
    fileHint: 'Ena datoteka, na primer ZIP, JSON ali CSV. Če ste izbrali »O tej osebi nimamo podatkov«, polje pustite prazno.',
    submit: 'Pošlji odgovor',
    once: 'Povezava deluje samo enkrat: ko je odgovor poslan, preneha delovati.',
    personalData: 'Ta stran prikazuje osebne podatke. Povezave ne delite z drugimi.',
    done: {
      title: 'Hvala – odgovor je zabeležen',
      body: 'Ničesar več ni treba storiti. To stran lahko zaprete.',
    },
    alreadyDone: {
      title: 'Na to nalogo je že bil poslan odgovor',
      body: 'Odgovor je bil prek te povezave že poslan, zato ni treba storiti ničesar več. Če odgovor ni bil pravilen, se obrnite na organizacijo, ki vam je poslala povezavo.',
    },
    invalid: {
      title: 'Povezava ne deluje',
      body: 'Povezava je morda nepopolna ali pa je bila zahteva zaključena ali umaknjena. Povezavo znova odprite neposredno iz e-poštnega sporočila in poskrbite, da kopirate celotno povezavo.',
      next: 'Če še vedno ne deluje, se obrnite na organizacijo, ki vam je poslala povezavo.',
    },
  },
  transparency: {
    title: 'Zahteve oseb, katerih podatke obdelujemo',
    intro: (p) =>
      `Koliko zahtev za uresničevanje pravic varstva podatkov (členi 15 do 22 Splošne uredbe o varstvu podatkov) je prejel ${p.controller}, koliko jih je izpolnil ali zavrnil in koliko časa so trajali odgovori. Samo števila: iz njih ni mogoče nikogar prepoznati.`,
    year: 'Leto',
    toDate: (p) => `${p.year} (doslej)`,
    received: 'Prejete',
    compliedWith: 'Izpolnjene',
    refused: 'Zavrnjene',
    withdrawn: 'Umaknila oseba',
    medianDays: 'Mediana dni do odgovora',
    updated: (p) => `Podatki na dan ${p.date}.`,
    notYet: 'Podatki še niso bili objavljeni.',
  },
};

export const texts: Record<Locale, Texts> = { en, sv, sl };

/** The texts of a locale, falling back to English for anything that is not a known locale. */
export function textsFor(locale: unknown): Texts {
  return texts[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
