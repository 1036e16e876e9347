import { slMonths, slRecordsAcc, slRecordsGen } from '../counts.ts';
import type { C, Den, Held, Partly, Retained } from '../params.ts';
import type { AnswerTexts } from './en.ts';

/** The words of the answers a data subject receives: the completion email, refusals, extensions, questions, restriction notices, and the access package’s summary page, in Slovenian. */
export const sl: AnswerTexts = {
  package: {
    title: ({ controller }: C) => `Vaši osebni podatki pri organizaciji ${controller}`,
    intro:
      'Ta paket je odgovor na vašo zahtevo za dostop (15. člen Splošne uredbe o varstvu podatkov). Za vsak sistem so navedeni podatki, ki jih hranimo o vas, in informacije, do katerih ste upravičeni po zakonu.',
    reference: 'Številka zahteve',
    generatedAt: 'Ustvarjeno',
    recordsTitle: (p: { system: string }) => `Vaši zapisi v sistemu ${p.system}`,
    previewNote: (p: { shown: string; total: string }) => `Tabela prikazuje prvih ${p.shown} od ${p.total} zapisov. Vsi so v datotekah.`,
    webIntro: 'Ta stran prikazuje, kaj vsebuje vaš paket podatkov. Sam paket je datoteka ZIP s to stranjo in podatki v datotekah JSON in CSV, za računalnik:',
    webDownload: 'Prenesite paket',
    filesIntro: 'Sami podatki so v datotekah poleg te strani: za vsak sistem ena datoteka JSON in ena datoteka CSV (odprete jo v programu za preglednice).',
    registerNote: 'Opisi posameznih sistemov izhajajo iz registra organizacije in so lahko v angleščini.',
    contentsTitle: 'Sistemi v tem paketu',
    recordCount: 'Zapisi o vas',
    files: 'Datoteke',
    dataCategories: 'Vrste podatkov',
    purposes: 'Nameni obdelave',
    legalBasis: 'Pravna podlaga',
    retention: 'Rok hrambe',
    source: 'Vir podatkov',
    recipients: 'Prejemniki',
    noRecipients: 'Nihče zunaj organizacije.',
    failed: 'Podatkov iz tega sistema nismo mogli izvoziti. Naše osebje bo zadevo preverilo in vam jih poslalo.',
    noData: 'V tem sistemu o vas ne hranimo podatkov.',
    retained: (p: Retained) => `Ta ponudnik hrani podatke o vas na tej pravni podlagi: ${p.basis}${p.date ? `, do ${p.date}` : ''}.`,
    partly: (p: Partly) => `Ta ponudnik je odgovoril le delno. Ni vključeno: ${p.kept}. Zakaj: ${p.reason}${p.date ? `. Hramba do ${p.date}` : ''}.`,
    attachmentNote: 'Če nam je ponudnik poslal svojo datoteko, je ta v ločeni mapi, natanko takšna, kot jo je poslal.',
    asSent: '(kot jo je poslal ponudnik)',
    rightsTitle: 'Vaše pravice',
    rightsIntro:
      'V zvezi s svojimi osebnimi podatki imate naslednje pravice. Če jih želite uveljavljati, se obrnite na našo pooblaščeno osebo za varstvo podatkov.',
    complaint: (p: { authority: string }) => `Imate tudi pravico vložiti pritožbo pri nadzornem organu (${p.authority}).`,
  },
  email: {
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Vaši osebni podatki pri organizaciji ${controller} so pripravljeni za prenos`,
        portabilityReady: ({ controller }: C) => `Vaši podatki v strojno berljivi obliki pri organizaciji ${controller} so pripravljeni za prenos`,
        access: ({ controller }: C) => `Odgovor na vašo zahtevo za kopijo podatkov pri organizaciji ${controller}`,
        portability: ({ controller }: C) => `Odgovor na vašo zahtevo za prenosljivost podatkov pri organizaciji ${controller}`,
        rectification: ({ controller }: C) => `Izid vaše zahteve za popravek pri organizaciji ${controller}`,
        erasure: ({ controller }: C) => `Izid vaše zahteve za izbris pri organizaciji ${controller}`,
        restriction: ({ controller }: C) => `Izid vaše zahteve za omejitev obdelave pri organizaciji ${controller}`,
        objection: ({ controller }: C) => `Izid vašega ugovora pri organizaciji ${controller}`,
        withdraw_consent: ({ controller }: C) => `Izid preklica vaše privolitve pri organizaciji ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `Organizacija ${controller} je odgovorila na vašo zahtevo za kopijo osebnih podatkov.`,
        portability: ({ controller }: C) =>
          `Organizacija ${controller} je odgovorila na vašo zahtevo za podatke v strojno berljivi obliki (20. člen Splošne uredbe o varstvu podatkov).`,
        rectification: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala vašo zahtevo za popravek osebnih podatkov (16. člen Splošne uredbe o varstvu podatkov).`,
        erasure: ({ controller }: C) => `Organizacija ${controller} je obravnavala vašo zahtevo za izbris osebnih podatkov.`,
        restriction: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala vašo zahtevo za omejitev obdelave osebnih podatkov (18. člen Splošne uredbe o varstvu podatkov).`,
        objection: ({ controller }: C) => `Organizacija ${controller} je obravnavala vaš ugovor (21. člen Splošne uredbe o varstvu podatkov).`,
        withdraw_consent: ({ controller }: C) =>
          `Organizacija ${controller} je obravnavala preklic vaše privolitve (tretji odstavek 7. člena Splošne uredbe o varstvu podatkov).`,
      },
      portabilityDownloadIntro:
        'Svoje podatke lahko prenesete tukaj. Gre za datoteko ZIP s podatki, ki ste nam jih posredovali, v strojno berljivih datotekah JSON in CSV, ki jih lahko uvozijo tudi druge storitve:',
      transmitted: (p: { target: string }) => `Kot ste zahtevali, smo podatke poslali tudi neposredno organizaciji ${p.target}.`,
      rectifiedTitle: 'Kje so bili vaši podatki popravljeni',
      restrictedTitle: 'Kje je obdelava vaših podatkov zdaj omejena',
      restrictedExplain:
        'Podatke, katerih obdelava je omejena, hranimo, vendar jih brez vaše privolitve ne uporabljamo drugače, razen za pravne zahtevke, za varstvo pravic druge osebe ali zaradi pomembnega javnega interesa (drugi odstavek 18. člena Splošne uredbe o varstvu podatkov). Preden omejitev preneha, vas bomo obvestili.',
      objectionDirectMarketing:
        'Vaših podatkov ne uporabljamo več za neposredno trženje. Da vam tržnih sporočil pomotoma ne bi znova pošiljali, vaš naslov hranimo le v nečitljivi obliki na seznamu za blokado.',
      objectionUpheld:
        'Vaš ugovor smo sprejeli: vaših podatkov ne uporabljamo več za obdelavo, ki ste ji ugovarjali. Kjer jih moramo hraniti, je njihova obdelava omejena.',
      consentWithdrawn: (p: { purposes: string }) => `Preklicali ste privolitev za: ${p.purposes}. To obdelavo smo ustavili.`,
      consentTitle: 'Kaj se je zgodilo s podatki za ta namen',
      late: 'Opravičujemo se, ker odgovor prihaja po izteku roka.',
      downloadIntro:
        'Svoje podatke lahko prenesete tukaj. Gre za datoteko ZIP s pregledom, ki ga odprete v spletnem brskalniku, ter s samimi podatki v datotekah JSON in CSV:',
      viewIntro: 'Na telefonu ali če jih želite prebrati brez razširjanja, jih odprite v brskalniku:',
      viewLinkText: 'Preberite svoje podatke v brskalniku',
      downloadLinkText: 'Prenesite svoje podatke',
      downloadExpires: (p: { date: string }) => `Povezava je namenjena samo vam. Rok veljavnosti: ${p.date}.`,
      noDownload: 'Tokrat prenosa nismo mogli pripraviti. Naše osebje bo zadevo preverilo in se vam oglasilo.',
      searchedTitle: 'Kje smo iskali',
      erasedTitle: 'Kaj je bilo storjeno v posameznem sistemu',
      outcome: {
        found: (p: { count: number }) => `našli smo ${slRecordsAcc(p.count)}`,
        nothingFound: 'o vas ni podatkov',
        searched: 'pregledano',
        deleted: (p: { count: number }) => `izbrisali smo ${slRecordsAcc(p.count)}`,
        deletedUncounted: 'vaši podatki so bili izbrisani',
        anonymised: (p: { count: number }) =>
          `iz ${slRecordsGen(p.count)} smo odstranili podatke, po katerih bi vas bilo mogoče prepoznati, preostanek hranimo za statistične namene`,
        anonymisedUncounted: 'odstranili smo podatke, po katerih bi vas bilo mogoče prepoznati, preostanek hranimo za statistične namene',
        noneHeld: 'tu ni bilo podatkov o vas',
        notLookedUp: {
          email: 'ni bilo preiskano: ta sistem najde osebe le po e-poštnem naslovu, vi pa ga niste navedli',
          phone: 'ni bilo preiskano: ta sistem najde osebe le po telefonski številki, vi pa je niste navedli',
          customerNumber: 'ni bilo preiskano: ta sistem najde osebe le po številki stranke, vi pa je niste navedli',
          memberNumber: 'ni bilo preiskano: ta sistem najde osebe le po članski številki, vi pa je niste navedli',
          username: 'ni bilo preiskano: ta sistem najde osebe le po uporabniškem imenu, vi pa ga niste navedli',
        },
        failed: 'še ni zaključeno – naše osebje bo zadevo preverilo in se vam oglasilo',
        held: (p: Held) =>
          `hranimo ${p.count === undefined ? 'vaše podatke' : slRecordsAcc(p.count)}, ker to zahteva zakon${p.basis ? ` (${p.basis})` : ''}; obdelava teh podatkov je omejena: ne uporabljamo jih za noben drug namen, izbrisali pa jih bomo${p.date ? ` po izteku roka hrambe (${p.date})` : ', ko obveznost hrambe preneha'}`,
        suppressed: (p: { date?: string }) =>
          `da vas pomotoma ne bi znova dodali, vaš e-poštni naslov hranimo v nečitljivi obliki (kot zgoščeno vrednost, izračunano s tajnim ključem), iz katere naslova ni mogoče razbrati${p.date ? ` – rok hrambe: ${p.date}` : ', in to le omejen čas'}`,
        erasedConfirmed: 'vaši podatki so bili na našo zahtevo izbrisani, izbris je potrjen',
        erasedConfirmedCount: (p: { count: number }) => `na našo zahtevo so izbrisali ${slRecordsAcc(p.count)}, izbris je potrjen`,
        rectified: (p: { count: number }) => `popravili smo ${slRecordsAcc(p.count)}`,
        rectifiedUncounted: 'podatki so bili popravljeni',
        rectifiedByStaff: 'popravilo jih je naše osebje',
        restricted: (p: { count: number }) => `omejili smo ${slRecordsAcc(p.count)}: hranimo jih, vendar jih ne uporabljamo`,
        restrictedUncounted: 'obdelava je omejena: podatke hranimo, vendar jih ne uporabljamo',
        retained: (p: Retained) =>
          `vaši podatki so ohranjeni, niso bili izbrisani ali spremenjeni – pravna podlaga: ${p.basis}${p.date ? `; do ${p.date}` : ''}`,
        partly: (p: Partly) => `opravljeno le delno – ohranjeno: ${p.kept}; zakaj: ${p.reason}${p.date ? `; do ${p.date}` : ''}`,
      },
      recipientsTitle: 'Koga smo obvestili o izbrisu',
      recipientsIntro: 'O izbrisu smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      recipientsTitleCorrection: 'Koga smo obvestili o popravku',
      recipientsIntroCorrection: 'O popravku smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      recipientsTitleRestriction: 'Koga smo obvestili o omejitvi',
      recipientsIntroRestriction: 'O omejitvi smo obvestili naslednje prejemnike vaših podatkov (19. člen Splošne uredbe o varstvu podatkov):',
      failedNote: 'V nekaterih sistemih dela ni bilo mogoče samodejno dokončati. Naše osebje bo zadevo preverilo in vam sporočilo izid.',
      statusIntro: 'Stanje zahteve lahko kadar koli preverite tukaj:',
      questions: 'Imate vprašanja? Pišite naši pooblaščeni osebi za varstvo podatkov:',
    },
    denial: {
      subject: ({ controller }: C) => `Vaša zahteva, poslana organizaciji ${controller}, je zavrnjena`,
      intro: (p: C & { what: string }) => `Organizacija ${p.controller} je obravnavala vašo vlogo (${p.what}), vendar je ne more izvesti.`,
      reasonsTitle: 'Razlogi',
    },
    complaints: {
      completionIntro: 'Če niste zadovoljni z obravnavo svoje zahteve, imate pravico vložiti pritožbo pri nadzornem organu za varstvo podatkov.',
      denialIntro:
        'Če se s tem ne strinjate, imate pravico vložiti pritožbo pri nadzornem organu za varstvo podatkov in uveljavljati pravno sredstvo pred sodiščem (četrti odstavek 12. člena Splošne uredbe o varstvu podatkov).',
      lead: (p) => `Naš vodilni nadzorni organ je ${p.authority}:`,
      ownState:
        'Pritožbo lahko vložite tudi pri nadzornem organu v državi EU ali EGP, v kateri prebivate ali delate ali v kateri je po vašem mnenju prišlo do kršitve (77. člen Splošne uredbe o varstvu podatkov).',
    },
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Po petem odstavku 12. člena Splošne uredbe o varstvu podatkov lahko zavrnemo zahtevo, ki je očitno neutemeljena. Menimo, da je vaša zahteva takšna: ne nanaša se na osebne podatke, ki jih obdelujemo o vas.',
      excessive: (_: Den) =>
        'Po petem odstavku 12. člena Splošne uredbe o varstvu podatkov lahko zavrnemo zahtevo, ki je pretirana, zlasti če se ponavlja. Enako zahtevo ste vložili pred kratkim in nanjo smo že odgovorili, od takrat pa se ni nič spremenilo.',
      identity_not_confirmed: (_: Den) =>
        'Nismo mogli potrditi, da ste oseba, na katero se podatki nanašajo (drugi odstavek 11. člena in šesti odstavek 12. člena Splošne uredbe o varstvu podatkov). Zato zahteve ne moremo izvesti, ne da bi tvegali razkritje ali spremembo podatkov druge osebe. Lahko pa vložite novo zahtevo s podatki, po katerih vas lahko prepoznamo.',
      authority_not_shown: (_: Den) =>
        'Zahtevo ste vložili v imenu druge osebe, vendar nismo mogli potrditi, da jo smete zastopati: poslani dokument ne izkazuje starševske skrbi ali pooblastila, ki bi zajemalo to zahtevo (drugi in šesti odstavek 12. člena Splošne uredbe o varstvu podatkov). Zato zahteve nismo izvedli. Vi ali oseba, na katero se podatki nanašajo, lahko vložite novo zahtevo z dokumentom, ki to izkazuje.',
      processor_only: (p: Den) =>
        p.customer
          ? `Organizacija ${p.controller} te podatke obdeluje samo v imenu organizacije ${p.customer}, in sicer kot obdelovalec (28. člen Splošne uredbe o varstvu podatkov). O podatkih odloča ${p.customer}, zato zahtevo pošljite tja. Pri odgovoru bomo pomagali.`
          : `Organizacija ${p.controller} te podatke obdeluje samo v imenu organizacije, pri kateri ste registrirani, in sicer kot obdelovalec (28. člen Splošne uredbe o varstvu podatkov). O podatkih odloča ta organizacija, zato zahtevo pošljite njej. Pri odgovoru ji bomo pomagali.`,
      legal_obligation: (_: Den) =>
        'Te podatke moramo hraniti zaradi izpolnjevanja pravne obveznosti ali za uveljavljanje, izvajanje ali obrambo pravnih zahtevkov (točki (b) in (e) tretjega odstavka 17. člena Splošne uredbe o varstvu podatkov). Hranimo jih le toliko časa, kot je potrebno, in jih ne uporabljamo za nič drugega.',
      compelling_grounds: (_: Den) =>
        'Vaš ugovor smo pretehtali glede na razloge za obdelavo (prvi odstavek 21. člena Splošne uredbe o varstvu podatkov). Imamo nujne upravičene razloge, ki prevladajo nad vašimi interesi, pravicami in svoboščinami, zato z obdelavo nadaljujemo.',
      data_accurate: (_: Den) =>
        'Preverili smo podatke, za katere ste zahtevali popravek (16. člen Splošne uredbe o varstvu podatkov), in ugotovili, da so točni, zato jih nismo spremenili.',
    },
    extension: {
      subject: ({ controller }: C) => `Organizacija ${controller} potrebuje več časa za vašo zahtevo`,
      intro: (p: C & { what: string }) => `Organizacija ${p.controller} potrebuje več časa za odgovor (${p.what}).`,
      newDue: (p: { months: number; date: string }) =>
        `Zakon dovoljuje, da se rok pri zapletenih ali številnih zahtevah podaljša za največ dva dodatna meseca (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov). Podaljšali smo ga za ${slMonths(p.months)}: odgovor boste prejeli najpozneje ${p.date}.`,
      reasonsTitle: 'Zakaj potrebujemo več časa',
    },
    fee: {
      subject: ({ controller }: C) => `Pristojbina za vašo zahtevo organizaciji ${controller}`,
      intro: (p: C & { what: string; amount: string }) =>
        `Organizacija ${p.controller} bo odgovorila na vašo zahtevo (${p.what}), ko bo plačana pristojbina v znesku ${p.amount}. Zakon dovoljuje razumno pristojbino za zahtevo, ki je očitno neutemeljena ali pretirana, zlasti ker ponavlja prejšnjo (peti odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      reasonTitle: 'Zakaj zaračunavamo pristojbino',
      howToPay: (p: { dpoEmail: string }) => `Če želite izvedeti, kako plačati, ali menite, da pristojbina ni razumna, pišite na ${p.dpoEmail}.`,
      pauses: 'Rok za naš odgovor miruje, dokler pristojbina ni plačana.',
      withdraw: 'Če ne želite plačati, lahko zahtevo umaknete na strani s stanjem zahteve:',
      linkText: 'Odprite stran s stanjem zahteve',
    },
    infoRequest: {
      subject: ({ controller }: C) => `Organizacija ${controller} potrebuje več informacij o vaši zahtevi`,
      intro: (p: C & { what: string }) =>
        `Preden lahko organizacija ${p.controller} nadaljuje z obravnavo (${p.what}), naše osebje od vas potrebuje več informacij (šesti odstavek 12. člena Splošne uredbe o varstvu podatkov).`,
      questionTitle: 'Naše vprašanje',
      howToAnswer: 'Odgovorite na strani s stanjem zahteve. Na to sporočilo ne odgovarjajte in ne pošiljajte več osebnih podatkov, kot jih zahteva vprašanje.',
      linkText: 'Odgovorite na strani s stanjem zahteve',
      pauses: 'Rok za naš odgovor miruje, dokler ne prejmemo vašega odgovora.',
      runs: (p: { date: string }) => `Rok za naš odgovor teče naprej: ${p.date}.`,
    },
    answerCorrection: {
      subject: ({ controller }: C) => `Popravek: odgovor organizacije ${controller} na vašo zahtevo`,
      intro: (p: C & { system: string }) =>
        `Popraviti moramo, kar smo vam o sistemu ${p.system} sporočili v odgovoru organizacije ${p.controller} na vašo zahtevo.`,
      nowTitle: 'Kar drži',
      why: (p: { why: string }) => `Zakaj: ${p.why}`,
      sorry: 'Za napako se opravičujemo. Če imate vprašanja, se obrnite na našo pooblaščeno osebo za varstvo podatkov.',
    },
    restrictionLift: {
      subject: ({ controller }: C) => `Organizacija ${controller} bo odpravila omejitev obdelave vaših podatkov`,
      intro: (p: C & { date: string }) =>
        `Pri organizaciji ${p.controller} ste zahtevali omejitev obdelave svojih osebnih podatkov. Kot zahteva zakon, vas obveščamo vnaprej (tretji odstavek 18. člena Splošne uredbe o varstvu podatkov): omejitev bo odpravljena ${p.date}.`,
      whereTitle: 'Kje omejitev preneha',
      after: 'Od takrat naprej se podatki lahko znova uporabljajo kot prej.',
      object:
        'Če menite, da bi morala omejitev ostati, na primer ker so podatki še vedno napačni ali ker ste ugovarjali njihovi uporabi, se nam oglasite pred tem datumom.',
    },
  },
};
