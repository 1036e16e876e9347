import { enMonths, enRecords } from '../counts.ts';
import type { C, Den, Held, Partly, Retained } from '../params.ts';

/** The words of the answers a data subject receives: the completion email, refusals, extensions, questions, restriction notices, and the access package’s summary page, in English: the shape the other languages are checked against. */
export const en = {
  package: {
    title: ({ controller }: C) => `Your personal data held by ${controller}`,
    intro:
      'This package answers your request for access (Article 15 GDPR). For each system it shows the data we hold about you and the information the law entitles you to.',
    reference: 'Reference',
    generatedAt: 'Created',
    recordsTitle: (p: { system: string }) => `Your records in ${p.system}`,
    previewNote: (p: { shown: string; total: string }) => `The table shows the first ${p.shown} of ${p.total} records. All of them are in the files.`,
    webIntro:
      'This page shows what your access package holds. The package itself is a ZIP file with this page and the data in JSON and CSV files, for a computer:',
    webDownload: 'Download the package',
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
    retained: (p: Retained) => `This service provider keeps data about you on this legal basis: ${p.basis}${p.date ? `, until ${p.date}` : ''}.`,
    partly: (p: Partly) => `This service provider answered only in part. Not included: ${p.kept}. Why: ${p.reason}${p.date ? `. Kept until ${p.date}` : ''}.`,
    attachmentNote: 'Where a service provider sent us a file of its own, the file is in a folder of its own, exactly as the provider sent it.',
    asSent: '(as the provider sent it)',
    rightsTitle: 'Your rights',
    rightsIntro: 'You have these rights over your personal data. To use them, contact our data protection officer.',
    complaint: (p: { authority: string }) => `You also have the right to complain to the supervisory authority, ${p.authority}.`,
  },
  email: {
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
      viewIntro: 'On a phone, or to read it without unzipping, open it in your browser:',
      viewLinkText: 'Read your data in the browser',
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
        /** The system finds people only by identifiers the request did not give: it was not searched, which is not the same as holding nothing. */
        notLookedUp: {
          email: 'not searched: this system finds people only by email address, and you gave none',
          phone: 'not searched: this system finds people only by phone number, and you gave none',
          customerNumber: 'not searched: this system finds people only by customer number, and you gave none',
          memberNumber: 'not searched: this system finds people only by membership number, and you gave none',
          username: 'not searched: this system finds people only by username, and you gave none',
        },
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
        retained: (p: Retained) => `kept your data, which was not erased or changed – legal basis: ${p.basis}${p.date ? `; until ${p.date}` : ''}`,
        partly: (p: Partly) => `done only in part – kept: ${p.kept}; why: ${p.reason}${p.date ? `; until ${p.date}` : ''}`,
      },
      recipientsTitle: 'Who we told about the erasure',
      recipientsIntro: 'We have told these recipients of your data about the erasure (Article 19 GDPR):',
      recipientsTitleCorrection: 'Who we told about the correction',
      recipientsIntroCorrection: 'We have told these recipients of your data about the correction (Article 19 GDPR):',
      recipientsTitleRestriction: 'Who we told about the restriction',
      recipientsIntroRestriction: 'We have told these recipients of your data about the restriction (Article 19 GDPR):',
      failedNote: 'In some systems the work could not be finished automatically. Our staff will follow up and tell you the outcome.',
      statusIntro: 'You can see the status of your request at any time:',
      questions: 'Questions? Write to our data protection officer:',
    },
    /** A refusal (Article 12(4)): staff's reasons, then the right to complain and to go to court. */
    denial: {
      subject: ({ controller }: C) => `Your request to ${controller} has been refused`,
      intro: (p: C & { what: string }) => `${p.controller} has considered your ${p.what} and cannot carry it out.`,
      reasonsTitle: 'Why',
    },
    /**
     * Where the person may complain: the controller's lead supervisory authority, or the one of the
     * member state where they live or work, or where the infringement happened (Article 77).
     */
    complaints: {
      completionIntro:
        'If you are not satisfied with how we have handled your request, you have the right to complain to a data protection supervisory authority.',
      denialIntro:
        'If you disagree, you have the right to lodge a complaint with a data protection supervisory authority and to seek a judicial remedy before a court (Article 12(4) GDPR).',
      lead: (p: { authority: string }) => `Our lead supervisory authority is ${p.authority}:`,
      ownState:
        'You may also complain to the supervisory authority of the EU or EEA country where you live or work, or where you believe the infringement took place (Article 77 GDPR).',
    },
    /** The default text of each refusal template, which staff edit before it is sent. */
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Under Article 12(5) GDPR we may refuse a request that is manifestly unfounded. We consider that your request is: it does not concern personal data that we process about you.',
      excessive: (_: Den) =>
        'Under Article 12(5) GDPR we may refuse a request that is excessive, in particular because it repeats earlier ones. You made the same request recently and we answered it then; nothing has changed since.',
      identity_not_confirmed: (_: Den) =>
        'We could not confirm that you are the person the data is about (Articles 11(2) and 12(6) GDPR), so we cannot carry out the request without risking disclosing or changing someone else’s data. You are welcome to send a new request with information that lets us identify you.',
      authority_not_shown: (_: Den) =>
        'You asked on behalf of someone else, but we could not confirm that you may act for them: the document you sent does not show parental responsibility or a mandate that covers this request (Article 12(2) and (6) GDPR). We have therefore not carried out the request. You, or the person concerned, are welcome to send a new request with a document that shows it.',
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
    /** Art. 12(5)(a): staff charge a reasonable fee before the request is answered. */
    fee: {
      subject: ({ controller }: C) => `A fee for your request to ${controller}`,
      intro: (p: C & { what: string; amount: string }) =>
        `${p.controller} will answer your ${p.what} once a fee of ${p.amount} has been paid. The law allows a reasonable fee for a request that is manifestly unfounded or excessive, in particular because it repeats an earlier one (Article 12(5) GDPR).`,
      reasonTitle: 'Why we charge a fee',
      howToPay: (p: { dpoEmail: string }) => `To ask how to pay, or if you think the fee is not reasonable, write to ${p.dpoEmail}.`,
      pauses: 'The deadline for our answer waits until the fee has been paid.',
      withdraw: 'If you do not want to pay, you can withdraw your request on its status page:',
      linkText: 'Open the status page',
    },
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
    /** A processor's answer the subject was told was wrong, and staff corrected it. */
    answerCorrection: {
      subject: ({ controller }: C) => `Correction: the result of your request to ${controller}`,
      intro: (p: C & { system: string }) => `We have to correct what we told you about ${p.system} in the answer to your request to ${p.controller}.`,
      nowTitle: 'What is right',
      why: (p: { why: string }) => `Why: ${p.why}`,
      sorry: 'We are sorry for the mistake. If you have questions, contact our data protection officer.',
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
  },
};

/** The shape of the answer area’s words: every language has exactly these keys. */
export type AnswerTexts = typeof en;
