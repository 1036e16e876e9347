/** The one-time task page for a vendor's privacy contact or a member of staff, and the pages after it. */

import { BASIS_MAX_CHARS, KEPT_MAX_CHARS } from '../../functions/domain/processor-answer';
import type { BranchAction } from '../../functions/domain/request';
import { escapeHtml as e, layout, multiLine, paragraphsOf, safeHref } from '../html.ts';
import { htmlText, langAttr, plainText, type Text } from '../local-text.ts';
import { asRight, formatDateTime, type Locale, type Right, safeLocale } from '../locale.ts';
import { type Correction, TASK_IDENTITIES, type TaskIdentities, taskTodo } from '../tasks.ts';
import { type TaskTexts, taskTexts } from '../texts/task/index.ts';

/** Note length the task form allows; the handler checks the same limit. */
const NOTE_MAX_CHARS = 2000;

/**
 * The one-time page behind the link in a vendor's or a staff member's email: the request, who it
 * is about, the instructions, and one POST form back to the link (outcome, note, and for access an
 * upload); the token travels in the link's query, checked before the form is read.
 * Works without JavaScript; kept out of search engines and referrers since it shows personal data.
 */
export function renderTaskPage(input: {
  locale: Locale;
  /** From the register, in the page's language or marked with the one it fell back to. */
  controllerName: Text;
  processorName: Text;
  kind: 'email' | 'manual';
  type: Right;
  /** What this processor is asked to do; by default the right's usual action. */
  action?: BranchAction;
  /** Rectification: what the subject asked to have corrected (shown to whoever corrects it). */
  correction?: Correction;
  requestReference: string;
  identities: TaskIdentities;
  /** The register's instructions (a manual processor), in the page's language or marked with the one it fell back to. */
  instructions?: Text;
  /** The link itself (with its token): the token is checked before the body is read. */
  actionUrl: string;
  dueAt: string;
  allowUpload: boolean;
  /** The file extensions an upload may have (e.g. `pdf`), for the browser's file picker. */
  acceptedExtensions?: readonly string[];
  /** A refused answer: the fields refused (by name), shown next to them, and what was sent, kept in the form. */
  errors?: Record<string, string>;
  values?: { outcome?: unknown; basis?: unknown; until?: unknown; kept?: unknown; reason?: unknown; note?: unknown };
}): string {
  const locale = safeLocale(input.locale);
  const t = taskTexts[locale];
  const k = t.task;
  const kind = input.kind === 'manual' ? 'manual' : 'email';
  const type = asRight(input.type);
  const todo = taskTodo(type, input.action);
  const upload = input.allowUpload === true;
  const r = { controller: plainText(input.controllerName), processor: plainText(input.processorName), reference: input.requestReference };
  const requestTitle = k.title({ what: t.email.requestWhat[type] });
  const title = kind === 'manual' ? k.taskTitle(r) : requestTitle;
  const fact = (label: string, value: string) => `<dt>${e(label)}</dt>\n<dd>${value}</dd>`;

  const facts = `<dl class="facts">
${fact(k.facts.controller, htmlText(input.controllerName, locale))}
${fact(k.facts.reference, `<code>${e(input.requestReference)}</code>`)}
${fact(k.facts.type, e(requestTitle))}
${fact(k.facts.system, htmlText(input.processorName, locale))}
${fact(k.facts.dueAt, `<strong>${e(formatDateTime(input.dueAt, locale))}</strong>`)}
</dl>`;

  const ids = input.identities ?? {};
  const people = TASK_IDENTITIES.flatMap((id) => (ids[id] ? [fact(k.identity[id], e(ids[id]))] : []));
  const person = people.length ? `<h2>${e(k.personTitle)}</h2>\n<dl class="facts">\n${people.join('\n')}\n</dl>` : '';

  const instructions = multiLine(plainText(input.instructions))
    ? `<h2>${e(k.instructionsTitle)}</h2>
<div class="panel"${input.instructions ? langAttr(input.instructions, locale) : ''}>
${paragraphsOf(plainText(input.instructions))}
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
  const errors = input.errors ?? {};
  const values = input.values ?? {};
  const sent = (field: keyof typeof values) => (typeof values[field] === 'string' ? (values[field] as string) : '');
  const errorId = (field: string) => `${field}-error`;
  // Each refused field says so in the page's words, next to the field (the 400's messages are English).
  const fieldError = (field: keyof typeof k.errors) =>
    errors[field] === undefined ? '' : `<p class="field-error" id="${e(errorId(field))}">${e(k.errors[field])}</p>`;
  const describedBy = (field: keyof typeof k.errors, hintId: string) => (errors[field] === undefined ? hintId : `${hintId} ${errorId(field)}`);
  const choice = (value: 'done' | 'not_found' | 'retained' | 'partly', hint: string) => {
    const id = `outcome-${value.replace('_', '-')}`;
    return `<div class="choice">
<input type="radio" id="${e(id)}" name="outcome" value="${e(value)}" required aria-describedby="${e(id)}-hint"${sent('outcome') === value ? ' checked' : ''}>
<label for="${e(id)}">${e(k.outcome[value])}</label>
<p class="hint" id="${e(id)}-hint">${e(hint)}</p>
</div>`;
  };
  const textField = (field: 'basis' | 'kept' | 'reason', label: string, hint: string, max: number) => `<div class="field">
<label for="${field}">${e(label)}</label>
<p class="hint" id="${field}-hint">${e(hint)}</p>
${fieldError(field)}<textarea id="${field}" name="${field}" rows="${field === 'basis' ? 2 : 3}" maxlength="${max}" aria-describedby="${e(describedBy(field, `${field}-hint`))}"${errors[field] === undefined ? '' : ' aria-invalid="true"'}>${e(sent(field))}</textarea>
</div>`;
  // Without JavaScript every field is there; the server asks only for those the chosen outcome needs.
  const keptFields = `<fieldset>
<legend>${e(k.keptLegend)}</legend>
${textField('basis', k.basisLabel, k.basisHint, BASIS_MAX_CHARS)}
${textField('kept', k.keptLabel, k.keptHint, KEPT_MAX_CHARS)}
${textField('reason', k.reasonLabel, k.reasonHint, KEPT_MAX_CHARS)}
<div class="field">
<label for="until">${e(k.untilLabel)}</label>
<p class="hint" id="until-hint">${e(k.untilHint)}</p>
${fieldError('until')}<input type="date" id="until" name="until" value="${e(sent('until'))}" aria-describedby="${e(describedBy('until', 'until-hint'))}"${errors.until === undefined ? '' : ' aria-invalid="true"'}>
</div>
</fieldset>`;
  const summary =
    Object.keys(errors).length > 0
      ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${e(k.errorTitle)}</h2>
<ul>${(Object.keys(k.errors) as (keyof typeof k.errors)[])
          .filter((f) => errors[f] !== undefined)
          .map((f) => `<li><a href="#${f === 'outcome' ? 'outcome-done' : f}">${e(k.errors[f])}</a></li>`)
          .join('')}</ul>
</div>
`
      : '';
  const fileField = upload
    ? `<div class="field">
<label for="export">${e(k.fileLabel)}</label>
<p class="hint" id="export-hint">${e(k.fileHint)}</p>
${fieldError('export')}<input type="file" id="export" name="export" aria-describedby="${e(describedBy('export', 'export-hint'))}"${errors.export === undefined ? '' : ' aria-invalid="true"'}${input.acceptedExtensions ? ` accept="${e(input.acceptedExtensions.map((x) => `.${x}`).join(','))}"` : ''}>
</div>`
    : '';

  const body = `${summary}<h1>${e(title)}</h1>
<p class="lead">${e(k.intro[kind]({ ...r, asked: t.email.asked[type]({ controller: r.controller }) }))}</p>
<p><strong>${e(t.email.staff.action[todo])}</strong></p>
${facts}
${person}
${correction}
${instructions}
<form method="post" action="${safeHref(input.actionUrl)}" enctype="${upload ? 'multipart/form-data' : 'application/x-www-form-urlencoded'}" accept-charset="utf-8">
<fieldset>
<legend>${e(k.outcomeLegend)}</legend>
${fieldError('outcome')}${choice('done', doneHint)}
${choice('not_found', k.notFoundHint)}
${choice('retained', k.retainedHint)}
${choice('partly', k.partlyHint)}
</fieldset>
${keptFields}
${fileField}
<div class="field">
<label for="note">${e(k.noteLabel)}</label>
<p class="hint" id="note-hint">${e(k.noteHint)}</p>
<textarea id="note" name="note" rows="6" maxlength="${NOTE_MAX_CHARS}" aria-describedby="note-hint">${e(sent('note'))}</textarea>
</div>
<p>${e(k.once)}</p>
<button type="submit">${e(k.submit)}</button>
</form>`;

  return layout({ locale, title, body, controllerName: input.controllerName, noindex: true, ...taskFrame(t) });
}

/** The frame of the task pages: they are for a vendor's or the organisation's staff, not the subject. */
function taskFrame(t: TaskTexts) {
  return { siteName: t.task.siteName, footer: t.task.personalData };
}

/** After the task form: the answer is recorded, or (a second submit, an old link) it already was. */
export function renderTaskDone(input: { locale: Locale; alreadyDone: boolean; controllerName?: Text }): string {
  const locale = safeLocale(input.locale);
  const k = taskTexts[locale].task[input.alreadyDone === true ? 'alreadyDone' : 'done'];
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>`;
  return layout({ locale, title: k.title, body, controllerName: input.controllerName, noindex: true, ...taskFrame(taskTexts[locale]) });
}

/** A task link whose request the subject withdrew before it was answered: nothing more to do. */
export function renderTaskWithdrawn(input: { locale: Locale; controllerName?: Text }): string {
  const locale = safeLocale(input.locale);
  const k = taskTexts[locale].task.withdrawn;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>`;
  return layout({ locale, title: k.title, body, controllerName: input.controllerName, noindex: true, ...taskFrame(taskTexts[locale]) });
}

/** A task link that is unknown, malformed, or for a request that is closed. Says nothing about which. */
export function renderTaskLinkInvalid(input: { locale: Locale }): string {
  const locale = safeLocale(input.locale);
  const k = taskTexts[locale].task.invalid;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>
<p>${e(k.next)}</p>`;
  return layout({ locale, title: k.title, body, noindex: true, ...taskFrame(taskTexts[locale]) });
}
