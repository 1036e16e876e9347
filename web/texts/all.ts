/**
 * Every area's words merged into one tree per language, for tests and tools that look words up by
 * their path (`texts.en.email.repeat.notice`). No function imports this: each renders from the
 * areas it needs, so that its bundle carries only those.
 */
import type { Locale } from '../locale.ts';
import { type AnswerTexts, answerTexts } from './answer/index.ts';
import { type IntakeTexts, intakeTexts } from './intake/index.ts';
import { type MailTexts, mailTexts } from './mail/index.ts';
import { textsOf } from './merge.ts';
import { type RequestTexts, requestTexts } from './request/index.ts';
import { type SiteTexts, siteTexts } from './site/index.ts';
import { type StaffMailTexts, staffMailTexts } from './staff-mail/index.ts';
import { type StatusTexts, statusTexts } from './status/index.ts';
import { type TaskTexts, taskTexts } from './task/index.ts';
import { type TransparencyTexts, transparencyTexts } from './transparency/index.ts';

/** The words of every page and email a person sees, as one tree; the staff console's are in `console/`. */
export type Texts = SiteTexts & IntakeTexts & RequestTexts & StatusTexts & TransparencyTexts & TaskTexts & MailTexts & AnswerTexts & StaffMailTexts;

/** The areas, in no particular order: no two of them hold the same path. */
export const AREAS = { siteTexts, intakeTexts, requestTexts, statusTexts, transparencyTexts, taskTexts, mailTexts, answerTexts, staffMailTexts };

export const texts: Record<Locale, Texts> = textsOf(...Object.values(AREAS));
