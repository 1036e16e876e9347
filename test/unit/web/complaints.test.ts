import { describe, expect, it } from 'vitest';
import { completionEmail } from '../../../web/emails/completion';
import { denialEmail } from '../../../web/emails/denial';
import { escapeHtml } from '../../../web/html';
import { LOCALES, type Locale } from '../../../web/locale';

/**
 * Issue 18 item 10: the refusal and the result name the controller's lead supervisory authority as
 * such, and say the person may complain in the member state where they live or work instead
 * (Art. 77 GDPR), in each language, in words written for it.
 */

const AUTHORITY = { name: 'Informacijski pooblaščenec (IP)', url: 'https://www.ip-rs.si' };
const base = {
  controllerName: 'Demo Association',
  requestReference: 'r1',
  statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
  supervisoryAuthority: AUTHORITY,
  dpoEmail: 'dpo@demo.example',
};

/** What each language must say: the lead authority named, and where else the person may complain. */
const EXPECTED: Record<Locale, { lead: string; ownState: RegExp[] }> = {
  en: {
    lead: 'Our lead supervisory authority is Informacijski pooblaščenec (IP)',
    ownState: [/supervisory authority of the EU or EEA country where you live or work/, /\(Article 77 GDPR\)/],
  },
  sv: {
    lead: 'Vår ansvariga tillsynsmyndighet är Informacijski pooblaščenec (IP)',
    ownState: [/tillsynsmyndigheten i det EU- eller EES-land där du bor eller arbetar/, /\(artikel 77 i dataskyddsförordningen\)/],
  },
  sl: {
    lead: 'Naš vodilni nadzorni organ je Informacijski pooblaščenec (IP)',
    ownState: [/pri nadzornem organu v državi EU ali EGP, v kateri prebivate ali delate/, /\(77\. člen Splošne uredbe o varstvu podatkov\)/],
  },
  de: {
    lead: 'Unsere federführende Aufsichtsbehörde ist Informacijski pooblaščenec (IP)',
    ownState: [/bei der Aufsichtsbehörde des EU- oder EWR-Staats beschweren, in dem Sie wohnen oder arbeiten/, /\(Artikel 77 DSGVO\)/],
  },
};

/** The email's text and HTML each say it all, and link to the lead authority's site. */
function expectComplaints(mail: { text: string; html: string }, locale: Locale): void {
  const want = EXPECTED[locale];
  for (const part of [mail.text, mail.html]) {
    expect(part).toContain(part === mail.html ? escapeHtml(want.lead) : want.lead);
    for (const re of want.ownState) expect(part).toMatch(re);
  }
  expect(mail.html).toContain(`href="${AUTHORITY.url}"`);
}

describe('where the person may complain', () => {
  it('the refusal names the lead authority and the right to complain where the person lives, with the court remedy, in every language', () => {
    for (const locale of LOCALES) {
      const mail = denialEmail({ ...base, locale, type: 'erasure', reasonText: 'The data must be kept by law.' });
      expectComplaints(mail, locale);
      // Art. 12(4): the court, too.
      expect(mail.text).toMatch(
        /judicial remedy before a court \(Article 12\(4\) GDPR\)|prövad av domstol \(artikel 12\.4|pred sodiščem \(četrti odstavek 12\. člena|gerichtlichen Rechtsbehelf einzulegen \(Artikel 12 Absatz 4 DSGVO\)/,
      );
    }
  });

  it('the result of every right names the lead authority and the right to complain where the person lives, in every language', () => {
    for (const locale of LOCALES) {
      for (const type of ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent'] as const) {
        const mail = completionEmail({
          ...base,
          locale,
          type,
          onTime: true,
          outcomes: [
            {
              processorName: 'Membership register',
              status: 'completed',
              action: type === 'access' || type === 'portability' ? 'export' : 'delete',
              recordCount: 2,
            },
          ],
        });
        expectComplaints(mail, locale);
      }
    }
  });
});
