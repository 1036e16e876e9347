import type { R, RW } from '../params.ts';
import type { StaffMailTexts } from './en.ts';

/** The words of emails to staff and the DPO: a request waits for a decision, the subject answered, a deadline nears, a processor needs attention, in German. */
export const de: StaffMailTexts = {
  email: {
    reviewWaiting: {
      subject: (p: RW) => `Entscheidung erforderlich: ${p.what} ${p.reference} an ${p.controller}`,
      intro: (p: RW) => `Der Antrag ${p.reference} (${p.what}) wartet auf eine Entscheidung der Mitarbeitenden.`,
      reasonsTitle: 'Warum er wartet',
      reasons: {
        repeat_request: 'Dieselbe Person hat kürzlich denselben Antrag gestellt: Er könnte exzessiv sein (Artikel 12 Absatz 5 DSGVO).',
        identity_check: 'Die Regeln dieser Organisation verlangen, dass Mitarbeitende zuerst die Identität prüfen (Artikel 12 Absatz 6 DSGVO).',
        objection_weighing: 'Ein Widerspruch gegen eine andere Verarbeitung als Direktwerbung: Die Gründe müssen abgewogen werden (Artikel 21 Absatz 1 DSGVO).',
        rectification: 'Eine Berichtigung, die vor der Ausführung zu prüfen ist (Artikel 16 DSGVO).',
        controller_as_processor:
          'Die Person gibt an, dass die Daten für einen unserer Kunden verarbeitet werden, der möglicherweise als Verantwortlicher antworten muss (Artikel 28 DSGVO).',
        representation:
          'Jemand stellt den Antrag für eine andere Person, als Elternteil oder mit Vollmacht: Prüfen Sie das eingereichte Dokument, bevor etwas geschieht.',
        legal_hold_partial: 'Eine Löschung, die eine rechtliche Verpflichtung teilweise verhindert hat (Artikel 17 Absatz 3 Buchstabe b DSGVO).',
        branch_failed: 'Ein System oder Dienst konnte seinen Teil nicht abschließen.',
      },
      due: (p: { date: string }) => `Die Person muss bis zum ${p.date} eine Antwort erhalten (Artikel 12 Absatz 3 DSGVO).`,
      link: 'Öffnen Sie den Antrag in der Mitarbeiterkonsole:',
      linkText: 'Mitarbeiterkonsole öffnen',
    },
    subjectAnswered: {
      subject: (p: R) => `Die Person hat geantwortet: Antrag ${p.reference} an ${p.controller}`,
      intro: (p: R) => `Die Person hinter dem Antrag ${p.reference} hat Ihre Frage beantwortet. Der Antrag wartet darauf, dass Sie ihn weiter bearbeiten.`,
    },
    /** To staff: the controller's own target for answering (not the legal deadline) is today, or passed. */
    target: {
      subject: (p: R) => `Internes Ziel: Antrag ${p.reference} an ${p.controller}`,
      intro: (p: R) => `Wir wollen Antrag ${p.reference} früher beantworten, als das Gesetz verlangt, und er ist noch nicht abgeschlossen.`,
      target: (p: { date: string }) => `Unser internes Ziel: ${p.date}. Das ist nicht die gesetzliche Frist, und der Antrag ist nicht überfällig.`,
      due: (p: { date: string }) => `Gesetzliche Frist: ${p.date}.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Fällig in 7 Tagen: Antrag ${p.reference} an ${p.controller}`,
        in_2_days: (p: R) => `Fällig in 2 Tagen: Antrag ${p.reference} an ${p.controller}`,
        overdue: (p: R) => `Überfällig: Antrag ${p.reference} an ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Der Antrag ${p.reference} muss innerhalb von 7 Tagen beantwortet werden und ist noch nicht abgeschlossen.`,
        in_2_days: (p: R) => `Der Antrag ${p.reference} muss innerhalb von 2 Tagen beantwortet werden und ist noch nicht abgeschlossen.`,
        overdue: (p: R) =>
          `Der Antrag ${p.reference} war fällig und ist nicht beantwortet. Das Gesetz gibt einen Monat (Artikel 12 Absatz 3 DSGVO), verlängerbar um zwei Monate nur, wenn der betroffenen Person die Gründe innerhalb des ersten Monats mitgeteilt wurden.`,
      },
      due: (p: { date: string }) => `Frist: ${p.date}.`,
      advice:
        'Sehen Sie im Stand des Antrags und in seinem Prüfprotokoll nach, welche Teile noch offen sind, und stellen Sie sicher, dass die betroffene Person rechtzeitig eine Antwort erhält.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Handlungsbedarf: keine Antwort von ${p.processor} (Antrag ${p.reference})`,
        failed: (p: R) => `Handlungsbedarf: ${p.processor} ist fehlgeschlagen (Antrag ${p.reference})`,
        timed_out: (p: R) => `Handlungsbedarf: Wartezeit auf ${p.processor} abgelaufen (Antrag ${p.reference})`,
        undeliverable: (p: R) => `Handlungsbedarf: Unsere E-Mail an ${p.processor} konnte nicht zugestellt werden (Antrag ${p.reference})`,
      },
      intro: (p: R) => `Der Antrag ${p.reference} an ${p.controller} erfordert Ihre Aufmerksamkeit: ${p.processor} hat seinen Teil nicht abgeschlossen.`,
      kind: {
        opendsr: (p: R) => `${p.processor} ist ein Dienstleister, den wir über seine OpenDSR-Schnittstelle erreichen.`,
        email: (p: R) => `${p.processor} ist ein Dienstleister, den wir per E-Mail anfragen.`,
        manual: (p: R) => `${p.processor} ist eine Aufgabe für unsere Mitarbeitenden.`,
        dynamodb: (p: R) => `${p.processor} ist eine unserer eigenen Datenbanken.`,
        sql: (p: R) => `${p.processor} ist eine unserer eigenen Datenbanken.`,
      },
      reason: {
        no_answer: 'In der vorgesehenen Zeit ist keine Antwort eingegangen.',
        failed: 'Die Arbeit dort ist fehlgeschlagen und konnte nicht automatisch abgeschlossen werden.',
        timed_out: 'Vor Ablauf der Wartezeit ist keine Antwort eingegangen, daher ist dieser Teil des Antrags nun als fehlgeschlagen festgehalten.',
        undeliverable:
          'Die E-Mail, die um diesen Teil des Antrags bittet, konnte nicht zugestellt werden (die Adresse hat sie abgewiesen), daher weiß dort noch niemand davon.',
      },
      advice: {
        opendsr:
          'Prüfen Sie den OpenDSR-Dienst des Dienstleisters oder wenden Sie sich an den Dienstleister und stellen Sie sicher, dass der Antrag dort ausgeführt wird.',
        email: 'Wenden Sie sich direkt an die Datenschutz-Ansprechperson des Dienstleisters.',
        manual: 'Fragen Sie die Person, der die Aufgabe übertragen wurde, oder erledigen Sie die Aufgabe selbst.',
        dynamodb: 'Suchen Sie die Fehlerklasse im Prüfprotokoll des Antrags, beheben Sie die Ursache und führen Sie den Antrag erneut aus.',
        sql: 'Suchen Sie die Fehlerklasse im Prüfprotokoll des Antrags, beheben Sie die Ursache und führen Sie den Antrag erneut aus.',
      },
      link: 'Sie können die Antwort selbst auf der Aufgabenseite festhalten. Der Link funktioniert einmal:',
      linkText: 'Aufgabenseite öffnen',
      due: (p: { date: string }) => `Die Person muss bis zum ${p.date} eine Antwort erhalten (Artikel 12 Absatz 3 DSGVO).`,
      noPersonalData: 'Aus Datenschutzgründen nennt diese E-Mail keine Person. Finden Sie den Antrag über sein Aktenzeichen.',
      automatic: 'Diese E-Mail wurde automatisch vom Dienst für Anträge betroffener Personen gesendet.',
    },
  },
};
