/** The words of the public transparency page, in English: the shape the other languages are checked against. */
export const en = {
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
    notYetUntil: (p: { date: string }) => `No figures have been published yet. The first will appear here by ${p.date}.`,
    measure: 'Requests',
    ownRequestTitle: 'Your own data',
    ownRequest: (p: { controller: string }) => `To see, correct or erase the data ${p.controller} holds about you, make a request:`,
    formLink: 'Make a request about your data',
    dpo: 'Questions about these figures or about how we handle personal data? Write to our data protection officer:',
  },
};

/** The shape of the transparency area’s words: every language has exactly these keys. */
export type TransparencyTexts = typeof en;
