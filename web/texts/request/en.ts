import { enDays, enMonths } from '../counts.ts';
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
    /** While staff's question waits for the subject: the one status the page shows, and the deadline that waits with it. */
    awaitingFee: {
      label: 'Waiting for payment of a fee',
      description: 'We will go on with your request once the fee below has been paid (Article 12(5) GDPR). You may withdraw the request instead.',
    },
    feeTitle: 'A fee for your request',
    feeAmount: (p: { amount: string }) => `Fee: ${p.amount}`,
    feeReason: 'Why we charge it',
    feeHowToPay: 'To ask how to pay, or if you think the fee is not reasonable, write to the address below.',
    dueAtPausedForFee: 'Paused until the fee is paid',
    feePaid: (p: { amount: string; date: string }) => `The fee of ${p.amount} was paid on ${p.date}.`,
    awaitingAnswer: {
      label: 'We need more information from you',
      description: 'Our staff have a question for you. Please answer it below so that we can go on with your request.',
    },
    dueAtPaused: 'Paused until you answer our question',
    answeredAt: 'Your answer received',
    downloadTitle: 'Your copy of the data',
    downloadEmailed: (p: { date: string }) =>
      `We emailed you a link to download it. For your security the link is only in that email, not on this page. It works until ${p.date}.`,
    downloadExpired: (p: { date: string }) => `The download link we emailed you stopped working on ${p.date}.`,
    questions: 'Questions about your request? Write to our data protection officer:',
    withdrawTitle: 'Withdraw your request',
    withdrawExplain:
      'You can withdraw this request if you no longer want it handled. Work that is already done stays done: data that was erased cannot be brought back.',
    withdrawButton: 'Withdraw my request',
    withdrawnAt: 'Withdrawn on',
    extensionTitle: 'The deadline is extended',
    extension: (p: { months: number; date: string }) =>
      `The law lets us extend the deadline by up to two further months when requests are complex or numerous (Article 12(3) GDPR). We have extended it by ${enMonths(p.months)}; the new deadline is ${p.date}.`,
    extensionReasons: 'Why:',
    denialTitle: 'Why your request was refused',
    infoRequestTitle: 'Our question',
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
        label: 'Withdrawn',
        description:
          'You withdrew this request. We stopped working on it and are telling the organisations that were still handling it to stop, wherever they offer a way to be told. Work that was already done stays done.',
      },
      undeliverable: {
        label: 'Closed – email could not be delivered',
        description:
          'The confirmation email could not be delivered to the address given, so the request could not be confirmed and nothing was done with it. The address has been deleted. You are welcome to send the request again with another address.',
      },
    },
    branchStatus: {
      pending: 'Waiting',
      running: 'In progress',
      waiting: 'Waiting for an answer',
      completed: 'Done',
      failed: 'Problem – staff will follow up',
      stopped: 'Stopped – request withdrawn',
      kept: 'Done in part – some data kept (see our answer)',
    },
  },
  /** Withdrawing a request: the page that asks to confirm, and the receipt emailed afterwards. */
  withdrawal: {
    title: 'Withdraw your request?',
    intro: ({ controller }: C) => `You are about to withdraw your request to ${controller}.`,
    stop: 'We stop working on it at once and tell the organisations still handling it to stop, wherever they offer a way to be told.',
    kept: 'Work that is already done stays done: data that was erased cannot be brought back.',
    noAnswer: 'You will not get an answer to this request. If you change your mind later, you can make a new request.',
    receiptNote: 'We will email you a receipt.',
    confirmButton: 'Yes, withdraw my request',
    keep: 'No, keep my request',
    receipt: {
      subject: (p: C & { reference: string }) => `Your request to ${p.controller} is withdrawn (ref. ${p.reference})`,
      intro: (p: C & { date: string }) =>
        `We have recorded that you withdrew your request to ${p.controller} on ${p.date}. We have stopped working on it and will not send you an answer to it.`,
      factsTitle: 'Your request',
      reference: 'Reference',
      type: 'Request',
      done: 'Work that was already done stays done: data that was erased cannot be brought back. We are telling the organisations that were still handling the request to stop, wherever they offer a way to be told.',
      again: 'If you did not mean to withdraw it, or want it handled after all, you can make a new request with the form:',
      formLink: 'Make a new request',
    },
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
  /** A status link whose request's personal data has been erased: it ended with them. */
  statusEnded: {
    title: 'This status link no longer works',
    body: (p: { date: string }) =>
      `Your email address, your name and what you wrote to us were erased from this request on ${p.date}, and its status link ended with them. We keep only a record that the request was answered.`,
    /** The same, for a request the subject withdrew. */
    withdrawnBody: (p: { date: string }) =>
      `This request was withdrawn. Your email address, your name and what you wrote to us were erased from it on ${p.date}, and its status link ended with them. We keep only a record that it was withdrawn.`,
    next: 'If you want to make another request, use the form.',
  },
};

/** The shape of the request area’s words: every language has exactly these keys. */
export type RequestTexts = typeof en;
