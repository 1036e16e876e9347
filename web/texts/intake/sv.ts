import { svDays } from '../counts.ts';
import type { C } from '../params.ts';
import type { IntakeTexts } from './en.ts';

/** The words of making a request: the form, the page after it, and the email with the verification link, in Swedish. */
export const sv: IntakeTexts = {
  form: {
    title: 'Gör en begäran om dina personuppgifter',
    intro:
      'Du kan begära ett registerutdrag från en organisation, få felaktiga uppgifter rättade eller uppgifterna raderade och använda dina andra rättigheter enligt dataskyddsförordningen. Du behöver inget konto.',
    introTo: ({ controller }: C) => `Din begäran skickas till ${controller}.`,
    noControllers: 'Just nu tar ingen organisation emot begäranden här.',
    controllerLabel: 'Vilken organisation gäller din begäran?',
    typeLegend: 'Vad vill du begära?',
    typeLabel: {
      access: 'Ett registerutdrag – en kopia av mina personuppgifter',
      portability: 'Mina uppgifter i ett maskinläsbart format, för att kunna använda dem någon annanstans (dataportabilitet)',
      rectification: 'Rättelse av uppgifter om mig som är fel',
      erasure: 'Radering av mina personuppgifter',
      restriction: 'Att mina uppgifter sparas men inte används tills vidare (begränsning)',
      objection: 'Att mina uppgifter inte används för marknadsföring eller andra ändamål (invändning)',
      withdraw_consent: 'Återkallelse av ett samtycke som jag har gett',
    },
    emailLabel: 'Din e-postadress',
    emailHint: 'Ange den adress som organisationen har registrerad för dig. Vi skickar en länk dit så att du kan bekräfta begäran.',
    nameLabel: 'Ditt namn (frivilligt)',
    nameHint: 'Underlättar för oss om vi behöver kontakta dig om din begäran.',
    howTitle: 'Så går det till',
    steps: (p: { days: number }) => [
      `Vi mejlar dig en länk. Länken gäller i ${svDays(p.days)}.`,
      'Du öppnar länken och bekräftar begäran. Så vet vi att e-postadressen är din.',
      'Vi svarar inom en månad, som lagen kräver, och mejlar dig när det är klart.',
    ],
    privacyNote: 'Vi använder din e-postadress bara för att besvara den här begäran. Vi använder den inte för några utskick.',
    submit: 'Skicka begäran',
    errorSummaryTitle: 'Något behöver rättas',
    fieldErrors: {
      type: 'Välj vad du vill begära.',
      email: 'Ange din e-postadress, till exempel namn@example.org.',
      name: 'Kontrollera ditt namn.',
      locale: 'Välj språk.',
      controller: 'Välj vilken organisation din begäran gäller.',
      body: 'Vi kunde inte läsa formuläret. Fyll i det igen.',
      rectifyAttribute: 'Välj vilken uppgift som är fel, eller ”Något annat”.',
      inaccurate: 'Beskriv vad som är fel.',
      corrected: 'Skriv vad som är rätt.',
      objectionScope: 'Välj vad du invänder mot.',
      objectionGrounds: 'Kontrollera skälen för din invändning.',
      consentPurposes: 'Välj minst ett samtycke att återkalla.',
      transmitTo: 'Välj en av organisationerna i listan, eller ingen.',
      viaCustomer: 'Kontrollera organisationens namn.',
      message: 'Kontrollera ditt meddelande.',
      phone: 'Skriv ett telefonnummer med landsnummer, till exempel +46 70 123 45 67, eller lämna fältet tomt.',
      customerNumber: 'Kontrollera ditt kundnummer.',
      memberNumber: 'Kontrollera ditt medlemsnummer.',
      username: 'Kontrollera ditt användarnamn.',
      onBehalfOf: 'Välj vem begäran gäller.',
      subjectName: 'Fyll i namnet på personen du begär för.',
      subjectEmail: 'Fyll i personens e-postadress, till exempel namn@example.org.',
      mandate: 'Bifoga handlingen som PDF, PNG eller JPEG på högst 4 MB. Om du valde den tidigare, välj den igen.',
      rateLimit: 'För många begäranden har kommit härifrån, eller för den här e-postadressen, inom en timme. Försök igen senare.',
    },
    fieldsLegend: {
      portability: 'Dataportabilitet: vart uppgifterna ska',
      rectification: 'Rättelse: vad som ska rättas',
      objection: 'Invändning: vad du invänder mot',
      withdraw_consent: 'Återkallelse av samtycke: vilket samtycke',
    },
    fieldsHint: 'Fyll bara i det här om du har valt den här rättigheten ovan.',
    rectifyAttributeLabel: 'Vilken uppgift är fel?',
    rectifyAttributeOther: 'Något annat (beskriv det nedan)',
    inaccurateLabel: 'Vad är fel eller ofullständigt?',
    inaccurateHint: 'Till exempel en gammal adress eller ett felstavat namn, och var du såg det.',
    correctedLabel: 'Vad ska det stå?',
    correctedHint: 'Den rätta eller fullständiga uppgiften. Vi kan be dig visa att den stämmer.',
    objectionScopeLegend: 'Vad invänder du mot?',
    objectionScope: {
      direct_marketing: 'Direktmarknadsföring, till exempel nyhetsbrev och erbjudanden',
      other: 'Annan användning av mina uppgifter som grundar sig på organisationens berättigade intresse',
    },
    objectionScopeHint: {
      direct_marketing: 'Vi slutar direkt. Du behöver inte ange något skäl.',
      other:
        'Vi slutar, om vi inte har tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, eller behöver uppgifterna för rättsliga anspråk.',
    },
    objectionGroundsLabel: 'Varför invänder du? (frivilligt)',
    objectionGroundsHint: 'Om du invänder mot annan användning: berätta om din särskilda situation, så att vi kan väga in den.',
    consentLegend: 'Vilket samtycke återkallar du?',
    consentHint: 'Välj ett eller flera. Vi slutar använda dina uppgifter på det sättet och raderar det som vi bara hade för det ändamålet.',
    transmitToLabel: 'Skicka uppgifterna direkt till en annan organisation (frivilligt)',
    transmitToHint: 'Vi kan bara skicka dem till organisationerna i listan. Låt valet vara som det är om du vill ladda ned uppgifterna själv.',
    transmitToNone: 'Nej, jag laddar ned dem själv',
    viaCustomerLabel: 'Gäller din begäran en organisation som använder våra tjänster? (frivilligt)',
    viaCustomerHint: (p: { controller: string; description: string }) =>
      `${p.controller} behandlar också personuppgifter för andras räkning: ${p.description}. Om din begäran gäller uppgifter som du har lämnat till någon av dem skriver du organisationens namn här. Det är den organisationen som bestämmer över dina uppgifter, så vi kan komma att hänvisa dig dit.`,
    identifierLabel: {
      phone: 'Ditt telefonnummer (frivilligt)',
      customerNumber: 'Ditt kundnummer (frivilligt)',
      memberNumber: 'Ditt medlemsnummer (frivilligt)',
      username: 'Ditt användarnamn (frivilligt)',
    },
    identifierHint: {
      phone:
        'Med landsnummer, till exempel +46 70 123 45 67. En del av organisationens system hittar personer bara via telefonnummer: utan det kan vi inte söka där åt dig.',
      customerNumber: 'Som det står på dina fakturor eller i ditt konto. En del system hittar personer bara via det: utan det kan vi inte söka där åt dig.',
      memberNumber: 'Som det står på ditt medlemskort eller i ditt konto. En del system hittar personer bara via det: utan det kan vi inte söka där åt dig.',
      username: 'Namnet du loggar in med. En del system hittar personer bara via det: utan det kan vi inte söka där åt dig.',
    },
    forWhomLegend: 'Vem gäller begäran?',
    forWhom: {
      self: 'Mig',
      parent: 'Mitt barn: jag är vårdnadshavare',
      mandate: 'Någon som har gett mig fullmakt att företräda hen',
    },
    forWhomHint: 'Om du begär för någon annan fyller du i din egen e-postadress och ditt eget namn längre ner: vi skickar alla mejl om begäran till dig.',
    representationLegend: 'Personen du begär för',
    representationHint:
      'Innan något görs kontrollerar vår personal handlingen som visar att du får företräda personen. Om formuläret frågar efter telefon- eller kundnummer, ange personens.',
    subjectNameLabel: 'Personens namn',
    subjectEmailLabel: 'Personens e-postadress',
    subjectEmailHint:
      'Den adress organisationen känner personen under (för ett barn den som kontot använder). Vi söker i organisationens system med den; vi skriver inte till den.',
    mandateLabel: 'En handling som visar att du får företräda personen',
    mandateHint: (p: { mb: number }) =>
      `En fullmakt som personen har undertecknat, eller för ett barn en handling som visar att du är vårdnadshavare. PDF, PNG eller JPEG, högst ${p.mb} MB.`,
    messageLabel: 'Något mer vi bör veta? (frivilligt)',
    messageHint: 'Till exempel varför du frågar, eller vilken tidsperiod begäran gäller. Högst 4 000 tecken.',
    organisationsIntro: 'Varje organisation ansvarar för de personuppgifter som den själv har. Välj den som din begäran gäller för att öppna dess formulär.',
  },
  accepted: {
    title: 'Titta i din e-post',
    body: ({ controller }: C) => `Om adressen du angav stämmer får du snart ett mejl med en länk för att bekräfta din begäran till ${controller}.`,
    expires: (p: { days: number }) => `Länken gäller i ${svDays(p.days)}. Ingenting händer förrän du har bekräftat.`,
    sentTo: 'Vi skickar det till:',
    typo: 'Om adressen är fel kan mejlet inte nå dig: fyll i formuläret igen med rätt adress. En begäran som aldrig bekräftas behandlas inte.',
    addressHidden: 'Av hänsyn till din integritet visar den här sidan adressen du skrev bara en kort stund efter att du skickade formuläret.',
    noDataHint:
      'Av hänsyn till din integritet framgår det varken här eller i mejlet om organisationen har några uppgifter om dig. Det får du veta när du har bekräftat.',
    noEmailTitle: 'Inget mejl?',
    noEmail: 'Titta i mappen för skräppost. Om mejlet inte har kommit efter några minuter kan du kontrollera adressen och skicka formuläret igen.',
    sendAgain: 'Fyll i formuläret igen',
  },
  email: {
    verify: {
      subject: ({ controller }: C) => `Bekräfta din begäran till ${controller}`,
      intro: {
        access: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt ett registerutdrag från ${controller}, det vill säga en kopia av de personuppgifter som finns om den här e-postadressen.`,
        portability: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har bett ${controller} om de personuppgifter som har lämnats om den här e-postadressen, i ett maskinläsbart format.`,
        rectification: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} rättar de personuppgifter som finns om den här e-postadressen.`,
        erasure: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} raderar de personuppgifter som finns om den här e-postadressen.`,
        restriction: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har begärt att ${controller} begränsar användningen av de personuppgifter som finns om den här e-postadressen.`,
        objection: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har invänt mot hur ${controller} använder de personuppgifter som finns om den här e-postadressen.`,
        withdraw_consent: ({ controller }: C) =>
          `Någon, förhoppningsvis du, har återkallat ett samtycke till att ${controller} använder de personuppgifter som finns om den här e-postadressen.`,
      },
      action: 'För att gå vidare öppnar du länken och bekräftar begäran på sidan som visas:',
      linkText: 'Öppna sidan för bekräftelse',
      expires: (p: { date: string }) => `Länken gäller till den ${p.date}.`,
      why: 'Vi ber dig bekräfta så att ingen annan kan göra en begäran om dig.',
      ignore: 'Om du inte har begärt detta kan du bortse från mejlet. Ingenting kommer att hända.',
      forSomeone: (p: { name: string }) =>
        `Du har begärt för ${p.name}. När du har bekräftat kontrollerar vår personal handlingen du skickade, som visar att du får företräda personen, innan något görs. Vi skickar alla mejl om begäran till dig.`,
      byEmail: 'Vi har tagit emot ditt mejl och registrerat det som den här begäran: detta meddelande bekräftar att vi fått den. Ditt mejl sparas med begäran.',
    },
  },
};
