import type { R, RW } from '../params.ts';
import type { StaffMailTexts } from './en.ts';

/** The words of emails to staff and the DPO: a request waits for a decision, the subject answered, a deadline nears, a processor needs attention, in Slovenian. */
export const sl: StaffMailTexts = {
  email: {
    reviewWaiting: {
      subject: (p: RW) => `Potrebna je odločitev: ${p.what} ${p.reference} – ${p.controller}`,
      intro: (p: RW) => `Zahteva ${p.reference} (${p.what}) čaka na odločitev osebja.`,
      reasonsTitle: 'Zakaj čaka',
      reasons: {
        repeat_request: 'Ista oseba je pred kratkim vložila enako zahtevo: morda je pretirana (peti odstavek 12. člena Splošne uredbe o varstvu podatkov).',
        identity_check: 'Pravila te organizacije zahtevajo, da osebje najprej preveri identiteto (šesti odstavek 12. člena Splošne uredbe o varstvu podatkov).',
        objection_weighing:
          'Ugovor obdelavi, ki ni neposredno trženje: razloge je treba pretehtati (prvi odstavek 21. člena Splošne uredbe o varstvu podatkov).',
        rectification: 'Popravek, ki ga je treba preveriti, preden se izvede (16. člen Splošne uredbe o varstvu podatkov).',
        controller_as_processor:
          'Oseba navaja, da podatke hranimo za eno od naših strank, ki bo morda morala odgovoriti sama (28. člen Splošne uredbe o varstvu podatkov).',
        representation: 'Nekdo vlaga zahtevo za drugo osebo, kot starš ali s pooblastilom: preden karkoli storite, preverite poslani dokument.',
        legal_hold_partial: 'Izbris, ki ga je delno preprečila pravna obveznost (točka (b) tretjega odstavka 17. člena Splošne uredbe o varstvu podatkov).',
        branch_failed: 'Sistem ali storitev svojega dela ni mogla dokončati.',
      },
      due: (p: { date: string }) => `Oseba mora prejeti odgovor najpozneje ${p.date} (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      link: 'Zahtevo odprite v konzoli za osebje:',
      linkText: 'Odprite konzolo za osebje',
    },
    subjectAnswered: {
      subject: (p: R) => `Oseba je odgovorila: zahteva ${p.reference} – ${p.controller}`,
      intro: (p: R) => `Oseba, ki je vložila zahtevo ${p.reference}, je odgovorila na vaše vprašanje. Zahteva čaka, da z njo nadaljujete.`,
    },
    /** Osebju: lastni cilj organizacije za odgovor (ne zakonski rok) je danes ali je že minil. */
    target: {
      subject: (p: R) => `Notranji cilj: zahteva ${p.reference} – ${p.controller}`,
      intro: (p: R) => `Na zahtevo ${p.reference} želimo odgovoriti hitreje, kot zahteva zakon, in še ni zaključena.`,
      target: (p: { date: string }) => `Naš notranji cilj: ${p.date}. To ni zakonski rok in zahteva ni zamujena.`,
      due: (p: { date: string }) => `Zakonski rok: ${p.date}.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Rok čez 7 dni: zahteva ${p.reference} za ${p.controller}`,
        in_2_days: (p: R) => `Rok čez 2 dni: zahteva ${p.reference} za ${p.controller}`,
        overdue: (p: R) => `Rok je potekel: zahteva ${p.reference} za ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Na zahtevo ${p.reference} je treba odgovoriti v 7 dneh, a še ni zaključena.`,
        in_2_days: (p: R) => `Na zahtevo ${p.reference} je treba odgovoriti v 2 dneh, a še ni zaključena.`,
        overdue: (p: R) =>
          `Rok za odgovor na zahtevo ${p.reference} je potekel, odgovora pa še ni. Zakon določa en mesec (člen 12(3) GSVP), ki ga je mogoče podaljšati za dva meseca le, če je bil posameznik o razlogih obveščen v prvem mesecu.`,
      },
      due: (p: { date: string }) => `Rok: ${p.date}.`,
      advice: 'V stanju zahteve in njenem dnevniku preverite, kateri deli so še odprti, in poskrbite, da bo posameznik pravočasno dobil odgovor.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Potrebno ukrepanje – ${p.processor}: ni odgovora (zahteva ${p.reference})`,
        failed: (p: R) => `Potrebno ukrepanje – ${p.processor}: napaka (zahteva ${p.reference})`,
        timed_out: (p: R) => `Potrebno ukrepanje – ${p.processor}: čas čakanja je potekel (zahteva ${p.reference})`,
        undeliverable: (p: R) => `Potrebno ukrepanje – ${p.processor}: našega e-poštnega sporočila ni bilo mogoče dostaviti (zahteva ${p.reference})`,
      },
      intro: (p: R) => `Zahteva ${p.reference} pri organizaciji ${p.controller} potrebuje vašo pozornost: del zahteve (${p.processor}) ni dokončan.`,
      kind: {
        opendsr: (p: R) => `${p.processor}: ponudnik, s katerim komuniciramo prek vmesnika OpenDSR.`,
        email: (p: R) => `${p.processor}: ponudnik, ki mu zahteve pošiljamo po e-pošti.`,
        manual: (p: R) => `${p.processor}: naloga za naše osebje.`,
        dynamodb: (p: R) => `${p.processor}: ena od naših lastnih podatkovnih zbirk.`,
        sql: (p: R) => `${p.processor}: ena od naših lastnih podatkovnih zbirk.`,
      },
      reason: {
        no_answer: 'V predvidenem času ni bilo odgovora.',
        failed: 'Delo ni uspelo in ga ni bilo mogoče samodejno dokončati.',
        timed_out: 'Odgovor ni prispel, preden je potekel čas čakanja, zato je ta del zahteve zdaj označen kot neuspešen.',
        undeliverable: 'E-poštnega sporočila s prošnjo za ta del zahteve ni bilo mogoče dostaviti (naslov ga je zavrnil), zato tam za zahtevo še nihče ne ve.',
      },
      advice: {
        opendsr: 'Preverite ponudnikovo storitev OpenDSR ali se obrnite na ponudnika in poskrbite, da bo zahteva izvedena.',
        email: 'Obrnite se neposredno na ponudnikovo kontaktno osebo za varstvo podatkov.',
        manual: 'Pozanimajte se pri osebi, ki ji je bila naloga dodeljena, ali nalogo opravite sami.',
        dynamodb: 'V revizijski sledi zahteve poiščite vrsto napake, odpravite vzrok in zahtevo zaženite znova.',
        sql: 'V revizijski sledi zahteve poiščite vrsto napake, odpravite vzrok in zahtevo zaženite znova.',
      },
      link: 'Odgovor lahko vpišete tudi sami na strani naloge. Povezava deluje samo enkrat:',
      linkText: 'Odprite stran naloge',
      due: (p: { date: string }) => `Rok za odgovor posamezniku: ${p.date} (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      noPersonalData: 'Zaradi varstva zasebnosti to sporočilo ne navaja nobene osebe. Zahtevo poiščite po njeni številki.',
      automatic: 'To sporočilo je samodejno poslala storitev za obravnavo zahtev posameznikov.',
    },
  },
};
