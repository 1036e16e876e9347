import { slDays } from '../counts.ts';
import type { C } from '../params.ts';
import type { IntakeTexts } from './en.ts';

/** The words of making a request: the form, the page after it, and the email with the verification link, in Slovenian. */
export const sl: IntakeTexts = {
  form: {
    title: 'Uveljavljanje pravic glede osebnih podatkov',
    intro:
      'Organizacijo lahko zaprosite za kopijo osebnih podatkov, ki jih hrani o vas, zahtevate njihov popravek ali izbris ter uveljavljate druge pravice po Splošni uredbi o varstvu podatkov. Uporabniškega računa ne potrebujete.',
    introTo: ({ controller }: C) => `Vaša zahteva bo poslana organizaciji ${controller}.`,
    noControllers: 'Trenutno nobena organizacija tukaj ne sprejema zahtev.',
    controllerLabel: 'Na katero organizacijo se nanaša vaša zahteva?',
    typeLegend: 'Kaj želite zahtevati?',
    typeLabel: {
      access: 'Kopijo mojih osebnih podatkov (dostop)',
      portability: 'Moje podatke v strojno berljivi obliki, da jih lahko uporabim drugje (prenosljivost)',
      rectification: 'Popravek napačnih podatkov o meni',
      erasure: 'Izbris mojih osebnih podatkov',
      restriction: 'Da moje podatke za zdaj hranite, a jih ne uporabljate (omejitev obdelave)',
      objection: 'Da mojih podatkov ne uporabljate za trženje ali druge namene (ugovor)',
      withdraw_consent: 'Preklic privolitve za obdelavo mojih podatkov',
    },
    emailLabel: 'Vaš e-poštni naslov',
    emailHint: 'Vpišite naslov, pod katerim vas organizacija pozna. Nanj vam bomo poslali povezavo, s katero potrdite zahtevo.',
    nameLabel: 'Vaše ime in priimek (neobvezno)',
    nameHint: 'Pomaga nam, če bi vas morali glede zahteve kontaktirati.',
    howTitle: 'Kako poteka postopek',
    steps: (p: { days: number }) => [
      `Po e-pošti vam pošljemo povezavo. Povezava velja ${slDays(p.days)}.`,
      'Odprete povezavo in potrdite zahtevo. Tako vemo, da je e-poštni naslov res vaš.',
      'Odgovorimo vam v enem mesecu, kot zahteva zakon, in vas obvestimo po e-pošti, ko je zahteva izvedena.',
    ],
    privacyNote: 'Vaš e-poštni naslov uporabimo samo za odgovor na to zahtevo. Ne dodamo ga na noben seznam prejemnikov.',
    submit: 'Pošlji zahtevo',
    errorSummaryTitle: 'Nekaj je treba popraviti',
    fieldErrors: {
      type: 'Izberite, kaj želite zahtevati.',
      email: 'Vpišite svoj e-poštni naslov, na primer ime@example.org.',
      name: 'Preverite svoje ime.',
      locale: 'Izberite jezik.',
      controller: 'Izberite organizacijo, na katero se nanaša zahteva.',
      body: 'Obrazca nismo mogli prebrati. Prosimo, izpolnite ga znova.',
      rectifyAttribute: 'Izberite podatek, ki je napačen, ali »Nekaj drugega«.',
      inaccurate: 'Opišite, kaj je narobe.',
      corrected: 'Napišite, kakšen bi moral biti podatek.',
      objectionScope: 'Izberite, čemu ugovarjate.',
      objectionGrounds: 'Preverite razloge za ugovor.',
      consentPurposes: 'Izberite vsaj eno privolitev, ki jo preklicujete.',
      transmitTo: 'Izberite eno od navedenih organizacij ali nobene.',
      viaCustomer: 'Preverite ime organizacije.',
      message: 'Preverite svoje sporočilo.',
      phone: 'Vpišite telefonsko številko s kodo države, na primer +386 41 123 456, ali pustite polje prazno.',
      customerNumber: 'Preverite svojo številko stranke.',
      memberNumber: 'Preverite svojo člansko številko.',
      username: 'Preverite svoje uporabniško ime.',
      onBehalfOf: 'Izberite, za koga je zahteva.',
      subjectName: 'Vpišite ime osebe, za katero vlagate zahtevo.',
      subjectEmail: 'Vpišite njen e-poštni naslov, na primer ime@example.org.',
      mandate: 'Priložite dokument v obliki PDF, PNG ali JPEG, največ 4 MB. Če ste ga izbrali že prej, ga izberite znova.',
      rateLimit: 'V eni uri je bilo od tu ali za ta e-poštni naslov poslanih preveč zahtev. Poskusite znova pozneje.',
    },
    fieldsLegend: {
      portability: 'Prenosljivost: kam naj gredo podatki',
      rectification: 'Popravek: kaj je treba popraviti',
      objection: 'Ugovor: čemu ugovarjate',
      withdraw_consent: 'Preklic privolitve: katero privolitev preklicujete',
    },
    fieldsHint: 'To izpolnite samo, če ste zgoraj izbrali to pravico.',
    rectifyAttributeLabel: 'Kateri podatek je napačen?',
    rectifyAttributeOther: 'Nekaj drugega (opišite spodaj)',
    inaccurateLabel: 'Kaj je napačno ali nepopolno?',
    inaccurateHint: 'Na primer star naslov ali napačno zapisano ime ter kje ste to opazili.',
    correctedLabel: 'Kako bi se moralo glasiti?',
    correctedHint: 'Pravilen ali popoln podatek. Morda vas bomo prosili, da pravilnost izkažete.',
    objectionScopeLegend: 'Čemu ugovarjate?',
    objectionScope: {
      direct_marketing: 'Neposrednemu trženju, na primer novicam in ponudbam',
      other: 'Drugi uporabi mojih podatkov, ki temelji na zakonitih interesih organizacije',
    },
    objectionScopeHint: {
      direct_marketing: 'Takoj prenehamo. Razloga vam ni treba navesti.',
      other:
        'Prenehamo, razen če imamo nujne upravičene razloge, ki prevladajo nad vašimi interesi, pravicami in svoboščinami, ali podatke potrebujemo za pravne zahtevke.',
    },
    objectionGroundsLabel: 'Zakaj ugovarjate? (neobvezno)',
    objectionGroundsHint: 'Če ugovarjate drugi uporabi, opišite svoj posebni položaj, da ga lahko upoštevamo.',
    consentLegend: 'Katero privolitev preklicujete?',
    consentHint: 'Izberite eno ali več. Takšno uporabo vaših podatkov bomo ustavili in izbrisali podatke, ki smo jih hranili samo za ta namen.',
    transmitToLabel: 'Podatke pošljite neposredno drugi organizaciji (neobvezno)',
    transmitToHint: 'Pošljemo jih lahko samo organizacijam s tega seznama. Če želite podatke prenesti sami, izbire ne spreminjajte.',
    transmitToNone: 'Ne, povezavo za prenos pošljite meni',
    viaCustomerLabel: 'Ali se vaša zahteva nanaša na organizacijo, ki uporablja naše storitve? (neobvezno)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `Organizacija ${p.controller} obdeluje osebne podatke tudi v imenu drugih: ${p.description}. Če se zahteva nanaša na podatke, ki ste jih posredovali eni od njih, tukaj vpišite njeno ime. O vaših podatkih odloča ta organizacija, zato vas bomo morda napotili nanjo.`,
    identifierLabel: {
      phone: 'Vaša telefonska številka (neobvezno)',
      customerNumber: 'Vaša številka stranke (neobvezno)',
      memberNumber: 'Vaša članska številka (neobvezno)',
      username: 'Vaše uporabniško ime (neobvezno)',
    },
    identifierHint: {
      phone:
        'S kodo države, na primer +386 41 123 456. Nekateri sistemi organizacije najdejo osebe le po telefonski številki: brez nje jih za vas ne moremo preiskati.',
      customerNumber:
        'Kot je navedena na vaših računih ali v vašem uporabniškem računu. Nekateri sistemi najdejo osebe le po njej: brez nje jih za vas ne moremo preiskati.',
      memberNumber:
        'Kot je navedena na vaši članski izkaznici ali v vašem uporabniškem računu. Nekateri sistemi najdejo osebe le po njej: brez nje jih za vas ne moremo preiskati.',
      username: 'Ime, s katerim se prijavite. Nekateri sistemi najdejo osebe le po njem: brez njega jih za vas ne moremo preiskati.',
    },
    forWhomLegend: 'Za koga je zahteva?',
    forWhom: {
      self: 'Zame',
      parent: 'Za mojega otroka: sem njegov starš ali skrbnik',
      mandate: 'Za osebo, ki me je pooblastila, da jo zastopam',
    },
    forWhomHint: 'Če zahtevo vlagate za drugo osebo, spodaj vpišite svoj e-poštni naslov in ime: vsa sporočila o zahtevi pošljemo vam.',
    representationLegend: 'Oseba, za katero vlagate zahtevo',
    representationHint:
      'Preden karkoli storimo, naše osebje preveri dokument, ki dokazuje, da to osebo smete zastopati. Če obrazec sprašuje po telefonski ali številki stranke, navedite njeno.',
    subjectNameLabel: 'Njeno ime',
    subjectEmailLabel: 'Njen e-poštni naslov',
    subjectEmailHint:
      'Naslov, pod katerim jo organizacija pozna (za otroka tisti, ki ga uporablja njegov račun). Z njim iščemo po sistemih organizacije; nanj ne pišemo.',
    mandateLabel: 'Dokument, ki dokazuje, da jo smete zastopati',
    mandateHint: (p: { mb: number }) =>
      `Pooblastilo, ki ga je oseba podpisala, za otroka pa dokument, ki dokazuje, da ste njegov starš ali skrbnik. PDF, PNG ali JPEG, največ ${p.mb} MB.`,
    messageLabel: 'Nam želite sporočiti še kaj? (neobvezno)',
    messageHint: 'Na primer, zakaj sprašujete ali na katero obdobje se zahteva nanaša. Največ 4000 znakov.',
    organisationsIntro:
      'Vsaka organizacija odgovarja za osebne podatke, ki jih hrani sama. Izberite tisto, na katero se nanaša vaša zahteva, da odprete njen obrazec.',
  },
  accepted: {
    title: 'Preverite svojo e-pošto',
    body: ({ controller }: C) =>
      `Če ste vpisali pravilen naslov, boste kmalu prejeli e-poštno sporočilo s povezavo za potrditev zahteve, naslovljene na organizacijo ${controller}.`,
    expires: (p: { days: number }) => `Povezava velja ${slDays(p.days)}. Dokler zahteve ne potrdite, se ne zgodi nič.`,
    sentTo: 'Pošiljamo ga na naslov:',
    typo: 'Če je ta naslov napačen, sporočilo ne more priti do vas: znova izpolnite obrazec s pravilnim naslovom. Zahteve, ki ni nikoli potrjena, ne obravnavamo.',
    addressHidden: 'Zaradi varstva vaše zasebnosti ta stran naslov, ki ste ga vnesli, prikazuje le kratek čas po oddaji obrazca.',
    noDataHint:
      'Zaradi varovanja vaše zasebnosti niti ta stran niti e-poštno sporočilo ne razkrivata, ali organizacija o vas hrani kakršne koli podatke. To boste izvedeli, ko boste zahtevo potrdili.',
    noEmailTitle: 'Niste prejeli sporočila?',
    noEmail: 'Preverite mapo z neželeno pošto. Če sporočila po nekaj minutah še vedno ni, preverite naslov in obrazec pošljite znova.',
    sendAgain: 'Ponovno izpolnite obrazec',
  },
  email: {
    verify: {
      subject: ({ controller }: C) => `Potrdite zahtevo, poslano organizaciji ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval kopijo osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        portability: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval osebne podatke, posredovane v zvezi s tem e-poštnim naslovom, v strojno berljivi obliki.`,
        rectification: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval popravek osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        erasure: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval izbris osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        restriction: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je od organizacije ${controller} zahteval omejitev obdelave osebnih podatkov, ki jih hrani o tem e-poštnem naslovu.`,
        objection: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je ugovarjal temu, kako organizacija ${controller} uporablja osebne podatke, ki jih hrani o tem e-poštnem naslovu.`,
        withdraw_consent: ({ controller }: C) =>
          `Nekdo, upamo, da vi, je preklical privolitev, na podlagi katere organizacija ${controller} uporablja osebne podatke, ki jih hrani o tem e-poštnem naslovu.`,
      },
      action: 'Za nadaljevanje odprite spodnjo povezavo in zahtevo potrdite na strani, ki se odpre:',
      linkText: 'Odprite stran za potrditev',
      expires: (p: { date: string }) => `Rok veljavnosti povezave: ${p.date}.`,
      why: 'Za potrditev vas prosimo zato, da nihče drug ne more oddati zahteve v vašem imenu.',
      ignore: 'Če tega niste zahtevali, to sporočilo prezrite. Nič se ne bo zgodilo.',
      forSomeone: (p: { name: string }) =>
        `Zahtevo ste vložili v imenu osebe ${p.name}. Ko jo potrdite, naše osebje pred vsakim ukrepom preveri poslani dokument, ki dokazuje, da jo smete zastopati. Vsa sporočila o zahtevi pošljemo vam.`,
      byEmail: 'Vaše e-sporočilo smo prejeli in ga evidentirali kot to zahtevo: s tem sporočilom potrjujemo prejem. Vaše e-sporočilo hranimo skupaj z zahtevo.',
    },
  },
};
