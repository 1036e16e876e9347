import type { MailTexts } from './en.ts';

/** The words of what every email shares: greeting, sign-off, the notice of an email sent again, and the short names of requests, in Slovenian. */
export const sl: MailTexts = {
  email: {
    greeting: 'Pozdravljeni,',
    signoff: 'Lep pozdrav,',
    repeat: {
      subjectPrefix: 'Ponovno poslano',
      notice:
        'To sporočilo smo vam morda že poslali: prekinitev na naši strani nam je preprečila, da bi zabeležili, da je bilo poslano. Če ste ga prejeli dvakrat, uporabite tega: njegove povezave nadomeščajo povezave iz prejšnjega sporočila.',
    },
    reference: {
      subject: (p: { subject: string; reference: string }) => `${p.subject} (št. ${p.reference})`,
      line: (p: { reference: string }) => `Številka zahteve: ${p.reference}`,
    },
    requestShort: {
      access: 'zahteva za dostop',
      portability: 'zahteva za prenosljivost',
      rectification: 'zahteva za popravek',
      erasure: 'zahteva za izbris',
      restriction: 'zahteva za omejitev obdelave',
      objection: 'ugovor',
      withdraw_consent: 'preklic privolitve',
    },
  },
};
