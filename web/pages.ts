/**
 * Server-rendered pages. Each function takes plain data and returns a complete HTML document.
 * No page uses JavaScript: forms post natively, and every value is escaped with escapeHtml.
 */

import { type BranchAction, OBJECTION_SCOPES } from '../functions/domain/request';
import { type Correction, taskTodo } from './emails.ts';
import { escapeHtml as e, escapeUrlPart, formAlternates, layout, multiLine, safeHref } from './html.ts';
import { asRight, DEFAULT_LOCALE, formatDate, formatDateTime, isLocale, LOCALES, type Locale, RIGHTS, type Right, type Texts, texts } from './i18n.ts';

export type { Locale } from './i18n.ts';

/** Days a verification link stays valid, unless the caller says otherwise (VERIFY_TTL_DAYS). */
const DEFAULT_VERIFY_TTL_DAYS = 7;
/** Days a download link stays valid, unless the caller says otherwise (DOWNLOAD_TTL_DAYS). */
const DEFAULT_DOWNLOAD_TTL_DAYS = 7;

/** A locale that is not one of ours (bad data from a caller) falls back to English, never throws. */
function safeLocale(locale: unknown): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Optional on every page: where the other language versions of the same page live. */
interface PageOptions {
  alternates?: Partial<Record<Locale, string>>;
}

export interface FormController {
  id: string;
  name: string;
  /** Shown under the form, with the privacy policy. */
  dpoEmail?: string;
  privacyPolicyUrl?: string;
  /** The languages the controller's form is offered in (default: all). */
  locales?: readonly Locale[];
  /** Withdrawal of consent is offered only when the controller declares processing by consent. */
  consentPurposes?: { id: string; name: string }[];
  /** Organisations a portability package can be sent to directly (Art. 20(2)). */
  portabilityTargets?: { id: string; name: string }[];
  /** Attributes the subject may pick when asking for a correction; anything else is described in words. */
  rectifiableAttributes?: string[];
  /** The controller also holds data for customers: the form asks which one (the description says who they are). */
  actsAsProcessorFor?: { description: string };
  branding?: { accentColour?: string; logoUrl?: string };
}

/** Form fields in the order they appear; the error summary follows the same order. */
const FIELD_ORDER = [
  'body',
  'locale',
  'controller',
  'type',
  'rectifyAttribute',
  'inaccurate',
  'corrected',
  'objectionScope',
  'objectionGrounds',
  'consentPurposes',
  'transmitTo',
  'viaCustomer',
  'message',
  'email',
  'name',
] as const;
type FieldName = (typeof FIELD_ORDER)[number];

/** What the form re-renders with after a refusal: each field as it was sent (`consentPurposes` a list). */
export type FormValues = Partial<Record<FieldName, string | string[]>>;

/** Maximum lengths the form states; the submission schema checks the same. */
const MAX = { inaccurate: 2000, corrected: 2000, objectionGrounds: 4000, message: 4000, viaCustomer: 200, name: 200, email: 254 } as const;

/** The rights a controller's form offers: withdrawal of consent only where something rests on consent. */
export function offeredRights(c: FormController): Right[] {
  return RIGHTS.filter((r) => r !== 'withdraw_consent' || (c.consentPurposes?.length ?? 0) > 0);
}

/** Where a controller's form lives in each of its languages. */
export function controllerFormAlternates(c: FormController): Partial<Record<Locale, string>> {
  const locales = c.locales?.length ? c.locales : LOCALES;
  return Object.fromEntries(locales.map((l) => [l, `/c/${encodeURIComponent(c.id)}/${l}`]));
}

/**
 * The request form. With one controller (the register's only one, or the one chosen by its URL)
 * it is that controller's form: its rights, each right's own fields in a fieldset named for the
 * right, its languages and branding. With several and none chosen it lists the organisations,
 * each linking to its form. Works without JavaScript; errors sit next to their fields and values
 * are kept.
 */
export function renderRequestForm(
  input: {
    locale: Locale;
    controllers: FormController[];
    selectedControllerId?: string;
    values?: FormValues;
    errors?: Record<string, string>;
    verifyTtlDays?: number;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const f = t.form;
  const errors = input.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const single = input.controllers.length === 1 ? input.controllers[0] : undefined;
  const selected = single ?? input.controllers.find((c) => c.id === input.selectedControllerId);
  if (!selected) return renderOrganisationList({ ...input, locale, errors });

  const values = input.values ?? {};
  const value = (field: FieldName) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const rights = offeredRights(selected);
  const purposes = selected.consentPurposes ?? [];
  const targets = selected.portabilityTargets ?? [];
  const attributes = selected.rectifiableAttributes ?? [];

  const errorId = (field: string) => `${field}-error`;
  const fieldError = (field: FieldName) =>
    errors[field] === undefined
      ? ''
      : `<p class="field-error" id="${e(errorId(field))}"><span class="visually-hidden">${e(t.common.errorPrefix)}: </span>${errorText(t, locale, field, errors[field])}</p>`;
  const describedBy = (...ids: (string | false)[]) => {
    const list = ids.filter((x): x is string => Boolean(x));
    return list.length ? ` aria-describedby="${e(list.join(' '))}"` : '';
  };
  const bad = (field: FieldName) => errors[field] !== undefined;
  const invalid = (field: FieldName) => (bad(field) ? ' aria-invalid="true"' : '');
  const hint = (id: string, text: string) => `<p class="hint" id="${e(id)}">${e(text)}</p>`;
  /** A labelled text field (input or textarea) with its hint and error. */
  const textField = (field: FieldName, label: string, hintText: string | undefined, control: 'input' | 'textarea', attrs = '') => {
    const hintId = hintText ? `${field}-hint` : false;
    const common = `id="${e(field)}" name="${e(field)}"${attrs}${invalid(field)}${describedBy(hintId, bad(field) && errorId(field))}`;
    const max = (MAX as Record<string, number>)[field];
    const maxAttr = max ? ` maxlength="${max}"` : '';
    return `<div class="field${bad(field) ? ' invalid' : ''}">
<label for="${e(field)}">${e(label)}</label>
${hintText ? hint(`${field}-hint`, hintText) : ''}${fieldError(field)}
${
  control === 'input'
    ? `<input type="text" ${common}${maxAttr} value="${e(value(field))}">`
    : `<textarea ${common}${maxAttr} rows="5">${e(value(field))}</textarea>`
}
</div>`;
  };
  /** One radio or checkbox with its label and hint, as the form's choices look everywhere. */
  const choice = (type: 'radio' | 'checkbox', name: string, id: string, val: string, label: string, checked: boolean, hintText?: string, required = false) =>
    `<div class="choice">
<input type="${type}" id="${e(id)}" name="${e(name)}" value="${e(val)}"${required ? ' required' : ''}${checked ? ' checked' : ''}${hintText ? describedBy(`${id}-hint`) : ''}>
<label for="${e(id)}">${e(label)}</label>
${hintText ? hint(`${id}-hint`, hintText) : ''}
</div>`;
  /** A right's own fields, in a fieldset whose legend names the right; hidden by CSS once another right is chosen. */
  const rightFields = (r: Right, fields: FieldName[], body: string) =>
    `<fieldset class="right-fields${fields.some(bad) ? ' invalid' : ''}" data-right="${e(r)}" aria-describedby="${e(`${r}-fields-hint`)}">
<legend>${e((f.fieldsLegend as Partial<Record<Right, string>>)[r] ?? t.rights[r].title)}</legend>
${hint(`${r}-fields-hint`, f.fieldsHint)}
${body}
</fieldset>`;

  // Where the error summary's links lead: the first control of each visible field.
  const anchor: Partial<Record<string, string>> = {
    type: `type-${rights[0]}`,
    inaccurate: 'inaccurate',
    corrected: 'corrected',
    objectionScope: 'objectionScope-direct_marketing',
    objectionGrounds: 'objectionGrounds',
    message: 'message',
    email: 'email',
    name: 'name',
  };
  if (attributes.length) anchor.rectifyAttribute = 'rectifyAttribute';
  if (purposes.length) anchor.consentPurposes = `consentPurposes-${purposes[0]!.id}`;
  if (targets.length) anchor.transmitTo = 'transmitTo';
  if (selected.actsAsProcessorFor) anchor.viaCustomer = 'viaCustomer';

  const typeField = `<fieldset${describedBy(bad('type') && errorId('type'))}${bad('type') ? ' class="invalid"' : ''}>
<legend>${e(f.typeLegend)}</legend>
${fieldError('type')}
${rights.map((r) => choice('radio', 'type', `type-${r}`, r, f.typeLabel[r], value('type') === r, t.rights[r].summary, true)).join('\n')}
</fieldset>`;

  const chosen = Array.isArray(values.consentPurposes) ? values.consentPurposes : value('consentPurposes').split(',').filter(Boolean);
  const sections: string[] = [];
  if (targets.length) {
    sections.push(
      rightFields(
        'portability',
        ['transmitTo'],
        `<div class="field${bad('transmitTo') ? ' invalid' : ''}">
<label for="transmitTo">${e(f.transmitToLabel)}</label>
${hint('transmitTo-hint', f.transmitToHint)}${fieldError('transmitTo')}
<select id="transmitTo" name="transmitTo"${invalid('transmitTo')}${describedBy('transmitTo-hint', bad('transmitTo') && errorId('transmitTo'))}>
<option value="">${e(f.transmitToNone)}</option>
${targets.map((x) => `<option value="${e(x.id)}"${value('transmitTo') === x.id ? ' selected' : ''}>${e(x.name)}</option>`).join('\n')}
</select>
</div>`,
      ),
    );
  }
  const attributeField = attributes.length
    ? `<div class="field${bad('rectifyAttribute') ? ' invalid' : ''}">
<label for="rectifyAttribute">${e(f.rectifyAttributeLabel)}</label>
${fieldError('rectifyAttribute')}
<select id="rectifyAttribute" name="rectifyAttribute"${invalid('rectifyAttribute')}${describedBy(bad('rectifyAttribute') && errorId('rectifyAttribute'))}>
${attributes.map((x) => `<option value="${e(x)}"${value('rectifyAttribute') === x ? ' selected' : ''}>${e(x)}</option>`).join('\n')}
<option value=""${attributes.includes(value('rectifyAttribute')) ? '' : ' selected'}>${e(f.rectifyAttributeOther)}</option>
</select>
</div>`
    : fieldError('rectifyAttribute');
  sections.push(
    rightFields(
      'rectification',
      ['rectifyAttribute', 'inaccurate', 'corrected'],
      [
        attributeField,
        textField('inaccurate', f.inaccurateLabel, f.inaccurateHint, 'textarea'),
        textField('corrected', f.correctedLabel, f.correctedHint, 'textarea'),
      ].join('\n'),
    ),
  );
  sections.push(
    rightFields(
      'objection',
      ['objectionScope', 'objectionGrounds'],
      [
        `<fieldset${describedBy(bad('objectionScope') && errorId('objectionScope'))}${bad('objectionScope') ? ' class="invalid"' : ''}>
<legend>${e(f.objectionScopeLegend)}</legend>
${fieldError('objectionScope')}
${OBJECTION_SCOPES.map((s) => choice('radio', 'objectionScope', `objectionScope-${s}`, s, f.objectionScope[s], value('objectionScope') === s, f.objectionScopeHint[s])).join('\n')}
</fieldset>`,
        textField('objectionGrounds', f.objectionGroundsLabel, f.objectionGroundsHint, 'textarea'),
      ].join('\n'),
    ),
  );
  if (purposes.length) {
    sections.push(
      rightFields(
        'withdraw_consent',
        ['consentPurposes'],
        `<fieldset${describedBy('consentPurposes-hint', bad('consentPurposes') && errorId('consentPurposes'))}${bad('consentPurposes') ? ' class="invalid"' : ''}>
<legend>${e(f.consentLegend)}</legend>
${hint('consentPurposes-hint', f.consentHint)}${fieldError('consentPurposes')}
${purposes.map((x) => choice('checkbox', 'consentPurposes[]', `consentPurposes-${x.id}`, x.id, x.name, chosen.includes(x.id))).join('\n')}
</fieldset>`,
      ),
    );
  }

  const viaCustomer = selected.actsAsProcessorFor
    ? textField(
        'viaCustomer',
        f.viaCustomerLabel,
        f.viaCustomerHint({ controller: selected.name, description: selected.actsAsProcessorFor.description }),
        'input',
      )
    : fieldError('viaCustomer');
  const emailField = `<div class="field${bad('email') ? ' invalid' : ''}">
<label for="email">${e(f.emailLabel)}</label>
${hint('email-hint', f.emailHint)}${fieldError('email')}
<input type="email" id="email" name="email" value="${e(value('email'))}" required maxlength="${MAX.email}" autocomplete="email" spellcheck="false" autocapitalize="off"${invalid('email')}${describedBy('email-hint', bad('email') && errorId('email'))}>
</div>`;
  const nameField = textField('name', f.nameLabel, f.nameHint, 'input', ' autocomplete="name"');

  const body = `<h1>${e(f.title)}</h1>
${hasErrors ? errorSummary(t, locale, errors, anchor) : ''}
<p class="lead">${e(f.intro)}</p>
<p>${e(f.introTo({ controller: selected.name }))}</p>
<h2>${e(f.howTitle)}</h2>
<ol class="steps">
${f
  .steps({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS })
  .map((s) => `<li>${e(s)}</li>`)
  .join('\n')}
</ol>
<form method="post" action="/v1/requests" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="locale" value="${e(locale)}">
<input type="hidden" name="controller" value="${e(selected.id)}">
${fieldError('locale')}${fieldError('body')}${fieldError('controller')}
${typeField}
${sections.join('\n')}
${viaCustomer}
${textField('message', f.messageLabel, f.messageHint, 'textarea')}
${emailField}
${nameField}
<p>${e(f.privacyNote)}</p>
<button type="submit">${e(f.submit)}</button>
</form>
${organisationContact(t, selected)}`;

  return layout({
    locale,
    title: hasErrors ? `${t.common.errorPrefix}: ${f.title}` : f.title,
    body,
    controllerName: selected.name,
    alternates: input.alternates ?? (single && !selected.locales ? formAlternates() : controllerFormAlternates(selected)),
    ...(selected.branding ? { branding: selected.branding } : {}),
  });
}

/** Several organisations and none chosen: each one's name, linking to its form in this language when it offers it. */
function renderOrganisationList(input: { locale: Locale; controllers: FormController[]; errors: Record<string, string> } & PageOptions): string {
  const locale = input.locale;
  const t = texts[locale];
  const f = t.form;
  const hasErrors = Object.keys(input.errors).length > 0;
  const formOf = (c: FormController) => {
    const alternates = controllerFormAlternates(c);
    return alternates[locale] ?? Object.values(alternates)[0]!;
  };
  const list = input.controllers.length
    ? `<h2>${e(f.controllerLabel)}</h2>
<p>${e(f.organisationsIntro)}</p>
<ul class="organisations">
${input.controllers.map((c) => `<li><a href="${safeHref(formOf(c))}">${e(c.name)}</a></li>`).join('\n')}
</ul>`
    : `<p class="panel warn">${e(f.noControllers)}</p>`;
  const body = `<h1>${e(f.title)}</h1>
${hasErrors ? errorSummary(t, locale, input.errors, {}) : ''}
<p class="lead">${e(f.intro)}</p>
${list}`;
  return layout({
    locale,
    title: hasErrors ? `${t.common.errorPrefix}: ${f.title}` : f.title,
    body,
    alternates: input.alternates ?? formAlternates(),
  });
}

/** A field's error: the server's message in English, with a translated explanation in front of it. */
function errorText(t: Texts, locale: Locale, field: string, serverMessage: string | undefined, explanation?: string): string {
  const generic = explanation ?? (t.form.fieldErrors as Record<string, string>)[field];
  if (locale === 'en') return e(serverMessage || generic || '');
  const english = serverMessage ? ` <span lang="en">(${e(t.form.inEnglish)} ${e(serverMessage)})</span>` : '';
  return `${e(generic ?? '')}${english}`;
}

/** The list of problems at the top of the form, each linking to its field when the field is visible. */
function errorSummary(t: Texts, locale: Locale, errors: Record<string, string>, anchor: Partial<Record<string, string>>): string {
  const known = FIELD_ORDER.filter((f) => errors[f] !== undefined) as string[];
  const others = Object.keys(errors).filter((f) => !known.includes(f));
  const items = [...known, ...others].map((field) => {
    const message = errorText(t, locale, field, errors[field]);
    const target = anchor[field];
    return target ? `<li><a href="#${e(target)}">${message}</a></li>` : `<li>${message}</li>`;
  });
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${e(t.form.errorSummaryTitle)}</h2>
<ul>
${items.join('\n')}
</ul>
</div>`;
}

function organisationContact(t: Texts, c: FormController): string {
  const parts: string[] = [];
  if (c.dpoEmail) {
    parts.push(`${e(t.common.dpoLabel)}: <a href="mailto:${e(c.dpoEmail)}">${e(c.dpoEmail)}</a>`);
  }
  if (c.privacyPolicyUrl) {
    parts.push(`<a href="${safeHref(c.privacyPolicyUrl)}">${e(t.common.privacyPolicy)}</a>`);
  }
  return parts.length ? `<p>${parts.join('<br>\n')}</p>` : '';
}

/** After the no-JavaScript form post: check your email. Says nothing about whether data exists. */
export function renderRequestAccepted(
  input: { locale: Locale; controllerName: string; verifyTtlDays?: number /** The controller's form, to send again. */; formUrl?: string } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const body = `<h1>${e(t.accepted.title)}</h1>
<p class="lead">${e(t.accepted.body({ controller: input.controllerName }))}</p>
<p>${e(t.accepted.expires({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS }))}</p>
<p>${e(t.accepted.noDataHint)}</p>
<h2>${e(t.accepted.noEmailTitle)}</h2>
<p>${e(t.accepted.noEmail)}</p>
<p><a href="${input.formUrl ? safeHref(input.formUrl) : `/${escapeUrlPart(locale)}`}">${e(t.accepted.sendAgain)}</a></p>`;
  return layout({
    locale,
    title: t.accepted.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}

/**
 * What the link in the verification email opens: one button that POSTs the token. Opening the
 * link alone (as mail scanners do) confirms nothing.
 */
export function renderConfirmPage(
  input: {
    locale: Locale;
    requestId: string;
    token: string;
    type: Right;
    controllerName: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const type = asRight(input.type);
  const controller = input.controllerName;
  const erasureNotes =
    type === 'erasure'
      ? `<div class="panel warn">
<p><strong>${e(t.confirm.irreversible)}</strong></p>
<p>${e(t.confirm.kept)}</p>
</div>`
      : '';
  const body = `<h1>${e(t.confirm.title[type])}</h1>
<p class="lead">${e(t.confirm.what[type]({ controller }))}</p>
${erasureNotes}
<form method="post" action="/v1/requests/${escapeUrlPart(input.requestId)}/verify" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="token" value="${e(input.token)}">
<button type="submit"${type === 'erasure' ? ' class="danger"' : ''}>${e(t.confirm.button[type])}</button>
</form>
<p>${e(t.confirm.notYou)}</p>`;
  return layout({
    locale,
    title: t.confirm.title[type],
    body,
    controllerName: controller,
    alternates: input.alternates,
    noindex: true,
  });
}

/** After the confirm button: the request is received, with its deadline and the status link. */
export function renderConfirmed(
  input: {
    locale: Locale;
    controllerName: string;
    type: Right;
    dueAt: string;
    statusUrl: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const type = asRight(input.type);
  const body = `<h1>${e(t.confirmed.title)}</h1>
<div class="panel">
<p class="lead">${e(t.confirmed.received({ controller: input.controllerName }))}</p>
<p><strong>${e(t.confirmed.due({ date: formatDate(input.dueAt, locale) }))}</strong></p>
</div>
<p>${e(t.confirmed.next[type])}</p>
<p>${e(t.confirmed.statusIntro)}</p>
<p><a href="${safeHref(input.statusUrl)}">${e(t.common.statusLink)}</a></p>`;
  return layout({
    locale,
    title: t.confirmed.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}

/** A verification link that cannot be used: expired, already used, or not valid. */
export function renderLinkProblem(
  input: { locale: Locale; reason: 'expired' | 'used' | 'invalid'; statusUrl?: string; verifyTtlDays?: number } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const reason = input.reason === 'expired' || input.reason === 'used' ? input.reason : 'invalid';
  const newRequest = `<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  const statusLink = input.statusUrl ? `<p><a href="${safeHref(input.statusUrl)}">${e(t.common.statusLink)}</a></p>` : '';
  let title: string;
  let body: string;
  if (reason === 'expired') {
    title = t.linkProblem.expired.title;
    body = `<p class="lead">${e(t.linkProblem.expired.body({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS }))}</p>
<p>${e(t.linkProblem.expired.next)}</p>
${newRequest}
${statusLink}`;
  } else if (reason === 'used') {
    title = t.linkProblem.used.title;
    body = `<p class="lead">${e(t.linkProblem.used.body)}</p>
${statusLink}
<p>${e(t.linkProblem.used.next)}</p>
<p><a href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  } else {
    title = t.linkProblem.invalid.title;
    body = `<p class="lead">${e(t.linkProblem.invalid.body)}</p>
<p>${e(t.linkProblem.invalid.next)}</p>
${newRequest}
${statusLink}`;
  }
  return layout({
    locale,
    title,
    body: `<h1>${e(title)}</h1>\n${body}`,
    alternates: input.alternates,
    noindex: true,
  });
}

/** The longest answer the reply form takes; the reply handler checks the same limit. */
export const ANSWER_MAX_CHARS = 4000;

/** Free text someone wrote (staff's reasons, the register's instructions) as paragraphs, line breaks kept, every line escaped. */
function paragraphsOf(value: unknown): string {
  const text = multiLine(value);
  return text
    ? text
        .split('\n\n')
        .map(
          (par) =>
            `<p>${par
              .split('\n')
              .map((line) => e(line))
              .join('<br>')}</p>`,
        )
        .join('\n')
    : '';
}

/** After the subject answered staff's question: thanks, and where to follow the request. */
export function renderReplyReceived(input: { locale: Locale }): string {
  const locale = safeLocale(input.locale);
  const k = texts[locale].replyReceived;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>
<p>${e(k.next)}</p>`;
  return layout({ locale, title: k.title, body, noindex: true });
}

/**
 * The subject's view of a request: dates, status, and progress per processor (`waiting`: a vendor,
 * an OpenDSR processor or staff have yet to answer). No personal data.
 */
export function renderStatusPage(
  input: {
    locale: Locale;
    controllerName: string;
    requestId: string;
    type: string;
    status: string;
    receivedAt?: string;
    dueAt?: string;
    completedAt?: string;
    processors: { name: string; status: string }[];
    /** While the request can still be withdrawn: where the withdraw button posts, and the status key it carries. */
    withdraw?: { actionUrl: string; statusKey: string };
    /** Shown once, right after the subject withdrew the request. */
    justWithdrawn?: boolean;
    /** Art. 12(3): the deadline was extended; `newDueAt` is the new deadline, `reasons` staff's words. */
    extension?: { months: number; reasons: string; newDueAt: string };
    /** Art. 12(4): the refusal as sent to the subject (staff's words). */
    denial?: { text: string };
    /** The service's own retention: when the package was deleted, and when the subject's personal data was erased. */
    packageDeletedAt?: string;
    personalDataErasedAt?: string;
    /**
     * Art. 12(6): staff's question. While it is not answered the page shows a reply form that posts
     * the status key and the answer to `replyUrl`.
     */
    infoRequest?: { question: string; pausesClock: boolean; answeredAt?: string; replyUrl: string; statusKey: string };
    /** The reply form re-rendered after a bad answer: what was typed and why it was refused. */
    values?: { answer?: string };
    errors?: { answer?: string };
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const typeLabel = (t.requestType as Record<string, string>)[input.type] ?? input.type;
  const status = (t.status.requestStatus as Record<string, { label: string; description: string }>)[input.status];
  const branchLabel = (s: string) => (t.status.branchStatus as Record<string, string>)[s] ?? s;
  const tagClass = (s: string) => (s === 'failed' ? 'tag failed' : s === 'completed' ? 'tag completed' : s === 'waiting' ? 'tag waiting' : 'tag');
  const row = (label: string, value: string | undefined) => (value ? `<dt>${e(label)}</dt>\n<dd>${value}</dd>` : '');
  const date = (iso: string | undefined) => (iso ? e(formatDate(iso, locale)) : undefined);

  const facts = `<dl class="facts">
${row(t.status.controller, e(input.controllerName))}
${row(t.status.reference, `<code>${e(input.requestId)}</code>`)}
${row(t.status.type, e(typeLabel))}
${status ? '' : row(t.status.status, `<strong>${e(input.status)}</strong>`)}
${row(t.status.receivedAt, date(input.receivedAt))}
${row(t.status.dueAt, date(input.dueAt))}
${row(t.status.completedAt, date(input.completedAt))}
</dl>`;

  const systems = input.processors.length
    ? `<table>
<caption>${e(t.status.systemsTitle)}</caption>
<thead><tr><th scope="col">${e(t.status.systemCol)}</th><th scope="col">${e(t.status.statusCol)}</th></tr></thead>
<tbody>
${input.processors
  .map((p) => `<tr><th scope="row">${e(p.name)}</th><td><span class="${tagClass(p.status)}">${e(branchLabel(p.status))}</span></td></tr>`)
  .join('\n')}
</tbody>
</table>`
    : `<h2>${e(t.status.systemsTitle)}</h2>\n<p>${e(t.status.noSystemsYet)}</p>`;

  // A plain form: withdrawing works without JavaScript, and a link opened by a mail scanner cannot do it.
  const withdraw = input.withdraw
    ? `<h2>${e(t.status.withdrawTitle)}</h2>
<p>${e(t.status.withdrawExplain)}</p>
<form method="post" action="${e(input.withdraw.actionUrl)}">
<input type="hidden" name="key" value="${e(input.withdraw.statusKey)}">
<button type="submit" class="danger">${e(t.status.withdrawButton)}</button>
</form>`
    : '';
  const k = t.status;
  const extension = input.extension
    ? `<div class="panel">
<h2>${e(k.extensionTitle)}</h2>
<p>${e(k.extension({ months: input.extension.months, date: formatDate(input.extension.newDueAt, locale) }))}</p>
${multiLine(input.extension.reasons) ? `<p><strong>${e(k.extensionReasons)}</strong></p>\n${paragraphsOf(input.extension.reasons)}` : ''}
</div>`
    : '';
  const denial =
    input.denial && multiLine(input.denial.text)
      ? `<div class="panel warn">
<h2>${e(k.denialTitle)}</h2>
${paragraphsOf(input.denial.text)}
</div>`
      : '';
  const retention = [
    input.packageDeletedAt ? k.packageDeleted({ date: formatDate(input.packageDeletedAt, locale) }) : '',
    input.personalDataErasedAt ? k.personalDataErased({ date: formatDate(input.personalDataErasedAt, locale) }) : '',
  ]
    .filter(Boolean)
    .map((line) => `<p>${e(line)}</p>`)
    .join('\n');
  const answerError = input.errors?.answer;
  const question =
    input.infoRequest && !input.infoRequest.answeredAt
      ? `<div class="panel warn">
<h2>${e(k.infoRequestTitle)}</h2>
<p>${e(k.infoRequestIntro)}</p>
<blockquote>${paragraphsOf(input.infoRequest.question)}</blockquote>
<p>${e(input.infoRequest.pausesClock === true ? k.clockPaused : k.clockRuns)}</p>
<form method="post" action="${safeHref(input.infoRequest.replyUrl)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="key" value="${e(input.infoRequest.statusKey)}">
<div class="field${answerError ? ' invalid' : ''}">
<label for="answer">${e(k.answerLabel)}</label>
<p class="hint" id="answer-hint">${e(k.answerHint)}</p>
${answerError ? `<p class="field-error" id="answer-error"><span class="visually-hidden">${e(t.common.errorPrefix)}: </span>${errorText(t, locale, 'answer', answerError, k.answerError)}</p>` : ''}
<textarea id="answer" name="answer" rows="6" required maxlength="${ANSWER_MAX_CHARS}"${answerError ? ' aria-invalid="true"' : ''} aria-describedby="answer-hint${answerError ? ' answer-error' : ''}">${e(input.values?.answer ?? '')}</textarea>
</div>
<button type="submit">${e(k.answerButton)}</button>
</form>
</div>`
      : '';
  const body = `<h1>${e(t.status.title)}</h1>
${input.justWithdrawn ? `<div class="panel" role="status"><p>${e(t.status.withdrawnNotice)}</p></div>` : ''}
${status ? `<div class="panel"><p><strong>${e(t.status.status)}: ${e(status.label)}</strong></p><p>${e(status.description)}</p></div>` : ''}
${question}
${denial}
${extension}
${facts}
${retention ? `<div class="panel" id="retention">\n${retention}\n</div>` : ''}
${systems}
<p class="hint">${e(t.status.refreshHint)}</p>
${withdraw}`;
  return layout({
    locale,
    title: answerError ? `${t.common.errorPrefix}: ${t.status.title}` : t.status.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}

/** Note length the task form allows; the handler checks the same limit. */
const NOTE_MAX_CHARS = 2000;

/**
 * The one-time page behind the link in a vendor's or a staff member's email: the request, who it
 * is about, the instructions, and one POST form (token, outcome, note, and for access an upload).
 * Works without JavaScript; kept out of search engines and referrers since it shows personal data.
 */
export function renderTaskPage(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  kind: 'email' | 'manual';
  type: Right;
  /** What this processor is asked to do; by default the right's usual action. */
  action?: BranchAction;
  /** Rectification: what the subject asked to have corrected (shown to whoever corrects it). */
  correction?: Correction;
  requestReference: string;
  identities: { email?: string; name?: string };
  instructions?: string;
  token: string;
  actionUrl: string;
  dueAt: string;
  allowUpload: boolean;
}): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const k = t.task;
  const kind = input.kind === 'manual' ? 'manual' : 'email';
  const type = asRight(input.type);
  const todo = taskTodo(type, input.action);
  const upload = input.allowUpload === true;
  const r = { controller: input.controllerName, processor: input.processorName, reference: input.requestReference };
  const requestTitle = k.title({ what: t.email.requestWhat[type] });
  const title = kind === 'manual' ? k.taskTitle(r) : requestTitle;
  const fact = (label: string, value: string) => `<dt>${e(label)}</dt>\n<dd>${value}</dd>`;

  const facts = `<dl class="facts">
${fact(k.facts.controller, e(input.controllerName))}
${fact(k.facts.reference, `<code>${e(input.requestReference)}</code>`)}
${fact(k.facts.type, e(requestTitle))}
${fact(k.facts.system, e(input.processorName))}
${fact(k.facts.dueAt, `<strong>${e(formatDateTime(input.dueAt, locale))}</strong>`)}
</dl>`;

  const ids = input.identities ?? {};
  const people = [ids.email ? fact(k.identity.email, e(ids.email)) : '', ids.name ? fact(k.identity.name, e(ids.name)) : ''].filter(Boolean);
  const person = people.length ? `<h2>${e(k.personTitle)}</h2>\n<dl class="facts">\n${people.join('\n')}\n</dl>` : '';

  const instructions = multiLine(input.instructions)
    ? `<h2>${e(k.instructionsTitle)}</h2>
<div class="panel">
${paragraphsOf(input.instructions)}
</div>`
    : '';
  const c = t.email.correction;
  const correction =
    todo === 'rectify' && input.correction
      ? `<h2>${e(c.title)}</h2>
<dl class="facts">
${input.correction.attribute ? fact(c.attribute, e(input.correction.attribute)) : ''}
${fact(c.inaccurate, paragraphsOf(input.correction.inaccurate))}
${fact(c.corrected, paragraphsOf(input.correction.corrected))}
</dl>`
      : '';

  const doneHint = {
    erase: k.doneHint.erasure,
    export: upload ? k.doneHint.accessUpload : k.doneHint.access,
    exportPortable: upload ? k.doneHint.accessUpload : k.doneHint.access,
    rectify: k.doneHint.rectify,
    restrict: k.doneHint.restrict,
  }[todo];
  const choice = (value: 'done' | 'not_found', hint: string) => {
    const id = `outcome-${value.replace('_', '-')}`;
    return `<div class="choice">
<input type="radio" id="${e(id)}" name="outcome" value="${e(value)}" required aria-describedby="${e(id)}-hint">
<label for="${e(id)}">${e(k.outcome[value])}</label>
<p class="hint" id="${e(id)}-hint">${e(hint)}</p>
</div>`;
  };
  const fileField = upload
    ? `<div class="field">
<label for="export">${e(k.fileLabel)}</label>
<p class="hint" id="export-hint">${e(k.fileHint)}</p>
<input type="file" id="export" name="export" aria-describedby="export-hint">
</div>`
    : '';

  const body = `<h1>${e(title)}</h1>
<p class="lead">${e(k.intro[kind]({ ...r, asked: t.email.asked[type]({ controller: input.controllerName }) }))}</p>
<p><strong>${e(t.email.staff.action[todo])}</strong></p>
${facts}
${person}
${correction}
${instructions}
<form method="post" action="${safeHref(input.actionUrl)}" enctype="${upload ? 'multipart/form-data' : 'application/x-www-form-urlencoded'}" accept-charset="utf-8">
<input type="hidden" name="token" value="${e(input.token)}">
<fieldset>
<legend>${e(k.outcomeLegend)}</legend>
${choice('done', doneHint)}
${choice('not_found', k.notFoundHint)}
</fieldset>
${fileField}
<div class="field">
<label for="note">${e(k.noteLabel)}</label>
<p class="hint" id="note-hint">${e(k.noteHint)}</p>
<textarea id="note" name="note" rows="6" maxlength="${NOTE_MAX_CHARS}" aria-describedby="note-hint"></textarea>
</div>
<p>${e(k.once)}</p>
<button type="submit">${e(k.submit)}</button>
</form>`;

  return layout({ locale, title, body, controllerName: input.controllerName, noindex: true, ...taskFrame(t) });
}

/** The frame of the task pages: they are for a vendor's or the organisation's staff, not the subject. */
function taskFrame(t: Texts) {
  return { siteName: t.task.siteName, footer: t.task.personalData };
}

/** After the task form: the answer is recorded, or (a second submit, an old link) it already was. */
export function renderTaskDone(input: { locale: Locale; alreadyDone: boolean }): string {
  const locale = safeLocale(input.locale);
  const k = texts[locale].task[input.alreadyDone === true ? 'alreadyDone' : 'done'];
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>`;
  return layout({ locale, title: k.title, body, noindex: true, ...taskFrame(texts[locale]) });
}

/** A task link that is unknown, malformed, or for a request that is closed. Says nothing about which. */
export function renderTaskLinkInvalid(input: { locale: Locale }): string {
  const locale = safeLocale(input.locale);
  const k = texts[locale].task.invalid;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>
<p>${e(k.next)}</p>`;
  return layout({ locale, title: k.title, body, noindex: true, ...taskFrame(texts[locale]) });
}

/**
 * A download link that has expired or is not valid; with `deletedAt`, one whose package the
 * service's own retention has deleted since the link expired (and says so).
 */
export function renderPackageExpired(input: { locale: Locale; downloadTtlDays?: number; deletedAt?: string } & PageOptions): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const title = input.deletedAt ? t.packageExpired.deletedTitle : t.packageExpired.title;
  const lead = input.deletedAt
    ? t.packageExpired.deletedBody({ date: formatDate(input.deletedAt, locale) })
    : t.packageExpired.body({ days: input.downloadTtlDays ?? DEFAULT_DOWNLOAD_TTL_DAYS });
  const body = `<h1>${e(title)}</h1>
<p class="lead">${e(lead)}</p>
<p>${e(t.packageExpired.next)}</p>
<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({
    locale,
    title,
    body,
    alternates: input.alternates,
    noindex: true,
  });
}

/**
 * A one-click unsubscribe link opened in a browser (RFC 8058): a button that POSTs, because mail
 * scanners open links with GET and must not unsubscribe anyone. `done` after the POST.
 */
export function renderUnsubscribePage(input: { locale: Locale; controllerName: string; purposeName: string; actionUrl?: string; done?: boolean }): string {
  const locale = safeLocale(input.locale);
  const u = texts[locale].unsubscribe;
  const names = { controller: input.controllerName, purpose: input.purposeName };
  const title = input.done ? u.doneTitle : u.title;
  const body = input.done
    ? `<p class="lead">${e(u.done(names))}</p>`
    : `<p class="lead">${e(u.confirm(names))}</p>
<form method="post" action="${safeHref(input.actionUrl ?? '')}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${e(u.button)}</button>
</form>`;
  return layout({ locale, title, body: `<h1>${e(title)}</h1>\n${body}`, noindex: true });
}

export function renderNotFound(input: { locale: Locale } & PageOptions): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const body = `<h1>${e(t.notFound.title)}</h1>
<p class="lead">${e(t.notFound.body)}</p>
<p><a href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({
    locale,
    title: t.notFound.title,
    body,
    alternates: input.alternates,
    noindex: true,
  });
}
