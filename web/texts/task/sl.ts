import type { C, R, RA, RW } from '../params.ts';
import type { TaskTexts } from './en.ts';

/** The words of a processor’s or a staff member’s part of a request: the task emails and the one-time task page, in Slovenian. */
export const sl: TaskTexts = {
  task: {
    siteName: 'Zahteve posameznikov glede osebnih podatkov',
    title: (p: { what: string }) => `Zahteva ${p.what}`,
    taskTitle: (p: R) => `Naloga: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `Posameznik je ${p.asked}. Kot obdelovalca za »${p.processor}« vas prosimo, da v imenu organizacije ${p.controller} opravite, kar je opisano spodaj, in to potrdite tukaj.`,
      manual: (p: RA) => `Posameznik je ${p.asked}. Sledite navodilom za »${p.processor}« in tukaj vpišite izid.`,
    },
    facts: {
      controller: 'Pošiljatelj zahteve',
      reference: 'Številka zahteve',
      type: 'Vrsta zahteve',
      system: 'Sistem ali storitev',
      dueAt: 'Rok za odgovor',
    },
    personTitle: 'Oseba, na katero se zahteva nanaša',
    identity: {
      email: 'E-poštni naslov',
      name: 'Ime in priimek',
      phone: 'Telefonska številka',
      customerNumber: 'Številka stranke',
      memberNumber: 'Članska številka',
      username: 'Uporabniško ime',
    },
    instructionsTitle: 'Navodila',
    outcomeLegend: 'Kaj je bilo storjeno?',
    outcome: {
      done: 'Opravljeno, kot je zahtevano',
      not_found: 'O tej osebi nimamo podatkov',
      retained: 'Ohranjeno: zakon zahteva hrambo podatkov',
      partly: 'Delno opravljeno: nekaj podatkov je ohranjenih',
    },
    doneHint: {
      erasure: 'Vsi osebni podatki o tej osebi so izbrisani, vključno s kopijami.',
      access: 'V opombi opišite, kaj je bilo najdeno in kje.',
      accessUpload: 'Podatke spodaj priložite kot eno datoteko.',
      rectify: 'Podatki so popravljeni, kot je zahtevano, povsod, kjer se hranijo.',
      restrict: 'Podatki so označeni kot omejeni in se ne uporabljajo za nič drugega.',
    },
    notFoundHint: 'Podatke smo iskali, vendar o tej osebi nismo našli ničesar.',
    retainedHint: 'Nič ni bilo izbrisano ali spremenjeno, ker je treba podatke hraniti. Spodaj navedite pravno podlago in, če veste, do kdaj.',
    partlyHint: 'Del je bil opravljen. Spodaj navedite, kaj je bilo ohranjeno in zakaj ter, če veste, do kdaj.',
    keptLegend: 'Če so bili podatki ohranjeni',
    basisLabel: 'Pravna podlaga za hrambo',
    basisHint: 'Samo za »Ohranjeno«. Na primer zakon in člen, ki zahteva hrambo.',
    keptLabel: 'Kaj je bilo ohranjeno',
    keptHint: 'Samo za »Delno opravljeno«. Na primer: računi zadnjih sedmih let.',
    reasonLabel: 'Zakaj je bilo ohranjeno',
    reasonHint: 'Samo za »Delno opravljeno«. Na primer zakon, ki zahteva hrambo.',
    untilLabel: 'Hramba do (neobvezno)',
    untilHint: 'Datum, ko bodo ohranjeni podatki izbrisani, če je znan (LLLL-MM-DD).',
    errorTitle: 'Odgovor ni bil poslan: preverite ga',
    errors: {
      outcome: 'Izberite, kaj je bilo storjeno.',
      basis: 'Navedite pravno podlago za hrambo podatkov (največ 500 znakov).',
      kept: 'Navedite, kaj je bilo ohranjeno (največ 1000 znakov).',
      reason: 'Navedite, zakaj je bilo ohranjeno (največ 1000 znakov).',
      until: 'Navedite datum v prihodnosti (LLLL-MM-DD) ali pustite polje prazno.',
      export: 'Priložite najdene podatke kot eno datoteko ali izberite »O tej osebi nimamo podatkov«, če ni ničesar za poslati.',
    },
    noteLabel: 'Opomba (neobvezno)',
    noteHint: 'Največ 2000 znakov. Na primer, kaj je bilo storjeno ali katere podatke je bilo treba ohraniti in zakaj.',
    fileLabel: 'Podatki v eni datoteki',
    fileHint: 'Ena datoteka, na primer ZIP, JSON ali CSV. Če ste izbrali »O tej osebi nimamo podatkov«, polje pustite prazno.',
    submit: 'Pošlji odgovor',
    once: 'Povezava deluje samo enkrat: ko je odgovor poslan, preneha delovati.',
    personalData: 'Ta stran prikazuje osebne podatke. Povezave ne delite z drugimi.',
    done: {
      title: 'Hvala – odgovor je zabeležen',
      body: 'Ničesar več ni treba storiti. To stran lahko zaprete.',
    },
    alreadyDone: {
      title: 'Na to nalogo je že bil poslan odgovor',
      body: 'Odgovor je bil prek te povezave že poslan, zato ni treba storiti ničesar več. Če odgovor ni bil pravilen, se obrnite na organizacijo, ki vam je poslala povezavo.',
    },
    withdrawn: {
      title: 'Zahteva je bila umaknjena',
      body: 'Oseba je zahtevo umaknila, zato ni treba storiti ničesar več in prek te povezave odgovora ni več mogoče poslati. Kar je že bilo narejeno, ni treba razveljaviti. To stran lahko zaprete.',
    },
    invalid: {
      title: 'Povezava ne deluje',
      body: 'Povezava je morda nepopolna ali pa je bila zahteva zaključena ali umaknjena. Povezavo znova odprite neposredno iz e-poštnega sporočila in poskrbite, da kopirate celotno povezavo.',
      next: 'Če še vedno ne deluje, se obrnite na organizacijo, ki vam je poslala povezavo.',
    },
  },
  email: {
    vendor: {
      subject: (p: RW) => `Zahteva ${p.what} – ${p.controller} (št. ${p.reference})`,
      reminder: 'Opomnik',
      reminderIntro: 'To je opomnik: na spodnjo zahtevo še nismo prejeli vašega odgovora.',
      intro: (p: RA) =>
        `Posameznik je ${p.asked}. Osebne podatke obdelujete v imenu organizacije ${p.controller} (v naši evidenci: »${p.processor}«), zato nam morate kot obdelovalec pomagati odgovoriti na zahtevo (točka (e) tretjega odstavka 28. člena Splošne uredbe o varstvu podatkov).`,
      todo: {
        export:
          'Poiščite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu. Nato odprite spodnjo povezavo, izberite »Opravljeno, kot je zahtevano« in priložite podatke kot eno datoteko (na primer ZIP, JSON ali CSV). Podatkov ne pošiljajte po e-pošti. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        exportPortable:
          'Poiščite osebne podatke, ki jih je ta oseba posredovala in jih obdelujete v našem imenu. Nato odprite spodnjo povezavo, izberite »Opravljeno, kot je zahtevano« in priložite podatke kot eno datoteko v strukturirani, strojno berljivi obliki (na primer JSON ali CSV). Podatkov ne pošiljajte po e-pošti. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        erase:
          'Izbrišite vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu, vključno s kopijami, in poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«. Če morate podatke po zakonu hraniti, izberite »Ohranjeno« in navedite pravno podlago; če ste nekatere ohranili, izberite »Delno opravljeno« in navedite, katere in zakaj.',
        rectify:
          'Popravite podatke o tej osebi, kot je opisano spodaj, povsod, kjer jih obdelujete v našem imenu, in poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
        restrict:
          'Vse osebne podatke o tej osebi, ki jih obdelujete v našem imenu, označite kot omejene: hranite jih, vendar jih ne uporabljajte za nič drugega, dokler vam ne sporočimo, da je omejitev prenehala (18. člen Splošne uredbe o varstvu podatkov). Poskrbite, da enako storijo morebitni podobdelovalci. Nato odprite spodnjo povezavo in izberite »Opravljeno, kot je zahtevano«. Če o tej osebi nimate podatkov, izberite »O tej osebi nimamo podatkov«.',
      },
      linkText: 'Odprite stran za odgovor',
    },
    staff: {
      subject: (p: RW) => `Naloga: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `Posameznik je ${p.asked}. Del dela je treba opraviti ročno, za to pa ste določeni vi: ${p.processor}.`,
      action: {
        export: 'Tukaj: poiščite podatke o osebi in jih priložite ali v opombi opišite, kaj ste našli.',
        exportPortable: 'Tukaj: poiščite podatke, ki jih je oseba posredovala, in jih priložite v strojno berljivi obliki (na primer JSON ali CSV).',
        erase:
          'Tukaj: izbrišite podatke o osebi, vključno s kopijami. Če je treba kaj hraniti po zakonu, izberite »Ohranjeno« ali »Delno opravljeno« in navedite, kaj in zakaj.',
        rectify: 'Tukaj: popravite podatke, kot je opisano spodaj, povsod, kjer se hranijo.',
        restrict: 'Tukaj: podatke o osebi označite kot omejene. Hranite jih, vendar jih ne uporabljajte za nič drugega, dokler omejitev ne preneha.',
      },
      instructionsTitle: 'Kaj je treba storiti',
      finish:
        'Ko končate, odprite spodnjo povezavo, izberite, kaj ste storili, in dodajte kratko opombo, na primer kje ste iskali. Če o osebi niste našli ničesar, izberite »O tej osebi nimamo podatkov«.',
      linkText: 'Odprite nalogo',
    },
    withdrawn: {
      subject: (p: R) => `Umaknjena zahteva ${p.reference} pri organizaciji ${p.controller} (${p.processor})`,
      intro: (p: R) =>
        `Oseba, ki je vložila zahtevo ${p.reference} pri organizaciji ${p.controller}, jo je umaknila. Dela za »${p.processor}« ni več treba opraviti: prosimo, ustavite vse delo na njej, ki še ni bilo opravljeno.`,
      nothingMore: 'Odgovor ni potreben: povezava v našem prejšnjem sporočilu ne deluje več. Kar je že bilo narejeno, ni treba razveljaviti.',
    },
    task: {
      dueBy: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
      linkOnce: 'Povezava deluje samo enkrat: ko je odgovor poslan, preneha delovati. Sporočila ne posredujte naprej, saj vsebuje osebne podatke.',
      reference: (p: { reference: string }) => `Naša številka zahteve: ${p.reference}`,
    },
    requestWhat: {
      access: 'za dostop do osebnih podatkov',
      portability: 'za prenosljivost osebnih podatkov',
      rectification: 'za popravek osebnih podatkov',
      erasure: 'za izbris osebnih podatkov',
      restriction: 'za omejitev obdelave osebnih podatkov',
      objection: 'z ugovorom obdelavi osebnih podatkov',
      withdraw_consent: 's preklicem privolitve za obdelavo osebnih podatkov',
    },
    asked: {
      access: ({ controller }: C) => `pri organizaciji ${controller} zahteval kopijo svojih osebnih podatkov (15. člen Splošne uredbe o varstvu podatkov)`,
      portability: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval osebne podatke, ki jih je posredoval, v strojno berljivi obliki (20. člen Splošne uredbe o varstvu podatkov)`,
      rectification: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval popravek svojih osebnih podatkov (16. člen Splošne uredbe o varstvu podatkov)`,
      erasure: ({ controller }: C) => `pri organizaciji ${controller} zahteval izbris svojih osebnih podatkov (17. člen Splošne uredbe o varstvu podatkov)`,
      restriction: ({ controller }: C) =>
        `pri organizaciji ${controller} zahteval omejitev obdelave svojih osebnih podatkov (18. člen Splošne uredbe o varstvu podatkov)`,
      objection: ({ controller }: C) =>
        `ugovarjal obdelavi svojih osebnih podatkov pri organizaciji ${controller} (21. člen Splošne uredbe o varstvu podatkov)`,
      withdraw_consent: ({ controller }: C) =>
        `preklical privolitev za obdelavo svojih osebnih podatkov pri organizaciji ${controller} (tretji odstavek 7. člena Splošne uredbe o varstvu podatkov)`,
    },
    correction: {
      title: 'Popravek',
      attribute: 'Podatek',
      inaccurate: 'Kaj je napačno',
      corrected: 'Kako se mora glasiti',
    },
  },
};
