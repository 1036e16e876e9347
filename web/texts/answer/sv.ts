import { svMonths, svRecords } from '../counts.ts';
import type { C, Den, Held, Partly, Retained } from '../params.ts';
import type { AnswerTexts } from './en.ts';

/** The words of the answers a data subject receives: the completion email, refusals, extensions, questions, restriction notices, and the access package’s summary page, in Swedish. */
export const sv: AnswerTexts = {
  package: {
    title: ({ controller }: C) => `Dina personuppgifter hos ${controller}`,
    intro:
      'Det här paketet är svaret på din begäran om tillgång (artikel 15 i dataskyddsförordningen). För varje system visas vilka uppgifter vi har om dig och den information som du har rätt till enligt lag.',
    reference: 'Ärendenummer',
    generatedAt: 'Skapat',
    recordsTitle: (p: { system: string }) => `Dina poster i ${p.system}`,
    previewNote: (p: { shown: string; total: string }) => `Tabellen visar de första ${p.shown} av ${p.total} posterna. Alla finns i filerna.`,
    webIntro:
      'Den här sidan visar vad ditt registerutdrag innehåller. Själva utdraget är en ZIP-fil med den här sidan och uppgifterna i JSON- och CSV-filer, för en dator:',
    webDownload: 'Ladda ned utdraget',
    filesIntro: 'Själva uppgifterna finns i filerna bredvid den här sidan: en JSON-fil och en CSV-fil (öppnas i ett kalkylprogram) per system.',
    registerNote: 'Beskrivningarna av varje system kommer från organisationens register och kan vara på engelska.',
    contentsTitle: 'System i det här paketet',
    recordCount: 'Poster om dig',
    files: 'Filer',
    dataCategories: 'Kategorier av uppgifter',
    purposes: 'Varför vi använder dem',
    legalBasis: 'Rättslig grund',
    retention: 'Hur länge vi sparar dem',
    source: 'Varifrån de kommer',
    recipients: 'Vem som får ta del av dem',
    noRecipients: 'Ingen utanför organisationen.',
    failed: 'Vi kunde inte ta ut uppgifterna från det här systemet. Vi följer upp och skickar dem till dig.',
    noData: 'Vi har inga uppgifter om dig i det här systemet.',
    retained: (p: Retained) => `Den här leverantören sparar uppgifter om dig med den här rättsliga grunden: ${p.basis}${p.date ? `, till den ${p.date}` : ''}.`,
    partly: (p: Partly) => `Den här leverantören svarade bara delvis. Inte med: ${p.kept}. Varför: ${p.reason}${p.date ? `. Sparas till den ${p.date}` : ''}.`,
    attachmentNote: 'Om en leverantör har skickat oss en egen fil ligger den i en egen mapp, precis som leverantören skickade den.',
    asSent: '(som leverantören skickade den)',
    rightsTitle: 'Dina rättigheter',
    rightsIntro: 'Du har de här rättigheterna när det gäller dina personuppgifter. Kontakta vårt dataskyddsombud om du vill använda dem.',
    complaint: (p: { authority: string }) => `Du har också rätt att lämna klagomål till tillsynsmyndigheten ${p.authority}.`,
  },
  email: {
    completion: {
      subject: {
        accessReady: ({ controller }: C) => `Ditt registerutdrag från ${controller} är klart att ladda ned`,
        portabilityReady: ({ controller }: C) => `Dina uppgifter från ${controller} är klara att ladda ned i maskinläsbart format`,
        access: ({ controller }: C) => `Svar på din begäran om registerutdrag från ${controller}`,
        portability: ({ controller }: C) => `Svar på din begäran om dataportabilitet från ${controller}`,
        rectification: ({ controller }: C) => `Resultat av din begäran om rättelse hos ${controller}`,
        erasure: ({ controller }: C) => `Resultat av din begäran om radering hos ${controller}`,
        restriction: ({ controller }: C) => `Resultat av din begäran om begränsning hos ${controller}`,
        objection: ({ controller }: C) => `Resultat av din invändning hos ${controller}`,
        withdraw_consent: ({ controller }: C) => `Resultat av att du återkallade ditt samtycke hos ${controller}`,
      },
      intro: {
        access: ({ controller }: C) => `${controller} har besvarat din begäran om registerutdrag.`,
        portability: ({ controller }: C) =>
          `${controller} har besvarat din begäran om dina uppgifter i ett maskinläsbart format (artikel 20 i dataskyddsförordningen).`,
        rectification: ({ controller }: C) =>
          `${controller} har behandlat din begäran om rättelse av dina personuppgifter (artikel 16 i dataskyddsförordningen).`,
        erasure: ({ controller }: C) => `${controller} har behandlat din begäran om radering av dina personuppgifter.`,
        restriction: ({ controller }: C) =>
          `${controller} har behandlat din begäran om begränsning av behandlingen av dina personuppgifter (artikel 18 i dataskyddsförordningen).`,
        objection: ({ controller }: C) => `${controller} har behandlat din invändning (artikel 21 i dataskyddsförordningen).`,
        withdraw_consent: ({ controller }: C) => `${controller} har behandlat återkallelsen av ditt samtycke (artikel 7.3 i dataskyddsförordningen).`,
      },
      portabilityDownloadIntro:
        'Här kan du ladda ned dina uppgifter. Det är en ZIP-fil med de uppgifter som du har lämnat till oss, i maskinläsbara JSON- och CSV-filer som andra tjänster kan läsa in:',
      transmitted: (p: { target: string }) => `Som du bad om har vi också skickat uppgifterna direkt till ${p.target}.`,
      rectifiedTitle: 'Här rättades dina uppgifter',
      restrictedTitle: 'Här är behandlingen av dina uppgifter nu begränsad',
      restrictedExplain:
        'Uppgifter med begränsad behandling sparas men används inte på annat sätt utan ditt samtycke, utom för rättsliga anspråk, för att skydda någon annans rättigheter eller av skäl som rör ett viktigt allmänt intresse (artikel 18.2 i dataskyddsförordningen). Vi meddelar dig innan en begränsning hävs.',
      objectionDirectMarketing:
        'Vi har slutat använda dina uppgifter för direktmarknadsföring. För att du inte ska få marknadsföring igen av misstag sparar vi din adress bara i förvrängd form på en spärrlista.',
      objectionUpheld:
        'Vi har godtagit din invändning: vi använder inte längre dina uppgifter för den behandling som du invände mot. Där vi måste spara dem är behandlingen begränsad.',
      consentWithdrawn: (p: { purposes: string }) => `Du har återkallat ditt samtycke till: ${p.purposes}. Vi har upphört med den behandlingen.`,
      consentTitle: 'Det här hände med uppgifterna för det ändamålet',
      late: 'Vi beklagar att svaret kommer senare än den tidsfrist som gäller.',
      downloadIntro:
        'Här kan du ladda ned dina uppgifter. Det är en ZIP-fil med en översikt som du kan öppna i webbläsaren och själva uppgifterna i JSON- och CSV-filer:',
      viewIntro: 'På en mobil, eller för att läsa utan att packa upp, öppna det i webbläsaren:',
      viewLinkText: 'Läs dina uppgifter i webbläsaren',
      downloadLinkText: 'Ladda ned dina uppgifter',
      downloadExpires: (p: { date: string }) => `Länken är personlig och gäller till den ${p.date}.`,
      noDownload: 'Vi kunde inte sammanställa någon nedladdning den här gången. Vi följer upp ärendet och kontaktar dig.',
      searchedTitle: 'Här har vi sökt',
      erasedTitle: 'Det här gjordes i varje system',
      outcome: {
        found: (p: { count: number }) => `${svRecords(p.count)} hittades`,
        nothingFound: 'inga uppgifter om dig',
        searched: 'genomsökt',
        deleted: (p: { count: number }) => `${svRecords(p.count)} raderades`,
        deletedUncounted: 'dina uppgifter raderades',
        anonymised: (p: { count: number }) => `uppgifter som kan identifiera dig togs bort från ${svRecords(p.count)}, resten sparas för statistik`,
        anonymisedUncounted: 'uppgifter som kan identifiera dig togs bort, resten sparas för statistik',
        noneHeld: 'här fanns inga uppgifter om dig',
        notLookedUp: {
          email: 'inte sökt: systemet hittar personer bara via e-postadress, och du angav ingen',
          phone: 'inte sökt: systemet hittar personer bara via telefonnummer, och du angav inget',
          customerNumber: 'inte sökt: systemet hittar personer bara via kundnummer, och du angav inget',
          memberNumber: 'inte sökt: systemet hittar personer bara via medlemsnummer, och du angav inget',
          username: 'inte sökt: systemet hittar personer bara via användarnamn, och du angav inget',
        },
        failed: 'inte klart än – vi följer upp och hör av oss till dig',
        held: (p: Held) =>
          `${p.count === undefined ? 'dina uppgifter' : svRecords(p.count)} sparas${p.date ? ` till den ${p.date}` : ''} eftersom lagen kräver det${p.basis ? ` (${p.basis})` : ''}; behandlingen av uppgifterna är begränsad: de används inte till något annat och raderas ${p.date ? 'då' : 'när skyldigheten att spara dem upphör'}`,
        suppressed: (p: { date?: string }) =>
          `för att du inte ska läggas till igen av misstag sparar vi din e-postadress i förvrängd form (ett hashvärde beräknat med en hemlig nyckel) ${p.date ? `till den ${p.date}` : 'under en begränsad tid'}, och adressen går inte att läsa ut ur den`,
        erasedConfirmed: 'dina uppgifter raderades på vår begäran, och raderingen är bekräftad',
        erasedConfirmedCount: (p: { count: number }) => `${svRecords(p.count)} raderades på vår begäran, och raderingen är bekräftad`,
        rectified: (p: { count: number }) => `rättades i ${svRecords(p.count)}`,
        rectifiedUncounted: 'rättades',
        rectifiedByStaff: 'rättades av vår personal',
        restricted: (p: { count: number }) => `${svRecords(p.count)} begränsades: sparas men används inte`,
        restrictedUncounted: 'begränsades: sparas men används inte',
        retained: (p: Retained) =>
          `dina uppgifter sparas och har inte raderats eller ändrats – rättslig grund: ${p.basis}${p.date ? `; till den ${p.date}` : ''}`,
        partly: (p: Partly) => `utfördes bara delvis – sparat: ${p.kept}; varför: ${p.reason}${p.date ? `; till den ${p.date}` : ''}`,
      },
      recipientsTitle: 'Vilka vi har underrättat om raderingen',
      recipientsIntro: 'Vi har underrättat de här mottagarna av dina uppgifter om raderingen (artikel 19 i dataskyddsförordningen):',
      recipientsTitleCorrection: 'Vilka vi har underrättat om rättelsen',
      recipientsIntroCorrection: 'Vi har underrättat de här mottagarna av dina uppgifter om rättelsen (artikel 19 i dataskyddsförordningen):',
      recipientsTitleRestriction: 'Vilka vi har underrättat om begränsningen',
      recipientsIntroRestriction: 'Vi har underrättat de här mottagarna av dina uppgifter om begränsningen (artikel 19 i dataskyddsförordningen):',
      failedNote: 'I vissa system gick arbetet inte att slutföra automatiskt. Vi följer upp och meddelar dig resultatet.',
      statusIntro: 'Du kan när som helst se hur det går med din begäran:',
      questions: 'Har du frågor? Skriv till vårt dataskyddsombud:',
    },
    denial: {
      subject: ({ controller }: C) => `Din begäran till ${controller} har avslagits`,
      intro: (p: C & { what: string }) => `${p.controller} har prövat din ${p.what} och kan inte genomföra den.`,
      reasonsTitle: 'Skäl',
    },
    complaints: {
      completionIntro: 'Om du inte är nöjd med hur vi har hanterat din begäran har du rätt att lämna klagomål till en tillsynsmyndighet för dataskydd.',
      denialIntro:
        'Om du inte håller med har du rätt att lämna klagomål till en tillsynsmyndighet för dataskydd och att få saken prövad av domstol (artikel 12.4 i dataskyddsförordningen).',
      lead: (p) => `Vår ansvariga tillsynsmyndighet är ${p.authority}:`,
      ownState:
        'Du kan också lämna klagomål till tillsynsmyndigheten i det EU- eller EES-land där du bor eller arbetar, eller där du anser att överträdelsen har skett (artikel 77 i dataskyddsförordningen).',
    },
    denialReason: {
      manifestly_unfounded: (_: Den) =>
        'Enligt artikel 12.5 i dataskyddsförordningen får vi avslå en begäran som är uppenbart ogrundad. Vi bedömer att din begäran är det: den gäller inte personuppgifter som vi behandlar om dig.',
      excessive: (_: Den) =>
        'Enligt artikel 12.5 i dataskyddsförordningen får vi avslå en begäran som är orimlig, särskilt om den upprepas. Du gjorde samma begäran nyligen och fick svar då, och ingenting har ändrats sedan dess.',
      identity_not_confirmed: (_: Den) =>
        'Vi har inte kunnat bekräfta att du är den person som uppgifterna gäller (artiklarna 11.2 och 12.6 i dataskyddsförordningen). Därför kan vi inte genomföra begäran utan risk att lämna ut eller ändra någon annans uppgifter. Du är välkommen att göra en ny begäran med uppgifter som gör att vi kan identifiera dig.',
      authority_not_shown: (_: Den) =>
        'Du har begärt för någon annans räkning, men vi har inte kunnat bekräfta att du får företräda personen: handlingen du skickade visar inte vårdnad eller en fullmakt som omfattar den här begäran (artikel 12.2 och 12.6 i dataskyddsförordningen). Därför har vi inte genomfört begäran. Du eller den berörda personen är välkommen att göra en ny begäran med en handling som visar det.',
      processor_only: (p: Den) =>
        p.customer
          ? `${p.controller} behandlar de här uppgifterna enbart på uppdrag av ${p.customer}, som personuppgiftsbiträde (artikel 28 i dataskyddsförordningen). Det är ${p.customer} som bestämmer över uppgifterna, så skicka din begäran dit. Vi hjälper dem att besvara den.`
          : `${p.controller} behandlar de här uppgifterna enbart på uppdrag av den organisation som du är registrerad hos, som personuppgiftsbiträde (artikel 28 i dataskyddsförordningen). Det är den organisationen som bestämmer över uppgifterna, så skicka din begäran dit. Vi hjälper den att besvara den.`,
      legal_obligation: (_: Den) =>
        'Vi måste spara de här uppgifterna för att uppfylla en rättslig förpliktelse eller för att kunna fastställa, göra gällande eller försvara rättsliga anspråk (artikel 17.3 b och e i dataskyddsförordningen). Vi sparar dem bara så länge som det krävs och använder dem inte till något annat.',
      compelling_grounds: (_: Den) =>
        'Vi har vägt din invändning mot våra skäl för behandlingen (artikel 21.1 i dataskyddsförordningen). Vi har tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, och fortsätter därför behandlingen.',
      data_accurate: (_: Den) =>
        'Vi har kontrollerat de uppgifter som du bad oss rätta (artikel 16 i dataskyddsförordningen) och kommit fram till att de är korrekta, så vi har inte ändrat dem.',
    },
    extension: {
      subject: ({ controller }: C) => `${controller} behöver mer tid för din begäran`,
      intro: (p: C & { what: string }) => `${p.controller} behöver mer tid för att besvara din ${p.what}.`,
      newDue: (p: { months: number; date: string }) =>
        `Lagen tillåter att tidsfristen förlängs med högst två månader till om begäranden är komplicerade eller många (artikel 12.3 i dataskyddsförordningen). Vi har förlängt den med ${svMonths(p.months)}: du får vårt svar senast den ${p.date}.`,
      reasonsTitle: 'Varför vi behöver mer tid',
    },
    fee: {
      subject: ({ controller }: C) => `En avgift för din begäran till ${controller}`,
      intro: (p: C & { what: string; amount: string }) =>
        `${p.controller} besvarar din ${p.what} när en avgift på ${p.amount} har betalats. Lagen tillåter en rimlig avgift för en begäran som är uppenbart ogrundad eller orimlig, särskilt för att den upprepar en tidigare (artikel 12.5 i dataskyddsförordningen).`,
      reasonTitle: 'Varför vi tar ut en avgift',
      howToPay: (p: { dpoEmail: string }) => `Skriv till ${p.dpoEmail} för att få veta hur du betalar, eller om du anser att avgiften inte är rimlig.`,
      pauses: 'Tidsfristen för vårt svar står still tills avgiften har betalats.',
      withdraw: 'Om du inte vill betala kan du återkalla din begäran på statussidan:',
      linkText: 'Öppna statussidan',
    },
    infoRequest: {
      subject: ({ controller }: C) => `${controller} behöver mer information om din begäran`,
      intro: (p: C & { what: string }) =>
        `Innan ${p.controller} kan gå vidare med din ${p.what} behöver vår handläggare mer information från dig (artikel 12.6 i dataskyddsförordningen).`,
      questionTitle: 'Vår fråga',
      howToAnswer: 'Svara på statussidan för din begäran. Svara inte på det här mejlet, och skicka inte fler personuppgifter än frågan gäller.',
      linkText: 'Svara på statussidan',
      pauses: 'Tidsfristen för vårt svar står still tills vi har fått ditt svar.',
      runs: (p: { date: string }) => `Tidsfristen för vårt svar löper vidare: senast den ${p.date}.`,
    },
    answerCorrection: {
      subject: ({ controller }: C) => `Rättelse: svaret på din begäran till ${controller}`,
      intro: (p: C & { system: string }) => `Vi måste rätta det vi skrev om ${p.system} i svaret på din begäran till ${p.controller}.`,
      nowTitle: 'Det som gäller',
      why: (p: { why: string }) => `Varför: ${p.why}`,
      sorry: 'Vi beklagar misstaget. Kontakta vårt dataskyddsombud om du har frågor.',
    },
    restrictionLift: {
      subject: ({ controller }: C) => `${controller} kommer att häva begränsningen av dina uppgifter`,
      intro: (p: C & { date: string }) =>
        `Du har begärt att ${p.controller} begränsar användningen av dina personuppgifter. Som lagen kräver meddelar vi dig i förväg (artikel 18.3 i dataskyddsförordningen): begränsningen hävs den ${p.date}.`,
      whereTitle: 'Här upphör begränsningen',
      after: 'Därefter kan uppgifterna användas igen som tidigare.',
      object:
        'Om du anser att begränsningen bör finnas kvar, till exempel för att uppgifterna fortfarande är fel eller för att du har invänt mot användningen, kontakta oss före det datumet.',
    },
  },
};
