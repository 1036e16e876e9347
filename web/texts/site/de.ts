import type { SiteTexts } from './en.ts';

/** The words of every page a data subject sees: the frame, the rights explained, the kinds of request, the page for a wrong address, in German. */
export const de: SiteTexts = {
  common: {
    siteName: 'Ihre personenbezogenen Daten',
    skipToContent: 'Zum Hauptinhalt springen',
    languageNav: 'Sprache',
    footer: 'Wir verwenden Ihre E-Mail-Adresse nur, um Ihren Antrag zu beantworten.',
    newRequest: 'Einen neuen Antrag stellen',
    statusLink: 'Den Stand Ihres Antrags ansehen',
    errorPrefix: 'Fehler',
    dpoLabel: 'Datenschutzbeauftragte(r)',
    privacyPolicy: 'Datenschutzerklärung',
    checkField: 'Bitte prüfen Sie Ihre Eingabe in diesem Feld.',
  },
  rights: {
    access: {
      title: 'Auskunftsrecht (Artikel 15)',
      summary:
        'Sie können erfahren, ob wir personenbezogene Daten über Sie verarbeiten, und eine Kopie davon erhalten, mit Angaben dazu, warum wir sie verwenden, woher sie stammen, wer sie erhält und wie lange wir sie speichern.',
    },
    portability: {
      title: 'Recht auf Datenübertragbarkeit (Artikel 20)',
      summary:
        'Sie können die Daten, die Sie uns bereitgestellt haben, in einem maschinenlesbaren Format erhalten oder verlangen, dass wir sie direkt an eine andere Stelle übermitteln.',
    },
    rectification: {
      title: 'Recht auf Berichtigung (Artikel 16)',
      summary: 'Sie können verlangen, dass wir unrichtige Daten über Sie berichtigen und unvollständige Daten vervollständigen.',
    },
    erasure: {
      title: 'Recht auf Löschung (Artikel 17)',
      summary:
        'Sie können verlangen, dass wir Ihre personenbezogenen Daten löschen. Wir löschen sie, sofern uns das Gesetz nicht zur Aufbewahrung verpflichtet, zum Beispiel für die Buchhaltung.',
    },
    restriction: {
      title: 'Recht auf Einschränkung der Verarbeitung (Artikel 18)',
      summary:
        'Sie können verlangen, dass wir Ihre Daten eine Zeit lang nicht mehr verwenden, sie aber aufbewahren, zum Beispiel während wir prüfen, ob sie richtig sind.',
    },
    objection: {
      title: 'Widerspruchsrecht (Artikel 21)',
      summary:
        'Sie können der Verwendung Ihrer Daten widersprechen, wenn wir uns auf unsere berechtigten Interessen stützen, und Direktwerbung können Sie jederzeit ablehnen.',
    },
    withdraw_consent: {
      title: 'Recht auf Widerruf der Einwilligung (Artikel 7 Absatz 3)',
      summary:
        'Wenn wir Ihre Daten aufgrund Ihrer Einwilligung verwenden, können Sie diese jederzeit widerrufen. Die Rechtmäßigkeit der bis zum Widerruf erfolgten Verarbeitung bleibt davon unberührt.',
    },
  },
  requestType: {
    access: 'Eine Kopie Ihrer personenbezogenen Daten',
    portability: 'Ihre Daten in einem maschinenlesbaren Format (Datenübertragbarkeit)',
    rectification: 'Berichtigung Ihrer personenbezogenen Daten',
    erasure: 'Löschung Ihrer personenbezogenen Daten',
    restriction: 'Einschränkung der Verarbeitung Ihrer Daten',
    objection: 'Widerspruch gegen die Verwendung Ihrer Daten',
    withdraw_consent: 'Widerruf Ihrer Einwilligung',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    body: 'Bitte prüfen Sie, ob die Adresse vollständig ist. Wenn Sie über einen Link in einer E-Mail hierher gekommen sind, öffnen Sie ihn bitte erneut direkt aus der E-Mail.',
  },
};
