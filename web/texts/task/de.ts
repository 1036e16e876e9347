import type { C, R, RA, RW } from '../params.ts';
import type { TaskTexts } from './en.ts';

/** The words of a processor’s or a staff member’s part of a request: the task emails and the one-time task page, in German. */
export const de: TaskTexts = {
  task: {
    siteName: 'Anträge betroffener Personen',
    title: (p: { what: string }) => `Antrag ${p.what}`,
    taskTitle: (p: R) => `Aufgabe: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `Eine Person hat ${p.asked}. Als Auftragsverarbeiter hinter „${p.processor}“ bitten wir Sie, das unten Beschriebene im Auftrag von ${p.controller} zu erledigen und hier zu bestätigen.`,
      manual: (p: RA) => `Eine Person hat ${p.asked}. Folgen Sie den Anweisungen für ${p.processor} und halten Sie das Ergebnis hier fest.`,
    },
    facts: {
      controller: 'Antrag von',
      reference: 'Aktenzeichen',
      type: 'Antrag',
      system: 'System oder Dienst',
      dueAt: 'Antwort bis',
    },
    personTitle: 'Die Person, die der Antrag betrifft',
    identity: {
      email: 'E-Mail-Adresse',
      name: 'Name',
      phone: 'Telefonnummer',
      customerNumber: 'Kundennummer',
      memberNumber: 'Mitgliedsnummer',
      username: 'Benutzername',
    },
    instructionsTitle: 'Anweisungen',
    outcomeLegend: 'Was wurde getan?',
    outcome: {
      done: 'Wie verlangt erledigt',
      not_found: 'Wir verarbeiten keine Daten über diese Person',
      retained: 'Aufbewahrt: Das Gesetz verlangt die Aufbewahrung der Daten',
      partly: 'Teilweise erledigt: Einige Daten wurden aufbewahrt',
    },
    doneHint: {
      erasure: 'Alle personenbezogenen Daten dieser Person wurden gelöscht, einschließlich Kopien.',
      access: 'Beschreiben Sie in der Notiz, was wo gefunden wurde.',
      accessUpload: 'Hängen Sie die Daten unten als eine Datei an.',
      rectify: 'Die Daten wurden wie verlangt berichtigt, überall dort, wo sie gespeichert sind.',
      restrict: 'Die Daten sind als eingeschränkt gekennzeichnet und werden für nichts anderes verwendet.',
    },
    notFoundHint: 'Die Daten wurden durchsucht, und zu dieser Person wurde nichts gefunden.',
    retainedHint:
      'Es wurde nichts gelöscht oder geändert, weil die Daten aufbewahrt werden müssen. Geben Sie unten die Rechtsgrundlage an und, falls bekannt, bis wann.',
    partlyHint: 'Ein Teil wurde erledigt. Geben Sie unten an, was aufbewahrt wurde und warum, und, falls bekannt, bis wann.',
    keptLegend: 'Falls Daten aufbewahrt wurden',
    basisLabel: 'Rechtsgrundlage der Aufbewahrung',
    basisHint: 'Nur bei „Aufbewahrt“. Zum Beispiel das Gesetz und die Vorschrift, die die Aufbewahrung verlangt.',
    keptLabel: 'Was aufbewahrt wurde',
    keptHint: 'Nur bei „Teilweise erledigt“. Zum Beispiel: Rechnungen der letzten zehn Jahre.',
    reasonLabel: 'Warum es aufbewahrt wurde',
    reasonHint: 'Nur bei „Teilweise erledigt“. Zum Beispiel das Gesetz, das die Aufbewahrung verlangt.',
    untilLabel: 'Aufbewahrt bis (freiwillig)',
    untilHint: 'Das Datum, an dem die aufbewahrten Daten gelöscht werden, falls bekannt (JJJJ-MM-TT).',
    errorTitle: 'Die Antwort wurde nicht gesendet: Bitte prüfen Sie sie',
    errors: {
      outcome: 'Wählen Sie aus, was getan wurde.',
      basis: 'Geben Sie die Rechtsgrundlage an, auf der die Daten aufbewahrt werden (höchstens 500 Zeichen).',
      kept: 'Geben Sie an, was aufbewahrt wurde (höchstens 1.000 Zeichen).',
      reason: 'Geben Sie an, warum es aufbewahrt wurde (höchstens 1.000 Zeichen).',
      until: 'Geben Sie ein Datum in der Zukunft an (JJJJ-MM-TT) oder lassen Sie das Feld leer.',
      export:
        'Hängen Sie die gefundenen Daten als eine Datei an oder wählen Sie „Wir verarbeiten keine Daten über diese Person“, wenn es nichts zu senden gibt.',
    },
    noteLabel: 'Notiz (freiwillig)',
    noteHint: 'Höchstens 2.000 Zeichen. Zum Beispiel, was getan wurde oder was aufbewahrt werden musste und warum.',
    fileLabel: 'Die Daten, als eine Datei',
    fileHint: 'Eine Datei, zum Beispiel ZIP, JSON oder CSV. Lassen Sie das Feld leer, wenn Sie „Wir verarbeiten keine Daten über diese Person“ gewählt haben.',
    submit: 'Antwort senden',
    once: 'Der Link funktioniert einmal: Nach dem Senden der Antwort ist er nicht mehr gültig.',
    personalData: 'Diese Seite zeigt personenbezogene Daten. Geben Sie den Link nicht weiter.',
    done: {
      title: 'Vielen Dank – die Antwort ist festgehalten',
      body: 'Es ist nichts weiter zu tun. Sie können diese Seite schließen.',
    },
    alreadyDone: {
      title: 'Diese Aufgabe wurde bereits beantwortet',
      body: 'Über diesen Link wurde bereits eine Antwort gesendet, es ist also nichts weiter zu tun. Falls diese Antwort falsch war, wenden Sie sich an die Organisation, die Ihnen den Link gesendet hat.',
    },
    withdrawn: {
      title: 'Dieser Antrag wurde zurückgezogen',
      body: 'Die Person hat den Antrag zurückgezogen. Es ist dafür nichts weiter zu tun, und dieser Link nimmt keine Antwort mehr entgegen. Bereits Erledigtes muss nicht rückgängig gemacht werden. Sie können diese Seite schließen.',
    },
    invalid: {
      title: 'Dieser Link funktioniert nicht',
      body: 'Der Link ist möglicherweise unvollständig, oder der Antrag wurde geschlossen oder zurückgezogen. Öffnen Sie den Link erneut direkt aus der E-Mail und achten Sie darauf, ihn vollständig zu kopieren.',
      next: 'Wenn er weiterhin nicht funktioniert, wenden Sie sich an die Organisation, die Ihnen den Link gesendet hat.',
    },
  },
  email: {
    vendor: {
      subject: (p: RW) => `Antrag ${p.what} von ${p.controller} (Az. ${p.reference})`,
      reminder: 'Erinnerung',
      reminderIntro: 'Dies ist eine Erinnerung: Ihre Antwort auf den unten stehenden Antrag liegt uns noch nicht vor.',
      intro: (p: RA) =>
        `Eine Person hat ${p.asked}. Sie verarbeiten personenbezogene Daten im Auftrag von ${p.controller} („${p.processor}“ in unseren Unterlagen); als unser Auftragsverarbeiter bitten wir Sie daher, uns bei der Beantwortung des Antrags zu unterstützen (Artikel 28 Absatz 3 Buchstabe e DSGVO).`,
      todo: {
        export:
          'Bitte ermitteln Sie alle personenbezogenen Daten, die Sie in unserem Auftrag über diese Person verarbeiten. Öffnen Sie dann den Link unten, wählen Sie „Wie verlangt erledigt“ und hängen Sie die Daten als eine Datei an (zum Beispiel ZIP, JSON oder CSV). Bitte senden Sie die Daten nicht per E-Mail. Wenn Sie keine Daten über die Person verarbeiten, wählen Sie „Wir verarbeiten keine Daten über diese Person“.',
        exportPortable:
          'Bitte ermitteln Sie die von dieser Person bereitgestellten personenbezogenen Daten, die Sie in unserem Auftrag verarbeiten. Öffnen Sie dann den Link unten, wählen Sie „Wie verlangt erledigt“ und hängen Sie die Daten als eine Datei in einem strukturierten, maschinenlesbaren Format an (zum Beispiel JSON oder CSV). Bitte senden Sie die Daten nicht per E-Mail. Wenn Sie keine Daten über die Person verarbeiten, wählen Sie „Wir verarbeiten keine Daten über diese Person“.',
        erase:
          'Bitte löschen Sie alle personenbezogenen Daten, die Sie in unserem Auftrag über diese Person verarbeiten, einschließlich Kopien, und stellen Sie sicher, dass etwaige Unterauftragsverarbeiter dasselbe tun. Öffnen Sie dann den Link unten und wählen Sie „Wie verlangt erledigt“. Wenn Sie keine Daten über die Person verarbeiten, wählen Sie „Wir verarbeiten keine Daten über diese Person“. Wenn das Gesetz Sie zur Aufbewahrung der Daten verpflichtet, wählen Sie „Aufbewahrt“ und geben Sie die Rechtsgrundlage an; wenn Sie einen Teil aufbewahrt haben, wählen Sie „Teilweise erledigt“ und geben Sie an, was Sie aufbewahrt haben und warum.',
        rectify:
          'Bitte berichtigen Sie die Daten über diese Person wie unten beschrieben, überall dort, wo Sie sie in unserem Auftrag verarbeiten, und stellen Sie sicher, dass etwaige Unterauftragsverarbeiter dasselbe tun. Öffnen Sie dann den Link unten und wählen Sie „Wie verlangt erledigt“. Wenn Sie keine Daten über die Person verarbeiten, wählen Sie „Wir verarbeiten keine Daten über diese Person“.',
        restrict:
          'Bitte kennzeichnen Sie alle personenbezogenen Daten, die Sie in unserem Auftrag über diese Person verarbeiten, als eingeschränkt: Bewahren Sie sie auf, aber verwenden Sie sie für nichts anderes, bis wir Ihnen mitteilen, dass die Einschränkung aufgehoben ist (Artikel 18 DSGVO). Stellen Sie sicher, dass etwaige Unterauftragsverarbeiter dasselbe tun. Öffnen Sie dann den Link unten und wählen Sie „Wie verlangt erledigt“. Wenn Sie keine Daten über die Person verarbeiten, wählen Sie „Wir verarbeiten keine Daten über diese Person“.',
      },
      linkText: 'Antwortseite öffnen',
    },
    staff: {
      subject: (p: RW) => `Aufgabe: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `Eine Person hat ${p.asked}. Ein Teil der Arbeit muss von Hand erledigt werden, und Sie sind dafür benannt: ${p.processor}.`,
      action: {
        export: 'Hier: Ermitteln Sie die Daten der Person und hängen Sie sie an, oder beschreiben Sie in der Notiz, was Sie gefunden haben.',
        exportPortable:
          'Hier: Ermitteln Sie die von der Person bereitgestellten Daten und hängen Sie sie in einem maschinenlesbaren Format an (zum Beispiel JSON oder CSV).',
        erase:
          'Hier: Löschen Sie die Daten der Person, einschließlich Kopien. Wenn das Gesetz die Aufbewahrung verlangt, wählen Sie „Aufbewahrt“ oder „Teilweise erledigt“ und geben Sie an, was Sie aufbewahrt haben und warum.',
        rectify: 'Hier: Berichtigen Sie die Daten wie unten beschrieben, überall dort, wo sie gespeichert sind.',
        restrict:
          'Hier: Kennzeichnen Sie die Daten der Person als eingeschränkt. Bewahren Sie sie auf, aber verwenden Sie sie für nichts anderes, bis die Einschränkung aufgehoben ist.',
      },
      instructionsTitle: 'Was zu tun ist',
      finish:
        'Wenn Sie fertig sind, öffnen Sie den Link unten, wählen Sie aus, was Sie getan haben, und fügen Sie eine kurze Notiz hinzu, zum Beispiel, wo Sie gesucht haben. Wenn Sie nichts über die Person gefunden haben, wählen Sie „Wir verarbeiten keine Daten über diese Person“.',
      linkText: 'Aufgabe öffnen',
    },
    withdrawn: {
      subject: (p: R) => `Zurückgezogen: Antrag ${p.reference} von ${p.controller} (${p.processor})`,
      intro: (p: R) =>
        `Die Person hinter dem Antrag ${p.reference} an ${p.controller} hat ihn zurückgezogen. Der Teil, um den wir ${p.processor} gebeten hatten, muss nicht erledigt werden: Bitte beenden Sie alle Arbeiten daran, die noch nicht erledigt sind.`,
      nothingMore:
        'Es ist nichts zu beantworten: Der Link in unserer früheren E-Mail funktioniert nicht mehr. Bereits Erledigtes muss nicht rückgängig gemacht werden.',
    },
    task: {
      dueBy: (p: { date: string }) => `Bitte antworten Sie bis zum ${p.date}.`,
      linkOnce:
        'Der Link funktioniert einmal: Nach dem Senden der Antwort ist er nicht mehr gültig. Bitte leiten Sie diese E-Mail nicht weiter, da sie personenbezogene Daten enthält.',
      reference: (p: { reference: string }) => `Unser Aktenzeichen: ${p.reference}`,
    },
    requestWhat: {
      access: 'auf Auskunft über personenbezogene Daten',
      portability: 'auf eine übertragbare Kopie personenbezogener Daten',
      rectification: 'auf Berichtigung personenbezogener Daten',
      erasure: 'auf Löschung personenbezogener Daten',
      restriction: 'auf Einschränkung der Verarbeitung personenbezogener Daten',
      objection: 'mit Widerspruch gegen die Verarbeitung personenbezogener Daten',
      withdraw_consent: 'mit Widerruf der Einwilligung in die Verarbeitung personenbezogener Daten',
    },
    asked: {
      access: ({ controller }: C) => `bei ${controller} eine Kopie ihrer personenbezogenen Daten beantragt (Artikel 15 DSGVO)`,
      portability: ({ controller }: C) =>
        `bei ${controller} die von ihr bereitgestellten personenbezogenen Daten in einem maschinenlesbaren Format beantragt (Artikel 20 DSGVO)`,
      rectification: ({ controller }: C) => `bei ${controller} die Berichtigung ihrer personenbezogenen Daten beantragt (Artikel 16 DSGVO)`,
      erasure: ({ controller }: C) => `bei ${controller} die Löschung ihrer personenbezogenen Daten beantragt (Artikel 17 DSGVO)`,
      restriction: ({ controller }: C) => `bei ${controller} die Einschränkung der Verarbeitung ihrer personenbezogenen Daten beantragt (Artikel 18 DSGVO)`,
      objection: ({ controller }: C) => `gegenüber ${controller} Widerspruch gegen die Verwendung ihrer personenbezogenen Daten eingelegt (Artikel 21 DSGVO)`,
      withdraw_consent: ({ controller }: C) =>
        `gegenüber ${controller} ihre Einwilligung in die Verarbeitung ihrer personenbezogenen Daten widerrufen (Artikel 7 Absatz 3 DSGVO)`,
    },
    correction: {
      title: 'Die Berichtigung',
      attribute: 'Daten',
      inaccurate: 'Was unrichtig ist',
      corrected: 'Wie es richtig lautet',
    },
  },
};
