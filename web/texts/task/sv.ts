import type { C, R, RA, RW } from '../params.ts';
import type { TaskTexts } from './en.ts';

/** The words of a processor’s or a staff member’s part of a request: the task emails and the one-time task page, in Swedish. */
export const sv: TaskTexts = {
  task: {
    siteName: 'Begäranden från registrerade',
    title: (p: { what: string }) => `Begäran ${p.what}`,
    taskTitle: (p: R) => `Uppgift: ${p.processor}`,
    intro: {
      email: (p: RA) =>
        `En person har begärt ${p.asked}. Som personuppgiftsbiträde för ”${p.processor}” ber vi er göra det som beskrivs nedan på uppdrag av ${p.controller} och bekräfta det här.`,
      manual: (p: RA) => `En person har begärt ${p.asked}. Följ instruktionerna för ${p.processor} och registrera resultatet här.`,
    },
    facts: {
      controller: 'Begäran från',
      reference: 'Ärendenummer',
      type: 'Begäran gäller',
      system: 'System eller tjänst',
      dueAt: 'Svara senast',
    },
    personTitle: 'Personen som begäran gäller',
    identity: {
      email: 'E-postadress',
      name: 'Namn',
      phone: 'Telefonnummer',
      customerNumber: 'Kundnummer',
      memberNumber: 'Medlemsnummer',
      username: 'Användarnamn',
    },
    instructionsTitle: 'Instruktioner',
    outcomeLegend: 'Vad har gjorts?',
    outcome: {
      done: 'Utfört enligt begäran',
      not_found: 'Vi har inga uppgifter om personen',
      retained: 'Sparat: lagen kräver att uppgifterna sparas',
      partly: 'Delvis utfört: en del uppgifter sparades',
    },
    doneHint: {
      erasure: 'Alla personuppgifter om personen har raderats, även kopior.',
      access: 'Beskriv i meddelandet vad som hittades och var.',
      accessUpload: 'Bifoga uppgifterna nedan som en fil.',
      rectify: 'Uppgifterna har rättats enligt begäran, överallt där de finns.',
      restrict: 'Uppgifterna är markerade som begränsade och används inte till något annat.',
    },
    notFoundHint: 'Det har sökts efter uppgifter, och ingenting om personen hittades.',
    retainedHint: 'Ingenting raderades eller ändrades, eftersom uppgifterna måste sparas. Ange den rättsliga grunden nedan, och till när om du vet det.',
    partlyHint: 'En del har gjorts. Ange nedan vad som sparades och varför, och till när om du vet det.',
    keptLegend: 'Om uppgifter sparades',
    basisLabel: 'Rättslig grund för att spara dem',
    basisHint: 'Bara för ”Sparat”. Till exempel den lag och paragraf som kräver att de sparas.',
    keptLabel: 'Vad som sparades',
    keptHint: 'Bara för ”Delvis utfört”. Till exempel: fakturor från de senaste sju åren.',
    reasonLabel: 'Varför det sparades',
    reasonHint: 'Bara för ”Delvis utfört”. Till exempel den lag som kräver att det sparas.',
    untilLabel: 'Sparas till (frivilligt)',
    untilHint: 'Det datum då de sparade uppgifterna raderas, om det är känt (ÅÅÅÅ-MM-DD).',
    errorTitle: 'Svaret skickades inte: kontrollera det',
    errors: {
      outcome: 'Välj vad som har gjorts.',
      basis: 'Ange den rättsliga grund som uppgifterna sparas på (högst 500 tecken).',
      kept: 'Ange vad som sparades (högst 1 000 tecken).',
      reason: 'Ange varför det sparades (högst 1 000 tecken).',
      until: 'Ange ett datum i framtiden (ÅÅÅÅ-MM-DD), eller lämna fältet tomt.',
      export: 'Bifoga uppgifterna ni hittade som en fil, eller välj ”Vi har inga uppgifter om personen” om det inte finns något att skicka.',
    },
    noteLabel: 'Meddelande (frivilligt)',
    noteHint: 'Högst 2 000 tecken. Till exempel vad som har gjorts, eller vad som måste sparas och varför.',
    fileLabel: 'Uppgifterna, som en fil',
    fileHint: 'En fil, till exempel ZIP, JSON eller CSV. Lämna fältet tomt om ”Vi har inga uppgifter om personen” har valts.',
    submit: 'Skicka svaret',
    once: 'Länken fungerar en gång: när svaret har skickats slutar den att fungera.',
    personalData: 'Sidan visar personuppgifter. Dela inte länken.',
    done: {
      title: 'Tack – svaret är registrerat',
      body: 'Inget mer behövs. Du kan stänga sidan.',
    },
    alreadyDone: {
      title: 'Uppgiften är redan besvarad',
      body: 'Ett svar har redan skickats via den här länken, så inget mer behövs. Om svaret var fel kontaktar du organisationen som skickade länken.',
    },
    withdrawn: {
      title: 'Begäran har återkallats',
      body: 'Personen har återkallat begäran, så inget mer behövs och länken tar inte längre emot svar. Det som redan har gjorts behöver inte göras ogjort. Du kan stänga sidan.',
    },
    invalid: {
      title: 'Länken fungerar inte',
      body: 'Länken kan vara ofullständig, eller så har begäran avslutats eller återkallats. Öppna länken igen direkt från mejlet och se till att du kopierar hela länken.',
      next: 'Om den fortfarande inte fungerar kontaktar du organisationen som skickade länken.',
    },
  },
  email: {
    vendor: {
      subject: (p: RW) => `Begäran från ${p.controller} ${p.what} (ärende ${p.reference})`,
      reminder: 'Påminnelse',
      reminderIntro: 'Det här är en påminnelse: vi har ännu inte fått ert svar på begäran nedan.',
      intro: (p: RA) =>
        `En person har begärt ${p.asked}. Ni behandlar personuppgifter på uppdrag av ${p.controller} (”${p.processor}” i vårt register) och ska som personuppgiftsbiträde hjälpa oss att besvara begäran (artikel 28.3 e i dataskyddsförordningen).`,
      todo: {
        export:
          'Ta fram alla personuppgifter om personen som ni behandlar för vår räkning. Öppna sedan länken nedan, välj ”Utfört enligt begäran” och bifoga uppgifterna som en fil (till exempel ZIP, JSON eller CSV). Skicka inte uppgifterna med e-post. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        exportPortable:
          'Ta fram de personuppgifter som personen själv har lämnat och som ni behandlar för vår räkning. Öppna sedan länken nedan, välj ”Utfört enligt begäran” och bifoga uppgifterna som en fil i ett strukturerat, maskinläsbart format (till exempel JSON eller CSV). Skicka inte uppgifterna med e-post. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        erase:
          'Radera alla personuppgifter om personen som ni behandlar för vår räkning, även kopior, och se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”. Om lagen kräver att ni sparar uppgifterna väljer ni ”Sparat” och anger den rättsliga grunden; om ni har sparat en del av dem väljer ni ”Delvis utfört” och anger vad ni har sparat och varför.',
        rectify:
          'Rätta uppgifterna om personen enligt beskrivningen nedan, överallt där ni behandlar dem för vår räkning, och se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
        restrict:
          'Markera alla personuppgifter om personen som ni behandlar för vår räkning som begränsade: spara dem, men använd dem inte till något annat förrän vi meddelar att begränsningen har hävts (artikel 18 i dataskyddsförordningen). Se till att eventuella underbiträden gör detsamma. Öppna sedan länken nedan och välj ”Utfört enligt begäran”. Om ni inte har några uppgifter om personen väljer ni ”Vi har inga uppgifter om personen”.',
      },
      linkText: 'Öppna svarssidan',
    },
    staff: {
      subject: (p: RW) => `Uppgift: ${p.processor} – ${p.what} ${p.reference}`,
      intro: (p: RA) => `En person har begärt ${p.asked}. En del av arbetet måste göras för hand, och du är utsedd att göra det: ${p.processor}.`,
      action: {
        export: 'Här: ta fram personens uppgifter och bifoga dem, eller beskriv i meddelandet vad du hittade.',
        exportPortable: 'Här: ta fram de uppgifter som personen själv har lämnat och bifoga dem i ett maskinläsbart format (till exempel JSON eller CSV).',
        erase:
          'Här: radera personens uppgifter, även kopior. Om lagen kräver att något sparas väljer du ”Sparat” eller ”Delvis utfört” och anger vad som sparades och varför.',
        rectify: 'Här: rätta uppgifterna enligt beskrivningen nedan, överallt där de finns.',
        restrict: 'Här: markera personens uppgifter som begränsade. Spara dem, men använd dem inte till något annat förrän begränsningen hävs.',
      },
      instructionsTitle: 'Så här gör du',
      finish:
        'När du är klar öppnar du länken nedan, väljer vad du har gjort och skriver ett kort meddelande, till exempel var du har letat. Om du inte hittade något om personen väljer du ”Vi har inga uppgifter om personen”.',
      linkText: 'Öppna uppgiften',
    },
    withdrawn: {
      subject: (p: R) => `Återkallad: begäran ${p.reference} från ${p.controller} (${p.processor})`,
      intro: (p: R) =>
        `Personen bakom begäran ${p.reference} till ${p.controller} har återkallat den. Den del som gällde ${p.processor} behöver inte längre utföras: avbryt det arbete med den som ännu inte är gjort.`,
      nothingMore: 'Inget svar behövs: länken i vårt tidigare mejl fungerar inte längre. Det som redan har gjorts behöver inte göras ogjort.',
    },
    task: {
      dueBy: (p: { date: string }) => `Svara senast den ${p.date}.`,
      linkOnce: 'Länken fungerar en gång: när svaret har skickats slutar den att fungera. Vidarebefordra inte mejlet, eftersom det innehåller personuppgifter.',
      reference: (p: { reference: string }) => `Vårt ärendenummer: ${p.reference}`,
    },
    requestWhat: {
      access: 'om tillgång till personuppgifter',
      portability: 'om dataportabilitet',
      rectification: 'om rättelse av personuppgifter',
      erasure: 'om radering av personuppgifter',
      restriction: 'om begränsning av behandlingen av personuppgifter',
      objection: 'om invändning mot behandlingen av personuppgifter',
      withdraw_consent: 'om återkallat samtycke till behandling av personuppgifter',
    },
    asked: {
      access: ({ controller }: C) => `en kopia av sina personuppgifter från ${controller} (artikel 15 i dataskyddsförordningen)`,
      portability: ({ controller }: C) =>
        `att få ut de personuppgifter som hen har lämnat till ${controller} i ett maskinläsbart format (artikel 20 i dataskyddsförordningen)`,
      rectification: ({ controller }: C) => `rättelse av sina personuppgifter hos ${controller} (artikel 16 i dataskyddsförordningen)`,
      erasure: ({ controller }: C) => `radering av sina personuppgifter hos ${controller} (artikel 17 i dataskyddsförordningen)`,
      restriction: ({ controller }: C) => `begränsning av behandlingen av sina personuppgifter hos ${controller} (artikel 18 i dataskyddsförordningen)`,
      objection: ({ controller }: C) =>
        `att ${controller} slutar använda hens personuppgifter, med stöd av rätten att göra invändningar (artikel 21 i dataskyddsförordningen)`,
      withdraw_consent: ({ controller }: C) =>
        `att ${controller} slutar behandla hens personuppgifter, eftersom hen har återkallat sitt samtycke (artikel 7.3 i dataskyddsförordningen)`,
    },
    correction: {
      title: 'Rättelsen',
      attribute: 'Uppgift',
      inaccurate: 'Det som är fel',
      corrected: 'Det som ska stå',
    },
  },
};
