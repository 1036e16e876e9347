import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildConsoleScript, scriptHash } from '../../../web/console/build';
import { CONSOLE_SCRIPT, CONSOLE_SCRIPT_HASH } from '../../../web/console/script-text';
import { LOCALES } from '../../../web/locale';
import { consoleCsp, renderConsolePage } from '../../../web/pages/console';
import { consoleTexts } from '../../../web/texts/console';

/** The contents of every <script> element without a type: what the browser would run. */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

const TOKEN_URL = 'https://auth.example/oauth2/token';
const CONSOLE_CSP = consoleCsp(TOKEN_URL);

describe('the staff console page', () => {
  it('allows exactly its one inline script by hash, and fetches only from its own origin and the token endpoint', () => {
    const html = renderConsolePage({ locale: 'en', signInUrl: 'https://auth.example/oauth2/authorize?client_id=x&response_type=token', tokenUrl: TOKEN_URL });
    const scripts = executableScripts(html);
    expect(scripts).toEqual([CONSOLE_SCRIPT]);
    const hash = `sha256-${createHash('sha256').update(scripts[0]!, 'utf8').digest('base64')}`;
    expect(CONSOLE_SCRIPT_HASH).toBe(hash);
    expect(CONSOLE_CSP).toContain(`script-src '${hash}'`);
    expect(CONSOLE_CSP).toContain("connect-src 'self' https://auth.example;");
    expect(consoleCsp('javascript:alert(1)')).toContain("connect-src 'self';");
    expect(CONSOLE_CSP).toContain("default-src 'none'");
    expect(CONSOLE_CSP).not.toContain('unsafe-eval');
    expect(CONSOLE_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The script builds the DOM from data with textContent only.
    expect(CONSOLE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it("is the same script in every language (one hash), with that language's texts as data", () => {
    for (const locale of LOCALES) {
      const html = renderConsolePage({ locale, signInUrl: 'https://auth.example/sign-in', tokenUrl: TOKEN_URL });
      expect(executableScripts(html)).toEqual([CONSOLE_SCRIPT]);
      expect(html).toContain(`<html lang="${locale}">`);
      const config = JSON.parse(html.match(/<script type="application\/json" id="console-config">([\s\S]*?)<\/script>/)![1]!);
      expect(config.texts).toEqual(consoleTexts[locale]);
      expect(html).toContain('name="robots" content="noindex, nofollow"');
    }
    expect(renderConsolePage({ locale: 'sv', signInUrl: 'https://a.example', tokenUrl: TOKEN_URL })).toContain('Logga in');
    expect(renderConsolePage({ locale: 'sl', signInUrl: 'https://a.example', tokenUrl: TOKEN_URL })).toContain('Prijava');
  });

  it('links to the sign-in page escaped, and never to a script URL', () => {
    const html = renderConsolePage({
      locale: 'en',
      signInUrl: 'https://auth.example/authorize?a=1&redirect_uri=https://x.example/console',
      tokenUrl: TOKEN_URL,
    });
    expect(html).toContain('href="https://auth.example/authorize?a=1&amp;redirect_uri=https://x.example/console"');
    expect(renderConsolePage({ locale: 'en', signInUrl: 'javascript:alert(1)', tokenUrl: TOKEN_URL })).not.toContain('javascript:');
  });

  it('keeps its data block from closing the script element', () => {
    // Texts are ours, but the block must stay inert whatever they say.
    const html = renderConsolePage({ locale: 'en', signInUrl: 'https://a.example', tokenUrl: TOKEN_URL });
    const block = html.match(/<script type="application\/json" id="console-config">([\s\S]*?)<\/script>/)![1]!;
    expect(block).not.toMatch(/[<>&]/);
  });

  it('offers every decision as a form whose fields are labelled, and marks refusing as the dangerous one', () => {
    const html = renderConsolePage({ locale: 'en', signInUrl: 'https://a.example', tokenUrl: TOKEN_URL });
    for (const id of ['decide-approve', 'form-deny', 'form-extend', 'form-info', 'form-complete', 'review-panel', 'details-facts', 'history-facts']) {
      expect(html).toContain(`id="${id}"`);
    }
    // Every field the script reads has a visible label.
    for (const [, tag, id] of html.matchAll(/<(textarea|select) id="([^"]+)"/g)) {
      if (id!.startsWith('filter-')) continue;
      expect(html, `${tag}#${id}`).toMatch(new RegExp(`<label for="${id}">[^<]+</label>`));
    }
    for (const name of ['reason', 'text', 'months', 'reasons', 'note', 'processorId']) expect(html).toContain(`name="${name}"`);
    expect(html).toMatch(/<textarea id="deny-text" name="text"[^>]* required/);
    expect(html).toMatch(/<button type="submit" class="danger">Refuse<\/button>/);
    expect(html).toContain('<option value="1">One month</option><option value="2">Two months</option>');
    // Outcomes of a decision are announced; the script confirms before refusing and posts JSON with the id token.
    expect(html).toMatch(/id="decision-message" role="status" aria-live="polite"/);
    expect(CONSOLE_SCRIPT).toContain('window.confirm(t.confirmDeny)');
    expect(CONSOLE_SCRIPT).toContain("'/decisions'");
    expect(CONSOLE_SCRIPT).toContain("authorization: 'Bearer ' + tok");
  });

  it('offers approvers a form to record a request that came by letter, phone, email or in person, in every language', () => {
    for (const locale of LOCALES) {
      const t = consoleTexts[locale].enter;
      const html = renderConsolePage({ locale, signInUrl: 'https://a.example', tokenUrl: TOKEN_URL });
      // Hidden until the script has seen the approver role in the id token (the API refuses others: 403).
      expect(html).toContain(`<details id="enter-box" hidden><summary>${t.title}</summary>`);
      expect(html).toContain(`<option value="letter">${t.channels.letter}</option><option value="phone">${t.channels.phone}</option>`);
      expect(html).toContain(`<option value="attested">${t.identities.attested}</option>`);
      expect(html).toMatch(/<input type="date" id="enter-received" name="receivedOn" required>/);
      expect(html).toMatch(/<input type="file" id="enter-attachments" name="attachments" multiple>/);
      expect(html).toMatch(/<textarea id="enter-reason" name="attestationReason" aria-describedby="enter-reason-hint">/);
    }
    // Posted as multipart with the id token, then the new request is opened; a refusal names the fields.
    expect(CONSOLE_SCRIPT).toContain("fetch('/v1/staff/requests'");
    expect(CONSOLE_SCRIPT).toContain('body: new FormData(form)');
    expect(CONSOLE_SCRIPT).toContain("go({ view: 'request', requestId: data.requestId })");
    expect(CONSOLE_SCRIPT).toContain('markInvalid(form, data?.errors)');
  });

  it("offers the audit trail as a download on the request page, in the page's language", () => {
    for (const locale of LOCALES) {
      const html = renderConsolePage({ locale, signInUrl: 'https://a.example', tokenUrl: TOKEN_URL });
      expect(html).toContain(`id="export-audit" aria-describedby="export-audit-hint">${consoleTexts[locale].exportAudit}</button>`);
    }
    expect(consoleTexts.en.exportAudit).toBe('Export audit trail (JSON)');
    // Fetched with the id token (a plain link could not carry it) and saved under the request's name.
    expect(CONSOLE_SCRIPT).toContain("'/audit', 'blob'");
    expect(CONSOLE_SCRIPT).toContain("saveBlob(blob, 'audit-' + requestId + '.json')");
  });

  it('writes the new words in Swedish and Slovenian rather than copying the English', () => {
    const leaves = (o: object, p = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]]));
    const english = new Map(leaves(consoleTexts.en));
    for (const locale of ['sv', 'sl'] as const) {
      expect(
        leaves(consoleTexts[locale])
          .filter(([k, v]) => v === english.get(k))
          .map(([k]) => k),
        locale,
      ).toEqual([]);
    }
    expect(consoleTexts.sv.reviewTitle).toBe('Väntar på ditt beslut');
    expect(consoleTexts.sl.reviewTitle).toBe('Čaka na vašo odločitev');
  });

  it('has every console text in every language', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    const en = keys(consoleTexts.en).sort();
    for (const locale of LOCALES) {
      expect(keys(consoleTexts[locale]).sort()).toEqual(en);
      for (const value of JSON.stringify(consoleTexts[locale]).match(/"[^"]*"/g) ?? []) expect(value).not.toMatch(/[<>]/);
    }
  });
});

describe('GET /console', () => {
  it('serves the page with its own CSP, in the language asked for, and needs STAFF_SIGN_IN_URL and STAFF_TOKEN_URL at cold start', async () => {
    const before = process.env.STAFF_SIGN_IN_URL;
    const beforeToken = process.env.STAFF_TOKEN_URL;
    delete process.env.STAFF_SIGN_IN_URL;
    process.env.STAFF_TOKEN_URL = TOKEN_URL;
    await expect(import('../../../functions/handlers/staff-api/console')).rejects.toThrow(/STAFF_SIGN_IN_URL/);
    process.env.STAFF_SIGN_IN_URL = 'https://auth.example/oauth2/authorize?response_type=code';
    try {
      const { handler } = await import('../../../functions/handlers/staff-api/console?again' as string);
      const event = {
        version: '2.0',
        routeKey: 'GET /console',
        rawPath: '/console',
        rawQueryString: 'lang=sl',
        headers: { 'accept-language': 'sv' },
        queryStringParameters: { lang: 'sl' },
        requestContext: { http: { method: 'GET', path: '/console' } },
        isBase64Encoded: false,
      };
      const res = await handler(event, {} as never);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('<html lang="sl">');
      expect(res.body).toContain('href="https://auth.example/oauth2/authorize?response_type=code"');
      expect(res.body).toContain('"tokenUrl":"https://auth.example/oauth2/token"');
    } finally {
      if (before === undefined) delete process.env.STAFF_SIGN_IN_URL;
      else process.env.STAFF_SIGN_IN_URL = before;
      if (beforeToken === undefined) delete process.env.STAFF_TOKEN_URL;
      else process.env.STAFF_TOKEN_URL = beforeToken;
    }
  });
});

describe('the console script', () => {
  it('is served as built from web/console/script.ts, which type-checks against the DOM, with the hash of that text', () => {
    // buildConsoleScript runs tsc over the script's own tsconfig and throws on any type error.
    const built = buildConsoleScript();
    expect(CONSOLE_SCRIPT, 'web/console/script-text.ts is stale: run npm run build:console').toBe(built);
    expect(CONSOLE_SCRIPT_HASH).toBe(scriptHash(built));
    expect(CONSOLE_SCRIPT.startsWith('"use strict";\n')).toBe(true);
    expect(CONSOLE_SCRIPT).not.toMatch(/<\/script/i);
  }, 60_000);
});
