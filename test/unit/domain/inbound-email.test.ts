import { describe, expect, it } from 'vitest';
import {
  dropAfterParsing,
  dropBeforeParsing,
  intakeFor,
  MAX_INBOUND_ATTACHMENTS,
  MAX_INBOUND_BYTES,
  type MessageFacts,
  messageText,
  ownWords,
  recognise,
  type Verdicts,
} from '../../../functions/domain/inbound-email';

const PASS: Verdicts = { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' };

describe('recognising the right of a request by email', () => {
  const cases: [string, string, string, string][] = [
    ['en', 'Delete my account', 'Hello, please delete all my personal data. Thanks, Ada', 'erasure'],
    ['en', 'Data request', 'Dear team, I would like a copy of my personal data that you hold. Regards', 'access'],
    ['en', 'GDPR', 'I exercise my right to data portability: please send my data in a machine-readable format.', 'portability'],
    ['en', 'Restriction', 'Please restrict the processing of my data while you check it.', 'restriction'],
    ['en', 'Marketing', 'I object to the use of my data for direct marketing.', 'objection'],
    ['en', 'Request under Art. 17', 'Hello, see the subject line.', 'erasure'],
    ['sv', 'Radera mina uppgifter', 'Hej, jag vill att ni raderar alla mina personuppgifter. Tack!', 'erasure'],
    ['sv', 'Registerutdrag', 'Hej, jag vill ha ett registerutdrag med alla uppgifter ni har om mig. Vänliga hälsningar', 'access'],
    ['sv', 'Begäran', 'Jag vill begränsa behandlingen av mina personuppgifter.', 'restriction'],
    ['sv', 'Invändning', 'Jag invänder mot att ni använder mina uppgifter för direktmarknadsföring.', 'objection'],
    ['sv', 'Dataportabilitet', 'Hej, jag vill flytta mina uppgifter till en annan tjänst.', 'portability'],
    ['sl', 'Izbris podatkov', 'Pozdravljeni, prosim izbrišite vse moje osebne podatke. Hvala', 'erasure'],
    ['sl', 'Zahteva', 'Želim dostop do mojih osebnih podatkov in kopijo mojih podatkov. Lep pozdrav', 'access'],
    ['sl', 'Omejitev obdelave', 'Prosim za omejitev obdelave mojih podatkov.', 'restriction'],
    ['sl', 'Ugovor', 'Vlagam ugovor zoper neposredno trženje.', 'objection'],
    ['sl', 'Prenosljivost', 'Zahtevam prenos podatkov v strojno berljivi obliki.', 'portability'],
    ['sl', '17. člen', 'Prosim, da upoštevate zahtevo.', 'erasure'],
  ];
  for (const [locale, subject, text, right] of cases) {
    it(`${locale}: "${subject}" asks for ${right}`, () => {
      const r = recognise(subject, text);
      expect(r.right).toBe(right);
      expect(r.locale).toBe(locale);
      expect(intakeFor(r, true)).toEqual({ accept: right });
    });
  }

  it('sends a message naming no right to staff', () => {
    const r = recognise('Question', 'Hello, how long do you keep invoices? Regards');
    expect(r.right).toBeUndefined();
    expect(r.named).toEqual([]);
    expect(intakeFor(r, true)).toEqual({ triage: 'right_unclear' });
  });

  it('sends a message naming two rights to staff', () => {
    const r = recognise('Request', 'I want a copy of my data, and then delete my account.');
    expect(r.named.sort()).toEqual(['access', 'erasure']);
    expect(r.right).toBeUndefined();
    expect(intakeFor(r, true)).toEqual({ triage: 'right_unclear' });
  });

  it('sends a correction to staff with the right suggested: its wrong and right values need a person', () => {
    const r = recognise('Rättelse', 'Hej, min adress är felaktig.');
    expect(r.right).toBe('rectification');
    expect(intakeFor(r, true)).toEqual({ triage: 'details_needed', suggested: 'rectification' });
  });

  it('sends a message without text to staff, even with a clear subject', () => {
    expect(intakeFor(recognise('Delete my data', ''), false)).toEqual({ triage: 'no_text', suggested: 'erasure' });
  });

  it('reads the person’s own words, not the quoted mail they answer', () => {
    const text = 'Thanks, a question only.\n\nOn Mon, 1 Dec 2026, Shop wrote:\n> To delete your account, click here';
    expect(ownWords(text)).not.toContain('delete');
    expect(recognise('Re: your account', text).right).toBeUndefined();
  });

  it('tells an objection to marketing from one to other processing', () => {
    expect(recognise('', 'I object to your newsletter').marketing).toBe(true);
    expect(recognise('', 'I object to the processing of my data for profiling').marketing).toBe(false);
  });

  it('does not guess a language from too little', () => {
    expect(recognise('GDPR', 'Art. 15').locale).toBeUndefined();
  });
});

describe('bad inbound mail', () => {
  const envelope = (v: Partial<Verdicts> = {}, sizeBytes = 2_000) => ({ verdicts: { ...PASS, ...v }, sizeBytes });

  it('drops spam and viruses before reading them', () => {
    expect(dropBeforeParsing(envelope({ spam: 'FAIL' }))).toBe('spam');
    expect(dropBeforeParsing(envelope({ virus: 'FAIL' }))).toBe('virus');
  });

  it('drops a forged sender: SPF and DKIM both failing, or DMARC failing', () => {
    expect(dropBeforeParsing(envelope({ spf: 'FAIL', dkim: 'FAIL' }))).toBe('forged_sender');
    expect(dropBeforeParsing(envelope({ dmarc: 'FAIL' }))).toBe('forged_sender');
    // One of the two passing is a sender that can be written to: the verification link then proves the address.
    expect(dropBeforeParsing(envelope({ spf: 'FAIL' }))).toBeUndefined();
    expect(dropBeforeParsing(envelope({ dkim: 'FAIL', spf: 'GRAY' }))).toBeUndefined();
  });

  it('drops a message over the size limit', () => {
    expect(dropBeforeParsing(envelope({}, MAX_INBOUND_BYTES + 1))).toBe('too_large');
    expect(dropBeforeParsing(envelope({}, MAX_INBOUND_BYTES))).toBeUndefined();
  });

  const facts = (m: Partial<MessageFacts> = {}): MessageFacts => ({
    attachmentCount: 0,
    from: 'ada@example.org',
    headers: {},
    ownAddresses: ['privacy@demo-association.example', 'requests@demo-association.example'],
    ...m,
  });

  it(`drops more than ${MAX_INBOUND_ATTACHMENTS} attachments, 50 included`, () => {
    expect(dropAfterParsing(facts({ attachmentCount: MAX_INBOUND_ATTACHMENTS }))).toBeUndefined();
    expect(dropAfterParsing(facts({ attachmentCount: MAX_INBOUND_ATTACHMENTS + 1 }))).toBe('too_many_attachments');
    expect(dropAfterParsing(facts({ attachmentCount: 50 }))).toBe('too_many_attachments');
  });

  it('drops auto-replies, bounces and mail from its own addresses, which would loop', () => {
    expect(dropAfterParsing(facts({ headers: { 'auto-submitted': 'auto-replied' } }))).toBe('automatic');
    expect(dropAfterParsing(facts({ headers: { 'auto-submitted': 'no' } }))).toBeUndefined();
    expect(dropAfterParsing(facts({ headers: { precedence: 'bulk' } }))).toBe('automatic');
    expect(dropAfterParsing(facts({ from: 'mailer-daemon@example.org' }))).toBe('automatic');
    expect(dropAfterParsing(facts({ from: 'privacy@demo-association.example' }))).toBe('own_address');
    expect(dropAfterParsing(facts({ from: undefined }))).toBe('no_sender');
  });

  it('keeps of the text only what a request may hold', () => {
    expect(messageText('a\tb\u0007c\r\nd')).toBe('a bc\nd');
    expect(messageText('x'.repeat(5000))).toHaveLength(4000);
  });
});
