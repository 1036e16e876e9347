import { enDays } from '../counts.ts';
import type { C } from '../params.ts';

/** The words of the pages about one request: confirming it, its status, answering a question, an expired download, unsubscribing, in English: the shape the other languages are checked against. */
export const en = {
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
    statusIntro:
      'You can follow your request on its status page. Keep the link to yourself: it is personal. This page shows it only once; the emails we send you about the request carry it too.',
  },
  /** The receipt emailed once, right after the subject confirmed the request. */
  receipt: {
    subject: (p: C) => `Your request to ${p.controller} is confirmed`,
    intro: (p: C) => `Thank you for confirming your request. ${p.controller} has received it and will answer it by the deadline below.`,
    factsTitle: 'Your request',
    reference: 'Reference',
    type: 'What you asked for',
    right: 'Your right',
    due: 'Answer due by',
    deadline:
      'The law gives us one month to answer (Article 12(3) GDPR). If the request is complex, or we have many, we may extend this by up to two further months; we would tell you why within the first month.',
    statusIntro: 'You can follow your request on its status page. Keep the link to yourself: it is personal.',
    keep: 'Keep this email: the reference identifies your request if you write to us about it.',
    /** A request staff recorded from a letter, call, email or visit: how and when it reached us. */
    entered: {
      subject: (p: C) => `${p.controller} has received your request`,
      intro: (p: C & { channel: string; date: string }) =>
        `${p.controller} received your request ${p.channel} on ${p.date} and has recorded it. We will answer it by the deadline below.`,
      received: 'Received',
      how: (p: { channel: string; date: string }) => `${p.channel}, ${p.date}`,
      channels: { letter: 'by letter', phone: 'by phone', email: 'by email', in_person: 'in person' },
    },
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
      statusShownOnce:
        'The link to follow your request was shown once, on the page after you confirmed it, and the emails we send you about the request carry it. For your safety this link does not show it again.',
      next: 'If you want to make another request, use the form.',
    },
    invalid: {
      title: 'This link does not work',
      body: 'The link may have been cut off when it was copied. Try opening it again straight from the email, or copy the whole link.',
      next: 'If that does not help, please send a new request.',
    },
  },
  /** Where the status page and the receipt email send questions (the rest of the status page is in ../status). */
  status: {
    questions: 'Questions about your request? Write to our data protection officer:',
  },
  /** After the subject answered staff's question on the status page. */
  replyReceived: {
    title: 'Thank you – we have your answer',
    body: 'Our staff will look at it and go on with your request. We will email you when there is news.',
  },
  packageExpired: {
    title: 'This download link no longer works',
    body: (p: { days: number }) =>
      `Download links work for ${enDays(p.days)} after we email them, and each link is personal. For your security, the link stops working after that.`,
    next: 'If you need a copy of your data again, please send a new request.',
    deletedTitle: 'Your copy of the data has been deleted',
    deletedBody: (p: { date: string }) => `The download link expired and the copy of your data was deleted on ${p.date}, so it can no longer be downloaded.`,
  },
};

/** The shape of the request area’s words: every language has exactly these keys. */
export type RequestTexts = typeof en;
