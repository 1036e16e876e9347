import { deDays } from '../counts.ts';
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
    questions: 'Fragen zu Ihrem Antrag? Schreiben Sie unserem Datenschutzbeauftragten:',
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
};
