import { svDays } from '../counts.ts';
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
  /** Where the status page and the receipt email send questions (the rest of the status page is in ../status). */
  status: {
    questions: 'Frågor om din begäran? Skriv till vårt dataskyddsombud:',
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
};
