import { enDays } from '../counts.ts';
import type { C } from '../params.ts';

/** The words of making a request: the form, the page after it, and the email with the verification link, in English: the shape the other languages are checked against. */
export const en = {
  form: {
    title: 'Use your rights over your personal data',
    intro:
      'You can ask an organisation for a copy of the personal data it holds about you, have it corrected or erased, and use your other rights under the GDPR. You do not need an account.',
    introTo: ({ controller }: C) => `Your request goes to ${controller}.`,
    noControllers: 'No organisation is accepting requests here at the moment.',
    controllerLabel: 'Which organisation is your request for?',
    typeLegend: 'What do you want to ask for?',
    typeLabel: {
      access: 'A copy of my personal data (access)',
      portability: 'My data in a machine-readable format, to reuse elsewhere (portability)',
      rectification: 'Correct data about me that is wrong (rectification)',
      erasure: 'Erase my personal data (erasure)',
      restriction: 'Stop using my data for now, but keep it (restriction)',
      objection: 'Stop using my data for marketing or other purposes (objection)',
      withdraw_consent: 'Withdraw a consent I gave (withdrawal of consent)',
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
    errorSummaryTitle: 'There is a problem',
    fieldErrors: {
      type: 'Choose what you want to ask for.',
      email: 'Enter your email address, like name@example.org.',
      name: 'Check your name.',
      locale: 'Choose a language.',
      controller: 'Choose the organisation your request is for.',
      body: 'We could not read the form. Please fill it in again.',
      rectifyAttribute: 'Choose the data that is wrong, or “Something else”.',
      inaccurate: 'Say what is wrong.',
      corrected: 'Say what the data should be.',
      objectionScope: 'Choose what you object to.',
      objectionGrounds: 'Check the reasons for your objection.',
      consentPurposes: 'Choose at least one consent to withdraw.',
      transmitTo: 'Choose one of the organisations listed, or none.',
      viaCustomer: 'Check the name of the organisation.',
      message: 'Check your message.',
      phone: 'Enter a phone number with its country code, like +46 70 123 45 67, or leave it empty.',
      customerNumber: 'Check your customer number.',
      memberNumber: 'Check your membership number.',
      username: 'Check your username.',
      onBehalfOf: 'Choose who the request is for.',
      subjectName: 'Enter the name of the person you ask for.',
      subjectEmail: 'Enter their email address, like name@example.org.',
      mandate: 'Add the document as a PDF, PNG or JPEG of at most 4 MB. If you chose it before, choose it again.',
      rateLimit: 'Too many requests have come from here, or for this email address, within an hour. Please try again later.',
    },
    /** Each right's own fields: a fieldset per right, its legend naming the right. */
    fieldsLegend: {
      portability: 'Portability: where the data goes',
      rectification: 'Rectification: what to correct',
      objection: 'Objection: what you object to',
      withdraw_consent: 'Withdrawal of consent: which consent',
    },
    fieldsHint: 'Fill this in only if you chose this right above.',
    rectifyAttributeLabel: 'Which data is wrong?',
    rectifyAttributeOther: 'Something else (describe it below)',
    inaccurateLabel: 'What is wrong or incomplete?',
    inaccurateHint: 'For example an old address or a misspelt name, and where you saw it.',
    correctedLabel: 'What should it say?',
    correctedHint: 'The correct or complete data. We may ask you to show that it is correct.',
    objectionScopeLegend: 'What do you object to?',
    objectionScope: {
      direct_marketing: 'Direct marketing, such as newsletters and offers',
      other: 'Other use of my data that relies on the organisation’s legitimate interests',
    },
    objectionScopeHint: {
      direct_marketing: 'We stop at once. You do not need to give a reason.',
      other: 'We stop unless we have compelling legitimate grounds that override your interests, rights and freedoms, or need the data for legal claims.',
    },
    objectionGroundsLabel: 'Why do you object? (optional)',
    objectionGroundsHint: 'For an objection to other use, tell us about your particular situation so that we can weigh it.',
    consentLegend: 'Which consent do you withdraw?',
    consentHint: 'Choose one or more. We stop that use of your data and erase what we held only for it.',
    transmitToLabel: 'Send the data directly to another organisation (optional)',
    transmitToHint: 'We can send it only to the organisations listed here. Leave this as it is to download the data yourself.',
    transmitToNone: 'No, I will download it myself',
    viaCustomerLabel: 'Is your request about an organisation that uses our services? (optional)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `${p.controller} also handles personal data on behalf of others: ${p.description}. If your request is about data you gave one of them, write its name here. That organisation decides about your data, so we may point you to it.`,
    /** What else the organisation finds people by, besides the email address: each optional. */
    identifierLabel: {
      phone: 'Your phone number (optional)',
      customerNumber: 'Your customer number (optional)',
      memberNumber: 'Your membership number (optional)',
      username: 'Your username (optional)',
    },
    identifierHint: {
      phone:
        'With the country code, like +46 70 123 45 67. Some of the organisation’s systems find people only by phone number: without it, we cannot search them for you.',
      customerNumber: 'As it appears on your invoices or your account. Some systems find people only by it: without it, we cannot search them for you.',
      memberNumber: 'As it appears on your membership card or in your account. Some systems find people only by it: without it, we cannot search them for you.',
      username: 'The name you sign in with. Some systems find people only by it: without it, we cannot search them for you.',
    },
    forWhomLegend: 'Who is the request for?',
    forWhom: {
      self: 'Me',
      parent: 'My child: I am their parent or guardian',
      mandate: 'Someone who has given me a mandate to act for them',
    },
    forWhomHint: 'If you ask for someone else, your own email address and name go in the fields further down: we send every email about the request to you.',
    representationLegend: 'The person you ask for',
    representationHint:
      'Before anything is done, our staff check the document that shows you may act for this person. Where the form asks for a phone or customer number, give theirs.',
    subjectNameLabel: 'Their name',
    subjectEmailLabel: 'Their email address',
    subjectEmailHint:
      'The address the organisation knows them by (for a child, the one their account uses). We search the organisation’s systems with it; we do not write to it.',
    mandateLabel: 'A document that shows you may act for them',
    mandateHint: (p: { mb: number }) =>
      `A power of attorney the person signed, or for a child a document that shows you are the parent or guardian. PDF, PNG or JPEG, at most ${p.mb} MB.`,
    messageLabel: 'Anything else we should know? (optional)',
    messageHint: 'For example why you ask, or which period your request covers. At most 4,000 characters.',
    organisationsIntro: 'Each organisation answers for the personal data it holds. Choose the one your request is for to open its form.',
  },
  accepted: {
    title: 'Check your email',
    body: ({ controller }: C) => `If the address you gave is correct, you will soon get an email with a link to confirm your request to ${controller}.`,
    expires: (p: { days: number }) => `The link works for ${enDays(p.days)}. Nothing happens until you confirm.`,
    /** The address as typed, so a typo can be seen; shown for a short while only. */
    sentTo: 'We are sending it to:',
    typo: 'If this address is wrong, the email cannot reach you: fill in the form again with the right address. A request that is never confirmed is not handled.',
    addressHidden: 'For your privacy, this page shows the address you typed only for a short while after you sent the form.',
    noDataHint:
      'For your privacy, neither this page nor the email says whether the organisation holds any data about you. You will find out once you have confirmed.',
    noEmailTitle: 'No email?',
    noEmail: 'Look in your spam or junk folder. If the email has not arrived after a few minutes, check the address and send the form again.',
    sendAgain: 'Fill in the form again',
  },
  email: {
    verify: {
      subject: ({ controller }: C) => `Confirm your request to ${controller}`,
      intro: {
        access: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} for a copy of the personal data it holds about this email address.`,
        portability: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} for the personal data given to it about this email address, in a machine-readable format.`,
        rectification: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} to correct the personal data it holds about this email address.`,
        erasure: ({ controller }: C) => `Someone, hopefully you, has asked ${controller} to erase the personal data it holds about this email address.`,
        restriction: ({ controller }: C) =>
          `Someone, hopefully you, has asked ${controller} to restrict the use of the personal data it holds about this email address.`,
        objection: ({ controller }: C) =>
          `Someone, hopefully you, has objected to the way ${controller} uses the personal data it holds about this email address.`,
        withdraw_consent: ({ controller }: C) =>
          `Someone, hopefully you, has withdrawn a consent given to ${controller} for the use of the personal data it holds about this email address.`,
      },
      action: 'To go ahead, open this link and confirm the request on the page that opens:',
      linkText: 'Open the confirmation page',
      expires: (p: { date: string }) => `The link works until ${p.date}.`,
      why: 'We ask you to confirm so that nobody else can make a request about you.',
      ignore: 'If you did not ask for this, ignore this email. Nothing will happen.',
      forSomeone: (p: { name: string }) =>
        `You asked on behalf of ${p.name}. Once you confirm, our staff check the document you sent, which shows you may act for them, before anything is done. We send every email about the request to you.`,
      byEmail: 'We received your email and have recorded it as this request: this message acknowledges it. Your email is kept with the request.',
    },
  },
};

/** The shape of the intake area’s words: every language has exactly these keys. */
export type IntakeTexts = typeof en;
