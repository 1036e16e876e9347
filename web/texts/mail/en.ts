/** The words of what every email shares: greeting, sign-off, the notice of an email sent again, and the short names of requests, in English: the shape the other languages are checked against. */
export const en = {
  email: {
    greeting: 'Hello,',
    signoff: 'Kind regards,',
    /** An email sent again because we could not tell whether the first one went (a crash between sending and recording). */
    repeat: {
      subjectPrefix: 'Sent again',
      notice:
        'We may have sent you this email already: an interruption on our side stopped us from recording that it went. If you have it twice, use this one: its links replace those of the earlier email.',
    },
    /** Every email to the person about a request names it, in the subject and the body, so each can be told apart and found again. */
    reference: {
      subject: (p: { subject: string; reference: string }) => `${p.subject} (ref. ${p.reference})`,
      line: (p: { reference: string }) => `Reference: ${p.reference}`,
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
  },
};

/** The shape of the mail area’s words: every language has exactly these keys. */
export type MailTexts = typeof en;
