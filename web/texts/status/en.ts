import { enMonths } from '../counts.ts';
import type { C } from '../params.ts';

/** The words of a request’s status page, withdrawing it, and a status link that has ended, in English: the shape the other languages are checked against. */
export const en = {
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

/** The shape of the status area’s words: every language has exactly these keys. */
export type StatusTexts = typeof en;
