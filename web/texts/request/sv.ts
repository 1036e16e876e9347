import { svDays, svMonths } from '../counts.ts';
import type { C } from '../params.ts';
import type { RequestTexts } from './en.ts';

/** The words of the pages about one request: confirming it, its status, answering a question, an expired download, unsubscribing, in Swedish. */
export const sv: RequestTexts = {
  confirm: {
    title: {
      access: 'Bekräfta din begäran om registerutdrag',
      portability: 'Bekräfta din begäran om dina uppgifter i maskinläsbart format',
      rectification: 'Bekräfta din begäran om rättelse',
      erasure: 'Bekräfta din begäran om radering',
      restriction: 'Bekräfta din begäran om begränsning',
      objection: 'Bekräfta din invändning',
      withdraw_consent: 'Bekräfta att du återkallar ditt samtycke',
    },
    what: {
      access: ({ controller }: C) =>
        `När du bekräftar söker ${controller} igenom alla system där personuppgifter lagras, samlar ihop det som finns om dig och mejlar dig en länk där du kan ladda ned det. I nedladdningen står också varför uppgifterna används, var de kommer ifrån, vem som får ta del av dem och hur länge de sparas.`,
      portability: ({ controller }: C) =>
        `När du bekräftar samlar ${controller} ihop de uppgifter som du har lämnat och mejlar dig en länk där du kan ladda ned dem i maskinläsbara filer (JSON och CSV). Om du har bett om det skickar ${controller} också uppgifterna direkt till den organisation som du valde.`,
      rectification: ({ controller }: C) =>
        `När du bekräftar rättar ${controller} uppgifterna i alla system där de finns. En handläggare kan först kontrollera rättelsen och be dig om mer information.`,
      erasure: ({ controller }: C) => `När du bekräftar raderar ${controller} dina personuppgifter i alla system där de lagras.`,
      restriction: ({ controller }: C) =>
        `När du bekräftar markerar ${controller} dina uppgifter som begränsade i alla system där de finns: de sparas men används inte förrän begränsningen hävs. Du får besked innan det sker.`,
      objection: ({ controller }: C) =>
        `När du bekräftar slutar ${controller} genast att använda dina uppgifter för direktmarknadsföring. En invändning mot annan användning prövas av en handläggare, som meddelar dig resultatet.`,
      withdraw_consent: ({ controller }: C) =>
        `När du bekräftar upphör ${controller} med den behandling som du samtyckte till och raderar de uppgifter som fanns enbart för det ändamålet. Det som gjordes innan du återkallade samtycket var ändå lagligt.`,
    },
    irreversible:
      'Det går inte att ångra: raderade uppgifter kan inte återställas. Tjänster som bygger på uppgifterna, till exempel ett medlemskap, kan upphöra.',
    kept: 'Om lagen kräver att organisationen sparar vissa uppgifter, eller om uppgifter sparas för statistik utan något som kan identifiera dig, får du veta vad som sparades och varför.',
    button: {
      access: 'Bekräfta min begäran',
      portability: 'Bekräfta min begäran',
      rectification: 'Bekräfta rättelse',
      erasure: 'Bekräfta radering',
      restriction: 'Bekräfta begränsning',
      objection: 'Bekräfta min invändning',
      withdraw_consent: 'Återkalla mitt samtycke',
    },
    notYou: 'Om du inte har begärt detta kan du stänga sidan. Ingenting händer då.',
  },
  confirmed: {
    title: 'Din begäran är bekräftad',
    received: ({ controller }: C) => `${controller} har tagit emot din begäran.`,
    due: (p: { date: string }) => `Du får svar senast den ${p.date}.`,
    next: {
      access: 'Du får ett mejl med en länk för nedladdning när dina uppgifter är klara.',
      portability: 'Du får ett mejl med en länk för nedladdning när dina uppgifter är klara, och besked om de har skickats vidare.',
      rectification: 'Du får ett mejl när det är klart, med besked om var dina uppgifter har rättats.',
      erasure: 'Du får ett mejl när det är klart, med besked om vad som raderades i varje system.',
      restriction: 'Du får ett mejl när det är klart, med besked om var behandlingen av dina uppgifter nu är begränsad.',
      objection: 'Du får ett mejl med besked om hur din invändning har prövats.',
      withdraw_consent: 'Du får ett mejl när det är klart, med besked om vad som hände med uppgifterna för det ändamålet.',
    },
    statusIntro:
      'Du kan följa din begäran på statussidan. Behåll länken för dig själv – den är personlig. Den här sidan visar den bara en gång; mejlen vi skickar dig om begäran innehåller den också.',
  },
  receipt: {
    subject: (p: C) => `Din begäran till ${p.controller} är bekräftad`,
    intro: (p: C) => `Tack för att du bekräftade din begäran. ${p.controller} har tagit emot den och svarar senast det datum som anges nedan.`,
    factsTitle: 'Din begäran',
    reference: 'Ärendenummer',
    type: 'Det här har du begärt',
    right: 'Din rättighet',
    due: 'Ska besvaras senast',
    deadline:
      'Enligt lag har vi en månad på oss att svara (artikel 12.3 i dataskyddsförordningen). Om begäran är komplicerad, eller om vi har fått många, kan vi förlänga tiden med högst två månader till. I så fall meddelar vi dig varför inom den första månaden.',
    statusIntro: 'Du kan följa din begäran på statussidan. Behåll länken för dig själv – den är personlig.',
    keep: 'Spara det här mejlet: ärendenumret identifierar din begäran om du skriver till oss om den.',
    entered: {
      subject: (p: C) => `${p.controller} har tagit emot din begäran`,
      intro: (p: C & { channel: string; date: string }) =>
        `${p.controller} tog emot din begäran ${p.channel} den ${p.date} och har registrerat den. Vi svarar senast det datum som anges nedan.`,
      received: 'Mottagen',
      how: (p: { channel: string; date: string }) => `${p.channel} den ${p.date}`,
      channels: { letter: 'per brev', phone: 'per telefon', email: 'per e-post', in_person: 'vid ett besök' },
    },
  },
  unsubscribe: {
    title: 'Sluta få de här mejlen',
    confirm: (p: { controller: string; purpose: string }) =>
      `Tryck på knappen för att återkalla ditt samtycke till ”${p.purpose}” hos ${p.controller}. Behandlingen upphör, uppgifterna för ändamålet raderas och du får ett mejl när det är klart.`,
    button: 'Avregistrera mig',
    doneTitle: 'Du är avregistrerad',
    done: (p: { controller: string; purpose: string }) =>
      `${p.controller} har tagit emot att du återkallar ditt samtycke till ”${p.purpose}”. Du får ett mejl när uppgifterna för det har raderats.`,
  },
  linkProblem: {
    expired: {
      title: 'Länken har slutat gälla',
      body: (p: { days: number }) => `Länkar för bekräftelse gäller i ${svDays(p.days)}. Begäran bekräftades inte i tid, så ingenting har gjorts med den.`,
      next: 'Om du fortfarande vill göra din begäran kan du skicka den igen. Det tar bara någon minut.',
    },
    used: {
      title: 'Länken har redan använts',
      body: 'Begäran är redan bekräftad. Du behöver inte göra något mer – du får ett mejl när den är klar.',
      statusShownOnce:
        'Länken för att följa din begäran visades en gång, på sidan efter att du bekräftade den, och den finns i mejlen vi skickar dig om begäran. För din säkerhet visar den här länken den inte igen.',
      next: 'Vill du göra en ny begäran använder du formuläret.',
    },
    invalid: {
      title: 'Länken fungerar inte',
      body: 'Länken kan ha klippts av när den kopierades. Försök öppna den direkt från mejlet igen, eller kopiera hela länken.',
      next: 'Om det inte hjälper kan du göra en ny begäran.',
    },
  },
  status: {
    title: 'Status för din begäran',
    controller: 'Begäran till',
    reference: 'Ärendenummer',
    type: 'Begäran gäller',
    status: 'Aktuell status',
    receivedAt: 'Mottagen',
    dueAt: 'Ska besvaras senast',
    completedAt: 'Slutförd',
    systemsTitle: 'Läget i varje system',
    systemCol: 'Där uppgifter kan finnas',
    statusCol: 'Läge',
    noSystemsYet: 'Arbetet i de enskilda systemen börjar när begäran behandlas.',
    refreshHint: 'Sidan uppdateras inte av sig själv. Ladda om den för att se det senaste läget.',
    awaitingFee: {
      label: 'Väntar på att en avgift betalas',
      description: 'Vi går vidare med din begäran när avgiften nedan har betalats (artikel 12.5 i dataskyddsförordningen). Du kan återkalla begäran i stället.',
    },
    feeTitle: 'En avgift för din begäran',
    feeAmount: (p: { amount: string }) => `Avgift: ${p.amount}`,
    feeReason: 'Varför vi tar ut den',
    feeHowToPay: 'Skriv till adressen nedan för att få veta hur du betalar, eller om du anser att avgiften inte är rimlig.',
    dueAtPausedForFee: 'Står still tills avgiften har betalats',
    feePaid: (p: { amount: string; date: string }) => `Avgiften på ${p.amount} betalades den ${p.date}.`,
    awaitingAnswer: {
      label: 'Vi behöver mer information från dig',
      description: 'Vår personal har en fråga till dig. Svara på den nedan så att vi kan gå vidare med din begäran.',
    },
    dueAtPaused: 'Vilar tills du har svarat på vår fråga',
    answeredAt: 'Ditt svar mottogs',
    downloadTitle: 'Din kopia av uppgifterna',
    downloadEmailed: (p: { date: string }) =>
      `Vi har mejlat dig en länk för att ladda ner den. Av säkerhetsskäl finns länken bara i mejlet, inte på den här sidan. Den fungerar till ${p.date}.`,
    downloadExpired: (p: { date: string }) => `Nedladdningslänken som vi mejlade dig slutade fungera den ${p.date}.`,
    questions: 'Frågor om din begäran? Skriv till vårt dataskyddsombud:',
    withdrawTitle: 'Återkalla din begäran',
    withdrawExplain:
      'Du kan återkalla begäran om du inte längre vill att vi behandlar den. Det som redan är gjort står sig: uppgifter som har raderats går inte att få tillbaka.',
    withdrawButton: 'Återkalla min begäran',
    withdrawnAt: 'Återkallad den',
    extensionTitle: 'Tidsfristen har förlängts',
    extension: (p: { months: number; date: string }) =>
      `Lagen tillåter att tidsfristen förlängs med högst två månader till om begäranden är komplicerade eller många (artikel 12.3 i dataskyddsförordningen). Vi har förlängt den med ${svMonths(p.months)}, och den nya tidsfristen är den ${p.date}.`,
    extensionReasons: 'Skäl:',
    denialTitle: 'Varför din begäran avslogs',
    infoRequestTitle: 'Vår fråga',
    infoRequestIntro: 'Innan vi kan gå vidare med din begäran undrar vår handläggare:',
    clockPaused: 'Tidsfristen står still tills du har svarat.',
    clockRuns: 'Tidsfristen löper vidare medan vi väntar på ditt svar.',
    answerLabel: 'Ditt svar',
    answerHint: 'Högst 4 000 tecken. Skicka inte fler personuppgifter än frågan kräver.',
    answerButton: 'Skicka mitt svar',
    answerError: 'Skriv ditt svar, med högst 4 000 tecken.',
    packageDeleted: (p: { date: string }) => `Kopian av dina uppgifter raderades den ${p.date}, när nedladdningslänken slutade gälla.`,
    personalDataErased: (p: { date: string }) =>
      `Din e-postadress, ditt namn och det du skrev till oss raderades från begäran den ${p.date}. Vi sparar bara en uppgift om att begäran besvarades.`,
    requestStatus: {
      awaiting_verification: {
        label: 'Väntar på din bekräftelse',
        description: 'Öppna länken i mejlet som vi skickade och bekräfta begäran.',
      },
      received: {
        label: 'Mottagen',
        description: 'Din begäran är bekräftad och väntar på att behandlas.',
      },
      in_review: {
        label: 'Granskas',
        description: 'En handläggare går igenom din begäran. Vi kontaktar dig om vi behöver något mer.',
      },
      in_progress: {
        label: 'Under behandling',
        description: 'Vi går igenom varje system där dina uppgifter kan finnas.',
      },
      completed: {
        label: 'Klar',
        description: 'Din begäran är besvarad. Vi har mejlat dig resultatet.',
      },
      denied: {
        label: 'Avslagen',
        description: 'Vi kunde inte genomföra din begäran. Vi har mejlat dig skälen och vad du kan göra.',
      },
      closed_unverified: {
        label: 'Avslutad – bekräftades aldrig',
        description: 'Begäran bekräftades inte i tid, så ingenting gjordes med den.',
      },
      cancelled: {
        label: 'Återkallad',
        description:
          'Du har återkallat begäran. Vi har slutat arbeta med den och håller på att meddela de organisationer som fortfarande hanterade den att sluta, där de erbjuder ett sätt att ta emot beskedet. Det som redan var gjort står sig.',
      },
      undeliverable: {
        label: 'Avslutad – e-posten kunde inte levereras',
        description:
          'Bekräftelsemejlet kunde inte levereras till den angivna adressen, så begäran kunde inte bekräftas och ingenting gjordes med den. Adressen har raderats. Du är välkommen att skicka begäran igen med en annan adress.',
      },
    },
    branchStatus: {
      pending: 'Väntar',
      running: 'Pågår',
      waiting: 'Väntar på svar',
      completed: 'Klart',
      failed: 'Problem – vi följer upp',
      stopped: 'Stoppad – begäran återkallad',
      kept: 'Delvis klart – vissa uppgifter sparas (se vårt svar)',
    },
  },
  withdrawal: {
    title: 'Återkalla din begäran?',
    intro: ({ controller }: C) => `Du håller på att återkalla din begäran till ${controller}.`,
    stop: 'Vi slutar arbeta med den direkt och ber de organisationer som fortfarande hanterar den att sluta, där de erbjuder ett sätt att ta emot beskedet.',
    kept: 'Det som redan är gjort står sig: uppgifter som har raderats går inte att få tillbaka.',
    noAnswer: 'Du får inget svar på den här begäran. Om du ändrar dig senare kan du göra en ny begäran.',
    receiptNote: 'Vi skickar ett kvitto till dig via e-post.',
    confirmButton: 'Ja, återkalla min begäran',
    keep: 'Nej, behåll min begäran',
    receipt: {
      subject: (p: C & { reference: string }) => `Din begäran till ${p.controller} är återkallad (ärende ${p.reference})`,
      intro: (p: C & { date: string }) =>
        `Vi har registrerat att du återkallade din begäran till ${p.controller} den ${p.date}. Vi har slutat arbeta med den och kommer inte att skicka något svar på den.`,
      factsTitle: 'Din begäran',
      reference: 'Ärendenummer',
      type: 'Begäran',
      done: 'Det som redan hade gjorts står sig: uppgifter som har raderats går inte att få tillbaka. Vi håller på att meddela de organisationer som fortfarande hanterade begäran att sluta, där de erbjuder ett sätt att ta emot beskedet.',
      again: 'Om du inte menade att återkalla den, eller ändå vill att den hanteras, kan du göra en ny begäran i formuläret:',
      formLink: 'Gör en ny begäran',
    },
  },
  replyReceived: {
    title: 'Tack – vi har fått ditt svar',
    body: 'Vår handläggare går igenom det och fortsätter med din begäran. Vi mejlar dig när det finns något nytt.',
  },
  packageExpired: {
    title: 'Nedladdningslänken fungerar inte längre',
    body: (p: { days: number }) =>
      `Nedladdningslänkar gäller i ${svDays(p.days)} från det att vi mejlar dem, och varje länk är personlig. Av säkerhetsskäl slutar länken fungera efter det.`,
    next: 'Om du behöver en ny kopia av dina uppgifter kan du göra en ny begäran.',
    deletedTitle: 'Kopian av dina uppgifter har raderats',
    deletedBody: (p: { date: string }) =>
      `Nedladdningslänken har slutat gälla och kopian av dina uppgifter raderades den ${p.date}, så den går inte längre att ladda ner.`,
  },
  statusEnded: {
    title: 'Den här statuslänken fungerar inte längre',
    body: (p: { date: string }) =>
      `Din e-postadress, ditt namn och det du skrev till oss raderades från begäran den ${p.date}, och statuslänken upphörde samtidigt. Vi sparar bara en uppgift om att begäran besvarades.`,
    withdrawnBody: (p: { date: string }) =>
      `Begäran har återkallats. Din e-postadress, ditt namn och det du skrev till oss raderades från den den ${p.date}, och statuslänken upphörde samtidigt. Vi sparar bara en uppgift om att begäran återkallades.`,
    next: 'Vill du göra en ny begäran använder du formuläret.',
  },
};
