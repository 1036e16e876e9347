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
  },
};
