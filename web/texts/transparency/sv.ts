import type { TransparencyTexts } from './en.ts';

/** The words of the public transparency page, in Swedish. */
export const sv: TransparencyTexts = {
  transparency: {
    title: 'Begäranden från de personer vars uppgifter vi behandlar',
    intro: (p) =>
      `Hur många begäranden om att utöva dataskyddsrättigheter (artiklarna 15–22 i dataskyddsförordningen) ${p.controller} har tagit emot, hur många som bifallits eller avslagits, och hur lång tid svaren tog. Endast antal: ingen kan identifieras utifrån dem.`,
    year: 'År',
    toDate: (p) => `${p.year} (hittills)`,
    received: 'Mottagna',
    compliedWith: 'Bifallna',
    refused: 'Avslagna',
    withdrawn: 'Återkallade av personen',
    medianDays: 'Median, dagar till svar',
    updated: (p) => `Siffror per ${p.date}.`,
    notYet: 'Inga siffror har publicerats ännu.',
    notYetUntil: (p) => `Inga siffror har publicerats ännu. De första visas här senast ${p.date}.`,
    measure: 'Begäranden',
    ownRequestTitle: 'Dina egna uppgifter',
    ownRequest: (p) => `Om du vill se, rätta eller radera de uppgifter som ${p.controller} har om dig kan du göra en begäran:`,
    formLink: 'Gör en begäran om dina uppgifter',
    dpo: 'Frågor om siffrorna eller om hur vi behandlar personuppgifter? Skriv till vårt dataskyddsombud:',
  },
};
