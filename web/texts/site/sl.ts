import type { SiteTexts } from './en.ts';

/** The words of every page a data subject sees: the frame, the rights explained, the kinds of request, the page for a wrong address, in Slovenian. */
export const sl: SiteTexts = {
  common: {
    siteName: 'Vaši osebni podatki',
    skipToContent: 'Preskoči na glavno vsebino',
    languageNav: 'Jezik',
    footer: 'Vaš e-poštni naslov uporabimo samo za odgovor na vašo zahtevo.',
    newRequest: 'Oddajte novo zahtevo',
    statusLink: 'Preverite stanje svoje zahteve',
    errorPrefix: 'Napaka',
    dpoLabel: 'Pooblaščena oseba za varstvo podatkov',
    privacyPolicy: 'Politika zasebnosti',
    checkField: 'Preverite, kaj ste vpisali tukaj.',
  },
  rights: {
    access: {
      title: 'Pravica do dostopa (15. člen)',
      summary:
        'Izveste lahko, ali o vas obdelujemo osebne podatke, in prejmete njihovo kopijo, skupaj s pojasnilom, zakaj jih uporabljamo, od kod izvirajo, komu jih posredujemo in kako dolgo jih hranimo.',
    },
    portability: {
      title: 'Pravica do prenosljivosti podatkov (20. člen)',
      summary:
        'Podatke, ki ste nam jih posredovali sami, lahko prejmete v strojno berljivi obliki ali zahtevate, da jih neposredno posredujemo drugi organizaciji.',
    },
    rectification: {
      title: 'Pravica do popravka (16. člen)',
      summary: 'Zahtevate lahko, da netočne podatke o vas popravimo, nepopolne pa dopolnimo.',
    },
    erasure: {
      title: 'Pravica do izbrisa (17. člen)',
      summary: 'Zahtevate lahko, da vaše osebne podatke izbrišemo. Izbrišemo jih, razen če jih moramo po zakonu hraniti, na primer za računovodske namene.',
    },
    restriction: {
      title: 'Pravica do omejitve obdelave (18. člen)',
      summary: 'Zahtevate lahko, da vaših podatkov začasno ne uporabljamo, vendar jih še hranimo, na primer dokler preverjamo, ali so točni.',
    },
    objection: {
      title: 'Pravica do ugovora (21. člen)',
      summary: 'Obdelavi vaših podatkov, ki temelji na našem zakonitem interesu, lahko ugovarjate, neposrednemu trženju pa lahko ugovarjate kadar koli.',
    },
    withdraw_consent: {
      title: 'Pravica do preklica privolitve (tretji odstavek 7. člena)',
      summary:
        'Kadar vaše podatke uporabljamo na podlagi vaše privolitve, jo lahko kadar koli prekličete. Preklic ne vpliva na obdelavo, ki je bila izvedena pred njim.',
    },
  },
  requestType: {
    access: 'Kopija vaših osebnih podatkov',
    portability: 'Vaši podatki v strojno berljivi obliki (prenosljivost)',
    rectification: 'Popravek vaših osebnih podatkov',
    erasure: 'Izbris vaših osebnih podatkov',
    restriction: 'Omejitev obdelave vaših podatkov',
    objection: 'Ugovor obdelavi vaših podatkov',
    withdraw_consent: 'Preklic vaše privolitve',
  },
  notFound: {
    title: 'Strani ni mogoče najti',
    body: 'Preverite, ali je naslov popoln. Če ste sem prišli prek povezave v e-poštnem sporočilu, jo znova odprite neposredno iz sporočila.',
  },
};
