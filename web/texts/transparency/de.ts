import type { TransparencyTexts } from './en.ts';

/** The words of the public transparency page, in German. */
export const de: TransparencyTexts = {
  transparency: {
    title: 'Anträge der Personen, deren Daten wir verarbeiten',
    intro: (p: { controller: string }) =>
      `Wie viele Anträge auf Wahrnehmung der Betroffenenrechte (Artikel 15 bis 22 DSGVO) bei ${p.controller} eingegangen sind, wie vielen entsprochen und wie viele abgelehnt wurden und wie lange die Beantwortung gedauert hat. Nur Anzahlen: Niemand ist daraus identifizierbar.`,
    year: 'Jahr',
    toDate: (p: { year: number }) => `${p.year} (bisher)`,
    received: 'Eingegangen',
    compliedWith: 'Entsprochen',
    refused: 'Abgelehnt',
    withdrawn: 'Von der Person zurückgezogen',
    medianDays: 'Median der Tage bis zur Antwort',
    updated: (p: { date: string }) => `Stand der Zahlen: ${p.date}.`,
    notYet: 'Es wurden noch keine Zahlen veröffentlicht.',
    notYetUntil: (p: { date: string }) => `Es wurden noch keine Zahlen veröffentlicht. Die ersten erscheinen hier spätestens am ${p.date}.`,
    measure: 'Anträge',
    ownRequestTitle: 'Ihre eigenen Daten',
    ownRequest: (p: { controller: string }) =>
      `Um die Daten, die ${p.controller} über Sie verarbeitet, einzusehen, berichtigen oder löschen zu lassen, stellen Sie einen Antrag:`,
    formLink: 'Einen Antrag zu Ihren Daten stellen',
    dpo: 'Fragen zu diesen Zahlen oder dazu, wie wir mit personenbezogenen Daten umgehen? Schreiben Sie unserem Datenschutzbeauftragten:',
  },
};
