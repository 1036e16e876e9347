import { describe, expect, it, vi } from 'vitest';

// The form's handler reads its configuration when loaded.
vi.hoisted(() => {
  process.env.PUBLIC_BASE_URL ??= 'https://dsr.example.org';
});

import type { DsrRequest } from '../../../functions/domain/request';
import { handler } from '../../../functions/handlers/subject-api/form';
import { findController } from '../../../functions/platform/register';
import { refusalEmailFor } from '../../../functions/staff/decisions';
import { completionEmail } from '../../../web/emails/completion';
import { accessPackageSummary } from '../../../web/pages/access-package';
import { answerTexts } from '../../../web/texts/answer/index';

/** GET /c/{controllerId}/{locale}: the demo register's form, as the form function serves it. */
async function form(controllerId: string, locale: string): Promise<string> {
  const path = `/c/${controllerId}/${locale}`;
  const res = await handler(
    {
      version: '2.0',
      routeKey: 'GET /c/{controllerId}/{locale}',
      rawPath: path,
      rawQueryString: '',
      headers: {},
      pathParameters: { controllerId, locale },
      requestContext: { http: { method: 'GET', path } },
      isBase64Encoded: false,
    } as never,
    {} as never,
  );
  expect(res.statusCode).toBe(200);
  return res.body as string;
}

const sv = (text: string) => ({ text, lang: 'sv' as const });
const en = (text: string) => ({ text, lang: 'en' as const });

describe('the register in the reader’s language', () => {
  it('shows the demo association’s Swedish texts on its Swedish form, and the attributes by name', async () => {
    const html = await form('demo-association', 'sv');
    expect(html).toContain('<label for="consentPurposes-newsletter">Nyhetsbrevet och utskick till medlemmar</label>');
    expect(html).toContain('Nyheter om föreningen och inbjudningar till våra evenemang, via e-post.');
    // Rectification offers "Telefonnummer" for `phone`, and a built-in name for `name`.
    expect(html).toMatch(/<option value="phone">Telefonnummer<\/option>/);
    expect(html).toMatch(/<option value="name">Namn<\/option>/);
    expect(html).not.toContain('>phone<');
    const english = await form('demo-association', 'en');
    expect(english).toMatch(/<option value="phone">Phone number<\/option>/);
    expect(english).toContain('<label for="consentPurposes-newsletter">The newsletter and member mailings</label>');
  });

  it('marks a text the register lacks in the page’s language with the language it is shown in', async () => {
    // The demo association gives no Slovenian: its English texts are marked lang="en" on the Slovenian form.
    const html = await form('demo-association', 'sl');
    expect(html).toContain('<html lang="sl">');
    expect(html).toContain('<label for="consentPurposes-newsletter" lang="en">The newsletter and member mailings</label>');
    expect(html).toContain('<span lang="en">Demo Association</span>');
    // A built-in attribute name exists in Slovenian: nothing to mark.
    expect(html).toMatch(/<option value="phone">Telefonska številka<\/option>/);
    // The platform's plain texts are English (its textLocale), though its first language is Swedish.
    const platform = await form('demo-organising-platform', 'sv');
    expect(platform).toContain('<span lang="en">Demo Organising Platform</span>');
    // On its English form nothing is marked (the language switcher's links name their own languages).
    expect(await form('demo-organising-platform', 'en')).not.toMatch(/<(span|label|option|p)\b[^>]* lang="/);
  });

  it('writes the completion email in Swedish with an English fallback marked, and names the correction the recipients were told of', () => {
    const mail = completionEmail({
      locale: 'sv',
      controllerName: en('Demo Association'),
      requestReference: 'r1',
      type: 'rectification',
      statusUrl: 'https://dsr.example.org/status',
      onTime: true,
      outcomes: [
        { processorName: sv('Medlemsregister'), status: 'completed', action: 'rectify', recordCount: 1 },
        { processorName: en('Shared mailbox'), status: 'completed', action: 'rectify', staffTask: true },
      ],
      recipientsTold: [sv('Nyhetsbrevstjänsten')],
      supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
      dpoEmail: 'dpo@demo.example',
    });
    expect(mail.html).toContain('<strong>Medlemsregister</strong>');
    expect(mail.html).toContain('<strong lang="en">Shared mailbox</strong>');
    expect(mail.html).toContain('<span lang="en">Demo Association</span>');
    expect(mail.text).toContain('- Shared mailbox: ');
    const c = answerTexts.sv.email.completion;
    expect(mail.text).toContain(`${c.recipientsTitleCorrection}\n${c.recipientsIntroCorrection}\n- Nyhetsbrevstjänsten`);
    expect(c.recipientsTitleCorrection).toBe('Vilka vi har underrättat om rättelsen');
    expect(mail.text).not.toContain(c.recipientsTitle);
  });

  it('marks withdrawn consent purposes shown in another language', () => {
    const mail = completionEmail({
      locale: 'sl',
      controllerName: en('Demo Association'),
      requestReference: 'r1',
      type: 'withdraw_consent',
      statusUrl: 'https://dsr.example.org/status',
      onTime: true,
      outcomes: [],
      consentPurposes: [en('The newsletter'), { text: 'Fotografije', lang: 'sl' }],
      supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
      dpoEmail: 'dpo@demo.example',
    });
    expect(mail.html).toContain('Preklicali ste privolitev za: <span lang="en">The newsletter</span>, Fotografije. To obdelavo smo ustavili.');
    expect(mail.text).toContain('Preklicali ste privolitev za: The newsletter, Fotografije.');
  });

  it('shows the Art. 15 information of the access package in Swedish, a missing text marked', () => {
    const html = accessPackageSummary({
      locale: 'sv',
      controllerName: en('Demo Association'),
      requestId: 'r-1',
      generatedAt: '2026-04-01T10:00:00Z',
      processors: [
        {
          id: 'members',
          name: sv('Medlemsregister'),
          recordCount: 1,
          status: 'completed',
          dataCategories: [sv('kontaktuppgifter'), en('membership history')],
          purposes: [sv('medlemsadministration')],
          legalBasis: sv('Art. 6.1 b avtal'),
          retention: en('2 years'),
          recipients: [{ name: 'Hosting AB', country: 'SE', safeguard: sv('inom EU/EES') }],
        },
      ],
      supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
      dpoEmail: 'dpo@demo.example',
    });
    expect(html).toContain('<h2 id="system-members">Medlemsregister</h2>');
    expect(html).toContain('<li>kontaktuppgifter</li><li><span lang="en">membership history</span></li>');
    expect(html).toContain('<dd><span lang="en">2 years</span></dd>');
    expect(html).toContain('Hosting AB (Sverige) – inom EU/EES');
    expect(html).toContain('<span lang="en">Demo Association</span>');
  });

  it('tells a Swedish person the legal hold’s basis and the lead authority in Swedish, a missing one marked', () => {
    const mail = (holdBasis: { text: string; lang: 'en' | 'sv' }, authority: { text: string; lang: 'en' | 'sv' }) =>
      completionEmail({
        locale: 'sv',
        controllerName: sv('Demoföreningen'),
        requestReference: 'r1',
        type: 'erasure',
        statusUrl: 'https://dsr.example.org/status',
        onTime: true,
        outcomes: [{ processorName: sv('Fakturor'), status: 'completed', action: 'legal_hold', heldCount: 2, holdUntil: '2033-01-01T00:00:00Z', holdBasis }],
        supervisoryAuthority: { name: authority, url: 'https://www.imy.se' },
        dpoEmail: 'dpo@demo.example',
      });
    const swedish = mail(sv('Bokföringslagen 7 kap. 2 §'), sv('Integritetsskyddsmyndigheten (IMY)'));
    for (const part of [swedish.text, swedish.html]) {
      expect(part).toContain('eftersom lagen kräver det (Bokföringslagen 7 kap. 2 §)');
      expect(part).toContain('Vår ansvariga tillsynsmyndighet är Integritetsskyddsmyndigheten (IMY):');
    }
    expect(swedish.html).not.toMatch(/lang="en"/);
    // Given in English only: shown, and marked as English (WCAG 3.1.2).
    const fallback = mail(en('the Bookkeeping Act'), en('the Swedish Authority for Privacy Protection'));
    expect(fallback.html).toContain('eftersom lagen kräver det (<span lang="en">the Bookkeeping Act</span>)');
    expect(fallback.html).toContain('Vår ansvariga tillsynsmyndighet är <span lang="en">the Swedish Authority for Privacy Protection</span>:');
    expect(fallback.text).toContain('Vår ansvariga tillsynsmyndighet är the Swedish Authority for Privacy Protection:');
  });

  it('names the demo’s lead authority in the reader’s language in a refusal, and its portability target on the form', async () => {
    const controller = findController('demo-association')!;
    const refused = (locale: 'en' | 'sv' | 'sl') =>
      refusalEmailFor({ requestId: 'r1', statusKey: 'k', locale, type: 'erasure', denial: { text: 'No.' } } as DsrRequest, controller);
    expect(refused('sv').text).toContain('Vår ansvariga tillsynsmyndighet är Integritetsskyddsmyndigheten (IMY):');
    expect(refused('sv').text).not.toContain('Swedish Authority');
    expect(refused('en').text).toContain('Our lead supervisory authority is the Swedish Authority for Privacy Protection (Integritetsskyddsmyndigheten, IMY):');
    expect(refused('sl').html).toContain('Naš vodilni nadzorni organ je švedski organ za varstvo zasebnosti (Integritetsskyddsmyndigheten, IMY):');
    expect(await form('demo-association', 'sv')).toMatch(/<option value="demo-receiver">Mottagande demoförening<\/option>/);
    expect(await form('demo-association', 'sl')).toMatch(/<option value="demo-receiver">Demo društvo prejemnik<\/option>/);
  });

  it('names the lead authority of the access package in the page’s language, marked when it fell back', () => {
    const page = (name: { text: string; lang: 'en' | 'sv' }) =>
      accessPackageSummary({
        locale: 'sv',
        controllerName: sv('Demoföreningen'),
        requestId: 'r-1',
        generatedAt: '2026-04-01T10:00:00Z',
        processors: [],
        supervisoryAuthority: { name, url: 'https://www.imy.se' },
        dpoEmail: 'dpo@demo.example',
      });
    expect(page(sv('Integritetsskyddsmyndigheten (IMY)'))).toContain(
      'Du har också rätt att lämna klagomål till tillsynsmyndigheten Integritetsskyddsmyndigheten (IMY).',
    );
    expect(page(en('the Swedish Authority for Privacy Protection'))).toContain(
      'till tillsynsmyndigheten <span lang="en">the Swedish Authority for Privacy Protection</span>.',
    );
  });
});
