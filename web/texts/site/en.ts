/** The words of every page a data subject sees: the frame, the rights explained, the kinds of request, the page for a wrong address, in English: the shape the other languages are checked against. */
export const en = {
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
    /** A field's error when the page has no words of its own for it. */
    checkField: 'Check what you entered here.',
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
  notFound: {
    title: 'Page not found',
    body: 'Check that the address is complete. If you came here from a link in an email, open it again straight from the email.',
  },
};

/** The shape of the site area’s words: every language has exactly these keys. */
export type SiteTexts = typeof en;
