import type { SiteTexts } from './en.ts';

/** The words of every page a data subject sees: the frame, the rights explained, the kinds of request, the page for a wrong address, in Swedish. */
export const sv: SiteTexts = {
  common: {
    siteName: 'Dina personuppgifter',
    skipToContent: 'Hoppa till huvudinnehållet',
    languageNav: 'Språk',
    footer: 'Vi använder din e-postadress endast för att besvara din begäran.',
    newRequest: 'Gör en ny begäran',
    statusLink: 'Se hur det går med din begäran',
    errorPrefix: 'Fel',
    dpoLabel: 'Dataskyddsombud',
    privacyPolicy: 'Integritetspolicy',
    checkField: 'Kontrollera det du har fyllt i här.',
  },
  rights: {
    access: {
      title: 'Rätt till tillgång (artikel 15)',
      summary:
        'Du har rätt att få veta om vi behandlar personuppgifter om dig och i så fall få en kopia av dem (ett registerutdrag), tillsammans med information om varför vi använder dem, var de kommer ifrån, vem som får ta del av dem och hur länge vi sparar dem.',
    },
    portability: {
      title: 'Rätt till dataportabilitet (artikel 20)',
      summary:
        'Du har rätt att få ut de uppgifter som du själv har lämnat till oss i ett maskinläsbart format, eller be oss att överföra dem direkt till en annan organisation.',
    },
    rectification: {
      title: 'Rätt till rättelse (artikel 16)',
      summary: 'Du har rätt att få felaktiga uppgifter om dig rättade och ofullständiga uppgifter kompletterade.',
    },
    erasure: {
      title: 'Rätt till radering (artikel 17)',
      summary: 'Du har rätt att få dina personuppgifter raderade. Vi raderar dem om inte lagen kräver att vi sparar dem, till exempel för bokföringen.',
    },
    restriction: {
      title: 'Rätt till begränsning av behandling (artikel 18)',
      summary: 'Du har rätt att begära att vi tills vidare slutar använda dina uppgifter men behåller dem, till exempel medan vi kontrollerar om de stämmer.',
    },
    objection: {
      title: 'Rätt att göra invändningar (artikel 21)',
      summary:
        'Du har rätt att invända mot att vi använder dina uppgifter med stöd av vårt berättigade intresse, och du kan alltid säga nej till direktmarknadsföring.',
    },
    withdraw_consent: {
      title: 'Rätt att återkalla samtycke (artikel 7.3)',
      summary:
        'När vi använder dina uppgifter för att du har samtyckt till det kan du när som helst återkalla ditt samtycke. Det påverkar inte den behandling som skett innan du återkallade det.',
    },
  },
  requestType: {
    access: 'Registerutdrag – en kopia av dina personuppgifter',
    portability: 'Dina uppgifter i ett maskinläsbart format (dataportabilitet)',
    rectification: 'Rättelse av dina personuppgifter',
    erasure: 'Radering av dina personuppgifter',
    restriction: 'Begränsning av behandlingen av dina uppgifter',
    objection: 'Invändning mot behandlingen av dina uppgifter',
    withdraw_consent: 'Återkallelse av ditt samtycke',
  },
  notFound: {
    title: 'Sidan hittades inte',
    body: 'Kontrollera att adressen är fullständig. Om du kom hit via en länk i ett mejl kan du öppna den igen direkt från mejlet.',
  },
};
