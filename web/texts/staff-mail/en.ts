import type { R, RW } from '../params.ts';

/** The words of emails to staff and the DPO: a request waits for a decision, the subject answered, a deadline nears, a processor needs attention, in English: the shape the other languages are checked against. */
export const en = {
  email: {
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
        representation: 'Someone asks for another person, as their parent or with their mandate: check the document they sent before anything is done.',
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
    /** To staff: the controller's own target for answering (not the legal deadline) is today, or passed. */
    target: {
      subject: (p: R) => `Internal target: request ${p.reference} to ${p.controller}`,
      intro: (p: R) => `We aim to answer request ${p.reference} sooner than the law requires, and it is not finished yet.`,
      target: (p: { date: string }) => `Our internal target: ${p.date}. This is not the legal deadline, and the request is not overdue.`,
      due: (p: { date: string }) => `Legal deadline: ${p.date}.`,
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
        undeliverable: (p: R) => `Needs attention: our email to ${p.processor} could not be delivered (request ${p.reference})`,
      },
      intro: (p: R) => `Request ${p.reference} to ${p.controller} needs your attention: ${p.processor} has not finished its part.`,
      kind: {
        opendsr: (p: R) => `${p.processor} is a service provider we reach through its OpenDSR API.`,
        email: (p: R) => `${p.processor} is a service provider we ask by email.`,
        manual: (p: R) => `${p.processor} is a task for our staff.`,
        dynamodb: (p: R) => `${p.processor} is one of our own databases.`,
        sql: (p: R) => `${p.processor} is one of our own databases.`,
      },
      reason: {
        no_answer: 'No answer has come in the time allowed.',
        failed: 'The work there failed and could not be finished automatically.',
        timed_out: 'No answer came before the waiting time ran out, so this part of the request is now recorded as failed.',
        undeliverable: 'The email asking for this part of the request could not be delivered (the address bounced it), so nobody there knows of it yet.',
      },
      advice: {
        opendsr: 'Check the provider’s OpenDSR service or contact the provider, and make sure the request is carried out there.',
        email: 'Contact the provider’s privacy contact directly.',
        manual: 'Ask the person the task was given to, or do the task yourself.',
        dynamodb: 'Look up the error class in the request’s audit log, fix the cause and run the request again.',
        sql: 'Look up the error class in the request’s audit log, fix the cause and run the request again.',
      },
      link: 'You can record the answer yourself on the task page. The link works once:',
      linkText: 'Open the task page',
      due: (p: { date: string }) => `The person must be answered by ${p.date} (Article 12(3) GDPR).`,
      noPersonalData: 'For privacy, this email names no person. Find the request by its reference.',
      automatic: 'This email was sent automatically by the data subject request service.',
    },
  },
};

/** The shape of the staff-mail area’s words: every language has exactly these keys. */
export type StaffMailTexts = typeof en;
