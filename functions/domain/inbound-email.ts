/**
 * The rules for a request that arrives by email (pure: no AWS, no environment): which mail is
 * dropped, which waits for staff, which right a clear message asks for, and in which language.
 */
import { type Locale, RIGHTS, type Right } from './request';
import * as z from './validation';

/** SES's receiving limit with an S3 action is 40 MB; ours is lower, so a huge message is never parsed. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;
/** More attachments than this and the message is dropped: an identity document or two is plenty. */
export const MAX_INBOUND_ATTACHMENTS = 10;
/** What a request keeps of the message's text (the form's `message` limit). */
export const INBOUND_TEXT_MAX_CHARS = 4000;

/** SES's verdict of one check (`spamVerdict`, `virusVerdict`, `spfVerdict`, `dkimVerdict`, `dmarcVerdict`). */
export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';

/** The verdicts SES gave a received message. */
export interface Verdicts {
  spam: VerdictStatus;
  virus: VerdictStatus;
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
}

/** Why a message was dropped: nobody is written to, nothing is stored but a count and this reason. */
export const DROP_REASONS = [
  'virus',
  'spam',
  /** SPF and DKIM both failed, or DMARC did: the From address is not the sender's. */
  'forged_sender',
  'too_large',
  'too_many_attachments',
  /** An auto-reply, bounce or list mail (RFC 3834 `Auto-Submitted`, `Precedence: bulk`): answering it would loop. */
  'automatic',
  /** No usable From address. */
  'no_sender',
  /** From one of the service's own addresses: a loop. */
  'own_address',
  /** Addressed to no controller's privacy address. */
  'unknown_recipient',
  /** The sender's mailbox or domain used up its hour's requests (as the form's limits count them). */
  'rate_limited',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** Why a message waits for staff as a draft rather than becoming a request at once. */
export const TRIAGE_REASONS = [
  /** No right is named clearly, or more than one is. */
  'right_unclear',
  /** The message has no text, only a subject or attachments. */
  'no_text',
  /** A right that needs fields a message cannot give reliably (a correction's wrong and right values). */
  'details_needed',
] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

/** What is known of a message before its text is read. */
export interface EnvelopeFacts {
  verdicts: Verdicts;
  sizeBytes: number;
}

/** What is known of a parsed message. */
export interface MessageFacts {
  attachmentCount: number;
  /** The From address, lower-cased, if there is exactly one. */
  from?: string;
  /** Headers that mark a message as sent by a machine: `auto-submitted`, `precedence`, `list-id`… (lower-case names). */
  headers: Record<string, string>;
  /** The service's own addresses (sender, privacy addresses), lower-case. */
  ownAddresses: readonly string[];
}

/** A message to drop before it is parsed: its verdicts or size alone decide. */
export function dropBeforeParsing(e: EnvelopeFacts): DropReason | undefined {
  if (e.verdicts.virus === 'FAIL') return 'virus';
  if (e.verdicts.spam === 'FAIL') return 'spam';
  if ((e.verdicts.spf === 'FAIL' && e.verdicts.dkim === 'FAIL') || e.verdicts.dmarc === 'FAIL') return 'forged_sender';
  if (e.sizeBytes > MAX_INBOUND_BYTES) return 'too_large';
  return undefined;
}

/** A parsed message to drop: too many attachments, a machine's, or no sender to answer. */
export function dropAfterParsing(m: MessageFacts): DropReason | undefined {
  if (m.attachmentCount > MAX_INBOUND_ATTACHMENTS) return 'too_many_attachments';
  if (!m.from) return 'no_sender';
  if (m.ownAddresses.includes(m.from)) return 'own_address';
  const auto = (m.headers['auto-submitted'] ?? 'no').trim().toLowerCase();
  if (auto !== 'no') return 'automatic';
  if (/^(bulk|junk|list|auto_reply)$/i.test((m.headers.precedence ?? '').trim())) return 'automatic';
  if (m.headers['list-id'] || m.headers['x-autoreply'] || m.headers['x-autorespond']) return 'automatic';
  if (/^(mailer-daemon|postmaster|no-?reply)@/.test(m.from)) return 'automatic';
  return undefined;
}

/** The rights a message can ask for by name; withdrawal of consent needs purposes, so staff pick it. */
export type RecognisableRight = Exclude<Right, 'withdraw_consent'>;

// A word that starts with the stem: no letter before it, any letters after (Unicode-aware, unlike \b).
const stem = (s: string) => `(?<![\\p{L}\\p{N}])${s}\\p{L}*`;
// A whole word or phrase.
const word = (s: string) => `(?<![\\p{L}\\p{N}])${s}(?![\\p{L}\\p{N}])`;

/** Words and phrases that name a right clearly, per language; each is a regular expression's source. */
const KEYWORDS: Record<Locale, Record<RecognisableRight, string[]>> = {
  en: {
    access: [
      word('access (?:to|request)'),
      word('subject access'),
      word('right of access'),
      word('(?:a )?copy of (?:all )?(?:my|the) (?:personal )?(?:data|information)'),
      word('what (?:personal )?(?:data|information) (?:you|do you) (?:hold|have|keep|store)'),
    ],
    erasure: [
      stem('delet'),
      stem('eras'),
      word('remove (?:all )?my (?:personal )?(?:data|information|details|account)'),
      word('(?:right )?to be forgotten'),
      word('forget me'),
    ],
    rectification: [stem('rectif'), word('correct my'), stem('inaccurate'), word('incorrect'), word('wrong (?:name|address|data|information|details)')],
    restriction: [stem('restrict')],
    objection: [word('object to'), word('objection'), word('i object'), word('direct marketing')],
    portability: [stem('portab'), word('machine[- ]readable'), word('transfer my (?:personal )?data')],
  },
  sv: {
    access: [word('tillgång till'), stem('registerutdrag'), word('kopia (?:av|på) mina'), word('vilka (?:person)?uppgifter'), word('rätt till tillgång')],
    erasure: [stem('radera'), stem('radering'), word('ta bort mina'), word('ta bort mig'), word('bli bortglömd'), word('tas bort')],
    rectification: [word('rätta'), stem('rättelse'), stem('korriger'), stem('felaktig')],
    restriction: [stem('begräns')],
    objection: [stem('invänd'), word('motsätter mig'), stem('direktmarknadsföring')],
    portability: [stem('dataportabilitet'), stem('portabilitet'), stem('maskinläsbar'), word('flytta mina (?:person)?uppgifter')],
  },
  sl: {
    access: [word('dostop(?:a)? do'), stem('vpogled'), word('kopij[oa] (?:vseh )?mojih'), word('katere (?:osebne )?podatke')],
    erasure: [stem('izbri'), word('pravic[ao] do pozabe'), word('odstranite (?:vse )?moje')],
    rectification: [stem('popravek'), stem('poprav'), stem('netočn'), stem('napačn')],
    restriction: [stem('omejitev'), stem('omeji')],
    objection: [stem('ugovor'), stem('ugovarja'), word('neposredno trženje')],
    portability: [stem('prenosljivost'), word('prenos(?:u)? (?:mojih )?podatkov'), stem('strojno berljiv')],
  },
  de: {
    access: [stem('auskunft'), word('kopie (?:aller |meiner )?(?:personenbezogenen )?daten'), word('welche (?:personenbezogenen )?daten')],
    erasure: [stem('lösch'), word('recht auf vergessenwerden'), word('entfernen sie (?:alle )?meine')],
    rectification: [stem('berichtig'), stem('korrigier'), word('unrichtig(?:e|en)?'), word('falsch(?:e|en)? (?:daten|angaben|adresse|name)')],
    restriction: [stem('einschränk')],
    objection: [stem('widerspr'), stem('widerspruch'), stem('direktwerbung')],
    portability: [stem('datenübertragbarkeit'), stem('übertragbarkeit'), stem('maschinenlesbar'), word('übertragung meiner daten')],
  },
};

/** Articles of the GDPR by the right they grant. */
const ARTICLES: Record<string, RecognisableRight> = {
  '15': 'access',
  '16': 'rectification',
  '17': 'erasure',
  '18': 'restriction',
  '20': 'portability',
  '21': 'objection',
};
// "Article 17", "Art. 17", "artikel 17", "člen 17", and the Slovenian "17. člen".
const ARTICLE = /(?<![\p{L}])(?:article|art\.?|artikel|artikeln|člen|čl\.)\s*(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\.\s*člen/giu;

type Compiled = Record<Locale, Record<RecognisableRight, RegExp[]>>;
let compiled: Compiled | undefined;
// Built on first use: a hundred case-insensitive Unicode patterns cost about 15 ms, and the staff
// API's drafts, which import this module for its schema, never recognise a message.
const keywordPatterns = (): Compiled =>
  (compiled ??= Object.fromEntries(
    Object.entries(KEYWORDS).map(([locale, rights]) => [
      locale,
      Object.fromEntries(Object.entries(rights).map(([right, sources]) => [right, sources.map((s) => new RegExp(s, 'iu'))])),
    ]),
  ) as Compiled);

/** Marketing words: an objection that names them is to direct marketing (Art. 21(2)), absolute. */
const MARKETING =
  /(?<![\p{L}])(?:marketing|newsletter|advertis\p{L}*|marknadsföring|nyhetsbrev|reklam\p{L}*|trženj\p{L}*|oglaš\p{L}*|e-novic\p{L}*|werbung|direktwerbung)/iu;

/** Common words of each language, for telling them apart. */
const COMMON_WORDS: Record<Locale, string[]> = {
  en: ['the', 'and', 'my', 'please', 'data', 'you', 'your', 'is', 'me', 'of', 'would', 'like', 'request', 'hello', 'dear', 'thanks', 'regards', 'all'],
  sv: [
    'och',
    'att',
    'jag',
    'mina',
    'min',
    'mig',
    'det',
    'är',
    'på',
    'för',
    'till',
    'inte',
    'vill',
    'hej',
    'tack',
    'vänliga',
    'hälsningar',
    'uppgifter',
    'personuppgifter',
    'alla',
    'av',
  ],
  sl: [
    'da',
    'je',
    'moje',
    'mojih',
    'sem',
    'za',
    'ne',
    'bi',
    'prosim',
    'podatke',
    'podatkov',
    'pozdrav',
    'lep',
    'želim',
    'zahtevam',
    'vse',
    'vaš',
    'hvala',
    'osebne',
    'osebnih',
  ],
  de: [
    'und',
    'ich',
    'meine',
    'meiner',
    'mich',
    'mir',
    'die',
    'der',
    'das',
    'bitte',
    'daten',
    'sie',
    'ihre',
    'ist',
    'nicht',
    'von',
    'für',
    'mit',
    'hallo',
    'sehr',
    'geehrte',
    'grüße',
    'freundlichen',
    'alle',
  ],
};

/** The text a person wrote: quoted lines (`>`) and what follows a reply's "On … wrote:" left out. */
export function ownWords(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*>/.test(line)) continue;
    if (/^(?:On|Den|Dne)\s.+(?:wrote|skrev|napisal[a]?):\s*$/i.test(line.trim())) break;
    if (/^-{2,}\s*(?:Original Message|Ursprungligt meddelande|Izvirno sporočilo)/i.test(line.trim())) break;
    kept.push(line);
  }
  return kept.join('\n');
}

/** What a message asks, as far as its words tell. */
export interface Recognised {
  /** The one right named clearly; absent when none is, or more than one. */
  right?: RecognisableRight;
  /** Every right some keyword or article named. */
  named: RecognisableRight[];
  /** The message's language, if its words tell. */
  locale?: Locale;
  /** For an objection: whether it is to direct marketing. */
  marketing: boolean;
}

/** Recognises the right and the language of a message from its subject and its own words. */
export function recognise(subject: string, text: string): Recognised {
  const all = `${subject}\n${ownWords(text)}`;
  const named = new Set<RecognisableRight>();
  const hitsByLocale: Record<Locale, number> = { en: 0, sv: 0, sl: 0, de: 0 };
  for (const [locale, rights] of Object.entries(keywordPatterns()) as [Locale, Record<RecognisableRight, RegExp[]>][]) {
    for (const [right, patterns] of Object.entries(rights) as [RecognisableRight, RegExp[]][]) {
      if (patterns.some((p) => p.test(all))) {
        named.add(right);
        hitsByLocale[locale] += 2;
      }
    }
  }
  for (const m of all.matchAll(ARTICLE)) {
    const right = ARTICLES[m[1] ?? m[2] ?? ''];
    if (right) named.add(right);
  }
  const locale = detectLocale(all, hitsByLocale);
  const rights = [...named];
  return {
    ...(rights.length === 1 ? { right: rights[0] } : {}),
    named: rights,
    ...(locale ? { locale } : {}),
    marketing: MARKETING.test(all),
  };
}

/** The language whose common words (and right keywords) the text uses most; none on a tie or no evidence. */
export function detectLocale(text: string, bonus: Partial<Record<Locale, number>> = {}): Locale | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = (Object.keys(COMMON_WORDS) as Locale[]).map((locale) => {
    const vocabulary = new Set(COMMON_WORDS[locale]);
    // Letters only one language writes count too: å, ä, ö are Swedish; č, š, ž Slovenian.
    const letters = locale === 'sv' ? (text.match(/[åäö]/giu)?.length ?? 0) : locale === 'sl' ? (text.match(/[čšž]/giu)?.length ?? 0) : 0;
    return { locale, score: words.filter((w) => vocabulary.has(w)).length + Math.min(letters, 5) + (bonus[locale] ?? 0) };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  return best && best.score > 0 && best.score > (second?.score ?? 0) ? best.locale : undefined;
}

/** What becomes of a message that was not dropped. */
export type Intake = { accept: RecognisableRight } | { triage: TriageReason; suggested?: RecognisableRight };

/** A clear right becomes a request; no text, an unclear right, or a right needing details waits for staff. */
export function intakeFor(recognised: Recognised, hasText: boolean): Intake {
  if (!hasText) return recognised.right ? { triage: 'no_text', suggested: recognised.right } : { triage: 'no_text' };
  if (!recognised.right) return { triage: 'right_unclear' };
  if (recognised.right === 'rectification') return { triage: 'details_needed', suggested: 'rectification' };
  return { accept: recognised.right };
}

/** The message's text as a request's `message`: no control characters but line breaks, trimmed to the limit. */
export function messageText(text: string): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, '')
    .trim();
  return cleaned.length > INBOUND_TEXT_MAX_CHARS ? `${cleaned.slice(0, INBOUND_TEXT_MAX_CHARS - 1)}…` : cleaned;
}

/** An approver's decision on a draft: the right it asks for (and that right's fields, as the form takes them), or discard. */
export const draftDecisionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('accept'),
      type: z.enum(RIGHTS, { error: `type must be one of: ${RIGHTS.join(', ')}` }),
      rectifyAttribute: z.optional(z.string()),
      inaccurate: z.optional(z.string()),
      corrected: z.optional(z.string()),
      objectionScope: z.optional(z.string()),
      objectionGrounds: z.optional(z.string()),
      consentPurposes: z.optional(z.array(z.string())),
      transmitTo: z.optional(z.string()),
    }),
    z.strictObject({ action: z.literal('discard') }),
  ],
  { error: 'action must be accept or discard' },
);
export type DraftDecision = z.infer<typeof draftDecisionSchema>;
