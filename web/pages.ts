/**
 * Server-rendered pages. Each function takes plain data and returns a complete HTML document.
 * No page uses JavaScript: forms post natively, and every value is escaped with escapeHtml.
 */
import { escapeHtml as e, escapeUrlPart, formAlternates, layout, multiLine, safeHref } from './html.ts';
import {
  DEFAULT_LOCALE,
  FORM_RIGHTS,
  RIGHTS,
  formatDate,
  formatDateTime,
  isLocale,
  texts,
  type FormRight,
  type Locale,
  type Texts,
} from './i18n.ts';

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
  /** Shown with the other rights when the form is for this one organisation. */
  dpoEmail?: string;
  privacyPolicyUrl?: string;
}

/** Form fields in the order they appear; the error summary follows the same order. */
const FIELD_ORDER = ['body', 'locale', 'controller', 'type', 'email', 'name'] as const;
type FieldName = (typeof FIELD_ORDER)[number];

export function renderRequestForm(
  input: {
    locale: Locale;
    controllers: FormController[];
    selectedControllerId?: string;
    values?: { type?: string; email?: string; name?: string };
    errors?: Record<string, string>;
    verifyTtlDays?: number;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const values = input.values ?? {};
  const errors = input.errors ?? {};
  const single = input.controllers.length === 1 ? input.controllers[0] : undefined;
  const selected = single ?? input.controllers.find((c) => c.id === input.selectedControllerId);
  const hasErrors = Object.keys(errors).length > 0;

  // Where the error summary's links lead: the first control of each field, if it is visible.
  const anchor: Partial<Record<string, string>> = { type: 'type-access', email: 'email', name: 'name' };
  if (!single && input.controllers.length > 0) anchor.controller = 'controller';

  const errorId = (field: string) => `${field}-error`;
  const fieldError = (field: FieldName) =>
    errors[field] === undefined
      ? ''
      : `<p class="field-error" id="${e(errorId(field))}"><span class="visually-hidden">${e(t.common.errorPrefix)}: </span>${errorText(t, locale, field, errors[field])}</p>`;
  const describedBy = (...ids: (string | false)[]) => {
    const list = ids.filter((x): x is string => Boolean(x));
    return list.length ? ` aria-describedby="${e(list.join(' '))}"` : '';
  };
  const invalid = (field: FieldName) => (errors[field] !== undefined ? ' aria-invalid="true"' : '');

  const summary = hasErrors ? errorSummary(t, locale, errors, anchor) : '';

  const controllerField = single
    ? `<input type="hidden" name="controller" value="${e(single.id)}">${fieldError('controller')}`
    : input.controllers.length === 0
      ? `<p class="panel warn">${e(t.form.noControllers)}</p>${fieldError('controller')}`
      : `<div class="field${errors.controller !== undefined ? ' invalid' : ''}">
<label for="controller">${e(t.form.controllerLabel)}</label>
${fieldError('controller')}
<select id="controller" name="controller" required${invalid('controller')}${describedBy(errors.controller !== undefined && errorId('controller'))}>
<option value="">${e(t.form.controllerPlaceholder)}</option>
${input.controllers
  .map((c) => `<option value="${e(c.id)}"${c.id === selected?.id ? ' selected' : ''}>${e(c.name)}</option>`)
  .join('\n')}
</select>
</div>`;

  const typeError = errors.type !== undefined;
  const typeField = `<fieldset${describedBy(typeError && errorId('type'))}${typeError ? ' class="invalid"' : ''}>
<legend>${e(t.form.typeLegend)}</legend>
${fieldError('type')}
${FORM_RIGHTS.map((right) => {
  const id = `type-${right}`;
  return `<div class="choice">
<input type="radio" id="${e(id)}" name="type" value="${e(right)}" required${values.type === right ? ' checked' : ''}${describedBy(`${id}-hint`)}>
<label for="${e(id)}">${e(t.form.typeLabel[right])}</label>
<p class="hint" id="${e(id)}-hint">${e(t.rights[right].summary)}</p>
</div>`;
}).join('\n')}
</fieldset>`;

  const emailError = errors.email !== undefined;
  const emailField = `<div class="field${emailError ? ' invalid' : ''}">
<label for="email">${e(t.form.emailLabel)}</label>
<p class="hint" id="email-hint">${e(t.form.emailHint)}</p>
${fieldError('email')}
<input type="email" id="email" name="email" value="${e(values.email ?? '')}" required autocomplete="email" spellcheck="false" autocapitalize="off"${invalid('email')}${describedBy('email-hint', emailError && errorId('email'))}>
</div>`;

  const nameError = errors.name !== undefined;
  const nameField = `<div class="field${nameError ? ' invalid' : ''}">
<label for="name">${e(t.form.nameLabel)}</label>
<p class="hint" id="name-hint">${e(t.form.nameHint)}</p>
${fieldError('name')}
<input type="text" id="name" name="name" value="${e(values.name ?? '')}" autocomplete="name"${invalid('name')}${describedBy('name-hint', nameError && errorId('name'))}>
</div>`;

  const ttl = input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS;
  const otherRights = RIGHTS.filter((r) => !(FORM_RIGHTS as readonly string[]).includes(r));
  const contact = selected ? organisationContact(t, selected) : '';

  const body = `<h1>${e(t.form.title)}</h1>
${summary}
<p class="lead">${e(t.form.intro)}</p>
${single ? `<p>${e(t.form.introTo({ controller: single.name }))}</p>` : ''}
<h2>${e(t.form.howTitle)}</h2>
<ol class="steps">
${t.form.steps({ days: ttl }).map((s) => `<li>${e(s)}</li>`).join('\n')}
</ol>
<form method="post" action="/v1/requests" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="locale" value="${e(locale)}">
${fieldError('locale')}
${fieldError('body')}
${controllerField}
${typeField}
${emailField}
${nameField}
<p>${e(t.form.privacyNote)}</p>
<button type="submit">${e(t.form.submit)}</button>
</form>
<h2>${e(t.form.otherRightsTitle)}</h2>
<p>${e(t.form.otherRightsIntro)}</p>
<dl class="rights">
${otherRights.map((r) => `<dt>${e(t.rights[r].title)}</dt>\n<dd>${e(t.rights[r].summary)}</dd>`).join('\n')}
</dl>
${contact}`;

  return layout({
    locale,
    title: hasErrors ? `${t.common.errorPrefix}: ${t.form.title}` : t.form.title,
    body,
    controllerName: single?.name,
    alternates: input.alternates ?? formAlternates(),
  });
}

/** A field's error: the server's message in English, with a translated explanation in front of it. */
function errorText(t: Texts, locale: Locale, field: string, serverMessage: string | undefined): string {
  const generic = (t.form.fieldErrors as Record<string, string>)[field];
  if (locale === 'en') return e(serverMessage || generic || '');
  const english = serverMessage ? ` <span lang="en">(${e(t.form.inEnglish)} ${e(serverMessage)})</span>` : '';
  return `${e(generic ?? '')}${english}`;
}

/** The list of problems at the top of the form, each linking to its field when the field is visible. */
function errorSummary(
  t: Texts,
  locale: Locale,
  errors: Record<string, string>,
  anchor: Partial<Record<string, string>>,
): string {
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
  input: { locale: Locale; controllerName: string; verifyTtlDays?: number } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const body = `<h1>${e(t.accepted.title)}</h1>
<p class="lead">${e(t.accepted.body({ controller: input.controllerName }))}</p>
<p>${e(t.accepted.expires({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS }))}</p>
<p>${e(t.accepted.noDataHint)}</p>
<h2>${e(t.accepted.noEmailTitle)}</h2>
<p>${e(t.accepted.noEmail)}</p>
<p><a href="/${escapeUrlPart(locale)}">${e(t.accepted.sendAgain)}</a></p>`;
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
    type: FormRight;
    controllerName: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const type: FormRight = input.type === 'erasure' ? 'erasure' : 'access';
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
    type: FormRight;
    dueAt: string;
    statusUrl: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const type: FormRight = input.type === 'erasure' ? 'erasure' : 'access';
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
  const statusLink = input.statusUrl
    ? `<p><a href="${safeHref(input.statusUrl)}">${e(t.common.statusLink)}</a></p>`
    : '';
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
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const typeLabel = (t.requestType as Record<string, string>)[input.type] ?? input.type;
  const status = (t.status.requestStatus as Record<string, { label: string; description: string }>)[input.status];
  const branchLabel = (s: string) => (t.status.branchStatus as Record<string, string>)[s] ?? s;
  const tagClass = (s: string) =>
    s === 'failed' ? 'tag failed' : s === 'completed' ? 'tag completed' : s === 'waiting' ? 'tag waiting' : 'tag';
  const row = (label: string, value: string | undefined) =>
    value ? `<dt>${e(label)}</dt>\n<dd>${value}</dd>` : '';
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
  const body = `<h1>${e(t.status.title)}</h1>
${input.justWithdrawn ? `<div class="panel" role="status"><p>${e(t.status.withdrawnNotice)}</p></div>` : ''}
${status ? `<div class="panel"><p><strong>${e(t.status.status)}: ${e(status.label)}</strong></p><p>${e(status.description)}</p></div>` : ''}
${facts}
${systems}
<p class="hint">${e(t.status.refreshHint)}</p>
${withdraw}`;
  return layout({
    locale,
    title: t.status.title,
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
  type: 'access' | 'erasure';
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
  const type: FormRight = input.type === 'erasure' ? 'erasure' : 'access';
  const upload = input.allowUpload === true;
  const r = { controller: input.controllerName, processor: input.processorName, reference: input.requestReference };
  const title = kind === 'manual' ? k.taskTitle(r) : k.title[type];
  const fact = (label: string, value: string) => `<dt>${e(label)}</dt>\n<dd>${value}</dd>`;

  const facts = `<dl class="facts">
${fact(k.facts.controller, e(input.controllerName))}
${fact(k.facts.reference, `<code>${e(input.requestReference)}</code>`)}
${fact(k.facts.type, e(k.title[type]))}
${fact(k.facts.system, e(input.processorName))}
${fact(k.facts.dueAt, `<strong>${e(formatDateTime(input.dueAt, locale))}</strong>`)}
</dl>`;

  const ids = input.identities ?? {};
  const people = [
    ids.email ? fact(k.identity.email, e(ids.email)) : '',
    ids.name ? fact(k.identity.name, e(ids.name)) : '',
  ].filter(Boolean);
  const person = people.length
    ? `<h2>${e(k.personTitle)}</h2>\n<dl class="facts">\n${people.join('\n')}\n</dl>`
    : '';

  const instructionsText = multiLine(input.instructions);
  const instructions = instructionsText
    ? `<h2>${e(k.instructionsTitle)}</h2>
<div class="panel">
${instructionsText
  .split('\n\n')
  .map((par) => `<p>${par.split('\n').map((line) => e(line)).join('<br>')}</p>`)
  .join('\n')}
</div>`
    : '';

  const doneHint = type === 'erasure' ? k.doneHint.erasure : upload ? k.doneHint.accessUpload : k.doneHint.access;
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
<p class="lead">${e(k.intro[kind][type](r))}</p>
${facts}
${person}
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

/** A download link that has expired or is not valid. */
export function renderPackageExpired(input: { locale: Locale; downloadTtlDays?: number } & PageOptions): string {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const body = `<h1>${e(t.packageExpired.title)}</h1>
<p class="lead">${e(t.packageExpired.body({ days: input.downloadTtlDays ?? DEFAULT_DOWNLOAD_TTL_DAYS }))}</p>
<p>${e(t.packageExpired.next)}</p>
<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({
    locale,
    title: t.packageExpired.title,
    body,
    alternates: input.alternates,
    noindex: true,
  });
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
