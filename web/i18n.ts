/**
 * Every word a person sees, in English, Swedish and Slovenian.
 *
 * `Texts` is the shape of the English texts; Swedish and Slovenian are annotated with it, so the
 * compiler refuses a locale that lacks a key (or has an extra one). Texts are plain text, never
 * markup: the templates escape them like any other value. Texts that mention a name, a date or a
 * number are functions of those values.
 */

import { BRANCH_STATUSES, LOCALES, REQUEST_STATUSES, RIGHTS, SERVED_RIGHTS, type BranchStatus, type Locale, type RequestStatus, type Right } from '../functions/lib/request';

export { BRANCH_STATUSES, LOCALES, REQUEST_STATUSES, RIGHTS };
export type { BranchStatus, Locale, RequestStatus, Right };
export const DEFAULT_LOCALE: Locale = 'en';
/** The rights the form accepts now; the others are explained with a pointer to the organisation. */
export const FORM_RIGHTS = SERVED_RIGHTS;
export type FormRight = (typeof FORM_RIGHTS)[number];

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska', sl: 'Slovenščina' };

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

type C = { controller: string };
/** A message about one processor's part of one request. */
type R = { controller: string; processor: string; reference: string };
/** What a legal hold kept: how many items, until when, under which law. */
type Held = { count?: number; date?: string; basis?: string };

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
      summary:
        'You can get the data you gave us in a machine-readable format, or ask us to send it directly to another organisation.',
    },
    rectification: {
      title: 'Right to rectification (Article 16)',
      summary: 'You can ask us to correct data about you that is wrong, and to complete data that is incomplete.',
    },
    erasure: {
      title: 'Right to erasure (Article 17)',
      summary:
        'You can ask us to erase your personal data. We erase it unless the law requires us to keep it, for example for accounting.',
    },
    restriction: {
      title: 'Right to restriction of processing (Article 18)',
      summary:
        'You can ask us to stop using your data for a while but keep it, for example while we check whether it is correct.',
    },
    objection: {
      title: 'Right to object (Article 21)',
      summary:
        'You can object to our use of your data when we rely on our legitimate interests, and you can always say no to direct marketing.',
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
    erasure: 'Erasure of your personal data',
  },
  form: {
    title: 'Get a copy of your personal data, or have it erased',
    intro:
      'You can ask an organisation what personal data it holds about you and get a copy, or ask it to erase the data. You do not need an account.',
    introTo: ({ controller }: C) => `Your request goes to ${controller}.`,
    noControllers: 'No organisation is accepting requests here at the moment.',
    controllerLabel: 'Which organisation is your request for?',
    controllerPlaceholder: 'Choose an organisation',
    typeLegend: 'What do you want to ask for?',
    typeLabel: {
      access: 'A copy of my personal data (access)',
      erasure: 'Erase my personal data (erasure)',
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
    otherRightsTitle: 'Your other rights',
    otherRightsIntro:
      'You also have the rights below. This form cannot handle them yet, so please contact the organisation directly, for example through the contact details in its privacy policy.',
    errorSummaryTitle: 'There is a problem',
    fieldErrors: {
      type: 'Choose what you want to ask for.',
      email: 'Enter your email address, like name@example.org.',
      name: 'Check your name.',
      locale: 'Choose a language.',
      controller: 'Choose the organisation your request is for.',
      body: 'We could not read the form. Please fill it in again.',
    },
    inEnglish: 'In English:',
  },
  accepted: {
    title: 'Check your email',
    body: ({ controller }: C) =>
      `If the address you gave is correct, you will soon get an email with a link to confirm your request to ${controller}.`,
    expires: (p: { days: number }) => `The link works for ${enDays(p.days)}. Nothing happens until you confirm.`,
    noDataHint:
      'For your privacy, neither this page nor the email says whether the organisation holds any data about you. You will find out once you have confirmed.',
    noEmailTitle: 'No email?',
    noEmail:
      'Look in your spam or junk folder. If the email has not arrived after a few minutes, check the address and send the form again.',
    sendAgain: 'Fill in the form again',
  },
  confirm: {
    title: {
      access: 'Confirm your request for a copy of your data',
      erasure: 'Confirm your request for erasure',
    },
    what: {
      access: ({ controller }: C) =>
        `When you confirm, ${controller} searches every system where it keeps personal data, collects what it holds about you and emails you a link to download it. The download also explains why the data is used, where it came from, who receives it and how long it is kept.`,
      erasure: ({ controller }: C) =>
        `When you confirm, ${controller} erases your personal data in every system where it keeps it.`,
    },
    irreversible:
      'This cannot be undone: deleted data cannot be restored. Services that depend on the data, such as a membership, may end.',
    kept:
      'Where the law requires the organisation to keep some data, or where records are kept for statistics with everything that identifies you removed, we will tell you what was kept and why.',
    button: {
      access: 'Confirm my request',
      erasure: 'Confirm erasure',
    },
    notYou: 'If you did not ask for this, close this page. Nothing will happen.',
  },
  confirmed: {
    title: 'Your request is confirmed',
    received: ({ controller }: C) => `${controller} has received your request.`,
    due: (p: { date: string }) => `The deadline for the answer is ${p.date}.`,
    next: {
      access: 'We will email you a link to download your data when it is ready.',
      erasure: 'We will email you when it is done, with what was erased in each system.',
    },
    statusIntro: 'You can follow your request on its status page. Keep the link to yourself: it is personal.',
  },
  linkProblem: {
    expired: {
      title: 'This link has expired',
      body: (p: { days: number }) =>
        `Confirmation links work for ${enDays(p.days)}. The request was not confirmed in time, so nothing has been done with it.`,
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
    withdrawExplain: 'You can withdraw this request if you no longer want it handled. Work that is already done stays done: data that was erased cannot be brought back.',
    withdrawButton: 'Withdraw my request',
    withdrawnNotice: 'Your request is withdrawn. We have stopped working on it and told the organisations that were still handling it.',
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
  packageExpired: {
    title: 'This download link no longer works',
    body: (p: { days: number }) =>
      `Download links work for ${enDays(p.days)} after we email them, and each link is personal. For your security, the link stops working after that.`,
    next: 'If you need a copy of your data again, please send a new request.',
  },
  notFound: {
    title: 'Page not found',
    body: 'Check that the address is complete. If you came here from a link in an email, open it again straight from the email.',
  },
  email: {
    greeting: 'Hello,',
    signoff: 'Kind regards,',
    verify: {
      subject: ({ controller }: C) => `Confirm your request to ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} for a copy of the personal data it holds about this email address.`,
        erasure: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} to erase the personal data it holds about this email address.`,
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
        access: ({ controller }: C) => `Answer to your request for a copy of your data from ${controller}`,
        erasure: ({ controller }: C) => `Result of your erasure request to ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} has answered your request for a copy of your personal data.`,
        erasure: ({ controller }: C) => `${controller} has handled your request to erase your personal data.`,
      },
      late: 'We are sorry that this answer comes later than the deadline.',
      downloadIntro:
        'Download your data here. It is a ZIP file with an overview you can open in a web browser and the data itself in JSON and CSV files:',
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
        anonymised: (p: { count: number }) =>
          `removed identifying details from ${enRecords(p.count)}, kept the rest for statistics`,
        anonymisedUncounted: 'removed identifying details, kept the rest for statistics',
        noneHeld: 'held no data about you',
        failed: 'not finished yet – our staff will follow up and contact you',
        held: (p: Held) =>
          `kept ${p.count === undefined ? 'your data' : enRecords(p.count)}${p.date ? ` until ${p.date}` : ''} because the law requires it${p.basis ? ` (${p.basis})` : ''}; ${p.count === undefined || p.count === 1 ? 'it is' : 'they are'} restricted: used for nothing else, and deleted ${p.date ? 'then' : 'when that obligation ends'}`,
        suppressed: (p: { date?: string }) =>
          `to make sure you are not added again by mistake, we keep a scrambled (keyed hash) form of your email address ${p.date ? `until ${p.date}` : 'for a limited time'}, from which the address cannot be read`,
        erasedConfirmed: 'erased at our request; the erasure is confirmed',
        erasedConfirmedCount: (p: { count: number }) => `${enRecords(p.count)} erased at our request; the erasure is confirmed`,
      },
      recipientsTitle: 'Who we told about the erasure',
      recipientsIntro: 'We have told these recipients of your data about the erasure (Article 19 GDPR):',
      failedNote:
        'In some systems the work could not be finished automatically. Our staff will follow up and tell you the outcome.',
      statusIntro: 'You can see the status of your request at any time:',
      questions: 'Questions? Write to our data protection officer:',
      complaint: (p: { authority: string }) =>
        `If you are not satisfied with how we have handled your request, you have the right to complain to the supervisory authority, ${p.authority}:`,
    },
    vendor: {
      subject: {
        access: (p: R) => `Request for access to personal data from ${p.controller} (ref. ${p.reference})`,
        erasure: (p: R) => `Request to erase personal data from ${p.controller} (ref. ${p.reference})`,
      },
      reminder: 'Reminder',
      reminderIntro: 'This is a reminder: we have not yet had your answer to the request below.',
      intro: {
        access: (p: R) =>
          `A person has asked ${p.controller} for a copy of their personal data (Article 15 GDPR). You process personal data on behalf of ${p.controller} (“${p.processor}” in our records), so as our processor you are asked to help us answer the request (Article 28(3)(e) GDPR).`,
        erasure: (p: R) =>
          `A person has asked ${p.controller} to erase their personal data (Article 17 GDPR). You process personal data on behalf of ${p.controller} (“${p.processor}” in our records), so as our processor you are asked to help us carry out the request (Article 28(3)(e) GDPR).`,
      },
      todo: {
        access:
          'Please find all personal data you hold about this person on our behalf. Then open the link below, choose “Done as asked” and attach the data as one file (for example ZIP, JSON or CSV). Please do not send the data by email. If you hold no data about the person, choose “We hold no data on this person”.',
        erasure:
          'Please erase all personal data you hold about this person on our behalf, including copies, and make sure any sub-processors do the same. Then open the link below and choose “Done as asked”. If you hold no data about the person, choose “We hold no data on this person”. If the law requires you to keep some of the data, say in the note what you kept and why.',
      },
      linkText: 'Open the answer page',
    },
    staff: {
      subject: {
        access: (p: R) => `Task: ${p.processor} – request for access ${p.reference}`,
        erasure: (p: R) => `Task: ${p.processor} – request for erasure ${p.reference}`,
      },
      intro: {
        access: (p: R) =>
          `A person has asked ${p.controller} for a copy of their personal data (Article 15 GDPR). Part of the work has to be done by hand, and you are the person named for it: ${p.processor}.`,
        erasure: (p: R) =>
          `A person has asked ${p.controller} to erase their personal data (Article 17 GDPR). Part of the work has to be done by hand, and you are the person named for it: ${p.processor}.`,
      },
      instructionsTitle: 'What to do',
      finish:
        'When you are done, open the link below, choose what you did and add a short note, for example where you looked. If you found nothing about the person, choose “We hold no data on this person”.',
      linkText: 'Open the task',
    },
    task: {
      dueBy: (p: { date: string }) => `Please answer by ${p.date}.`,
      linkOnce:
        'The link works once: when the answer has been sent it stops working. Please do not forward this email, as it contains personal data.',
      reference: (p: { reference: string }) => `Our reference: ${p.reference}`,
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
        overdue: (p: R) => `Request ${p.reference} was due and is not answered. The law gives one month (Article 12(3) GDPR), extendable by two months only if the subject was told why within the first month.`,
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
    filesIntro:
      'The data itself is in the files next to this page: one JSON file and one CSV file (opens in a spreadsheet program) per system.',
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
    attachmentNote:
      'Where a service provider sent us a file of its own, the file is in a folder of its own, exactly as the provider sent it.',
    asSent: '(as the provider sent it)',
    rightsTitle: 'Your rights',
    rightsIntro: 'You have these rights over your personal data. To use them, contact our data protection officer.',
    complaint: (p: { authority: string }) =>
      `You also have the right to complain to the supervisory authority, ${p.authority}.`,
  },
  /** The one-time page where a vendor's privacy contact or a member of staff answers their part of a request. */
  task: {
    siteName: 'Data subject requests',
    title: {
      access: 'Request for access to personal data',
      erasure: 'Request to erase personal data',
    },
    taskTitle: (p: R) => `Task: ${p.processor}`,
    intro: {
      email: {
        access: (p: R) =>
          `A person has asked ${p.controller} for a copy of their personal data (Article 15 GDPR). As the processor behind “${p.processor}”, please find all personal data you hold about this person on behalf of ${p.controller} and send it to us here.`,
        erasure: (p: R) =>
          `A person has asked ${p.controller} to erase their personal data (Article 17 GDPR). As the processor behind “${p.processor}”, please erase all personal data you hold about this person on behalf of ${p.controller}, including copies, and confirm it here.`,
      },
      manual: {
        access: (p: R) =>
          `A person has asked ${p.controller} for a copy of their personal data (Article 15 GDPR). Follow the instructions for ${p.processor} and record the outcome here.`,
        erasure: (p: R) =>
          `A person has asked ${p.controller} to erase their personal data (Article 17 GDPR). Follow the instructions for ${p.processor} and record the outcome here.`,
      },
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
      summary:
        'Du har rätt att få dina personuppgifter raderade. Vi raderar dem om inte lagen kräver att vi sparar dem, till exempel för bokföringen.',
    },
    restriction: {
      title: 'Rätt till begränsning av behandling (artikel 18)',
      summary:
        'Du har rätt att begära att vi tills vidare slutar använda dina uppgifter men behåller dem, till exempel medan vi kontrollerar om de stämmer.',
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
    erasure: 'Radering av dina personuppgifter',
  },
  form: {
    title: 'Begär ut dina personuppgifter eller begär att de raderas',
    intro:
      'Du kan fråga en organisation vilka personuppgifter den har om dig och få en kopia, eller be den radera uppgifterna. Du behöver inget konto.',
    introTo: ({ controller }: C) => `Din begäran skickas till ${controller}.`,
    noControllers: 'Just nu tar ingen organisation emot begäranden här.',
    controllerLabel: 'Vilken organisation gäller din begäran?',
    controllerPlaceholder: 'Välj organisation',
    typeLegend: 'Vad vill du begära?',
    typeLabel: {
      access: 'Ett registerutdrag – en kopia av mina personuppgifter',
      erasure: 'Radering av mina personuppgifter',
    },
    emailLabel: 'Din e-postadress',
    emailHint:
      'Ange den adress som organisationen har registrerad för dig. Vi skickar en länk dit så att du kan bekräfta begäran.',
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
    otherRightsTitle: 'Dina övriga rättigheter',
    otherRightsIntro:
      'Du har också rättigheterna nedan. De går ännu inte att begära via det här formuläret, så kontakta organisationen direkt, till exempel via kontaktuppgifterna i dess integritetspolicy.',
    errorSummaryTitle: 'Något behöver rättas',
    fieldErrors: {
      type: 'Välj vad du vill begära.',
      email: 'Ange din e-postadress, till exempel namn@example.org.',
      name: 'Kontrollera ditt namn.',
      locale: 'Välj språk.',
      controller: 'Välj vilken organisation din begäran gäller.',
      body: 'Vi kunde inte läsa formuläret. Fyll i det igen.',
    },
    inEnglish: 'På engelska:',
  },
  accepted: {
    title: 'Titta i din e-post',
    body: ({ controller }: C) =>
      `Om adressen du angav stämmer får du snart ett mejl med en länk för att bekräfta din begäran till ${controller}.`,
    expires: (p: { days: number }) => `Länken gäller i ${svDays(p.days)}. Ingenting händer förrän du har bekräftat.`,
    noDataHint:
      'Av hänsyn till din integritet framgår det varken här eller i mejlet om organisationen har några uppgifter om dig. Det får du veta när du har bekräftat.',
    noEmailTitle: 'Inget mejl?',
    noEmail:
      'Titta i mappen för skräppost. Om mejlet inte har kommit efter några minuter kan du kontrollera adressen och skicka formuläret igen.',
    sendAgain: 'Fyll i formuläret igen',
  },
  confirm: {
    title: {
      access: 'Bekräfta din begäran om registerutdrag',
      erasure: 'Bekräfta din begäran om radering',
    },
    what: {
      access: ({ controller }: C) =>
        `När du bekräftar söker ${controller} igenom alla system där personuppgifter lagras, samlar ihop det som finns om dig och mejlar dig en länk där du kan ladda ned det. I nedladdningen står också varför uppgifterna används, var de kommer ifrån, vem som får ta del av dem och hur länge de sparas.`,
      erasure: ({ controller }: C) =>
        `När du bekräftar raderar ${controller} dina personuppgifter i alla system där de lagras.`,
    },
    irreversible:
      'Det går inte att ångra: raderade uppgifter kan inte återställas. Tjänster som bygger på uppgifterna, till exempel ett medlemskap, kan upphöra.',
    kept:
      'Om lagen kräver att organisationen sparar vissa uppgifter, eller om uppgifter sparas för statistik utan något som kan identifiera dig, får du veta vad som sparades och varför.',
    button: {
      access: 'Bekräfta min begäran',
      erasure: 'Bekräfta radering',
    },
    notYou: 'Om du inte har begärt detta kan du stänga sidan. Ingenting händer då.',
  },
  confirmed: {
    title: 'Din begäran är bekräftad',
    received: ({ controller }: C) => `${controller} har tagit emot din begäran.`,
    due: (p: { date: string }) => `Du får svar senast den ${p.date}.`,
    next: {
      access: 'Du får ett mejl med en länk för nedladdning när dina uppgifter är klara.',
      erasure: 'Du får ett mejl när det är klart, med besked om vad som raderades i varje system.',
    },
    statusIntro: 'Du kan följa din begäran på statussidan. Behåll länken för dig själv – den är personlig.',
  },
  linkProblem: {
    expired: {
      title: 'Länken har slutat gälla',
      body: (p: { days: number }) =>
        `Länkar för bekräftelse gäller i ${svDays(p.days)}. Begäran bekräftades inte i tid, så ingenting har gjorts med den.`,
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
    withdrawExplain: 'Du kan återkalla begäran om du inte längre vill att vi behandlar den. Det som redan är gjort står sig: uppgifter som har raderats går inte att få tillbaka.',
    withdrawButton: 'Återkalla min begäran',
    withdrawnNotice: 'Din begäran är återkallad. Vi har slutat arbeta med den och meddelat de organisationer som fortfarande hanterade den.',
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
  packageExpired: {
    title: 'Nedladdningslänken fungerar inte längre',
    body: (p: { days: number }) =>
      `Nedladdningslänkar gäller i ${svDays(p.days)} från det att vi mejlar dem, och varje länk är personlig. Av säkerhetsskäl slutar länken fungera efter det.`,
    next: 'Om du behöver en ny kopia av dina uppgifter kan du göra en ny begäran.',
  },
  notFound: {
    title: 'Sidan hittades inte',
    body: 'Kontrollera att adressen är fullständig. Om du kom hit via en länk i ett mejl kan du öppna den igen direkt från mejlet.',
  },
  email: {
    greeting: 'Hej!',
    signoff: 'Vänliga hälsningar',
    verify: {
      subject: ({ controller }: C) => `Bekräfta din begäran till ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt ett registerutdrag från ${controller}, det vill säga en kopia av de personuppgifter som finns om den här e-postadressen.`,
        erasure: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} raderar de personuppgifter som finns om den här e-postadressen.`,
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
        access: ({ controller }: C) => `Svar på din begäran om registerutdrag från ${controller}`,
        erasure: ({ controller }: C) => `Resultat av din begäran om radering hos ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} har besvarat din begäran om registerutdrag.`,
        erasure: ({ controller }: C) => `${controller} har behandlat din begäran om radering av dina personuppgifter.`,
      },
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
        anonymised: (p: { count: number }) =>
          `uppgifter som kan identifiera dig togs bort från ${svRecords(p.count)}, resten sparas för statistik`,
        anonymisedUncounted: 'uppgifter som kan identifiera dig togs bort, resten sparas för statistik',
        noneHeld: 'här fanns inga uppgifter om dig',
        failed: 'inte klart än – vi följer upp och hör av oss till dig',
        held: (p: Held) =>
          `${p.count === undefined ? 'dina uppgifter' : svRecords(p.count)} sparas${p.date ? ` till den ${p.date}` : ''} eftersom lagen kräver det${p.basis ? ` (${p.basis})` : ''}; behandlingen av uppgifterna är begränsad: de används inte till något annat och raderas ${p.date ? 'då' : 'när skyldigheten att spara dem upphör'}`,
        suppressed: (p: { date?: string }) =>
          `för att du inte ska läggas till igen av misstag sparar vi din e-postadress i förvrängd form (ett hashvärde beräknat med en hemlig nyckel) ${p.date ? `till den ${p.date}` : 'under en begränsad tid'}, och adressen går inte att läsa ut ur den`,
        erasedConfirmed: 'dina uppgifter raderades på vår begäran, och raderingen är bekräftad',
        erasedConfirmedCount: (p: { count: number }) =>
          `${svRecords(p.count)} raderades på vår begäran, och raderingen är bekräftad`,
      },
      recipientsTitle: 'Vilka vi har underrättat om raderingen',
      recipientsIntro: 'Vi har underrättat de här mottagarna av dina uppgifter om raderingen (artikel 19 i dataskyddsförordningen):',
      failedNote:
        'I vissa system gick arbetet inte att slutföra automatiskt. Vi följer upp och meddelar dig resultatet.',
      statusIntro: 'Du kan när som helst se hur det går med din begäran:',
      questions: 'Har du frågor? Skriv till vårt dataskyddsombud:',
      complaint: (p: { authority: string }) =>
        `Om du inte är nöjd med hur vi har hanterat din begäran har du rätt att lämna klagomål till tillsynsmyndigheten ${p.authority}:`,
    },
    vendor: {
      subject: {
        access: (p: R) => `Begäran från ${p.controller} om tillgång till personuppgifter (ärende ${p.reference})`,
        erasure: (p: R) => `Begäran från ${p.controller} om radering av personuppgifter (ärende ${p.reference})`,
      },
      reminder: 'Påminnelse',
      reminderIntro: 'Det här är en påminnelse: vi har ännu inte fått ert svar på begäran nedan.',
      intro: {
        access: (p: R) =>
          `En person har begärt en kopia av sina personuppgifter från ${p.controller} (artikel 15 i dataskyddsförordningen). Ni behandlar personuppgifter på uppdrag av ${p.controller} (”${p.processor}” i vårt register) och ska som personuppgiftsbiträde hjälpa oss att besvara begäran (artikel 28.3 e i dataskyddsförordningen).`,
        erasure: (p: R) =>
          `En person har begärt radering av sina personuppgifter hos ${p.controller} (artikel 17 i dataskyddsförordningen). Ni behandlar personuppgifter på uppdrag av ${p.controller} (”${p.processor}” i vårt register) och ska som personuppgiftsbiträde hjälpa oss att genomföra begäran (artikel 28.3 e i dataskyddsförordningen).`,
      },
      todo: {
        access:
          'Ta fram alla personuppgifter om personen som ni behandlar för vår räkning. Öppna sedan länken nedan, välj ”Utfört enligt begäran” och bifoga uppgifterna som en fil (till exempel ZIP, JSON eller CSV). Skicka inte uppgifterna med e-post. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        erasure:
          'Radera alla personuppgifter om personen som ni behandlar för vår räkning, även kopior, och se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”. Om lagen kräver att ni sparar vissa uppgifter skriver ni i meddelandet vad ni har sparat och varför.',
      },
      linkText: 'Öppna svarssidan',
    },
    staff: {
      subject: {
        access: (p: R) => `Uppgift: ${p.processor} – begäran om registerutdrag ${p.reference}`,
        erasure: (p: R) => `Uppgift: ${p.processor} – begäran om radering ${p.reference}`,
      },
      intro: {
        access: (p: R) =>
          `En person har begärt en kopia av sina personuppgifter från ${p.controller} (artikel 15 i dataskyddsförordningen). En del av arbetet måste göras för hand, och du är utsedd att göra det: ${p.processor}.`,
        erasure: (p: R) =>
          `En person har begärt radering av sina personuppgifter hos ${p.controller} (artikel 17 i dataskyddsförordningen). En del av arbetet måste göras för hand, och du är utsedd att göra det: ${p.processor}.`,
      },
      instructionsTitle: 'Så här gör du',
      finish:
        'När du är klar öppnar du länken nedan, väljer vad du har gjort och skriver ett kort meddelande, till exempel var du har letat. Om du inte hittade något om personen väljer du ”Vi har inga uppgifter om personen”.',
      linkText: 'Öppna uppgiften',
    },
    task: {
      dueBy: (p: { date: string }) => `Svara senast den ${p.date}.`,
      linkOnce:
        'Länken fungerar en gång: när svaret har skickats slutar den att fungera. Vidarebefordra inte mejlet, eftersom det innehåller personuppgifter.',
      reference: (p: { reference: string }) => `Vårt ärendenummer: ${p.reference}`,
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
        overdue: (p: R) => `Ärende ${p.reference} skulle ha besvarats och är inte besvarat. Lagen ger en månad (artikel 12.3 i GDPR), som bara får förlängas med två månader om den registrerade fick veta varför inom den första månaden.`,
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
    filesIntro:
      'Själva uppgifterna finns i filerna bredvid den här sidan: en JSON-fil och en CSV-fil (öppnas i ett kalkylprogram) per system.',
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
    attachmentNote:
      'Om en leverantör har skickat oss en egen fil ligger den i en egen mapp, precis som leverantören skickade den.',
    asSent: '(som leverantören skickade den)',
    rightsTitle: 'Dina rättigheter',
    rightsIntro: 'Du har de här rättigheterna när det gäller dina personuppgifter. Kontakta vårt dataskyddsombud om du vill använda dem.',
    complaint: (p: { authority: string }) =>
      `Du har också rätt att lämna klagomål till tillsynsmyndigheten ${p.authority}.`,
  },
  task: {
    siteName: 'Begäranden från registrerade',
    title: {
      access: 'Begäran om tillgång till personuppgifter',
      erasure: 'Begäran om radering av personuppgifter',
    },
    taskTitle: (p: R) => `Uppgift: ${p.processor}`,
    intro: {
      email: {
        access: (p: R) =>
          `En person har begärt en kopia av sina personuppgifter från ${p.controller} (artikel 15 i dataskyddsförordningen). Som personuppgiftsbiträde för ”${p.processor}” ber vi er ta fram alla personuppgifter om personen som ni behandlar på uppdrag av ${p.controller} och skicka dem till oss här.`,
        erasure: (p: R) =>
          `En person har begärt radering av sina personuppgifter hos ${p.controller} (artikel 17 i dataskyddsförordningen). Som personuppgiftsbiträde för ”${p.processor}” ber vi er radera alla personuppgifter om personen som ni behandlar på uppdrag av ${p.controller}, även kopior, och bekräfta det här.`,
      },
      manual: {
        access: (p: R) =>
          `En person har begärt en kopia av sina personuppgifter från ${p.controller} (artikel 15 i dataskyddsförordningen). Följ instruktionerna för ${p.processor} och registrera resultatet här.`,
        erasure: (p: R) =>
          `En person har begärt radering av sina personuppgifter hos ${p.controller} (artikel 17 i dataskyddsförordningen). Följ instruktionerna för ${p.processor} och registrera resultatet här.`,
      },
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
      summary:
        'Zahtevate lahko, da vaše osebne podatke izbrišemo. Izbrišemo jih, razen če jih moramo po zakonu hraniti, na primer za računovodske namene.',
    },
    restriction: {
      title: 'Pravica do omejitve obdelave (18. člen)',
      summary:
        'Zahtevate lahko, da vaših podatkov začasno ne uporabljamo, vendar jih še hranimo, na primer dokler preverjamo, ali so točni.',
    },
    objection: {
      title: 'Pravica do ugovora (21. člen)',
      summary:
        'Obdelavi vaših podatkov, ki temelji na našem zakonitem interesu, lahko ugovarjate, neposrednemu trženju pa lahko ugovarjate kadar koli.',
    },
    withdraw_consent: {
      title: 'Pravica do preklica privolitve (tretji odstavek 7. člena)',
      summary:
        'Kadar vaše podatke uporabljamo na podlagi vaše privolitve, jo lahko kadar koli prekličete. Preklic ne vpliva na obdelavo, ki je bila izvedena pred njim.',
    },
  },
  requestType: {
    access: 'Kopija vaših osebnih podatkov',
    erasure: 'Izbris vaših osebnih podatkov',
  },
  form: {
    title: 'Pridobite kopijo svojih osebnih podatkov ali zahtevajte njihov izbris',
    intro:
      'Organizacijo lahko vprašate, katere osebne podatke hrani o vas, in prejmete njihovo kopijo ali pa zahtevate, da jih izbriše. Uporabniškega računa ne potrebujete.',
    introTo: ({ controller }: C) => `Vaša zahteva bo poslana organizaciji ${controller}.`,
    noControllers: 'Trenutno nobena organizacija tukaj ne sprejema zahtev.',
    controllerLabel: 'Na katero organizacijo se nanaša vaša zahteva?',
    controllerPlaceholder: 'Izberite organizacijo',
    typeLegend: 'Kaj želite zahtevati?',
    typeLabel: {
      access: 'Kopijo mojih osebnih podatkov (dostop)',
      erasure: 'Izbris mojih osebnih podatkov',
    },
    emailLabel: 'Vaš e-poštni naslov',
    emailHint:
      'Vpišite naslov, pod katerim vas organizacija pozna. Nanj vam bomo poslali povezavo, s katero potrdite zahtevo.',
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
    otherRightsTitle: 'Vaše druge pravice',
    otherRightsIntro:
      'Imate tudi spodaj navedene pravice. Prek tega obrazca jih še ni mogoče uveljavljati, zato se obrnite neposredno na organizacijo, na primer prek kontaktnih podatkov v njeni politiki zasebnosti.',
    errorSummaryTitle: 'Nekaj je treba popraviti',
    fieldErrors: {
      type: 'Izberite, kaj želite zahtevati.',
      email: 'Vpišite svoj e-poštni naslov, na primer ime@example.org.',
      name: 'Preverite svoje ime.',
      locale: 'Izberite jezik.',
      controller: 'Izberite organizacijo, na katero se nanaša zahteva.',
      body: 'Obrazca nismo mogli prebrati. Prosimo, izpolnite ga znova.',
    },
    inEnglish: 'V angleščini:',
  },
  accepted: {
    title: 'Preverite svojo e-pošto',
    body: ({ controller }: C) =>
      `Če ste vpisali pravilen naslov, boste kmalu prejeli e-poštno sporočilo s povezavo za potrditev zahteve, naslovljene na organizacijo ${controller}.`,
    expires: (p: { days: number }) =>
      `Povezava velja ${slDays(p.days)}. Dokler zahteve ne potrdite, se ne zgodi nič.`,
    noDataHint:
      'Zaradi varovanja vaše zasebnosti niti ta stran niti e-poštno sporočilo ne razkrivata, ali organizacija o vas hrani kakršne koli podatke. To boste izvedeli, ko boste zahtevo potrdili.',
    noEmailTitle: 'Niste prejeli sporočila?',
    noEmail:
      'Preverite mapo z neželeno pošto. Če sporočila po nekaj minutah še vedno ni, preverite naslov in obrazec pošljite znova.',
    sendAgain: 'Ponovno izpolnite obrazec',
  },
  confirm: {
    title: {
      access: 'Potrdite zahtevo za kopijo osebnih podatkov',
      erasure: 'Potrdite zahtevo za izbris osebnih podatkov',
    },
    what: {
      access: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} pregleda vse sisteme, v katerih hrani osebne podatke, zbere podatke o vas in vam po e-pošti pošlje povezavo za prenos. V prenosu je pojasnjeno tudi, za kaj se podatki uporabljajo, od kod izvirajo, komu se posredujejo in kako dolgo se hranijo.`,
      erasure: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} izbriše vaše osebne podatke iz vseh sistemov, v katerih jih hrani.`,
    },
    irreversible:
      'Tega ni mogoče razveljaviti: izbrisanih podatkov ni mogoče obnoviti. Storitve, ki temeljijo na teh podatkih, na primer članstvo, lahko prenehajo.',
    kept:
      'Če mora organizacija nekatere podatke po zakonu hraniti ali če zapise za statistične namene hrani brez vsega, kar bi vas lahko identificiralo, vam bomo sporočili, kaj je bilo ohranjeno in zakaj.',
    button: {
      access: 'Potrjujem zahtevo',
      erasure: 'Potrjujem izbris',
    },
    notYou: 'Če tega niste zahtevali, zaprite to stran. Nič se ne bo zgodilo.',
  },
  confirmed: {
    title: 'Vaša zahteva je potrjena',
    received: ({ controller }: C) => `Organizacija ${controller} je prejela vašo zahtevo.`,
    due: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
    next: {
      access: 'Ko bodo vaši podatki pripravljeni, vam bomo po e-pošti poslali povezavo za prenos.',
      erasure: 'Ko bo izbris končan, vam bomo po e-pošti sporočili, kaj je bilo izbrisano v posameznem sistemu.',
    },
    statusIntro:
      'Potek zahteve lahko spremljate na strani s stanjem zahteve. Povezave ne delite z drugimi, saj je namenjena samo vam.',
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
  packageExpired: {
    title: 'Povezava za prenos ne deluje več',
    body: (p: { days: number }) =>
      `Povezave za prenos veljajo ${slDays(p.days)} od trenutka, ko jih pošljemo, in so namenjene samo vam. Zaradi varnosti povezava po tem preneha delovati.`,
    next: 'Če znova potrebujete kopijo svojih podatkov, oddajte novo zahtevo.',
  },
  notFound: {
    title: 'Strani ni mogoče najti',
    body: 'Preverite, ali je naslov popoln. Če ste sem prišli prek povezave v e-poštnem sporočilu, jo znova odprite neposredno iz sporočila.',
  },
  email: {
    greeting: 'Pozdravljeni,',
    signoff: 'Lep pozdrav,',
    verify: {
      subject: ({ controller }: C) => `Potrdite zahtevo, poslano organizaciji ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval kopijo osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        erasure: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval izbris osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
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
        access: ({ controller }: C) => `Odgovor na vašo zahtevo za kopijo podatkov pri organizaciji ${controller}`,
        erasure: ({ controller }: C) => `Izid vaše zahteve za izbris pri organizaciji ${controller}`,
      },
      intro: {
        access: ({ controller }: C) =>
          `Organizacija ${controller} je odgovorila na vašo zahtevo za kopijo osebnih podatkov.`,
        erasure: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala vašo zahtevo za izbris osebnih podatkov.`,
      },
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
        anonymisedUncounted:
          'odstranili smo podatke, po katerih bi vas bilo mogoče prepoznati, preostanek hranimo za statistične namene',
        noneHeld: 'tu ni bilo podatkov o vas',
        failed: 'še ni zaključeno – naše osebje bo zadevo preverilo in se vam oglasilo',
        held: (p: Held) =>
          `hranimo ${p.count === undefined ? 'vaše podatke' : slRecordsAcc(p.count)}, ker to zahteva zakon${p.basis ? ` (${p.basis})` : ''}; obdelava teh podatkov je omejena: ne uporabljamo jih za noben drug namen, izbrisali pa jih bomo${p.date ? ` po izteku roka hrambe (${p.date})` : ', ko obveznost hrambe preneha'}`,
        suppressed: (p: { date?: string }) =>
          `da vas pomotoma ne bi znova dodali, vaš e-poštni naslov hranimo v nečitljivi obliki (kot zgoščeno vrednost, izračunano s tajnim ključem), iz katere naslova ni mogoče razbrati${p.date ? ` – rok hrambe: ${p.date}` : ', in to le omejen čas'}`,
        erasedConfirmed: 'vaši podatki so bili na našo zahtevo izbrisani, izbris je potrjen',
        erasedConfirmedCount: (p: { count: number }) => `na našo zahtevo so izbrisali ${slRecordsAcc(p.count)}, izbris je potrjen`,
      },
      recipientsTitle: 'Koga smo obvestili o izbrisu',
      recipientsIntro:
        'O izbrisu smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      failedNote:
        'V nekaterih sistemih dela ni bilo mogoče samodejno dokončati. Naše osebje bo zadevo preverilo in vam sporočilo izid.',
      statusIntro: 'Stanje zahteve lahko kadar koli preverite tukaj:',
      questions: 'Imate vprašanja? Pišite naši pooblaščeni osebi za varstvo podatkov:',
      complaint: (p: { authority: string }) =>
        `Če niste zadovoljni z obravnavo svoje zahteve, imate pravico vložiti pritožbo pri nadzornem organu (${p.authority}):`,
    },
    vendor: {
      subject: {
        access: (p: R) => `Zahteva za dostop do osebnih podatkov – ${p.controller} (št. ${p.reference})`,
        erasure: (p: R) => `Zahteva za izbris osebnih podatkov – ${p.controller} (št. ${p.reference})`,
      },
      reminder: 'Opomnik',
      reminderIntro: 'To je opomnik: na spodnjo zahtevo še nismo prejeli vašega odgovora.',
      intro: {
        access: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov). Osebne podatke obdelujete v imenu organizacije ${p.controller} (v naši evidenci: »${p.processor}«), zato nam morate kot obdelovalec pomagati odgovoriti na zahtevo (točka (e) tretjega odstavka 28. člena Splošne uredbe o varstvu podatkov).`,
        erasure: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov). Osebne podatke obdelujete v imenu organizacije ${p.controller} (v naši evidenci: »${p.processor}«), zato nam morate kot obdelovalec pomagati izvesti zahtevo (točka (e) tretjega odstavka 28. člena Splošne uredbe o varstvu podatkov).`,
      },
      todo: {
        access:
          'Poiščite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu. Nato odprite spodnjo povezavo, izberite »Opravljeno, kot je zahtevano« in priložite podatke kot eno datoteko (na primer ZIP, JSON ali CSV). Podatkov ne pošiljajte po e-pošti. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        erasure:
          'Izbrišite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu, vključno s kopijami, in poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«. Če morate nekatere podatke po zakonu hraniti, v opombi navedite, katere in zakaj.',
      },
      linkText: 'Odprite stran za odgovor',
    },
    staff: {
      subject: {
        access: (p: R) => `Naloga: ${p.processor} – zahteva za dostop ${p.reference}`,
        erasure: (p: R) => `Naloga: ${p.processor} – zahteva za izbris ${p.reference}`,
      },
      intro: {
        access: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov). Del dela je treba opraviti ročno, za to pa ste določeni vi: ${p.processor}.`,
        erasure: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov). Del dela je treba opraviti ročno, za to pa ste določeni vi: ${p.processor}.`,
      },
      instructionsTitle: 'Kaj je treba storiti',
      finish:
        'Ko končate, odprite spodnjo povezavo, izberite, kaj ste storili, in dodajte kratko opombo, na primer kje ste iskali. Če o osebi niste našli ničesar, izberite »O tej osebi nimamo podatkov«.',
      linkText: 'Odprite nalogo',
    },
    task: {
      dueBy: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
      linkOnce:
        'Povezava deluje samo enkrat: ko je odgovor poslan, preneha delovati. Sporočila ne posredujte naprej, saj vsebuje osebne podatke.',
      reference: (p: { reference: string }) => `Naša številka zahteve: ${p.reference}`,
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
        overdue: (p: R) => `Rok za odgovor na zahtevo ${p.reference} je potekel, odgovora pa še ni. Zakon določa en mesec (člen 12(3) GSVP), ki ga je mogoče podaljšati za dva meseca le, če je bil posameznik o razlogih obveščen v prvem mesecu.`,
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
      intro: (p: R) =>
        `Zahteva ${p.reference} pri organizaciji ${p.controller} potrebuje vašo pozornost: del zahteve (${p.processor}) ni dokončan.`,
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
      due: (p: { date: string }) =>
        `Rok za odgovor posamezniku: ${p.date} (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
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
    filesIntro:
      'Sami podatki so v datotekah poleg te strani: za vsak sistem ena datoteka JSON in ena datoteka CSV (odprete jo v programu za preglednice).',
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
    complaint: (p: { authority: string }) =>
      `Imate tudi pravico vložiti pritožbo pri nadzornem organu (${p.authority}).`,
  },
  task: {
    siteName: 'Zahteve posameznikov glede osebnih podatkov',
    title: {
      access: 'Zahteva za dostop do osebnih podatkov',
      erasure: 'Zahteva za izbris osebnih podatkov',
    },
    taskTitle: (p: R) => `Naloga: ${p.processor}`,
    intro: {
      email: {
        access: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov). Kot obdelovalca za »${p.processor}« vas prosimo, da poiščete vse osebne podatke o tej osebi, ki jih obdelujete v imenu organizacije ${p.controller}, in nam jih pošljete tukaj.`,
        erasure: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov). Kot obdelovalca za »${p.processor}« vas prosimo, da izbrišete vse osebne podatke o tej osebi, ki jih obdelujete v imenu organizacije ${p.controller}, vključno s kopijami, in izbris potrdite tukaj.`,
      },
      manual: {
        access: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov). Sledite navodilom za »${p.processor}« in tukaj vpišite izid.`,
        erasure: (p: R) =>
          `Posameznik je pri organizaciji ${p.controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov). Sledite navodilom za »${p.processor}« in tukaj vpišite izid.`,
      },
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
};

export const texts: Record<Locale, Texts> = { en, sv, sl };

/** The texts of a locale, falling back to English for anything that is not a known locale. */
export function textsFor(locale: unknown): Texts {
  return texts[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
