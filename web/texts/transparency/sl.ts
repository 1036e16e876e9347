import type { TransparencyTexts } from './en.ts';

/** The words of the public transparency page, in Slovenian. */
export const sl: TransparencyTexts = {
  transparency: {
    title: 'Zahteve oseb, katerih podatke obdelujemo',
    intro: (p) =>
      `Koliko zahtev za uresničevanje pravic varstva podatkov (členi 15 do 22 Splošne uredbe o varstvu podatkov) je prejel ${p.controller}, koliko jih je izpolnil ali zavrnil in koliko časa so trajali odgovori. Samo števila: iz njih ni mogoče nikogar prepoznati.`,
    year: 'Leto',
    toDate: (p) => `${p.year} (doslej)`,
    received: 'Prejete',
    compliedWith: 'Izpolnjene',
    refused: 'Zavrnjene',
    withdrawn: 'Umaknila oseba',
    medianDays: 'Mediana dni do odgovora',
    updated: (p) => `Podatki na dan ${p.date}.`,
    notYet: 'Podatki še niso bili objavljeni.',
    notYetUntil: (p) => `Podatki še niso bili objavljeni. Prvi bodo tukaj objavljeni najpozneje ${p.date}.`,
    measure: 'Zahteve',
    ownRequestTitle: 'Vaši podatki',
    ownRequest: (p) => `Če želite videti, popraviti ali izbrisati podatke, ki jih ${p.controller} hrani o vas, oddajte zahtevo:`,
    formLink: 'Oddajte zahtevo glede svojih podatkov',
    dpo: 'Imate vprašanja o teh podatkih ali o tem, kako obdelujemo osebne podatke? Pišite naši pooblaščeni osebi za varstvo podatkov:',
  },
};
