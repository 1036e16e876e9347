import type { MailTexts } from './en.ts';

/** The words of what every email shares: greeting, sign-off, the notice of an email sent again, and the short names of requests, in German. */
export const de: MailTexts = {
  email: {
    greeting: 'Guten Tag,',
    signoff: 'Mit freundlichen Grüßen',
    repeat: {
      subjectPrefix: 'Erneut gesendet',
      notice:
        'Möglicherweise haben wir Ihnen diese E-Mail bereits gesendet: Eine Unterbrechung auf unserer Seite hat verhindert, dass wir den Versand festhalten konnten. Wenn Sie sie doppelt erhalten haben, verwenden Sie bitte diese: Ihre Links ersetzen die der früheren E-Mail.',
    },
    reference: {
      subject: (p: { subject: string; reference: string }) => `${p.subject} (Az. ${p.reference})`,
      line: (p: { reference: string }) => `Aktenzeichen: ${p.reference}`,
    },
    requestShort: {
      access: 'Antrag auf Auskunft',
      portability: 'Antrag auf Datenübertragbarkeit',
      rectification: 'Antrag auf Berichtigung',
      erasure: 'Antrag auf Löschung',
      restriction: 'Antrag auf Einschränkung der Verarbeitung',
      objection: 'Widerspruch',
      withdraw_consent: 'Widerruf der Einwilligung',
    },
  },
};
