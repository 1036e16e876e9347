import type { R, RW } from '../params.ts';
import type { StaffMailTexts } from './en.ts';

/** The words of emails to staff and the DPO: a request waits for a decision, the subject answered, a deadline nears, a processor needs attention, in Swedish. */
export const sv: StaffMailTexts = {
  email: {
    reviewWaiting: {
      subject: (p: RW) => `Beslut behövs: ${p.what} ${p.reference} till ${p.controller}`,
      intro: (p: RW) => `Ärende ${p.reference} (${p.what}) väntar på beslut av en handläggare.`,
      reasonsTitle: 'Varför det väntar',
      reasons: {
        repeat_request: 'Samma person gjorde samma begäran nyligen: den kan vara orimlig (artikel 12.5 i dataskyddsförordningen).',
        identity_check: 'Organisationens regler kräver att identiteten kontrolleras först (artikel 12.6 i dataskyddsförordningen).',
        objection_weighing: 'En invändning mot annan behandling än direktmarknadsföring: skälen måste vägas (artikel 21.1 i dataskyddsförordningen).',
        rectification: 'En rättelse som ska kontrolleras innan den genomförs (artikel 16 i dataskyddsförordningen).',
        controller_as_processor: 'Personen uppger att uppgifterna behandlas för en av våra kunder, som kan behöva svara (artikel 28 i dataskyddsförordningen).',
        representation: 'Någon begär för en annan person, som förälder eller med fullmakt: kontrollera handlingen innan något görs.',
        legal_hold_partial: 'En radering som delvis stoppades av en rättslig förpliktelse (artikel 17.3 b i dataskyddsförordningen).',
        branch_failed: 'Ett system eller en tjänst kunde inte slutföra sin del.',
      },
      due: (p: { date: string }) => `Personen ska ha fått svar senast den ${p.date} (artikel 12.3 i dataskyddsförordningen).`,
      link: 'Öppna ärendet i handläggarkonsolen:',
      linkText: 'Öppna handläggarkonsolen',
    },
    subjectAnswered: {
      subject: (p: R) => `Personen har svarat: ärende ${p.reference} till ${p.controller}`,
      intro: (p: R) => `Personen bakom ärende ${p.reference} har svarat på din fråga. Ärendet väntar på att du går vidare med det.`,
    },
    /** Till handläggare: organisationens eget mål för svaret (inte den lagstadgade tidsfristen) är i dag, eller har passerat. */
    target: {
      subject: (p: R) => `Internt mål: ärende ${p.reference} till ${p.controller}`,
      intro: (p: R) => `Vi strävar efter att besvara ärende ${p.reference} snabbare än lagen kräver, och det är inte klart än.`,
      target: (p: { date: string }) => `Vårt interna mål: ${p.date}. Det är inte den lagstadgade tidsfristen, och ärendet är inte försenat.`,
      due: (p: { date: string }) => `Lagstadgad tidsfrist: ${p.date}.`,
    },
    deadline: {
      subject: {
        in_7_days: (p: R) => `Ska besvaras inom 7 dagar: ärende ${p.reference} till ${p.controller}`,
        in_2_days: (p: R) => `Ska besvaras inom 2 dagar: ärende ${p.reference} till ${p.controller}`,
        overdue: (p: R) => `Försenat: ärende ${p.reference} till ${p.controller}`,
      },
      intro: {
        in_7_days: (p: R) => `Ärende ${p.reference} ska besvaras inom 7 dagar och är inte klart än.`,
        in_2_days: (p: R) => `Ärende ${p.reference} ska besvaras inom 2 dagar och är inte klart än.`,
        overdue: (p: R) =>
          `Ärende ${p.reference} skulle ha besvarats och är inte besvarat. Lagen ger en månad (artikel 12.3 i GDPR), som bara får förlängas med två månader om den registrerade fick veta varför inom den första månaden.`,
      },
      due: (p: { date: string }) => `Sista dag: ${p.date}.`,
      advice: 'Se vilka delar som fortfarande är öppna i ärendets status och logg, och se till att den registrerade får svar i tid.',
    },
    escalation: {
      subject: {
        no_answer: (p: R) => `Behöver åtgärdas: inget svar från ${p.processor} (ärende ${p.reference})`,
        failed: (p: R) => `Behöver åtgärdas: fel hos ${p.processor} (ärende ${p.reference})`,
        timed_out: (p: R) => `Behöver åtgärdas: väntan på ${p.processor} har löpt ut (ärende ${p.reference})`,
        undeliverable: (p: R) => `Behöver åtgärdas: vårt mejl till ${p.processor} kunde inte levereras (ärende ${p.reference})`,
      },
      intro: (p: R) => `Ärende ${p.reference} hos ${p.controller} behöver din uppmärksamhet: ${p.processor} har inte slutfört sin del.`,
      kind: {
        opendsr: (p: R) => `${p.processor} är en leverantör som vi når via dess OpenDSR-API.`,
        email: (p: R) => `${p.processor} är en leverantör som vi kontaktar via e-post.`,
        manual: (p: R) => `${p.processor} är en uppgift för vår personal.`,
        dynamodb: (p: R) => `${p.processor} är en av våra egna databaser.`,
        sql: (p: R) => `${p.processor} är en av våra egna databaser.`,
      },
      reason: {
        no_answer: 'Inget svar har kommit inom den tid som gäller.',
        failed: 'Arbetet där misslyckades och kunde inte slutföras automatiskt.',
        timed_out: 'Inget svar kom innan väntetiden löpte ut, så den här delen av ärendet är nu registrerad som misslyckad.',
        undeliverable: 'Mejlet som bad om den här delen av ärendet kunde inte levereras (adressen studsade), så ingen där känner till det ännu.',
      },
      advice: {
        opendsr: 'Kontrollera leverantörens OpenDSR-tjänst eller kontakta leverantören, och se till att begäran genomförs där.',
        email: 'Kontakta leverantörens kontaktperson för dataskydd direkt.',
        manual: 'Fråga den som fick uppgiften, eller gör den själv.',
        dynamodb: 'Slå upp felklassen i ärendets granskningslogg, åtgärda orsaken och kör ärendet igen.',
        sql: 'Slå upp felklassen i ärendets granskningslogg, åtgärda orsaken och kör ärendet igen.',
      },
      link: 'Du kan själv registrera svaret på uppgiftssidan. Länken fungerar en gång:',
      linkText: 'Öppna uppgiftssidan',
      due: (p: { date: string }) => `Personen ska ha fått svar senast den ${p.date} (artikel 12.3 i dataskyddsförordningen).`,
      noPersonalData: 'Av integritetsskäl nämns ingen person i mejlet. Sök upp ärendet med hjälp av ärendenumret.',
      automatic: 'Mejlet skickades automatiskt av tjänsten för begäranden från registrerade.',
    },
  },
};
