/** The request form: one controller's form with each right's own fields, or the list of organisations. */

import { IDENTIFIER_MAX, type Identifier } from '../../functions/domain/identifiers';
import { MANDATE_EXTENSIONS, MANDATE_MAX_BYTES, OBJECTION_SCOPES, REPRESENTATIONS, type Representation } from '../../functions/domain/request';
import { DEFAULT_VERIFY_TTL_DAYS, escapeHtml as e, errorText, formAlternates, layout, type PageOptions, safeHref } from '../html.ts';
import { htmlSentence, htmlText, langAttr, plainText, type Text } from '../local-text.ts';
import { LOCALES, type Locale, RIGHTS, type Right, safeLocale } from '../locale.ts';
import { type IntakeTexts, intakeTexts } from '../texts/intake/index.ts';
import { textsOf } from '../texts/merge.ts';
import { type SiteTexts, siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
type PageTexts = SiteTexts & IntakeTexts;
const T = /* @__PURE__ */ textsOf(siteTexts, intakeTexts);

/**
 * One controller as its form shows it. Its texts from the register are in the page's language, or
 * carry the language they fell back to (`LocalText`), which the page marks with `lang`.
 */
export interface FormController {
  id: string;
  name: Text;
  /** Shown under the form, with the privacy policy. */
  dpoEmail?: string;
  privacyPolicyUrl?: string;
  /** The languages the controller's form is offered in (default: all). */
  locales?: readonly Locale[];
  /** Withdrawal of consent is offered only when the controller declares processing by consent. */
  consentPurposes?: { id: string; name: Text; description?: Text }[];
  /** Organisations a portability package can be sent to directly (Art. 20(2)). */
  portabilityTargets?: { id: string; name: Text }[];
  /** Attributes the subject may pick when asking for a correction, each with its label ("Phone number"); anything else is described in words. */
  rectifiableAttributes?: (string | { id: string; label: Text })[];
  /** The controller also holds data for customers: the form asks which one (the description says who they are). */
  actsAsProcessorFor?: { description: Text };
  /** What the form asks for beyond the email address (the register's `identifiers`), each optional. */
  identifiers?: readonly Identifier[];
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
  'onBehalfOf',
  'subjectName',
  'subjectEmail',
  'mandate',
  'email',
  'phone',
  'customerNumber',
  'memberNumber',
  'username',
  'name',
] as const;

type FieldName = (typeof FIELD_ORDER)[number];

/** What the form re-renders with after a refusal: each field as it was sent (`consentPurposes` a list). */
export type FormValues = Partial<Record<FieldName, string | string[]>>;

/** Maximum lengths the form states; the submission schema checks the same. */
const MAX = {
  inaccurate: 2000,
  corrected: 2000,
  objectionGrounds: 4000,
  message: 4000,
  viaCustomer: 200,
  name: 200,
  email: 254,
  subjectName: 200,
  subjectEmail: 254,
  ...IDENTIFIER_MAX,
} as const;

/** The largest mandate file, as the form states it. */
const MANDATE_MAX_MB = MANDATE_MAX_BYTES / (1024 * 1024);

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
  const t = T[locale];
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
  const attributes = (selected.rectifiableAttributes ?? []).map((a) => (typeof a === 'string' ? { id: a, label: a as Text } : a));

  const errorId = (field: string) => `${field}-error`;
  const fieldError = (field: FieldName) =>
    errors[field] === undefined
      ? ''
      : `<p class="field-error" id="${e(errorId(field))}"><span class="visually-hidden">${e(t.common.errorPrefix)}: </span>${fieldErrorText(t, locale, field)}</p>`;
  const describedBy = (...ids: (string | false)[]) => {
    const list = ids.filter((x): x is string => Boolean(x));
    return list.length ? ` aria-describedby="${e(list.join(' '))}"` : '';
  };
  const bad = (field: FieldName) => errors[field] !== undefined;
  const invalid = (field: FieldName) => (bad(field) ? ' aria-invalid="true"' : '');
  const hint = (id: string, text: string | { html: string }) => `<p class="hint" id="${e(id)}">${typeof text === 'string' ? e(text) : text.html}</p>`;
  /** A labelled text field (input or textarea) with its hint and error. */
  const textField = (field: FieldName, label: string, hintText: string | { html: string } | undefined, control: 'input' | 'textarea', attrs = '') => {
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
  const choice = (type: 'radio' | 'checkbox', name: string, id: string, val: string, label: Text, checked: boolean, hintText?: Text, required = false) =>
    `<div class="choice">
<input type="${type}" id="${e(id)}" name="${e(name)}" value="${e(val)}"${required ? ' required' : ''}${checked ? ' checked' : ''}${hintText ? describedBy(`${id}-hint`) : ''}>
<label for="${e(id)}"${langAttr(label, locale)}>${e(plainText(label))}</label>
${hintText ? `<p class="hint" id="${e(`${id}-hint`)}"${langAttr(hintText, locale)}>${e(plainText(hintText))}</p>` : ''}
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
    onBehalfOf: 'onBehalfOf-self',
    subjectName: 'subjectName',
    subjectEmail: 'subjectEmail',
    mandate: 'mandate',
  };
  const identifiers = selected.identifiers ?? [];
  for (const id of identifiers) anchor[id] = id;
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
${targets.map((x) => `<option value="${e(x.id)}"${langAttr(x.name, locale)}${value('transmitTo') === x.id ? ' selected' : ''}>${e(plainText(x.name))}</option>`).join('\n')}
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
${attributes.map((x) => `<option value="${e(x.id)}"${value('rectifyAttribute') === x.id ? ' selected' : ''}${langAttr(x.label, locale)}>${e(plainText(x.label))}</option>`).join('\n')}
<option value=""${attributes.some((x) => x.id === value('rectifyAttribute')) ? '' : ' selected'}>${e(f.rectifyAttributeOther)}</option>
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
${purposes.map((x) => choice('checkbox', 'consentPurposes[]', `consentPurposes-${x.id}`, x.id, x.name, chosen.includes(x.id), x.description)).join('\n')}
</fieldset>`,
      ),
    );
  }

  const viaCustomer = selected.actsAsProcessorFor
    ? textField(
        'viaCustomer',
        f.viaCustomerLabel,
        { html: htmlSentence(f.viaCustomerHint, { controller: selected.name, description: selected.actsAsProcessorFor.description }, locale) },
        'input',
      )
    : fieldError('viaCustomer');
  const emailField = `<div class="field${bad('email') ? ' invalid' : ''}">
<label for="email">${e(f.emailLabel)}</label>
${hint('email-hint', f.emailHint)}${fieldError('email')}
<input type="email" id="email" name="email" value="${e(value('email'))}" required maxlength="${MAX.email}" autocomplete="email" spellcheck="false" autocapitalize="off"${invalid('email')}${describedBy('email-hint', bad('email') && errorId('email'))}>
</div>`;
  const nameField = textField('name', f.nameLabel, f.nameHint, 'input', ' autocomplete="name"');
  // Someone asking for another person: who, and the document that shows they may. Hidden by CSS
  // (html.ts) while "me" is chosen; a fieldset with an error stays visible.
  const forWhom = value('onBehalfOf');
  const forWhomField = `<fieldset${describedBy('onBehalfOf-hint', bad('onBehalfOf') && errorId('onBehalfOf'))}${bad('onBehalfOf') ? ' class="invalid"' : ''}>
<legend>${e(f.forWhomLegend)}</legend>
${hint('onBehalfOf-hint', f.forWhomHint)}${fieldError('onBehalfOf')}
${choice('radio', 'onBehalfOf', 'onBehalfOf-self', '', f.forWhom.self, !REPRESENTATIONS.includes(forWhom as Representation))}
${REPRESENTATIONS.map((r) => choice('radio', 'onBehalfOf', `onBehalfOf-${r}`, r, f.forWhom[r], forWhom === r)).join('\n')}
</fieldset>`;
  const mandateHintId = 'mandate-hint';
  const representationFields = `<fieldset class="representation-fields${(['subjectName', 'subjectEmail', 'mandate'] as const).some(bad) ? ' invalid' : ''}" aria-describedby="representation-hint">
<legend>${e(f.representationLegend)}</legend>
${hint('representation-hint', f.representationHint)}
${textField('subjectName', f.subjectNameLabel, undefined, 'input', ' autocomplete="off"')}
<div class="field${bad('subjectEmail') ? ' invalid' : ''}">
<label for="subjectEmail">${e(f.subjectEmailLabel)}</label>
${hint('subjectEmail-hint', f.subjectEmailHint)}${fieldError('subjectEmail')}
<input type="email" id="subjectEmail" name="subjectEmail" value="${e(value('subjectEmail'))}" maxlength="${MAX.subjectEmail}" autocomplete="off" spellcheck="false" autocapitalize="off"${invalid('subjectEmail')}${describedBy('subjectEmail-hint', bad('subjectEmail') && errorId('subjectEmail'))}>
</div>
<div class="field${bad('mandate') ? ' invalid' : ''}">
<label for="mandate">${e(f.mandateLabel)}</label>
${hint(mandateHintId, f.mandateHint({ mb: MANDATE_MAX_MB }))}${fieldError('mandate')}
<input type="file" id="mandate" name="mandate" accept="${e(MANDATE_EXTENSIONS.map((x) => `.${x}`).join(','))}"${invalid('mandate')}${describedBy(mandateHintId, bad('mandate') && errorId('mandate'))}>
</div>
</fieldset>`;
  // A phone number is typed as people write it; the service makes it E.164 and says plainly when it cannot.
  const identifierFields = identifiers.map((id) =>
    textField(
      id,
      f.identifierLabel[id],
      f.identifierHint[id],
      'input',
      id === 'phone'
        ? ' inputmode="tel" autocomplete="tel"'
        : id === 'username'
          ? ' autocomplete="username" spellcheck="false" autocapitalize="off"'
          : ' spellcheck="false"',
    ),
  );
  // An identifier this form does not ask for can still come back refused (an API client): its error shows.
  const unaskedErrors = (['phone', 'customerNumber', 'memberNumber', 'username'] as const)
    .filter((id) => !identifiers.includes(id))
    .map(fieldError)
    .join('');

  const body = `<h1>${e(f.title)}</h1>
${hasErrors ? errorSummary(t, locale, errors, anchor) : ''}
<p class="lead">${e(f.intro)}</p>
<p>${htmlSentence(f.introTo, { controller: selected.name }, locale)}</p>
<h2>${e(f.howTitle)}</h2>
<ol class="steps">
${f
  .steps({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS })
  .map((s) => `<li>${e(s)}</li>`)
  .join('\n')}
</ol>
<form method="post" action="/v1/requests" enctype="multipart/form-data" accept-charset="utf-8">
<input type="hidden" name="locale" value="${e(locale)}">
<input type="hidden" name="controller" value="${e(selected.id)}">
${fieldError('locale')}${fieldError('body')}${fieldError('controller')}
${typeField}
${sections.join('\n')}
${viaCustomer}
${textField('message', f.messageLabel, f.messageHint, 'textarea')}
${forWhomField}
${representationFields}
${emailField}
${identifierFields.join('\n')}${unaskedErrors}
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
  const t = T[locale];
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
${input.controllers.map((c) => `<li><a href="${safeHref(formOf(c))}">${htmlText(c.name, locale)}</a></li>`).join('\n')}
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

/** A field's error: the form's own explanation of the field, or the one given. */
function fieldErrorText(t: PageTexts, locale: Locale, field: string): string {
  return errorText(locale, (t.form.fieldErrors as Record<string, string | undefined>)[field]);
}

/** The list of problems at the top of the form, each linking to its field when the field is visible. */
function errorSummary(t: PageTexts, locale: Locale, errors: Record<string, string>, anchor: Partial<Record<string, string>>): string {
  const known = FIELD_ORDER.filter((f) => errors[f] !== undefined) as string[];
  const others = Object.keys(errors).filter((f) => !known.includes(f));
  const items = [...known, ...others].map((field) => {
    const message = fieldErrorText(t, locale, field);
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

function organisationContact(t: PageTexts, c: FormController): string {
  const parts: string[] = [];
  if (c.dpoEmail) {
    parts.push(`${e(t.common.dpoLabel)}: <a href="mailto:${e(c.dpoEmail)}">${e(c.dpoEmail)}</a>`);
  }
  if (c.privacyPolicyUrl) {
    parts.push(`<a href="${safeHref(c.privacyPolicyUrl)}">${e(t.common.privacyPolicy)}</a>`);
  }
  return parts.length ? `<p>${parts.join('<br>\n')}</p>` : '';
}
