import { slDays } from '../counts.ts';
import type { C } from '../params.ts';
import type { RequestTexts } from './en.ts';

/** The words of the pages about one request: confirming it, its status, answering a question, an expired download, unsubscribing, in Slovenian. */
export const sl: RequestTexts = {
  confirm: {
    title: {
      access: 'Potrdite zahtevo za kopijo osebnih podatkov',
      portability: 'Potrdite zahtevo za podatke v strojno berljivi obliki',
      rectification: 'Potrdite zahtevo za popravek',
      erasure: 'Potrdite zahtevo za izbris osebnih podatkov',
      restriction: 'Potrdite zahtevo za omejitev obdelave',
      objection: 'Potrdite ugovor',
      withdraw_consent: 'Potrdite preklic privolitve',
    },
    what: {
      access: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} pregleda vse sisteme, v katerih hrani osebne podatke, zbere podatke o vas in vam po e-pošti pošlje povezavo za prenos. V prenosu je pojasnjeno tudi, za kaj se podatki uporabljajo, od kod izvirajo, komu se posredujejo in kako dolgo se hranijo.`,
      portability: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} zbere podatke, ki ste ji jih posredovali, in vam po e-pošti pošlje povezavo za njihov prenos v strojno berljivih datotekah (JSON in CSV). Če ste tako zahtevali, podatke pošlje tudi neposredno organizaciji, ki ste jo izbrali.`,
      rectification: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} popravi podatke v vseh sistemih, v katerih jih hrani. Popravek lahko najprej preveri njeno osebje, ki vas lahko prosi za dodatne informacije.`,
      erasure: ({ controller }: C) => `Ko zahtevo potrdite, organizacija ${controller} izbriše vaše osebne podatke iz vseh sistemov, v katerih jih hrani.`,
      restriction: ({ controller }: C) =>
        `Ko zahtevo potrdite, organizacija ${controller} vaše podatke v vseh sistemih, v katerih jih hrani, označi kot omejene: podatki se hranijo, vendar se ne uporabljajo, dokler omejitev ne preneha. O tem boste obveščeni vnaprej.`,
      objection: ({ controller }: C) =>
        `Ko ugovor potrdite, organizacija ${controller} takoj preneha uporabljati vaše podatke za neposredno trženje. Ugovor drugi uporabi pretehta njeno osebje, ki vam sporoči izid.`,
      withdraw_consent: ({ controller }: C) =>
        `Ko preklic potrdite, organizacija ${controller} preneha z obdelavo, za katero ste dali privolitev, in izbriše podatke, ki jih je hranila samo za ta namen. Obdelava pred preklicem ostaja zakonita.`,
    },
    irreversible:
      'Tega ni mogoče razveljaviti: izbrisanih podatkov ni mogoče obnoviti. Storitve, ki temeljijo na teh podatkih, na primer članstvo, lahko prenehajo.',
    kept: 'Če mora organizacija nekatere podatke po zakonu hraniti ali če zapise za statistične namene hrani brez vsega, kar bi vas lahko identificiralo, vam bomo sporočili, kaj je bilo ohranjeno in zakaj.',
    button: {
      access: 'Potrjujem zahtevo',
      portability: 'Potrjujem zahtevo',
      rectification: 'Potrjujem popravek',
      erasure: 'Potrjujem izbris',
      restriction: 'Potrjujem omejitev',
      objection: 'Potrjujem ugovor',
      withdraw_consent: 'Prekličem privolitev',
    },
    notYou: 'Če tega niste zahtevali, zaprite to stran. Nič se ne bo zgodilo.',
  },
  confirmed: {
    title: 'Vaša zahteva je potrjena',
    received: ({ controller }: C) => `Organizacija ${controller} je prejela vašo zahtevo.`,
    due: (p: { date: string }) => `Rok za odgovor: ${p.date}.`,
    next: {
      access: 'Ko bodo vaši podatki pripravljeni, vam bomo po e-pošti poslali povezavo za prenos.',
      portability: 'Ko bodo vaši podatki pripravljeni, vam bomo po e-pošti poslali povezavo za prenos in sporočili, ali smo jih posredovali naprej.',
      rectification: 'Ko bo popravek opravljen, vam bomo po e-pošti sporočili, kje so bili vaši podatki popravljeni.',
      erasure: 'Ko bo izbris končan, vam bomo po e-pošti sporočili, kaj je bilo izbrisano v posameznem sistemu.',
      restriction: 'Ko bo omejitev izvedena, vam bomo po e-pošti sporočili, kje je obdelava vaših podatkov zdaj omejena.',
      objection: 'Izid ugovora vam bomo sporočili po e-pošti.',
      withdraw_consent: 'Ko bo preklic izveden, vam bomo po e-pošti sporočili, kaj se je zgodilo s podatki, ki smo jih hranili za ta namen.',
    },
    statusIntro:
      'Potek zahteve lahko spremljate na strani s stanjem zahteve. Povezave ne delite z drugimi, saj je namenjena samo vam. Ta stran jo prikaže samo enkrat; vsebujejo jo tudi e-poštna sporočila, ki vam jih pošiljamo o zahtevi.',
  },
  receipt: {
    subject: (p: C) => `Vaša zahteva za organizacijo ${p.controller} je potrjena`,
    intro: (p: C) => `Hvala, ker ste potrdili svojo zahtevo. Organizacija ${p.controller} jo je prejela in vam bo odgovorila do spodaj navedenega roka.`,
    factsTitle: 'Vaša zahteva',
    reference: 'Številka zahteve',
    type: 'Kaj ste zahtevali',
    right: 'Vaša pravica',
    due: 'Rok za odgovor',
    deadline:
      'Zakon nam za odgovor daje en mesec (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov). Če je zahteva zapletena ali če prejmemo veliko zahtev, lahko rok podaljšamo za največ dva dodatna meseca; v tem primeru vam bomo razloge sporočili v prvem mesecu.',
    statusIntro: 'Potek zahteve lahko spremljate na strani s stanjem zahteve. Povezave ne delite z drugimi, saj je namenjena samo vam.',
    keep: 'To sporočilo shranite: številka zahteve jo označuje, če nam boste o njej pisali.',
    entered: {
      subject: (p: C) => `Organizacija ${p.controller} je prejela vašo zahtevo`,
      intro: (p: C & { channel: string; date: string }) =>
        `Organizacija ${p.controller} je vašo zahtevo prejela ${p.channel} dne ${p.date} in jo evidentirala. Odgovorili vam bomo do spodaj navedenega roka.`,
      received: 'Prejeto',
      how: (p: { channel: string; date: string }) => `${p.channel} dne ${p.date}`,
      channels: { letter: 'po pošti', phone: 'po telefonu', email: 'po e-pošti', in_person: 'osebno' },
    },
  },
  unsubscribe: {
    title: 'Odjava od teh sporočil',
    confirm: (p: { controller: string; purpose: string }) =>
      `S klikom na gumb prekličete privolitev za »${p.purpose}« pri ${p.controller}. Obdelava za ta namen se ustavi, podatki zanj se izbrišejo, ko bo končano, pa prejmete e-pošto.`,
    button: 'Odjava',
    doneTitle: 'Odjavljeni ste',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} je prejel preklic vaše privolitve za »${p.purpose}«. Ko bodo podatki za ta namen izbrisani, prejmete e-pošto.`,
  },
  linkProblem: {
    expired: {
      title: 'Povezava je potekla',
      body: (p: { days: number }) =>
        `Povezave za potrditev veljajo ${slDays(p.days)}. Zahteva ni bila pravočasno potrjena, zato v zvezi z njo ni bilo storjeno nič.`,
      next: 'Če zahtevo še vedno želite oddati, jo pošljite znova. Vzame vam le minuto.',
    },
    used: {
      title: 'Povezava je že bila uporabljena',
      body: 'Zahteva je že potrjena. Ničesar vam ni treba storiti: ko bo izvedena, vas bomo obvestili po e-pošti.',
      statusShownOnce:
        'Povezava za spremljanje zahteve je bila prikazana enkrat, na strani po potrditvi, vsebujejo pa jo tudi e-poštna sporočila, ki vam jih pošiljamo o zahtevi. Zaradi vaše varnosti je ta povezava ne prikaže znova.',
      next: 'Če želite oddati novo zahtevo, uporabite obrazec.',
    },
    invalid: {
      title: 'Povezava ne deluje',
      body: 'Povezava se je pri kopiranju morda prekinila. Poskusite jo znova odpreti neposredno iz e-poštnega sporočila ali kopirajte celotno povezavo.',
      next: 'Če to ne pomaga, oddajte novo zahtevo.',
    },
  },
  /** Where the status page and the receipt email send questions (the rest of the status page is in ../status). */
  status: {
    questions: 'Imate vprašanja o svoji zahtevi? Pišite naši pooblaščeni osebi za varstvo podatkov:',
  },
  replyReceived: {
    title: 'Hvala – vaš odgovor smo prejeli',
    body: 'Naše osebje ga bo pregledalo in nadaljevalo z vašo zahtevo. Ko bo kaj novega, vam bomo pisali.',
  },
  packageExpired: {
    title: 'Povezava za prenos ne deluje več',
    body: (p: { days: number }) =>
      `Povezave za prenos veljajo ${slDays(p.days)} od trenutka, ko jih pošljemo, in so namenjene samo vam. Zaradi varnosti povezava po tem preneha delovati.`,
    next: 'Če znova potrebujete kopijo svojih podatkov, oddajte novo zahtevo.',
    deletedTitle: 'Kopija vaših podatkov je izbrisana',
    deletedBody: (p: { date: string }) =>
      `Povezava za prenos je potekla in kopija vaših podatkov je bila izbrisana dne ${p.date}, zato je ni več mogoče prenesti.`,
  },
};
