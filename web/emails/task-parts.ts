/** What the vendor and staff task emails share: who asks what, about whom, and the correction. */

import type { BranchAction } from '../../functions/domain/request';
import { multiLine } from '../html.ts';
import { formatDateTime, type Locale, type Right, asRight as right } from '../locale.ts';
import { type Correction, TASK_IDENTITIES, type TaskIdentities, taskTodo } from '../tasks.ts';
import type { TaskTexts } from '../texts/task/index.ts';
import { facts, type MaybeBlock, oneLine, quote } from './email.ts';

/** The subject's identities a vendor or staff member needs to find them, as labelled lines. */
export function identityBlock(t: TaskTexts, identities: TaskIdentities | undefined = {}): MaybeBlock {
  const rows: [string, string][] = [];
  for (const id of TASK_IDENTITIES) {
    const value = identities[id];
    if (value) rows.push([t.task.identity[id], oneLine(value)]);
  }
  return rows.length > 0 && facts(t.task.personTitle, rows);
}

/** The correction as labelled parts: the attribute on one line, the subject's own words with their line breaks. */
export function correctionBlock(t: TaskTexts, correction: Correction | undefined): MaybeBlock {
  if (!correction) return undefined;
  const k = t.email.correction;
  return quote(k.title, [
    ...(correction.attribute ? [{ label: k.attribute, text: oneLine(correction.attribute) }] : []),
    { label: k.inaccurate, text: multiLine(correction.inaccurate) },
    { label: k.corrected, text: multiLine(correction.corrected) },
  ]);
}

/** The parts of a processor-facing message every task email shares: who asks what, and the reference. */
export function taskParts(
  t: TaskTexts,
  locale: Locale,
  input: {
    controllerName: string;
    processorName: string;
    type: Right;
    action?: BranchAction;
    requestReference: string;
    correction?: Correction;
    identities?: TaskIdentities;
    taskUrl: string;
    dueAt: string;
  },
) {
  const type = right(input.type);
  const todo = taskTodo(type, input.action);
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  return {
    type,
    todo,
    r,
    asked: t.email.asked[type]({ controller: r.controller }),
    url: oneLine(input.taskUrl),
    due: t.email.task.dueBy({ date: formatDateTime(input.dueAt, locale) }),
    person: identityBlock(t, input.identities),
    correction: correctionBlock(t, todo === 'rectify' ? input.correction : undefined),
  };
}
