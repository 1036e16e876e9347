/**
 * What every email is made of. An email's body is one list of blocks, rendered twice: as plain
 * text and as HTML with inline styles (mail programs drop style sheets). Writing it once is what
 * keeps the two parts from drifting apart.
 */
import { escapeHtml as e, safeHref } from '../html.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { type MailTexts, mailTexts } from '../texts/mail/index.ts';

/** A rendered email: what the mailer sends. */
export interface Email {
  /** One line: never contains CR, LF or other control characters. */
  subject: string;
  text: string;
  html: string;
}

/**
 * A run of words inside a paragraph or a list item: plain, strong, or a line break. A register
 * text in another language than the email's carries it (`lang`), marked on its element in HTML.
 */
export type Inline = string | { strong: string; lang?: string } | { text: string; lang: string } | { br: true };

/** One piece of an email's body. */
export type Block =
  /** A paragraph. */
  | { kind: 'p'; inline: Inline[] }
  /** A link after an optional lead-in: in text the URL on a line of its own, in HTML the label linked. */
  | { kind: 'link'; url: string; label: string; intro?: string | Inline[] }
  /** An email address after a lead-in, on the same line. */
  | { kind: 'mailto'; address: string; intro: string }
  /** A titled list, with an optional lead-in before its items. */
  | { kind: 'list'; title: string; intro?: string; items: Inline[][] }
  /** Labelled values under a title ("Email address: a@example.org"). */
  | { kind: 'facts'; title: string; rows: [label: string, value: string][] }
  /** Someone's own words under a title, line breaks kept, each part with an optional label. */
  | { kind: 'quote'; title: string; parts: { label?: string; text: string }[] };

/** A block, or nothing where an email leaves one out (`late && p(late)`). */
export type MaybeBlock = Block | false | '' | undefined;

// Blocks and inline runs, as the emails write them: `p(strong(due), ' ', linkOnce)`.
export const strong = (text: string): Inline => ({ strong: text });
export const BR: Inline = { br: true };
export const p = (...inline: Inline[]): Block => ({ kind: 'p', inline });
export const link = (url: string, label: string, intro?: string | Inline[]): Block => ({ kind: 'link', url, label, ...(intro === undefined ? {} : { intro }) });
export const mailto = (address: string, intro: string): Block => ({ kind: 'mailto', address, intro });
export const list = (title: string, items: Inline[][], intro?: string): Block => ({ kind: 'list', title, items, ...(intro === undefined ? {} : { intro }) });
export const facts = (title: string, rows: [string, string][]): Block => ({ kind: 'facts', title, rows });
export const quote = (title: string, parts: { label?: string; text: string }[]): Block => ({ kind: 'quote', title, parts });

/**
 * A value made safe for a single line (subjects, and names inside plain text): control characters
 * and Unicode line/paragraph separators become spaces, runs of spaces collapse.
 */
export function oneLine(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const LINK = 'color:#0b4f8a;font-weight:bold';

const inlineText = (inline: Inline[]) => inline.map((i) => (typeof i === 'string' ? i : 'strong' in i ? i.strong : 'text' in i ? i.text : '\n')).join('');
const langOf = (i: { lang?: string }) => (i.lang ? ` lang="${e(i.lang)}"` : '');
const inlineHtml = (inline: Inline[]) =>
  inline
    .map((i) =>
      typeof i === 'string'
        ? e(i)
        : 'strong' in i
          ? `<strong${langOf(i)}>${e(i.strong)}</strong>`
          : 'text' in i
            ? `<span${langOf(i)}>${e(i.text)}</span>`
            : '<br>',
    )
    .join('');

/** The plain-text part of one block. */
function blockText(b: Block): string {
  switch (b.kind) {
    case 'p':
      return inlineText(b.inline);
    case 'link':
      return b.intro === undefined ? oneLine(b.url) : `${typeof b.intro === 'string' ? b.intro : inlineText(b.intro)}\n${oneLine(b.url)}`;
    case 'mailto':
      return `${b.intro} ${b.address}`;
    case 'list':
      return [b.title, ...(b.intro === undefined ? [] : [b.intro]), ...b.items.map((i) => `- ${inlineText(i)}`)].join('\n');
    case 'facts':
      return [b.title, ...b.rows.map(([label, value]) => `${label}: ${value}`)].join('\n');
    case 'quote':
      return [b.title, ...b.parts.map((part) => (part.label === undefined ? part.text : `${part.label}:\n${part.text}`))].join('\n');
  }
}

const para = (html: string) => `<p style="margin:0 0 16px">${html}</p>`;
const h2 = (text: string) => `<h2 style="font-size:18px;margin:24px 0 8px">${e(text)}</h2>`;
const ul = (items: string[]) => `<ul style="margin:0 0 16px;padding-left:24px">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
const anchor = (href: string, text: string) => `<a href="${href}" style="${LINK}">${e(text)}</a>`;

/** Someone's words as paragraphs, their single line breaks as <br>, every line escaped. */
function paragraphs(text: string): string {
  return text
    .split('\n\n')
    .map((par) => para(par.split('\n').map(e).join('<br>')))
    .join('\n');
}

/** The HTML of one block. */
function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return para(inlineHtml(b.inline));
    case 'link': {
      const a = anchor(safeHref(b.url), b.label);
      return para(b.intro === undefined ? a : `${typeof b.intro === 'string' ? e(b.intro) : inlineHtml(b.intro)} ${a}`);
    }
    case 'mailto':
      return para(`${e(b.intro)} ${anchor(`mailto:${e(b.address)}`, b.address)}`);
    case 'list':
      return [h2(b.title), ...(b.intro === undefined ? [] : [para(e(b.intro))]), ul(b.items.map(inlineHtml))].join('\n');
    case 'facts':
      return [h2(b.title), ul(b.rows.map(([label, value]) => `${e(label)}: <strong>${e(value)}</strong>`))].join('\n');
    case 'quote':
      return [
        h2(b.title),
        ...b.parts.flatMap((part) =>
          part.label === undefined ? (part.text ? [paragraphs(part.text)] : []) : [para(`<strong>${e(part.label)}</strong>`), paragraphs(part.text)],
        ),
      ].join('\n');
  }
}

/** The HTML part's frame. */
function frame(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff">
<div style="max-width:36rem;margin:0 auto;padding:24px 16px;${FONT};font-size:16px;line-height:1.55;color:#1b1b1b">
${body}
</div>
</body>
</html>
`;
}

/** An email from its subject and its blocks: the text part's paragraphs are separated by a blank line. */
export function renderEmail(locale: Locale, subject: string, body: MaybeBlock[]): Email {
  const blocks = body.filter((b): b is Block => Boolean(b));
  return {
    subject: oneLine(subject),
    text: `${blocks.map(blockText).join('\n\n')}\n`,
    html: frame(locale, oneLine(subject), blocks.map(blockHtml).join('\n')),
  };
}

/**
 * A subject that names its request. Every email to the person about a request carries the reference
 * in its subject and its body, so no two requests' emails look alike and each can be found again.
 */
export function withReference(t: MailTexts, subject: string, reference: string): string {
  return oneLine(t.email.reference.subject({ subject: oneLine(subject), reference: oneLine(reference) }));
}

/** The line that names the request in an email's body. */
export function referenceLine(t: MailTexts, reference: string): Block {
  return p(t.email.reference.line({ reference: oneLine(reference) }));
}

/** The sign-off and who signs. */
export function signature(t: MailTexts, name: string): Block {
  return p(t.email.signoff, BR, name);
}

/**
 * The same email, marked as possibly sent before. SES has no idempotency key, so when a crash (or a
 * timeout) falls between sending an email and recording that it went, we cannot tell whether it
 * did: we send it again rather than risk sending none, and say so at the top and in the subject
 * (its links replace the earlier email's, whose tokens are no longer stored).
 */
export function asRepeat<E extends Email>(email: E, locale: Locale): E {
  const r = mailTexts[safeLocale(locale)].email.repeat;
  const open = email.html.indexOf('<div style="max-width:36rem');
  const at = open < 0 ? -1 : email.html.indexOf('>', open) + 1;
  const notice = blockHtml(p(strong(r.notice)));
  return {
    ...email,
    subject: oneLine(`${r.subjectPrefix}: ${email.subject}`),
    text: `${r.notice}\n\n${email.text}`,
    html: at > 0 ? `${email.html.slice(0, at)}\n${notice}${email.html.slice(at)}` : email.html,
  };
}
