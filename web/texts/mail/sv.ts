import type { MailTexts } from './en.ts';

/** The words of what every email shares: greeting, sign-off, the notice of an email sent again, and the short names of requests, in Swedish. */
export const sv: MailTexts = {
  email: {
    greeting: 'Hej!',
    signoff: 'Vänliga hälsningar',
    repeat: {
      subjectPrefix: 'Skickat igen',
      notice:
        'Vi kan redan ha skickat det här mejlet: ett avbrott hos oss hindrade oss från att registrera att det gick iväg. Om du har fått det två gånger, använd det här: dess länkar ersätter det tidigare mejlets.',
    },
    reference: {
      subject: (p: { subject: string; reference: string }) => `${p.subject} (ärende ${p.reference})`,
      line: (p: { reference: string }) => `Ärendenummer: ${p.reference}`,
    },
    requestShort: {
      access: 'begäran om registerutdrag',
      portability: 'begäran om dataportabilitet',
      rectification: 'begäran om rättelse',
      erasure: 'begäran om radering',
      restriction: 'begäran om begränsning',
      objection: 'invändning',
      withdraw_consent: 'återkallelse av samtycke',
    },
  },
};
