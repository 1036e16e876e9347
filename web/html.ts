import type { Text } from './local-text.ts';
import { isLocale, LANGUAGE_NAMES, LOCALES, type Locale, RIGHTS } from './locale.ts';
import { siteTexts } from './texts/site/index.ts';

/**
 * The one escaping helper: every value interpolated into HTML (text or a quoted attribute)
 * goes through it. Escapes & < > " ' and the backtick; null and undefined become ''.
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Free text whose line breaks matter (the register's instructions): line breaks are kept (at most
 * one blank line in a row), other control characters become spaces.
 */
export function multiLine(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A path segment or query value for an href: percent-encoded, then HTML-escaped. */
export function escapeUrlPart(value: unknown): string {
  return escapeHtml(encodeURIComponent(String(value ?? '')));
}

/**
 * An href taken from data (a status link, a supervisory authority's site): only http(s) and mailto
 * pass; anything else (javascript:, data:) becomes '#'. The result is HTML-escaped.
 */
export function safeHref(url: unknown): string {
  const s = String(url ?? '').trim();
  if (/^(https?:\/\/|mailto:|\/(?!\/))/i.test(s)) return escapeHtml(s);
  return '#';
}

/**
 * The shared style: system fonts, high contrast (body text 16:1, links and buttons above 7:1),
 * a thick visible focus ring, large touch targets, one column that fits a phone.
 */
/**
 * Once a right is chosen, the other rights' fieldsets are hidden, in CSS alone (`:has`), so the page
 * keeps working without JavaScript and under a CSP that allows no script; so are the fields for
 * someone else while "me" is chosen. A browser without `:has` shows every fieldset, each named by
 * its legend; a fieldset with an error always stays visible.
 */
function rightFieldsCss(): string {
  const chosen = RIGHTS.map((r) => `form:has(#type-${r}:checked) .right-fields[data-right=${r}]`).join(',');
  return `form:has(input[name=type]:checked) .right-fields:not(.invalid){display:none}\n${chosen}{display:block}\nform:has(#onBehalfOf-self:checked) .representation-fields:not(.invalid){display:none}`;
}

export const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;background:#fff}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b4f8a;padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem;z-index:10}
header.site{border-bottom:4px solid #0b4f8a;background:#f3f6f9}
header.site .bar,main,footer.site .bar{max-width:42rem;margin:0 auto;padding:0 1rem}
header.site .bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.75rem}
.site-name{font-weight:700;margin:0}
.site-name span{display:block;font-weight:400;font-size:.95rem;color:#3d3d3d}
nav.lang ul{list-style:none;display:flex;gap:.25rem 1rem;margin:0;padding:0;flex-wrap:wrap}
nav.lang a[aria-current]{font-weight:700;text-decoration:none;color:#1b1b1b}
main{padding-top:1.5rem;padding-bottom:3rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.35rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.125rem;margin:1.5rem 0 .5rem}
p,ul,ol,dl,form{margin:0 0 1rem}
form{margin-bottom:1.5rem}
a{color:#0b4f8a;text-decoration-thickness:.08em;text-underline-offset:.15em}
a:hover{color:#06335a;text-decoration-thickness:.15em}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}
.lead{font-size:1.2rem}
.hint{color:#3d3d3d;font-size:.98rem;margin:.15rem 0 .5rem}
.field{margin:0 0 1.5rem}
label,legend{font-weight:700;display:block}
legend{font-size:1.2rem;margin-bottom:.5rem;padding:0}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
input[type=email],input[type=text],select,textarea{display:block;width:100%;max-width:30rem;font:inherit;padding:.55rem .6rem;border:2px solid #1b1b1b;border-radius:0;background:#fff;color:#1b1b1b;min-height:2.75rem}
textarea{max-width:36rem;min-height:8rem;resize:vertical}
input[type=file]{display:block;max-width:100%;font:inherit;padding:.5rem 0}
.choice{display:grid;grid-template-columns:2rem 1fr;gap:0 .6rem;align-items:start;margin:0 0 1rem;padding:.75rem;border:1px solid #8a8a8a;border-radius:4px}
.choice input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;accent-color:#0b4f8a}
.choice label{font-weight:700}
.choice .hint{grid-column:2;margin:0}
.invalid input,.invalid select{border-color:#b00020}
.field-error{color:#b00020;font-weight:700;margin:.25rem 0 .5rem}
.error-summary{border:4px solid #b00020;padding:1rem 1.25rem;margin:0 0 2rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#b00020;font-weight:700}
.panel{border-left:6px solid #0b4f8a;background:#f3f6f9;padding:1rem 1.25rem;margin:0 0 1.5rem}
.panel.warn{border-left-color:#8a4b00;background:#fff7e6}
.panel>:last-child{margin-bottom:0}
button,.button{display:inline-block;font:inherit;font-weight:700;color:#fff;background:#0b4f8a;border:2px solid #0b4f8a;border-bottom-width:4px;border-bottom-color:#06335a;border-radius:4px;padding:.6rem 1.2rem;min-height:2.75rem;cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:#06335a;color:#fff}
button.danger{background:#a3001b;border-color:#a3001b;border-bottom-color:#5c000f}
button.danger:hover{background:#5c000f}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.4rem 1rem}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
caption{text-align:left;font-weight:700;margin-bottom:.5rem}
th,td{text-align:left;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #8a8a8a;vertical-align:top}
.steps li{margin-bottom:.4rem}
.rights dt{font-weight:700}
.rights dd{margin:0 0 .75rem}
.tag{display:inline-block;font-size:.9rem;font-weight:700;padding:.05rem .5rem;border-radius:3px;background:#e1e8ef;color:#1b1b1b}
.tag.failed{background:#fde2e1;color:#7a0013}
.tag.completed{background:#dcefe0;color:#0f4d1d}
.tag.waiting{background:#fff0c2;color:#4d3300}
header.site .logo{display:block;max-height:3rem;max-width:12rem;width:auto;height:auto}
.right-fields,.representation-fields{border-left:4px solid #8a8a8a;padding-left:1rem}
.choice input[type=checkbox]{accent-color:#0b4f8a}
${rightFieldsCss()}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer.site{border-top:1px solid #8a8a8a;color:#3d3d3d;font-size:.95rem}
footer.site .bar{padding-top:1rem;padding-bottom:2rem}
@media (max-width:30rem){h1{font-size:1.6rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}}
@media print{header.site,footer.site,nav.lang,.skip{display:none}}
`;

export interface DocumentInput {
  locale: Locale;
  title: string;
  body: string;
  /** Pages that carry tokens or personal status are kept out of search engines. */
  noindex?: boolean;
  /** Style added after the shared CSS (a controller's accent colour). */
  extraCss?: string;
}

/** A complete, standalone HTML5 document with the shared CSS inlined (no external assets). */
export function htmlDocument(input: DocumentInput): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${input.noindex ? '<meta name="robots" content="noindex, nofollow">\n' : ''}<title>${escapeHtml(input.title)}</title>
<style>${CSS}${input.extraCss ?? ''}</style>
</head>
<body>
${input.body}
</body>
</html>
`;
}

export interface LayoutInput {
  locale: Locale;
  title: string;
  /** Already-rendered HTML for inside <main>; built from escaped values. */
  body: string;
  /** The organisation's name: a register text in another language than the page is marked with `lang`. */
  controllerName?: Text;
  /**
   * Where each language version of this page lives. Without it the switcher is left out,
   * because a page in the middle of a request (confirm, status) has no safe generic target.
   */
  alternates?: Partial<Record<Locale, string>>;
  noindex?: boolean;
  /** Pages for organisations rather than the data subject (vendor and staff tasks) name the site and end differently. */
  siteName?: string;
  footer?: string;
  /** A controller's branding on its own form: an accent colour (`#rrggbb`) and an https logo. */
  branding?: { accentColour?: string; logoUrl?: string };
}

/** The shared page frame: skip link, header with the organisation's name, language switcher, footer. */
export function layout(input: LayoutInput): string {
  const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
  const t = siteTexts[locale];
  const siteName = input.siteName ?? t.common.siteName;
  const logoUrl = input.branding?.logoUrl;
  const name = input.controllerName;
  const nameText = typeof name === 'string' ? name : name?.text;
  const nameLang = typeof name === 'object' && name.lang !== locale ? ` lang="${escapeHtml(name.lang)}"` : '';
  const logo =
    logoUrl && /^https:\/\//i.test(logoUrl) && nameText ? `<img class="logo" src="${escapeHtml(logoUrl)}" alt="${escapeHtml(nameText)}"${nameLang}>\n` : '';
  const header = `<a class="skip" href="#main">${escapeHtml(t.common.skipToContent)}</a>
<header class="site">
<div class="bar">
${logo}<p class="site-name">${escapeHtml(siteName)}${nameText ? `<span${nameLang}>${escapeHtml(nameText)}</span>` : ''}</p>
${languageSwitcher(locale, input.alternates)}
</div>
</header>`;
  const footer = `<footer class="site"><div class="bar"><p>${escapeHtml(input.footer ?? t.common.footer)}</p></div></footer>`;
  return htmlDocument({
    locale,
    title: `${input.title} – ${siteName}`,
    noindex: input.noindex,
    extraCss: accentCss(input.branding?.accentColour),
    body: `${header}
<main id="main" tabindex="-1">
${input.body}
</main>
${footer}`,
  });
}

/**
 * A controller's accent on the header's rule and the buttons. The button text is white or near-black,
 * whichever keeps a contrast of at least 4.5:1 on the accent (WCAG 1.4.3). Anything but `#rrggbb`
 * is ignored, so no value from the register can reach the style sheet unchecked.
 */
export function accentCss(colour: string | undefined): string {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return '';
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const text = 1.05 / (luminance + 0.05) >= 4.5 ? '#fff' : '#1b1b1b';
  return `header.site{border-bottom-color:${colour}}button,.button,button:hover,.button:hover{background:${colour};border-color:${colour};color:${text}}button:hover,.button:hover{filter:brightness(.85)}`;
}

/** Links to the same page in the other languages, each named in its own language. */
export function languageSwitcher(current: Locale, alternates?: Partial<Record<Locale, string>>): string {
  if (!alternates) return '';
  const items = LOCALES.filter((l) => alternates[l] !== undefined).map((l) => {
    const here = l === current ? ' aria-current="true"' : '';
    return `<li><a href="${safeHref(alternates[l])}" lang="${escapeHtml(l)}" hreflang="${escapeHtml(l)}"${here}>${escapeHtml(LANGUAGE_NAMES[l])}</a></li>`;
  });
  if (items.length < 2) return '';
  return `<nav class="lang" aria-label="${escapeHtml(siteTexts[current].common.languageNav)}"><ul>${items.join('')}</ul></nav>`;
}

/** The form in every language: the default target of the switcher on pages outside a request. */
export function formAlternates(): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, `/${l}`])) as Record<Locale, string>;
}

/** Days a verification link stays valid, unless the caller says otherwise (VERIFY_TTL_DAYS). */
export const DEFAULT_VERIFY_TTL_DAYS = 7;
/** Days a download link stays valid, unless the caller says otherwise (DOWNLOAD_TTL_DAYS). */
export const DEFAULT_DOWNLOAD_TTL_DAYS = 7;

/** Optional on every page: where the other language versions of the same page live. */
export interface PageOptions {
  alternates?: Partial<Record<Locale, string>>;
}

/** Free text someone wrote (staff's reasons, the register's instructions) as paragraphs, line breaks kept, every line escaped. */
export function paragraphsOf(value: unknown): string {
  const text = multiLine(value);
  return text
    ? text
        .split('\n\n')
        .map(
          (par) =>
            `<p>${par
              .split('\n')
              .map((line) => escapeHtml(line))
              .join('<br>')}</p>`,
        )
        .join('\n')
    : '';
}

/**
 * A field's error in the reader's language: the page's own words for that field, or general ones.
 * The API's field-naming messages are for programs (its 400 answers keep them), not for people.
 */
export function errorText(locale: Locale, explanation: string | undefined): string {
  return escapeHtml(explanation ?? siteTexts[isLocale(locale) ? locale : 'en'].common.checkField);
}
