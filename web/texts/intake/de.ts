import { deDays } from '../counts.ts';
import type { C } from '../params.ts';
import type { IntakeTexts } from './en.ts';

/** The words of making a request: the form, the page after it, and the email with the verification link, in German. */
export const de: IntakeTexts = {
  form: {
    title: 'Ihre Rechte an Ihren personenbezogenen Daten wahrnehmen',
    intro:
      'Sie können von einer Organisation eine Kopie der personenbezogenen Daten verlangen, die sie über Sie verarbeitet, diese berichtigen oder löschen lassen und Ihre weiteren Rechte nach der DSGVO wahrnehmen. Ein Benutzerkonto brauchen Sie dafür nicht.',
    introTo: ({ controller }: C) => `Ihr Antrag geht an ${controller}.`,
    noControllers: 'Derzeit nimmt hier keine Organisation Anträge entgegen.',
    controllerLabel: 'An welche Organisation richtet sich Ihr Antrag?',
    typeLegend: 'Was möchten Sie beantragen?',
    typeLabel: {
      access: 'Eine Kopie meiner personenbezogenen Daten (Auskunft)',
      portability: 'Meine Daten in einem maschinenlesbaren Format, um sie anderswo zu nutzen (Datenübertragbarkeit)',
      rectification: 'Unrichtige Daten über mich berichtigen (Berichtigung)',
      erasure: 'Meine personenbezogenen Daten löschen (Löschung)',
      restriction: 'Meine Daten vorerst nicht mehr verwenden, aber aufbewahren (Einschränkung der Verarbeitung)',
      objection: 'Meine Daten nicht mehr für Werbung oder andere Zwecke verwenden (Widerspruch)',
      withdraw_consent: 'Eine erteilte Einwilligung widerrufen (Widerruf der Einwilligung)',
    },
    emailLabel: 'Ihre E-Mail-Adresse',
    emailHint: 'Verwenden Sie die Adresse, unter der die Organisation Sie kennt. Wir senden einen Link an diese Adresse, mit dem Sie den Antrag bestätigen.',
    nameLabel: 'Ihr Name (freiwillig)',
    nameHint: 'Hilft uns, falls wir Sie zu Ihrem Antrag kontaktieren müssen.',
    howTitle: 'Wie es weitergeht',
    steps: (p: { days: number }) => [
      `Wir senden Ihnen einen Link per E-Mail. Der Link ist ${deDays(p.days)} gültig.`,
      'Sie öffnen den Link und bestätigen den Antrag. So sehen wir, dass die E-Mail-Adresse Ihnen gehört.',
      'Wir antworten innerhalb eines Monats, wie es das Gesetz verlangt, und benachrichtigen Sie per E-Mail, sobald alles erledigt ist.',
    ],
    privacyNote: 'Wir verwenden Ihre E-Mail-Adresse nur zur Beantwortung dieses Antrags. Wir nehmen sie in keinen Verteiler auf.',
    submit: 'Antrag senden',
    errorSummaryTitle: 'Es gibt ein Problem',
    fieldErrors: {
      type: 'Wählen Sie aus, was Sie beantragen möchten.',
      email: 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@example.org.',
      name: 'Bitte prüfen Sie Ihren Namen.',
      locale: 'Wählen Sie eine Sprache.',
      controller: 'Wählen Sie die Organisation, an die sich Ihr Antrag richtet.',
      body: 'Wir konnten das Formular nicht lesen. Bitte füllen Sie es erneut aus.',
      rectifyAttribute: 'Wählen Sie die unrichtigen Daten oder „Etwas anderes“.',
      inaccurate: 'Geben Sie an, was unrichtig ist.',
      corrected: 'Geben Sie an, wie die Daten lauten sollen.',
      objectionScope: 'Wählen Sie aus, wogegen Sie Widerspruch einlegen.',
      objectionGrounds: 'Bitte prüfen Sie die Gründe für Ihren Widerspruch.',
      consentPurposes: 'Wählen Sie mindestens eine Einwilligung, die Sie widerrufen möchten.',
      transmitTo: 'Wählen Sie eine der aufgeführten Organisationen oder keine.',
      viaCustomer: 'Bitte prüfen Sie den Namen der Organisation.',
      message: 'Bitte prüfen Sie Ihre Nachricht.',
      phone: 'Geben Sie eine Telefonnummer mit Ländervorwahl ein, etwa +49 30 1234567, oder lassen Sie das Feld leer.',
      customerNumber: 'Bitte prüfen Sie Ihre Kundennummer.',
      memberNumber: 'Bitte prüfen Sie Ihre Mitgliedsnummer.',
      username: 'Bitte prüfen Sie Ihren Benutzernamen.',
      onBehalfOf: 'Wählen Sie, für wen der Antrag ist.',
      subjectName: 'Geben Sie den Namen der Person an, für die Sie den Antrag stellen.',
      subjectEmail: 'Geben Sie ihre E-Mail-Adresse an, zum Beispiel name@example.org.',
      mandate: 'Fügen Sie das Dokument als PDF, PNG oder JPEG mit höchstens 4 MB bei. Wenn Sie es schon ausgewählt hatten, wählen Sie es erneut aus.',
      rateLimit: 'Innerhalb einer Stunde sind zu viele Anträge von hier oder für diese E-Mail-Adresse eingegangen. Bitte versuchen Sie es später erneut.',
    },
    fieldsLegend: {
      portability: 'Datenübertragbarkeit: wohin die Daten gehen',
      rectification: 'Berichtigung: was zu berichtigen ist',
      objection: 'Widerspruch: wogegen Sie widersprechen',
      withdraw_consent: 'Widerruf der Einwilligung: welche Einwilligung',
    },
    fieldsHint: 'Füllen Sie dies nur aus, wenn Sie oben dieses Recht gewählt haben.',
    rectifyAttributeLabel: 'Welche Daten sind unrichtig?',
    rectifyAttributeOther: 'Etwas anderes (unten beschreiben)',
    inaccurateLabel: 'Was ist unrichtig oder unvollständig?',
    inaccurateHint: 'Zum Beispiel eine alte Anschrift oder ein falsch geschriebener Name, und wo Sie dies gesehen haben.',
    correctedLabel: 'Wie soll es richtig lauten?',
    correctedHint: 'Die richtigen oder vollständigen Daten. Wir bitten Sie möglicherweise, nachzuweisen, dass sie richtig sind.',
    objectionScopeLegend: 'Wogegen legen Sie Widerspruch ein?',
    objectionScope: {
      direct_marketing: 'Direktwerbung, etwa Newsletter und Angebote',
      other: 'Eine andere Verwendung meiner Daten, die sich auf die berechtigten Interessen der Organisation stützt',
    },
    objectionScopeHint: {
      direct_marketing: 'Wir hören sofort damit auf. Sie müssen keinen Grund angeben.',
      other:
        'Wir hören damit auf, es sei denn, wir können zwingende schutzwürdige Gründe nachweisen, die Ihre Interessen, Rechte und Freiheiten überwiegen, oder benötigen die Daten zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen.',
    },
    objectionGroundsLabel: 'Warum widersprechen Sie? (freiwillig)',
    objectionGroundsHint: 'Bei einem Widerspruch gegen eine andere Verwendung schildern Sie uns bitte Ihre besondere Situation, damit wir sie abwägen können.',
    consentLegend: 'Welche Einwilligung widerrufen Sie?',
    consentHint: 'Wählen Sie eine oder mehrere. Wir beenden diese Verwendung Ihrer Daten und löschen, was wir nur dafür gespeichert hatten.',
    transmitToLabel: 'Die Daten direkt an eine andere Organisation übermitteln (freiwillig)',
    transmitToHint:
      'Wir können sie nur an die hier aufgeführten Organisationen übermitteln. Lassen Sie die Auswahl unverändert, um die Daten selbst herunterzuladen.',
    transmitToNone: 'Nein, ich lade sie selbst herunter',
    viaCustomerLabel: 'Betrifft Ihr Antrag eine Organisation, die unsere Dienste nutzt? (freiwillig)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `${p.controller} verarbeitet personenbezogene Daten auch im Auftrag anderer: ${p.description}. Wenn Ihr Antrag Daten betrifft, die Sie einer dieser Organisationen gegeben haben, tragen Sie hier deren Namen ein. Diese Organisation entscheidet als Verantwortlicher über Ihre Daten, daher verweisen wir Sie möglicherweise an sie.`,
    identifierLabel: {
      phone: 'Ihre Telefonnummer (freiwillig)',
      customerNumber: 'Ihre Kundennummer (freiwillig)',
      memberNumber: 'Ihre Mitgliedsnummer (freiwillig)',
      username: 'Ihr Benutzername (freiwillig)',
    },
    identifierHint: {
      phone:
        'Mit Ländervorwahl, etwa +49 30 1234567. Einige Systeme der Organisation finden Personen nur über die Telefonnummer: Ohne sie können wir diese Systeme nicht für Sie durchsuchen.',
      customerNumber:
        'Wie sie auf Ihren Rechnungen oder in Ihrem Konto steht. Einige Systeme finden Personen nur darüber: Ohne sie können wir diese nicht für Sie durchsuchen.',
      memberNumber:
        'Wie sie auf Ihrem Mitgliedsausweis oder in Ihrem Konto steht. Einige Systeme finden Personen nur darüber: Ohne sie können wir diese nicht für Sie durchsuchen.',
      username: 'Der Name, mit dem Sie sich anmelden. Einige Systeme finden Personen nur darüber: Ohne ihn können wir diese nicht für Sie durchsuchen.',
    },
    forWhomLegend: 'Für wen ist der Antrag?',
    forWhom: {
      self: 'Für mich',
      parent: 'Für mein Kind: Ich bin Elternteil oder Vormund',
      mandate: 'Für jemanden, der mich bevollmächtigt hat',
    },
    forWhomHint:
      'Wenn Sie den Antrag für jemand anderen stellen, tragen Sie weiter unten Ihre eigene E-Mail-Adresse und Ihren Namen ein: Alle E-Mails zum Antrag gehen an Sie.',
    representationLegend: 'Die Person, für die Sie den Antrag stellen',
    representationHint:
      'Bevor etwas geschieht, prüfen unsere Mitarbeitenden das Dokument, das zeigt, dass Sie diese Person vertreten dürfen. Fragt das Formular nach einer Telefon- oder Kundennummer, geben Sie die der Person an.',
    subjectNameLabel: 'Ihr Name',
    subjectEmailLabel: 'Ihre E-Mail-Adresse',
    subjectEmailHint:
      'Die Adresse, unter der die Organisation die Person kennt (bei einem Kind die seines Kontos). Wir durchsuchen damit die Systeme der Organisation; wir schreiben nicht an sie.',
    mandateLabel: 'Ein Dokument, das zeigt, dass Sie die Person vertreten dürfen',
    mandateHint: (p: { mb: number }) =>
      `Eine von der Person unterschriebene Vollmacht, bei einem Kind ein Nachweis, dass Sie Elternteil oder Vormund sind. PDF, PNG oder JPEG, höchstens ${p.mb} MB.`,
    messageLabel: 'Sollten wir noch etwas wissen? (freiwillig)',
    messageHint: 'Zum Beispiel, warum Sie fragen oder welchen Zeitraum Ihr Antrag betrifft. Höchstens 4.000 Zeichen.',
    organisationsIntro:
      'Jede Organisation ist für die personenbezogenen Daten verantwortlich, die sie verarbeitet. Wählen Sie die Organisation, an die sich Ihr Antrag richtet, um ihr Formular zu öffnen.',
  },
  accepted: {
    title: 'Bitte sehen Sie in Ihr E-Mail-Postfach',
    body: ({ controller }: C) =>
      `Wenn die angegebene Adresse stimmt, erhalten Sie in Kürze eine E-Mail mit einem Link, mit dem Sie Ihren Antrag an ${controller} bestätigen.`,
    expires: (p: { days: number }) => `Der Link ist ${deDays(p.days)} gültig. Bis Sie bestätigen, geschieht nichts.`,
    sentTo: 'Wir senden sie an:',
    typo: 'Wenn diese Adresse falsch ist, kann die E-Mail Sie nicht erreichen: Füllen Sie das Formular mit der richtigen Adresse erneut aus. Ein Antrag, der nie bestätigt wird, wird nicht bearbeitet.',
    addressHidden: 'Zum Schutz Ihrer Privatsphäre zeigt diese Seite die eingegebene Adresse nur kurze Zeit nach dem Absenden des Formulars an.',
    noDataHint:
      'Zum Schutz Ihrer Privatsphäre sagen weder diese Seite noch die E-Mail, ob die Organisation Daten über Sie verarbeitet. Das erfahren Sie, sobald Sie bestätigt haben.',
    noEmailTitle: 'Keine E-Mail erhalten?',
    noEmail:
      'Sehen Sie in Ihrem Spam- oder Junk-Ordner nach. Wenn die E-Mail nach einigen Minuten nicht angekommen ist, prüfen Sie die Adresse und senden Sie das Formular erneut.',
    sendAgain: 'Formular erneut ausfüllen',
  },
  email: {
    verify: {
      subject: ({ controller }: C) => `Bestätigen Sie Ihren Antrag an ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat bei ${controller} eine Kopie der personenbezogenen Daten beantragt, die dort zu dieser E-Mail-Adresse verarbeitet werden.`,
        portability: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat bei ${controller} die zu dieser E-Mail-Adresse bereitgestellten personenbezogenen Daten in einem maschinenlesbaren Format beantragt.`,
        rectification: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat bei ${controller} die Berichtigung der personenbezogenen Daten beantragt, die dort zu dieser E-Mail-Adresse verarbeitet werden.`,
        erasure: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat bei ${controller} die Löschung der personenbezogenen Daten beantragt, die dort zu dieser E-Mail-Adresse verarbeitet werden.`,
        restriction: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat bei ${controller} die Einschränkung der Verarbeitung der personenbezogenen Daten beantragt, die dort zu dieser E-Mail-Adresse verarbeitet werden.`,
        objection: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat Widerspruch dagegen eingelegt, wie ${controller} die personenbezogenen Daten zu dieser E-Mail-Adresse verwendet.`,
        withdraw_consent: ({ controller }: C) =>
          `Jemand, hoffentlich Sie, hat eine gegenüber ${controller} erteilte Einwilligung in die Verwendung der personenbezogenen Daten zu dieser E-Mail-Adresse widerrufen.`,
      },
      action: 'Um fortzufahren, öffnen Sie diesen Link und bestätigen Sie den Antrag auf der Seite, die sich öffnet:',
      linkText: 'Bestätigungsseite öffnen',
      expires: (p: { date: string }) => `Der Link ist bis zum ${p.date} gültig.`,
      why: 'Wir bitten Sie um Bestätigung, damit niemand anderes einen Antrag in Ihrem Namen stellen kann.',
      ignore: 'Wenn Sie dies nicht beantragt haben, ignorieren Sie diese E-Mail. Es geschieht dann nichts.',
      forSomeone: (p: { name: string }) =>
        `Sie haben den Antrag für ${p.name} gestellt. Sobald Sie ihn bestätigen, prüfen unsere Mitarbeitenden das eingereichte Dokument, das zeigt, dass Sie die Person vertreten dürfen, bevor etwas geschieht. Alle E-Mails zum Antrag gehen an Sie.`,
      byEmail:
        'Wir haben Ihre E-Mail erhalten und als diesen Antrag erfasst: Diese Nachricht bestätigt den Eingang. Ihre E-Mail wird mit dem Antrag aufbewahrt.',
    },
  },
};
