import { deMonths } from '../counts.ts';
import type { C } from '../params.ts';
import type { StatusTexts } from './en.ts';

/** The words of a request’s status page, withdrawing it, and a status link that has ended, in German. */
export const de: StatusTexts = {
  status: {
    title: 'Stand Ihres Antrags',
    controller: 'Antrag an',
    reference: 'Aktenzeichen',
    type: 'Antrag',
    status: 'Aktueller Stand',
    receivedAt: 'Eingegangen',
    dueAt: 'Antwort fällig bis',
    completedAt: 'Abgeschlossen',
    systemsTitle: 'Fortschritt in jedem System',
    systemCol: 'Wo Daten gespeichert sein können',
    statusCol: 'Fortschritt',
    noSystemsYet: 'Die Arbeit in den einzelnen Systemen beginnt, sobald der Antrag bearbeitet wird.',
    refreshHint: 'Diese Seite aktualisiert sich nicht von selbst. Laden Sie sie neu, um den aktuellen Stand zu sehen.',
    awaitingFee: {
      label: 'Wartet auf die Zahlung eines Entgelts',
      description:
        'Wir bearbeiten Ihren Antrag weiter, sobald das unten genannte Entgelt bezahlt ist (Artikel 12 Absatz 5 DSGVO). Sie können den Antrag stattdessen auch zurückziehen.',
    },
    feeTitle: 'Ein Entgelt für Ihren Antrag',
    feeAmount: (p: { amount: string }) => `Entgelt: ${p.amount}`,
    feeReason: 'Warum wir es verlangen',
    feeHowToPay: 'Wenn Sie wissen möchten, wie Sie bezahlen können, oder das Entgelt für nicht angemessen halten, schreiben Sie an die Adresse unten.',
    dueAtPausedForFee: 'Ruht, bis das Entgelt bezahlt ist',
    feePaid: (p: { amount: string; date: string }) => `Das Entgelt von ${p.amount} wurde am ${p.date} bezahlt.`,
    awaitingAnswer: {
      label: 'Wir benötigen weitere Angaben von Ihnen',
      description: 'Unsere Mitarbeitenden haben eine Frage an Sie. Bitte beantworten Sie sie unten, damit wir Ihren Antrag weiter bearbeiten können.',
    },
    dueAtPaused: 'Angehalten, bis Sie unsere Frage beantworten',
    answeredAt: 'Ihre Antwort eingegangen',
    downloadTitle: 'Ihre Kopie der Daten',
    downloadEmailed: (p: { date: string }) =>
      `Wir haben Ihnen per E-Mail einen Link zum Herunterladen gesendet. Zu Ihrer Sicherheit steht der Link nur in dieser E-Mail, nicht auf dieser Seite. Er ist bis zum ${p.date} gültig.`,
    downloadExpired: (p: { date: string }) => `Der Download-Link, den wir Ihnen gesendet haben, ist seit dem ${p.date} nicht mehr gültig.`,
    withdrawTitle: 'Ihren Antrag zurückziehen',
    withdrawExplain:
      'Sie können diesen Antrag zurückziehen, wenn Sie seine Bearbeitung nicht mehr wünschen. Bereits Erledigtes bleibt erledigt: Gelöschte Daten lassen sich nicht wiederherstellen.',
    withdrawButton: 'Meinen Antrag zurückziehen',
    withdrawnAt: 'Zurückgezogen am',
    extensionTitle: 'Die Frist ist verlängert',
    extension: (p: { months: number; date: string }) =>
      `Das Gesetz erlaubt uns, die Frist um höchstens zwei weitere Monate zu verlängern, wenn Anträge komplex oder zahlreich sind (Artikel 12 Absatz 3 DSGVO). Wir haben sie um ${deMonths(p.months)} verlängert; die neue Frist endet am ${p.date}.`,
    extensionReasons: 'Gründe:',
    denialTitle: 'Warum Ihr Antrag abgelehnt wurde',
    infoRequestTitle: 'Unsere Frage',
    infoRequestIntro: 'Bevor wir Ihren Antrag weiter bearbeiten können, fragen unsere Mitarbeitenden:',
    clockPaused: 'Die Frist ruht, bis Sie antworten.',
    clockRuns: 'Die Frist läuft weiter, während wir auf Ihre Antwort warten.',
    answerLabel: 'Ihre Antwort',
    answerHint: 'Höchstens 4.000 Zeichen. Senden Sie nicht mehr personenbezogene Daten, als die Frage erfordert.',
    answerButton: 'Meine Antwort senden',
    answerError: 'Schreiben Sie Ihre Antwort in höchstens 4.000 Zeichen.',
    packageDeleted: (p: { date: string }) => `Die Kopie Ihrer Daten wurde am ${p.date} gelöscht, als ihr Download-Link abgelaufen ist.`,
    personalDataErased: (p: { date: string }) =>
      `Ihre E-Mail-Adresse, Ihr Name und was Sie uns geschrieben haben, wurden am ${p.date} aus diesem Antrag gelöscht. Wir bewahren nur einen Nachweis auf, dass der Antrag beantwortet wurde.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Wartet auf Ihre Bestätigung',
        description: 'Öffnen Sie den Link in der E-Mail, die wir Ihnen gesendet haben, und bestätigen Sie den Antrag.',
      },
      received: {
        label: 'Eingegangen',
        description: 'Ihr Antrag ist bestätigt und wartet auf die Bearbeitung.',
      },
      in_review: {
        label: 'In Prüfung',
        description: 'Ein Mitarbeiter oder eine Mitarbeiterin prüft Ihren Antrag. Wir melden uns, falls wir etwas benötigen.',
      },
      in_progress: {
        label: 'In Bearbeitung',
        description: 'Wir arbeiten alle Systeme durch, in denen Ihre Daten gespeichert sein können.',
      },
      completed: {
        label: 'Abgeschlossen',
        description: 'Ihr Antrag ist beantwortet. Wir haben Ihnen das Ergebnis per E-Mail gesendet.',
      },
      denied: {
        label: 'Abgelehnt',
        description: 'Wir konnten Ihrem Antrag nicht nachkommen. Wir haben Ihnen die Gründe und Ihre Möglichkeiten per E-Mail mitgeteilt.',
      },
      closed_unverified: {
        label: 'Geschlossen – nie bestätigt',
        description: 'Der Antrag wurde nicht rechtzeitig bestätigt, daher ist nichts damit geschehen.',
      },
      cancelled: {
        label: 'Zurückgezogen',
        description:
          'Sie haben diesen Antrag zurückgezogen. Wir haben die Bearbeitung beendet und fordern die Organisationen, die ihn noch bearbeiteten, auf, ebenfalls aufzuhören, soweit sie eine Möglichkeit dafür bieten. Bereits Erledigtes bleibt erledigt.',
      },
      undeliverable: {
        label: 'Geschlossen – E-Mail konnte nicht zugestellt werden',
        description:
          'Die Bestätigungs-E-Mail konnte an die angegebene Adresse nicht zugestellt werden. Der Antrag konnte daher nicht bestätigt werden, und es ist nichts damit geschehen. Die Adresse wurde gelöscht. Sie können den Antrag gern mit einer anderen Adresse erneut stellen.',
      },
    },
    branchStatus: {
      pending: 'Wartet',
      running: 'In Bearbeitung',
      waiting: 'Wartet auf eine Antwort',
      completed: 'Erledigt',
      failed: 'Problem – Mitarbeitende kümmern sich darum',
      stopped: 'Beendet – Antrag zurückgezogen',
      kept: 'Teilweise erledigt – einige Daten aufbewahrt (siehe unsere Antwort)',
    },
  },
  withdrawal: {
    title: 'Ihren Antrag zurückziehen?',
    intro: ({ controller }: C) => `Sie sind dabei, Ihren Antrag an ${controller} zurückzuziehen.`,
    stop: 'Wir beenden die Bearbeitung sofort und fordern die Organisationen, die ihn noch bearbeiten, auf, ebenfalls aufzuhören, soweit sie eine Möglichkeit dafür bieten.',
    kept: 'Bereits Erledigtes bleibt erledigt: Gelöschte Daten lassen sich nicht wiederherstellen.',
    noAnswer: 'Sie erhalten auf diesen Antrag keine Antwort. Wenn Sie es sich später anders überlegen, können Sie einen neuen Antrag stellen.',
    receiptNote: 'Wir senden Ihnen eine Bestätigung per E-Mail.',
    confirmButton: 'Ja, meinen Antrag zurückziehen',
    keep: 'Nein, meinen Antrag behalten',
    receipt: {
      subject: (p: C & { reference: string }) => `Ihr Antrag an ${p.controller} ist zurückgezogen (Az. ${p.reference})`,
      intro: (p: C & { date: string }) =>
        `Wir haben festgehalten, dass Sie Ihren Antrag an ${p.controller} am ${p.date} zurückgezogen haben. Wir haben die Bearbeitung beendet und werden Ihnen darauf keine Antwort senden.`,
      factsTitle: 'Ihr Antrag',
      reference: 'Aktenzeichen',
      type: 'Antrag',
      done: 'Bereits Erledigtes bleibt erledigt: Gelöschte Daten lassen sich nicht wiederherstellen. Wir fordern die Organisationen, die den Antrag noch bearbeiteten, auf, aufzuhören, soweit sie eine Möglichkeit dafür bieten.',
      again: 'Wenn Sie ihn nicht zurückziehen wollten oder doch bearbeitet haben möchten, können Sie mit dem Formular einen neuen Antrag stellen:',
      formLink: 'Einen neuen Antrag stellen',
    },
  },
  statusEnded: {
    title: 'Dieser Status-Link funktioniert nicht mehr',
    body: (p: { date: string }) =>
      `Ihre E-Mail-Adresse, Ihr Name und was Sie uns geschrieben haben, wurden am ${p.date} aus diesem Antrag gelöscht, und sein Status-Link ist damit erloschen. Wir bewahren nur einen Nachweis auf, dass der Antrag beantwortet wurde.`,
    withdrawnBody: (p: { date: string }) =>
      `Dieser Antrag wurde zurückgezogen. Ihre E-Mail-Adresse, Ihr Name und was Sie uns geschrieben haben, wurden am ${p.date} daraus gelöscht, und sein Status-Link ist damit erloschen. Wir bewahren nur einen Nachweis auf, dass er zurückgezogen wurde.`,
    next: 'Wenn Sie einen weiteren Antrag stellen möchten, verwenden Sie das Formular.',
  },
};
