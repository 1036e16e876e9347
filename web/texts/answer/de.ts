import { deMonths, deRecords, deRecordsDat } from '../counts.ts';
import type { C, Den, Held, Partly, Retained } from '../params.ts';
import type { AnswerTexts } from './en.ts';

/** The words of the answers a data subject receives: the completion email, refusals, extensions, questions, restriction notices, and the access package’s summary page, in German. */
export const de: AnswerTexts = {
  package: {
    title: ({ controller }: C) => `Ihre personenbezogenen Daten bei ${controller}`,
    intro:
      'Dieses Paket beantwortet Ihren Antrag auf Auskunft (Artikel 15 DSGVO). Für jedes System zeigt es die Daten, die wir über Sie verarbeiten, und die Informationen, auf die Sie nach dem Gesetz Anspruch haben.',
    reference: 'Aktenzeichen',
    generatedAt: 'Erstellt',
    recordsTitle: (p: { system: string }) => `Ihre Einträge in ${p.system}`,
    previewNote: (p: { shown: string; total: string }) =>
      `Die Tabelle zeigt die ersten ${p.shown} von ${p.total} Einträgen. Alle sind in den Dateien enthalten.`,
    webIntro:
      'Diese Seite zeigt, was Ihr Auskunftspaket enthält. Das Paket selbst ist eine ZIP-Datei mit dieser Seite und den Daten in JSON- und CSV-Dateien zur maschinellen Weiterverarbeitung:',
    webDownload: 'Paket herunterladen',
    filesIntro:
      'Die Daten selbst stehen in den Dateien neben dieser Seite: je System eine JSON-Datei und eine CSV-Datei (lässt sich in einem Tabellenkalkulationsprogramm öffnen).',
    registerNote: 'Die Beschreibungen der einzelnen Systeme stammen aus dem Verzeichnis der Organisation und sind möglicherweise auf Englisch.',
    contentsTitle: 'Systeme in diesem Paket',
    recordCount: 'Einträge zu Ihrer Person',
    files: 'Dateien',
    dataCategories: 'Kategorien von Daten',
    purposes: 'Verarbeitungszwecke',
    legalBasis: 'Rechtsgrundlage',
    retention: 'Speicherdauer',
    source: 'Herkunft der Daten',
    recipients: 'Empfänger',
    noRecipients: 'Niemand außerhalb der Organisation.',
    failed: 'Wir konnten die Daten aus diesem System nicht exportieren. Unsere Mitarbeitenden kümmern sich darum und senden sie Ihnen zu.',
    noData: 'In diesem System verarbeiten wir keine Daten über Sie.',
    retained: (p: Retained) =>
      `Dieser Dienstleister bewahrt Daten über Sie auf folgender Rechtsgrundlage auf: ${p.basis}${p.date ? `, bis zum ${p.date}` : ''}.`,
    partly: (p: Partly) =>
      `Dieser Dienstleister hat nur teilweise geantwortet. Nicht enthalten: ${p.kept}. Grund: ${p.reason}${p.date ? `. Aufbewahrt bis zum ${p.date}` : ''}.`,
    attachmentNote:
      'Hat ein Dienstleister uns eine eigene Datei gesendet, liegt diese unverändert in einem eigenen Ordner, genau so, wie der Dienstleister sie gesendet hat.',
    asSent: '(so, wie der Dienstleister sie gesendet hat)',
    rightsTitle: 'Ihre Rechte',
    rightsIntro: 'Sie haben folgende Rechte an Ihren personenbezogenen Daten. Um sie wahrzunehmen, wenden Sie sich an unseren Datenschutzbeauftragten.',
    complaint: (p: { authority: string }) => `Sie haben außerdem das Recht auf Beschwerde bei der Aufsichtsbehörde, ${p.authority}.`,
  },
  email: {
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Ihre personenbezogenen Daten von ${controller} stehen zum Herunterladen bereit`,
        portabilityReady: ({ controller }: C) => `Ihre Daten von ${controller} stehen in einem maschinenlesbaren Format zum Herunterladen bereit`,
        access: ({ controller }: C) => `Antwort auf Ihren Antrag auf Auskunft an ${controller}`,
        portability: ({ controller }: C) => `Antwort auf Ihren Antrag auf Datenübertragbarkeit an ${controller}`,
        rectification: ({ controller }: C) => `Ergebnis Ihres Antrags auf Berichtigung an ${controller}`,
        erasure: ({ controller }: C) => `Ergebnis Ihres Antrags auf Löschung an ${controller}`,
        restriction: ({ controller }: C) => `Ergebnis Ihres Antrags auf Einschränkung der Verarbeitung an ${controller}`,
        objection: ({ controller }: C) => `Ergebnis Ihres Widerspruchs an ${controller}`,
        withdraw_consent: ({ controller }: C) => `Ergebnis des Widerrufs Ihrer Einwilligung gegenüber ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} hat Ihren Antrag auf eine Kopie Ihrer personenbezogenen Daten beantwortet.`,
        portability: ({ controller }: C) => `${controller} hat Ihren Antrag auf Ihre Daten in einem maschinenlesbaren Format (Artikel 20 DSGVO) beantwortet.`,
        rectification: ({ controller }: C) => `${controller} hat Ihren Antrag auf Berichtigung Ihrer personenbezogenen Daten (Artikel 16 DSGVO) bearbeitet.`,
        erasure: ({ controller }: C) => `${controller} hat Ihren Antrag auf Löschung Ihrer personenbezogenen Daten bearbeitet.`,
        restriction: ({ controller }: C) =>
          `${controller} hat Ihren Antrag auf Einschränkung der Verarbeitung Ihrer personenbezogenen Daten (Artikel 18 DSGVO) bearbeitet.`,
        objection: ({ controller }: C) => `${controller} hat Ihren Widerspruch (Artikel 21 DSGVO) bearbeitet.`,
        withdraw_consent: ({ controller }: C) => `${controller} hat den Widerruf Ihrer Einwilligung (Artikel 7 Absatz 3 DSGVO) bearbeitet.`,
      },
      portabilityDownloadIntro:
        'Hier können Sie Ihre Daten herunterladen. Es ist eine ZIP-Datei mit den Daten, die Sie uns bereitgestellt haben, in maschinenlesbaren JSON- und CSV-Dateien, die andere Dienste importieren können:',
      transmitted: (p: { target: string }) => `Wie von Ihnen gewünscht, haben wir die Daten außerdem direkt an ${p.target} übermittelt.`,
      rectifiedTitle: 'Wo Ihre Daten berichtigt wurden',
      restrictedTitle: 'Wo die Verarbeitung Ihrer Daten nun eingeschränkt ist',
      restrictedExplain:
        'Eingeschränkte Daten werden aufbewahrt, aber ohne Ihre Einwilligung nicht anderweitig verwendet, außer zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen, zum Schutz der Rechte einer anderen Person oder aus Gründen eines wichtigen öffentlichen Interesses (Artikel 18 Absatz 2 DSGVO). Bevor eine Einschränkung aufgehoben wird, unterrichten wir Sie.',
      objectionDirectMarketing:
        'Wir verwenden Ihre Daten nicht mehr für Direktwerbung. Damit Ihnen nicht versehentlich erneut Werbung zugeht, bewahren wir Ihre Adresse nur in verschlüsselter Form auf einer Sperrliste auf.',
      objectionUpheld:
        'Wir haben Ihrem Widerspruch stattgegeben: Wir verwenden Ihre Daten nicht mehr für die Verarbeitung, der Sie widersprochen haben. Wo wir sie aufbewahren müssen, ist ihre Verarbeitung eingeschränkt.',
      consentWithdrawn: (p: { purposes: string }) =>
        `Sie haben Ihre Einwilligung in Folgendes widerrufen: ${p.purposes}. Wir haben diese Verarbeitung beendet.`,
      consentTitle: 'Was mit den dafür gespeicherten Daten geschehen ist',
      late: 'Wir bedauern, dass diese Antwort erst nach Ablauf der Frist kommt.',
      downloadIntro:
        'Hier können Sie Ihre Daten herunterladen. Es ist eine ZIP-Datei mit einer Übersicht, die Sie im Webbrowser öffnen können, und den Daten selbst in JSON- und CSV-Dateien:',
      viewIntro: 'Auf einem Telefon oder um die Daten ohne Entpacken zu lesen, öffnen Sie sie im Browser:',
      viewLinkText: 'Ihre Daten im Browser lesen',
      downloadLinkText: 'Ihre Daten herunterladen',
      downloadExpires: (p: { date: string }) => `Der Link ist persönlich und bis zum ${p.date} gültig.`,
      noDownload: 'Wir konnten diesmal keinen Download zusammenstellen. Unsere Mitarbeitenden kümmern sich darum und melden sich bei Ihnen.',
      searchedTitle: 'Wo wir gesucht haben',
      erasedTitle: 'Was in jedem System geschehen ist',
      outcome: {
        found: (p: { count: number }) => `${deRecords(p.count)} gefunden`,
        nothingFound: 'keine Daten über Sie',
        searched: 'durchsucht',
        deleted: (p: { count: number }) => `${deRecords(p.count)} gelöscht`,
        deletedUncounted: 'Ihre Daten wurden gelöscht',
        anonymised: (p: { count: number }) =>
          `aus ${deRecordsDat(p.count)} wurden die Angaben entfernt, die Sie identifizieren; der Rest wird für Statistiken aufbewahrt`,
        anonymisedUncounted: 'die Angaben, die Sie identifizieren, wurden entfernt; der Rest wird für Statistiken aufbewahrt',
        noneHeld: 'hier lagen keine Daten über Sie vor',
        notLookedUp: {
          email: 'nicht durchsucht: Dieses System findet Personen nur über die E-Mail-Adresse, und Sie haben keine angegeben',
          phone: 'nicht durchsucht: Dieses System findet Personen nur über die Telefonnummer, und Sie haben keine angegeben',
          customerNumber: 'nicht durchsucht: Dieses System findet Personen nur über die Kundennummer, und Sie haben keine angegeben',
          memberNumber: 'nicht durchsucht: Dieses System findet Personen nur über die Mitgliedsnummer, und Sie haben keine angegeben',
          username: 'nicht durchsucht: Dieses System findet Personen nur über den Benutzernamen, und Sie haben keinen angegeben',
        },
        failed: 'noch nicht abgeschlossen – unsere Mitarbeitenden kümmern sich darum und melden sich bei Ihnen',
        held: (p: Held) =>
          `${p.count === undefined ? 'Ihre Daten werden' : `${deRecords(p.count)} ${p.count === 1 ? 'wird' : 'werden'}`}${p.date ? ` bis zum ${p.date}` : ''} aufbewahrt, weil das Gesetz es verlangt${p.basis ? ` (${p.basis})` : ''}; ihre Verarbeitung ist eingeschränkt: Sie werden für nichts anderes verwendet und ${p.date ? 'dann' : 'nach Wegfall dieser Pflicht'} gelöscht`,
        suppressed: (p: { date?: string }) =>
          `damit Sie nicht versehentlich erneut aufgenommen werden, bewahren wir Ihre E-Mail-Adresse ${p.date ? `bis zum ${p.date}` : 'für begrenzte Zeit'} in verschlüsselter Form (als Hashwert mit Schlüssel) auf, aus der sich die Adresse nicht ablesen lässt`,
        erasedConfirmed: 'auf unsere Aufforderung gelöscht; die Löschung ist bestätigt',
        erasedConfirmedCount: (p: { count: number }) => `${deRecords(p.count)} auf unsere Aufforderung gelöscht; die Löschung ist bestätigt`,
        rectified: (p: { count: number }) => `berichtigt in ${deRecordsDat(p.count)}`,
        rectifiedUncounted: 'berichtigt',
        rectifiedByStaff: 'von unseren Mitarbeitenden berichtigt',
        restricted: (p: { count: number }) => `${deRecords(p.count)} eingeschränkt: aufbewahrt, aber nicht verwendet`,
        restrictedUncounted: 'eingeschränkt: aufbewahrt, aber nicht verwendet',
        retained: (p: Retained) =>
          `Ihre Daten wurden aufbewahrt, nicht gelöscht oder geändert – Rechtsgrundlage: ${p.basis}${p.date ? `; bis zum ${p.date}` : ''}`,
        partly: (p: Partly) => `nur teilweise erledigt – aufbewahrt: ${p.kept}; Grund: ${p.reason}${p.date ? `; bis zum ${p.date}` : ''}`,
      },
      recipientsTitle: 'Wen wir über die Löschung unterrichtet haben',
      recipientsIntro: 'Wir haben diese Empfänger Ihrer Daten über die Löschung unterrichtet (Artikel 19 DSGVO):',
      recipientsTitleCorrection: 'Wen wir über die Berichtigung unterrichtet haben',
      recipientsIntroCorrection: 'Wir haben diese Empfänger Ihrer Daten über die Berichtigung unterrichtet (Artikel 19 DSGVO):',
      recipientsTitleRestriction: 'Wen wir über die Einschränkung unterrichtet haben',
      recipientsIntroRestriction: 'Wir haben diese Empfänger Ihrer Daten über die Einschränkung der Verarbeitung unterrichtet (Artikel 19 DSGVO):',
      failedNote:
        'In einigen Systemen konnte die Arbeit nicht automatisch abgeschlossen werden. Unsere Mitarbeitenden kümmern sich darum und teilen Ihnen das Ergebnis mit.',
      statusIntro: 'Den Stand Ihres Antrags können Sie jederzeit einsehen:',
      questions: 'Fragen? Schreiben Sie unserem Datenschutzbeauftragten:',
    },
    denial: {
      subject: ({ controller }: C) => `Ihr Antrag an ${controller} wurde abgelehnt`,
      intro: (p: C & { what: string }) => `${p.controller} hat Ihren ${p.what} geprüft und kann ihm nicht nachkommen.`,
      reasonsTitle: 'Gründe',
    },
    complaints: {
      completionIntro:
        'Wenn Sie mit der Bearbeitung Ihres Antrags nicht zufrieden sind, haben Sie das Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde.',
      denialIntro:
        'Wenn Sie nicht einverstanden sind, haben Sie das Recht, Beschwerde bei einer Datenschutz-Aufsichtsbehörde einzulegen und einen gerichtlichen Rechtsbehelf einzulegen (Artikel 12 Absatz 4 DSGVO).',
      lead: (p: { authority: string }) => `Unsere federführende Aufsichtsbehörde ist ${p.authority}:`,
      ownState:
        'Sie können sich auch bei der Aufsichtsbehörde des EU- oder EWR-Staats beschweren, in dem Sie wohnen oder arbeiten oder in dem der mutmaßliche Verstoß stattgefunden hat (Artikel 77 DSGVO).',
    },
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Nach Artikel 12 Absatz 5 DSGVO können wir uns weigern, aufgrund eines offenkundig unbegründeten Antrags tätig zu werden. Dies ist hier unseres Erachtens der Fall: Der Antrag betrifft keine personenbezogenen Daten, die wir über Sie verarbeiten.',
      excessive: (_: Den) =>
        'Nach Artikel 12 Absatz 5 DSGVO können wir uns weigern, aufgrund eines exzessiven Antrags tätig zu werden, insbesondere bei häufiger Wiederholung. Sie haben kürzlich denselben Antrag gestellt, den wir damals beantwortet haben; seitdem hat sich nichts geändert.',
      identity_not_confirmed: (_: Den) =>
        'Wir konnten nicht bestätigen, dass Sie die Person sind, die die Daten betreffen (Artikel 11 Absatz 2 und Artikel 12 Absatz 6 DSGVO). Daher können wir dem Antrag nicht nachkommen, ohne Gefahr zu laufen, Daten einer anderen Person offenzulegen oder zu ändern. Gern können Sie einen neuen Antrag mit Angaben senden, anhand derer wir Sie identifizieren können.',
      authority_not_shown: (_: Den) =>
        'Sie haben den Antrag für eine andere Person gestellt, aber wir konnten nicht bestätigen, dass Sie diese vertreten dürfen: Das eingereichte Dokument weist weder das Sorgerecht noch eine Vollmacht nach, die diesen Antrag umfasst (Artikel 12 Absätze 2 und 6 DSGVO). Wir haben den Antrag daher nicht ausgeführt. Sie oder die betroffene Person können gern einen neuen Antrag mit einem Dokument stellen, das die Befugnis nachweist.',
      processor_only: (p: Den) =>
        p.customer
          ? `${p.controller} verarbeitet diese Daten nur im Auftrag von ${p.customer}, als dessen Auftragsverarbeiter (Artikel 28 DSGVO). ${p.customer} ist der Verantwortliche und entscheidet über die Daten; bitte richten Sie Ihren Antrag daher an ${p.customer}. Wir unterstützen ihn bei der Beantwortung.`
          : `${p.controller} verarbeitet diese Daten nur im Auftrag der Organisation, bei der Sie registriert sind, als deren Auftragsverarbeiter (Artikel 28 DSGVO). Diese Organisation ist der Verantwortliche und entscheidet über die Daten; bitte richten Sie Ihren Antrag daher an sie. Wir unterstützen sie bei der Beantwortung.`,
      legal_obligation: (_: Den) =>
        'Wir müssen diese Daten zur Erfüllung einer rechtlichen Verpflichtung oder zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen aufbewahren (Artikel 17 Absatz 3 Buchstaben b und e DSGVO). Wir bewahren sie nur so lange auf, wie dies erforderlich ist, und verwenden sie für nichts anderes.',
      compelling_grounds: (_: Den) =>
        'Wir haben Ihren Widerspruch gegen unsere Gründe für die Verarbeitung abgewogen (Artikel 21 Absatz 1 DSGVO). Wir haben zwingende schutzwürdige Gründe für die Verarbeitung, die Ihre Interessen, Rechte und Freiheiten überwiegen, und setzen die Verarbeitung daher fort.',
      data_accurate: (_: Den) =>
        'Wir haben die Daten geprüft, deren Berichtigung Sie verlangt haben (Artikel 16 DSGVO), und festgestellt, dass sie richtig sind; wir haben sie daher nicht geändert.',
    },
    extension: {
      subject: ({ controller }: C) => `${controller} benötigt mehr Zeit für Ihren Antrag`,
      intro: (p: C & { what: string }) => `${p.controller} benötigt mehr Zeit, um Ihren ${p.what} zu beantworten.`,
      newDue: (p: { months: number; date: string }) =>
        `Das Gesetz erlaubt, die Frist um höchstens zwei weitere Monate zu verlängern, wenn Anträge komplex oder zahlreich sind (Artikel 12 Absatz 3 DSGVO). Wir haben sie um ${deMonths(p.months)} verlängert: Sie erhalten unsere Antwort spätestens am ${p.date}.`,
      reasonsTitle: 'Warum wir mehr Zeit benötigen',
    },
    /** Art. 12(5)(a): staff charge a reasonable fee before the request is answered. */
    fee: {
      subject: ({ controller }: C) => `Ein Entgelt für Ihren Antrag an ${controller}`,
      intro: (p: C & { what: string; amount: string }) =>
        `${p.controller} beantwortet Ihren ${p.what}, sobald ein Entgelt von ${p.amount} bezahlt ist. Das Gesetz erlaubt ein angemessenes Entgelt für einen offenkundig unbegründeten oder exzessiven Antrag, insbesondere wenn er einen früheren wiederholt (Artikel 12 Absatz 5 DSGVO).`,
      reasonTitle: 'Warum wir ein Entgelt verlangen',
      howToPay: (p: { dpoEmail: string }) =>
        `Wenn Sie wissen möchten, wie Sie bezahlen können, oder das Entgelt für nicht angemessen halten, schreiben Sie an ${p.dpoEmail}.`,
      pauses: 'Die Frist für unsere Antwort ruht, bis das Entgelt bezahlt ist.',
      withdraw: 'Wenn Sie nicht bezahlen möchten, können Sie Ihren Antrag auf seiner Statusseite zurückziehen:',
      linkText: 'Statusseite öffnen',
    },
    infoRequest: {
      subject: ({ controller }: C) => `${controller} benötigt weitere Angaben zu Ihrem Antrag`,
      intro: (p: C & { what: string }) =>
        `Bevor ${p.controller} Ihren ${p.what} weiter bearbeiten kann, benötigen unsere Mitarbeitenden weitere Angaben von Ihnen (Artikel 12 Absatz 6 DSGVO).`,
      questionTitle: 'Unsere Frage',
      howToAnswer:
        'Bitte antworten Sie auf der Statusseite Ihres Antrags. Antworten Sie nicht auf diese E-Mail, und senden Sie nicht mehr personenbezogene Daten, als die Frage erfordert.',
      linkText: 'Auf der Statusseite antworten',
      pauses: 'Die Frist für unsere Antwort ruht, bis Ihre Antwort vorliegt.',
      runs: (p: { date: string }) => `Die Frist für unsere Antwort läuft weiter: ${p.date}.`,
    },
    answerCorrection: {
      subject: ({ controller }: C) => `Berichtigung: das Ergebnis Ihres Antrags an ${controller}`,
      intro: (p: C & { system: string }) =>
        `Wir müssen berichtigen, was wir Ihnen in der Antwort auf Ihren Antrag an ${p.controller} über ${p.system} mitgeteilt haben.`,
      nowTitle: 'Was richtig ist',
      why: (p: { why: string }) => `Grund: ${p.why}`,
      sorry: 'Wir bitten den Fehler zu entschuldigen. Bei Fragen wenden Sie sich an unseren Datenschutzbeauftragten.',
    },
    restrictionLift: {
      subject: ({ controller }: C) => `${controller} hebt die Einschränkung der Verarbeitung Ihrer Daten auf`,
      intro: (p: C & { date: string }) =>
        `Sie haben bei ${p.controller} die Einschränkung der Verarbeitung Ihrer personenbezogenen Daten verlangt. Wie gesetzlich vorgeschrieben, unterrichten wir Sie im Voraus (Artikel 18 Absatz 3 DSGVO): Die Einschränkung wird am ${p.date} aufgehoben.`,
      whereTitle: 'Wo die Einschränkung endet',
      after: 'Ab dann dürfen die Daten wieder wie zuvor verwendet werden.',
      object:
        'Wenn Sie meinen, dass die Einschränkung bestehen bleiben sollte, etwa weil die Daten noch unrichtig sind oder weil Sie ihrer Verwendung widersprochen haben, wenden Sie sich vor diesem Datum an uns.',
    },
  },
};
