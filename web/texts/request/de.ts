import { deDays, deMonths } from '../counts.ts';
import type { C } from '../params.ts';
import type { RequestTexts } from './en.ts';

/** The words of the pages about one request: confirming it, its status, answering a question, an expired download, unsubscribing, in German. */
export const de: RequestTexts = {
  confirm: {
    title: {
      access: 'Bestätigen Sie Ihren Antrag auf eine Kopie Ihrer Daten',
      portability: 'Bestätigen Sie Ihren Antrag auf Ihre Daten in einem maschinenlesbaren Format',
      rectification: 'Bestätigen Sie Ihren Antrag auf Berichtigung',
      erasure: 'Bestätigen Sie Ihren Antrag auf Löschung',
      restriction: 'Bestätigen Sie Ihren Antrag auf Einschränkung der Verarbeitung',
      objection: 'Bestätigen Sie Ihren Widerspruch',
      withdraw_consent: 'Bestätigen Sie den Widerruf Ihrer Einwilligung',
    },
    what: {
      access: ({ controller }: C) =>
        `Wenn Sie bestätigen, durchsucht ${controller} alle Systeme, in denen personenbezogene Daten gespeichert sind, stellt zusammen, was über Sie vorliegt, und sendet Ihnen per E-Mail einen Link zum Herunterladen. Der Download erläutert auch, warum die Daten verwendet werden, woher sie stammen, wer sie erhält und wie lange sie gespeichert werden.`,
      portability: ({ controller }: C) =>
        `Wenn Sie bestätigen, stellt ${controller} die Daten zusammen, die Sie bereitgestellt haben, und sendet Ihnen per E-Mail einen Link, um sie als maschinenlesbare Dateien (JSON und CSV) herunterzuladen. Wenn Sie es beantragt haben, übermittelt ${controller} die Daten außerdem direkt an die von Ihnen gewählte Organisation.`,
      rectification: ({ controller }: C) =>
        `Wenn Sie bestätigen, berichtigt ${controller} die Daten in allen Systemen, in denen sie gespeichert sind. Mitarbeitende prüfen die Berichtigung möglicherweise zuerst und bitten Sie gegebenenfalls um weitere Angaben.`,
      erasure: ({ controller }: C) =>
        `Wenn Sie bestätigen, löscht ${controller} Ihre personenbezogenen Daten in allen Systemen, in denen sie gespeichert sind.`,
      restriction: ({ controller }: C) =>
        `Wenn Sie bestätigen, kennzeichnet ${controller} Ihre Daten in allen Systemen, in denen sie gespeichert sind, als eingeschränkt: Die Daten werden aufbewahrt, aber nicht verwendet, bis die Einschränkung aufgehoben wird. Sie werden vorher darüber unterrichtet.`,
      objection: ({ controller }: C) =>
        `Wenn Sie bestätigen, verwendet ${controller} Ihre Daten sofort nicht mehr für Direktwerbung. Einen Widerspruch gegen eine andere Verwendung wägen Mitarbeitende ab und teilen Ihnen das Ergebnis mit.`,
      withdraw_consent: ({ controller }: C) =>
        `Wenn Sie bestätigen, beendet ${controller} die Verarbeitung, in die Sie eingewilligt hatten, und löscht die Daten, die nur für diesen Zweck gespeichert waren. Was vor Ihrem Widerruf geschehen ist, bleibt rechtmäßig.`,
    },
    irreversible:
      'Dies kann nicht rückgängig gemacht werden: Gelöschte Daten lassen sich nicht wiederherstellen. Leistungen, die von den Daten abhängen, etwa eine Mitgliedschaft, können enden.',
    kept: 'Wenn das Gesetz die Organisation verpflichtet, bestimmte Daten aufzubewahren, oder wenn Datensätze ohne alles, was Sie identifiziert, für Statistiken aufbewahrt werden, teilen wir Ihnen mit, was aufbewahrt wurde und warum.',
    button: {
      access: 'Meinen Antrag bestätigen',
      portability: 'Meinen Antrag bestätigen',
      rectification: 'Berichtigung bestätigen',
      erasure: 'Löschung bestätigen',
      restriction: 'Einschränkung bestätigen',
      objection: 'Meinen Widerspruch bestätigen',
      withdraw_consent: 'Meine Einwilligung widerrufen',
    },
    notYou: 'Wenn Sie dies nicht beantragt haben, schließen Sie diese Seite. Es geschieht dann nichts.',
  },
  confirmed: {
    title: 'Ihr Antrag ist bestätigt',
    received: ({ controller }: C) => `${controller} hat Ihren Antrag erhalten.`,
    due: (p: { date: string }) => `Die Frist für die Antwort endet am ${p.date}.`,
    next: {
      access: 'Wir senden Ihnen per E-Mail einen Link zum Herunterladen Ihrer Daten, sobald sie bereitstehen.',
      portability:
        'Wir senden Ihnen per E-Mail einen Link zum Herunterladen Ihrer Daten, sobald sie bereitstehen, und teilen Ihnen mit, ob sie weitergeleitet wurden.',
      rectification: 'Wir benachrichtigen Sie per E-Mail, sobald alles erledigt ist, und teilen Ihnen mit, wo Ihre Daten berichtigt wurden.',
      erasure: 'Wir benachrichtigen Sie per E-Mail, sobald alles erledigt ist, und teilen Ihnen mit, was in welchem System gelöscht wurde.',
      restriction:
        'Wir benachrichtigen Sie per E-Mail, sobald alles erledigt ist, und teilen Ihnen mit, wo die Verarbeitung Ihrer Daten nun eingeschränkt ist.',
      objection: 'Wir teilen Ihnen das Ergebnis Ihres Widerspruchs per E-Mail mit.',
      withdraw_consent:
        'Wir benachrichtigen Sie per E-Mail, sobald alles erledigt ist, und teilen Ihnen mit, was mit den für diesen Zweck gespeicherten Daten geschehen ist.',
    },
    statusIntro:
      'Sie können Ihren Antrag auf seiner Statusseite verfolgen. Behalten Sie den Link für sich: Er ist persönlich. Diese Seite zeigt ihn nur einmal; die E-Mails, die wir Ihnen zu dem Antrag senden, enthalten ihn ebenfalls.',
  },
  receipt: {
    subject: (p: C) => `Ihr Antrag an ${p.controller} ist bestätigt`,
    intro: (p: C) =>
      `Vielen Dank, dass Sie Ihren Antrag bestätigt haben. ${p.controller} hat ihn erhalten und wird ihn bis zu der unten genannten Frist beantworten.`,
    factsTitle: 'Ihr Antrag',
    reference: 'Aktenzeichen',
    type: 'Was Sie beantragt haben',
    right: 'Ihr Recht',
    due: 'Antwort fällig bis',
    deadline:
      'Das Gesetz gibt uns einen Monat für die Antwort (Artikel 12 Absatz 3 DSGVO). Ist der Antrag komplex oder erhalten wir viele Anträge, können wir diese Frist um höchstens zwei weitere Monate verlängern; die Gründe dafür würden wir Ihnen innerhalb des ersten Monats mitteilen.',
    statusIntro: 'Sie können Ihren Antrag auf seiner Statusseite verfolgen. Behalten Sie den Link für sich: Er ist persönlich.',
    keep: 'Bewahren Sie diese E-Mail auf: Das Aktenzeichen kennzeichnet Ihren Antrag, wenn Sie uns dazu schreiben.',
    /** A request staff recorded from a letter, call, email or visit: how and when it reached us. */
    entered: {
      subject: (p: C) => `${p.controller} hat Ihren Antrag erhalten`,
      intro: (p: C & { channel: string; date: string }) =>
        `${p.controller} hat Ihren Antrag am ${p.date} ${p.channel} erhalten und erfasst. Wir beantworten ihn innerhalb der unten genannten Frist.`,
      received: 'Eingegangen',
      how: (p: { channel: string; date: string }) => `${p.channel}, ${p.date}`,
      channels: { letter: 'per Brief', phone: 'per Telefon', email: 'per E-Mail', in_person: 'persönlich' },
    },
  },
  unsubscribe: {
    title: 'Diese E-Mails abbestellen',
    confirm: (p: { controller: string; purpose: string }) =>
      `Drücken Sie die Schaltfläche, um Ihre Einwilligung in „${p.purpose}“ gegenüber ${p.controller} zu widerrufen. Die Verarbeitung zu diesem Zweck endet, die dafür gespeicherten Daten werden gelöscht, und Sie erhalten eine E-Mail, sobald dies erledigt ist.`,
    button: 'Abbestellen',
    doneTitle: 'Sie haben abbestellt',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} hat Ihren Widerruf der Einwilligung in „${p.purpose}“ erhalten. Sie erhalten eine E-Mail, sobald die dafür gespeicherten Daten gelöscht sind.`,
  },
  linkProblem: {
    expired: {
      title: 'Dieser Link ist abgelaufen',
      body: (p: { days: number }) =>
        `Bestätigungslinks sind ${deDays(p.days)} gültig. Der Antrag wurde nicht rechtzeitig bestätigt, daher ist nichts damit geschehen.`,
      next: 'Wenn Sie den Antrag weiterhin stellen möchten, senden Sie ihn bitte erneut. Das dauert nur eine Minute.',
    },
    used: {
      title: 'Dieser Link wurde bereits verwendet',
      body: 'Der Antrag ist bereits bestätigt. Sie müssen nichts weiter tun: Wir benachrichtigen Sie per E-Mail, sobald alles erledigt ist.',
      statusShownOnce:
        'Der Link zum Verfolgen Ihres Antrags wurde einmal angezeigt, auf der Seite nach Ihrer Bestätigung, und die E-Mails, die wir Ihnen zu dem Antrag senden, enthalten ihn. Zu Ihrer Sicherheit zeigt dieser Link ihn nicht noch einmal.',
      next: 'Wenn Sie einen weiteren Antrag stellen möchten, verwenden Sie das Formular.',
    },
    invalid: {
      title: 'Dieser Link funktioniert nicht',
      body: 'Der Link wurde beim Kopieren möglicherweise abgeschnitten. Öffnen Sie ihn erneut direkt aus der E-Mail oder kopieren Sie den vollständigen Link.',
      next: 'Wenn das nicht hilft, senden Sie bitte einen neuen Antrag.',
    },
  },
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
    questions: 'Fragen zu Ihrem Antrag? Schreiben Sie unserem Datenschutzbeauftragten:',
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
  replyReceived: {
    title: 'Vielen Dank – Ihre Antwort ist bei uns eingegangen',
    body: 'Unsere Mitarbeitenden sehen sie sich an und bearbeiten Ihren Antrag weiter. Wir benachrichtigen Sie per E-Mail, sobald es Neuigkeiten gibt.',
  },
  packageExpired: {
    title: 'Dieser Download-Link funktioniert nicht mehr',
    body: (p: { days: number }) =>
      `Download-Links sind ${deDays(p.days)} ab dem Versand per E-Mail gültig, und jeder Link ist persönlich. Zu Ihrer Sicherheit funktioniert der Link danach nicht mehr.`,
    next: 'Wenn Sie erneut eine Kopie Ihrer Daten benötigen, senden Sie bitte einen neuen Antrag.',
    deletedTitle: 'Ihre Kopie der Daten wurde gelöscht',
    deletedBody: (p: { date: string }) =>
      `Der Download-Link ist abgelaufen und die Kopie Ihrer Daten wurde am ${p.date} gelöscht; sie kann daher nicht mehr heruntergeladen werden.`,
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
