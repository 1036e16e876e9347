/**
 * A language is its texts files and its code in LOCALES; a controller offers it in the register.
 * German, through the local runtime: the Zetkin-like platform's form answers `Accept-Language: de`
 * and `/c/{id}/de` in German and offers German in its language switch, and a request made in
 * German gets its verification email in German.
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/locale';
import { texts } from '../../web/texts/all';
import { submit, useRuntime, verificationEmailFor } from '../harness';

const local = useRuntime();
const CONTROLLER = 'demo-organising-platform';
const de = texts.de;

describe('German, for a controller whose register names it', () => {
  it('serves the form in German for the browser that prefers it, and at its German address', async () => {
    for (const [path, headers] of [
      [`/c/${CONTROLLER}`, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' }],
      [`/c/${CONTROLLER}/de`, {}],
    ] as const) {
      const res = await fetch(`${local.rt.urls.gateway}${path}`, { headers });
      expect(res.status, path).toBe(200);
      const page = await res.text();
      expect(page).toContain('<html lang="de"');
      expect(page).toContain(de.form.title);
      expect(page).toContain(de.form.typeLabel.erasure);
      expect(page).toContain(de.form.submit);
      expect(page).toContain('name="locale" value="de"');
      // The switch offers the controller's other languages, each named in itself.
      expect(page).toContain('hreflang="sv">Svenska</a>');
      expect(page).toContain('hreflang="en">English</a>');
    }
  });

  it('does not offer German where the register does not name it', async () => {
    expect((await fetch(`${local.rt.urls.gateway}/c/demo-course-platform/de`)).status).toBe(404);
  });

  it('sends the verification email of a request made in German in German', async () => {
    const email = 'erika.mustermann@example.org';
    const { requestId } = await submit(local.rt, { controller: CONTROLLER, type: 'erasure', email, locale: 'de' });
    const mail = await verificationEmailFor(local.rt, email, requestId);
    expect(mail.subject).toBe(`Bestätigen Sie Ihren Antrag an Demo Organising Platform (Az. ${requestId})`);
    const text = mail.body.text ?? '';
    expect(text).toContain(de.email.greeting);
    expect(text).toContain(de.email.verify.intro.erasure({ controller: 'Demo Organising Platform' }));
    expect(text).toContain(de.email.verify.action);
    expect(text).toContain(`Aktenzeichen: ${requestId}`);
    expect(text).toMatch(/Der Link ist bis zum \d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4} um \d{2}:\d{2} UTC gültig\./);
    expect(text).toContain(de.email.signoff);
    expect(mail.body.html).toContain('<html lang="de"');
    expect(formatDateTime('2026-04-05T14:03:00Z', 'de')).toBe('5. April 2026 um 14:03 UTC');
  });
});
