import { svMonths } from '../counts.ts';
import type { C } from '../params.ts';
import type { StatusTexts } from './en.ts';

/** The words of a request’s status page, withdrawing it, and a status link that has ended, in Swedish. */
export const sv: StatusTexts = {
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
  statusEnded: {
    title: 'Den här statuslänken fungerar inte längre',
    body: (p: { date: string }) =>
      `Din e-postadress, ditt namn och det du skrev till oss raderades från begäran den ${p.date}, och statuslänken upphörde samtidigt. Vi sparar bara en uppgift om att begäran besvarades.`,
    withdrawnBody: (p: { date: string }) =>
      `Begäran har återkallats. Din e-postadress, ditt namn och det du skrev till oss raderades från den den ${p.date}, och statuslänken upphörde samtidigt. Vi sparar bara en uppgift om att begäran återkallades.`,
    next: 'Vill du göra en ny begäran använder du formuläret.',
  },
};
