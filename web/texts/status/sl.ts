import { slMonths } from '../counts.ts';
import type { C } from '../params.ts';
import type { StatusTexts } from './en.ts';

/** The words of a request’s status page, withdrawing it, and a status link that has ended, in Slovenian. */
export const sl: StatusTexts = {
  status: {
    title: 'Stanje vaše zahteve',
    controller: 'Naslovljena na',
    reference: 'Številka zahteve',
    type: 'Vrsta zahteve',
    status: 'Trenutno stanje',
    receivedAt: 'Prejeta',
    dueAt: 'Rok za odgovor',
    completedAt: 'Zaključena',
    systemsTitle: 'Stanje po posameznih sistemih',
    systemCol: 'Kje so lahko podatki',
    statusCol: 'Stanje',
    noSystemsYet: 'Delo v posameznih sistemih se začne, ko se začne obravnava zahteve.',
    refreshHint: 'Stran se ne osvežuje samodejno. Za najnovejše stanje jo znova naložite.',
    awaitingFee: {
      label: 'Čaka na plačilo pristojbine',
      description:
        'Z obravnavo zahteve bomo nadaljevali, ko bo spodnja pristojbina plačana (peti odstavek 12. člena Splošne uredbe o varstvu podatkov). Zahtevo lahko namesto tega umaknete.',
    },
    feeTitle: 'Pristojbina za vašo zahtevo',
    feeAmount: (p: { amount: string }) => `Pristojbina: ${p.amount}`,
    feeReason: 'Zakaj jo zaračunavamo',
    feeHowToPay: 'Če želite izvedeti, kako plačati, ali menite, da pristojbina ni razumna, pišite na spodnji naslov.',
    dueAtPausedForFee: 'Miruje, dokler pristojbina ni plačana',
    feePaid: (p: { amount: string; date: string }) => `Pristojbina v znesku ${p.amount} je bila plačana ${p.date}.`,
    awaitingAnswer: {
      label: 'Potrebujemo več informacij od vas',
      description: 'Naše osebje vam je zastavilo vprašanje. Odgovorite nanj spodaj, da bomo lahko nadaljevali obravnavo vaše zahteve.',
    },
    dueAtPaused: 'Rok miruje, dokler ne odgovorite na naše vprašanje',
    answeredAt: 'Vaš odgovor smo prejeli',
    downloadTitle: 'Vaša kopija podatkov',
    downloadEmailed: (p: { date: string }) =>
      `Po e-pošti smo vam poslali povezavo za prenos. Zaradi vaše varnosti je povezava samo v tem sporočilu, ne na tej strani. Deluje do ${p.date}.`,
    downloadExpired: (p: { date: string }) => `Povezava za prenos, ki smo vam jo poslali po e-pošti, je prenehala delovati dne ${p.date}.`,
    withdrawTitle: 'Umik zahteve',
    withdrawExplain: 'Zahtevo lahko umaknete, če ne želite več, da jo obravnavamo. Kar je že narejeno, ostane: izbrisanih podatkov ni mogoče obnoviti.',
    withdrawButton: 'Umakni mojo zahtevo',
    withdrawnAt: 'Umaknjena dne',
    extensionTitle: 'Rok je podaljšan',
    extension: (p: { months: number; date: string }) =>
      `Zakon dovoljuje, da se rok pri zapletenih ali številnih zahtevah podaljša za največ dva dodatna meseca (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov). Podaljšali smo ga za ${slMonths(p.months)}; novi rok je ${p.date}.`,
    extensionReasons: 'Razlogi:',
    denialTitle: 'Zakaj je bila vaša zahteva zavrnjena',
    infoRequestTitle: 'Naše vprašanje',
    infoRequestIntro: 'Preden lahko nadaljujemo z vašo zahtevo, vas naše osebje sprašuje:',
    clockPaused: 'Rok miruje, dokler ne odgovorite.',
    clockRuns: 'Rok teče naprej, medtem ko čakamo na vaš odgovor.',
    answerLabel: 'Vaš odgovor',
    answerHint: 'Največ 4000 znakov. Ne pošiljajte več osebnih podatkov, kot jih zahteva vprašanje.',
    answerButton: 'Pošlji odgovor',
    answerError: 'Napišite odgovor, dolg največ 4000 znakov.',
    packageDeleted: (p: { date: string }) => `Kopija vaših podatkov je bila izbrisana dne ${p.date}, ko je povezava za prenos potekla.`,
    personalDataErased: (p: { date: string }) =>
      `Vaš e-poštni naslov, ime in vse, kar ste nam napisali, smo iz te zahteve izbrisali dne ${p.date}. Hranimo le zapis, da je bila zahteva obravnavana.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Čaka na vašo potrditev',
        description: 'Odprite povezavo v e-poštnem sporočilu, ki smo vam ga poslali, in potrdite zahtevo.',
      },
      received: {
        label: 'Prejeta',
        description: 'Vaša zahteva je potrjena in čaka na obravnavo.',
      },
      in_review: {
        label: 'V pregledu',
        description: 'Zahtevo pregleduje naše osebje. Če bomo potrebovali še kaj, vas bomo kontaktirali.',
      },
      in_progress: {
        label: 'V obravnavi',
        description: 'Pregledujemo vse sisteme, v katerih so lahko vaši podatki.',
      },
      completed: {
        label: 'Zaključena',
        description: 'Na vašo zahtevo smo odgovorili. Rezultat smo vam poslali po e-pošti.',
      },
      denied: {
        label: 'Zavrnjena',
        description: 'Vaše zahteve nismo mogli izvesti. Razloge in možnosti, ki jih imate, smo vam poslali po e-pošti.',
      },
      closed_unverified: {
        label: 'Zaprta – ni bila potrjena',
        description: 'Zahteva ni bila pravočasno potrjena, zato v zvezi z njo ni bilo storjeno nič.',
      },
      cancelled: {
        label: 'Umaknjena',
        description:
          'To zahtevo ste umaknili. Z delom na njej smo prenehali in organizacije, ki so jo še obravnavale, obveščamo, naj prenehajo, kjer nam to omogočajo. Kar je bilo že narejeno, ostane.',
      },
      undeliverable: {
        label: 'Zaprta – e-pošte ni bilo mogoče dostaviti',
        description:
          'E-poštnega sporočila za potrditev ni bilo mogoče dostaviti na navedeni naslov, zato zahteve ni bilo mogoče potrditi in v zvezi z njo ni bilo storjeno nič. Naslov je izbrisan. Zahtevo lahko znova pošljete z drugim naslovom.',
      },
    },
    branchStatus: {
      pending: 'Čaka',
      running: 'V teku',
      waiting: 'Čaka na odgovor',
      completed: 'Končano',
      failed: 'Težava – osebje bo zadevo preverilo',
      stopped: 'Ustavljeno – zahteva umaknjena',
      kept: 'Delno opravljeno – nekateri podatki se hranijo (glejte naš odgovor)',
    },
  },
  withdrawal: {
    title: 'Želite umakniti zahtevo?',
    intro: ({ controller }: C) => `Umaknili boste svojo zahtevo za organizacijo ${controller}.`,
    stop: 'Z delom na njej takoj prenehamo in organizacije, ki jo še obravnavajo, obvestimo, naj prenehajo, kjer nam to omogočajo.',
    kept: 'Kar je že narejeno, ostane: izbrisanih podatkov ni mogoče obnoviti.',
    noAnswer: 'Na to zahtevo ne boste prejeli odgovora. Če si pozneje premislite, lahko vložite novo zahtevo.',
    receiptNote: 'Po e-pošti vam bomo poslali potrdilo.',
    confirmButton: 'Da, umakni mojo zahtevo',
    keep: 'Ne, obdrži mojo zahtevo',
    receipt: {
      subject: (p: C & { reference: string }) => `Vaša zahteva za organizacijo ${p.controller} je umaknjena (št. ${p.reference})`,
      intro: (p: C & { date: string }) =>
        `Zabeležili smo, da ste dne ${p.date} umaknili svojo zahtevo za organizacijo ${p.controller}. Z delom na njej smo prenehali in nanjo ne boste prejeli odgovora.`,
      factsTitle: 'Vaša zahteva',
      reference: 'Številka zahteve',
      type: 'Zahteva',
      done: 'Kar je bilo že narejeno, ostane: izbrisanih podatkov ni mogoče obnoviti. Organizacije, ki so zahtevo še obravnavale, obveščamo, naj z delom prenehajo, kjer nam to omogočajo.',
      again: 'Če zahteve niste želeli umakniti ali želite, da jo vseeno obravnavamo, lahko prek obrazca vložite novo zahtevo:',
      formLink: 'Vložite novo zahtevo',
    },
  },
  statusEnded: {
    title: 'Ta povezava do stanja ne deluje več',
    body: (p: { date: string }) =>
      `Vaš e-poštni naslov, ime in vse, kar ste nam napisali, smo iz te zahteve izbrisali dne ${p.date}, s tem pa je prenehala delovati tudi povezava do stanja. Hranimo le zapis, da je bila zahteva obravnavana.`,
    withdrawnBody: (p: { date: string }) =>
      `Ta zahteva je bila umaknjena. Vaš e-poštni naslov, ime in vse, kar ste nam napisali, smo iz nje izbrisali dne ${p.date}, s tem pa je prenehala delovati tudi povezava do stanja. Hranimo le zapis, da je bila zahteva umaknjena.`,
    next: 'Če želite oddati novo zahtevo, uporabite obrazec.',
  },
};
