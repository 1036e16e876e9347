import type { C, R, RA, RW } from '../params.ts';

/** The words of a processor’s or a staff member’s part of a request: the task emails and the one-time task page, in English: the shape the other languages are checked against. */
export const en = {
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
    personTitle: 'The person the request is about',
    identity: {
      email: 'Email address',
      name: 'Name',
      phone: 'Phone number',
      customerNumber: 'Customer number',
      memberNumber: 'Membership number',
      username: 'Username',
    },
    instructionsTitle: 'Instructions',
    outcomeLegend: 'What was done?',
    outcome: {
      done: 'Done as asked',
      not_found: 'We hold no data on this person',
      retained: 'Kept: the law requires keeping the data',
      partly: 'Done in part: some data was kept',
    },
    doneHint: {
      erasure: 'All personal data on this person has been erased, including copies.',
      access: 'Describe in the note what was found and where.',
      accessUpload: 'Attach the data below as one file.',
      rectify: 'The data has been corrected as asked, everywhere it is kept.',
      restrict: 'The data is marked as restricted and used for nothing else.',
    },
    notFoundHint: 'The data was searched and nothing about this person was found.',
    retainedHint: 'Nothing was erased or changed, because the data must be kept. Give the legal basis below, and until when if you know.',
    partlyHint: 'Some of it was done. Say below what was kept and why, and until when if you know.',
    keptLegend: 'If data was kept',
    basisLabel: 'Legal basis for keeping it',
    basisHint: 'Only for “Kept”. For example the law and section that requires keeping it.',
    keptLabel: 'What was kept',
    keptHint: 'Only for “Done in part”. For example: invoices from the last seven years.',
    reasonLabel: 'Why it was kept',
    reasonHint: 'Only for “Done in part”. For example the law that requires keeping it.',
    untilLabel: 'Kept until (optional)',
    untilHint: 'The date the kept data will be deleted, if known (YYYY-MM-DD).',
    errorTitle: 'The answer was not sent: please check it',
    errors: {
      outcome: 'Choose what was done.',
      basis: 'Give the legal basis the data is kept on (at most 500 characters).',
      kept: 'Say what was kept (at most 1,000 characters).',
      reason: 'Say why it was kept (at most 1,000 characters).',
      until: 'Give a date in the future (YYYY-MM-DD), or leave it empty.',
      export: 'Attach the data you found as one file, or choose “We hold no data on this person” if there is nothing to send.',
    },
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
    withdrawn: {
      title: 'This request was withdrawn',
      body: 'The person withdrew the request, so nothing more is needed for it and this link no longer takes an answer. What was already done need not be undone. You can close this page.',
    },
    invalid: {
      title: 'This link does not work',
      body: 'The link may be incomplete, or the request may have been closed or withdrawn. Open the link again straight from the email, and make sure you copy all of it.',
      next: 'If it still does not work, contact the organisation that sent you the link.',
    },
  },
  email: {
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
          'Please erase all personal data you hold about this person on our behalf, including copies, and make sure any sub-processors do the same. Then open the link below and choose “Done as asked”. If you hold no data about the person, choose “We hold no data on this person”. If the law requires you to keep the data, choose “Kept” and give the legal basis; if you kept some of it, choose “Done in part” and say what you kept and why.',
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
        erase:
          'Here: erase the person’s data, including copies. If the law requires keeping it, choose “Kept” or “Done in part” and say what you kept and why.',
        rectify: 'Here: correct the data as described below, wherever it is kept.',
        restrict: 'Here: mark the person’s data as restricted. Keep it, but use it for nothing else until the restriction is lifted.',
      },
      instructionsTitle: 'What to do',
      finish:
        'When you are done, open the link below, choose what you did and add a short note, for example where you looked. If you found nothing about the person, choose “We hold no data on this person”.',
      linkText: 'Open the task',
    },
    /** To the vendor or staff member a request was sent to, when the person withdrew it before they answered. */
    withdrawn: {
      subject: (p: R) => `Withdrawn: request ${p.reference} from ${p.controller} (${p.processor})`,
      intro: (p: R) =>
        `The person behind request ${p.reference} to ${p.controller} has withdrawn it. The part we asked of ${p.processor} need not be done: please stop any work on it that has not been done yet.`,
      nothingMore: 'There is nothing to answer: the link in our earlier email no longer works. What has already been done need not be undone.',
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
  },
};

/** The shape of the task area’s words: every language has exactly these keys. */
export type TaskTexts = typeof en;
