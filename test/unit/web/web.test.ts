import { describe, expect, it } from 'vitest';
import { DENIAL_REASONS, REVIEW_REASONS } from '../../../functions/domain/request';
import { completionEmail, type Outcome } from '../../../web/emails/completion';
import { deadlineEmail } from '../../../web/emails/deadline';
import { denialEmail, denialReasonText } from '../../../web/emails/denial';
import { asRepeat, type Email } from '../../../web/emails/email';
import { escalationEmail } from '../../../web/emails/escalation';
import { extensionEmail } from '../../../web/emails/extension';
import { informationRequestEmail } from '../../../web/emails/information-request';
import { restrictionLiftNoticeEmail } from '../../../web/emails/restriction-lift';
import { reviewWaitingEmail } from '../../../web/emails/review-waiting';
import { staffTaskEmail } from '../../../web/emails/staff-task';
import { subjectAnsweredEmail } from '../../../web/emails/subject-answered';
import { vendorRequestEmail } from '../../../web/emails/vendor-request';
import { verificationEmail } from '../../../web/emails/verification';
import { escapeHtml, layout } from '../../../web/html';
import { BRANCH_STATUSES, formatDate, formatNumber, LOCALES, type Locale, REQUEST_STATUSES, RIGHTS } from '../../../web/locale';
import { renderRequestAccepted } from '../../../web/pages/accepted';
import { accessPackageSummary, DOWNLOAD_HREF } from '../../../web/pages/access-package';
import { renderConfirmed, renderConfirmPage } from '../../../web/pages/confirm';
import { renderRequestForm } from '../../../web/pages/form';
import { renderLinkProblem } from '../../../web/pages/link-problem';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderPackageExpired } from '../../../web/pages/package-expired';
import { renderReplyReceived } from '../../../web/pages/reply-received';
import { renderStatusPage } from '../../../web/pages/status';
import { renderTaskDone, renderTaskLinkInvalid, renderTaskPage } from '../../../web/pages/task';
import { texts } from '../../../web/texts/all';

// ---------------------------------------------------------------- helpers

const HOSTILE = `<script>alert(1)</script>"onmouseover=alert(2) x='y' \`z\` &amp;`;

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

/** Start tags of our own output. Every attribute we write is double-quoted, so this is exact for it. */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) attrs[a[1]!.toLowerCase()] = a[2] ?? '';
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

/**
 * Markup that survives removing every well-formed tag: if a value broke out of its text or its
 * attribute, a stray `<` or an unbalanced quote would be left behind.
 */
function strayMarkup(html: string): string[] {
  const rest = html
    .replace(/<!doctype html>/i, '')
    .replace(/<style>[^<]*<\/style>/, '<style></style>')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s+[a-z-]+(?:="[^"<>]*")?)*\s*>/gi, '');
  return [...rest.matchAll(/[<>"]/g)].map((m) => rest.slice(Math.max(0, m.index - 20), m.index + 20));
}

function expectSafe(html: string): void {
  expect(html).not.toContain('<script');
  expect(html).not.toContain('"onmouseover');
  expect(strayMarkup(html)).toEqual([]);
  for (const tag of tags(html)) {
    expect(Object.keys(tag.attrs).filter((a) => a.startsWith('on'))).toEqual([]);
    for (const attr of ['href', 'action', 'src']) {
      if (tag.attrs[attr] !== undefined) expect(tag.attrs[attr]).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
}

/** A copy of `obj` with the value at a dotted path (array indices allowed) replaced. */
function withValue<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy as T;
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** Every string leaf of a texts object, with functions called on sample values. */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    return leaves(
      (node as (p: object) => unknown)({
        controller: 'Org',
        processor: 'Proc',
        reference: 'R1',
        date: '1 May',
        days: 7,
        count: 3,
        authority: 'SA',
        basis: 'Act',
      }),
      path,
    );
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, String(node)]];
}

// ---------------------------------------------------------------- sample inputs

const controllers = [{ id: 'demo', name: 'Demo Association', dpoEmail: 'dpo@demo.example', privacyPolicyUrl: 'https://demo.example/privacy' }];
/** A controller that declares everything the form can offer: consent purposes, portability targets, rectifiable attributes, customers. */
const richController = {
  id: 'other',
  name: 'Other Club',
  locales: ['en', 'sv', 'sl'] as Locale[],
  consentPurposes: [
    { id: 'newsletter', name: 'The newsletter' },
    { id: 'photos', name: 'Photos on our website' },
  ],
  portabilityTargets: [{ id: 'receiver', name: 'Receiving Club' }],
  rectifiableAttributes: ['name', 'phone'],
  actsAsProcessorFor: { description: 'the local branches using our membership platform' },
};
const twoControllers = [...controllers, richController];

const outcomes = [
  { processorName: 'Membership register', status: 'completed' as const, action: 'delete' as const, recordCount: 3 },
  { processorName: 'Event participation', status: 'completed' as const, action: 'anonymise' as const, recordCount: 2 },
  { processorName: 'Newsletter', status: 'completed' as const, action: 'delete' as const, recordCount: 0 },
  { processorName: 'Old archive', status: 'failed' as const, action: 'delete' as const },
];

/** Erasure at stores with a legal hold and a suppression list, and at processors that confirmed. */
const keptOutcomes = [
  {
    processorName: 'Invoices',
    status: 'completed' as const,
    action: 'legal_hold' as const,
    recordCount: 0,
    heldCount: 3,
    holdUntil: '2033-03-06T00:00:00.000Z',
    holdBasis: 'Bookkeeping Act, 7 years',
  },
  { processorName: 'Mailing list', status: 'completed' as const, action: 'suppress' as const, recordCount: 1, suppressedUntil: '2028-03-06T00:00:00.000Z' },
  { processorName: 'Newsletter service', status: 'completed' as const, action: 'erase' as const },
  { processorName: 'Ticketing', status: 'completed' as const, action: 'erase' as const, recordCount: 0 },
];

const samples = {
  form: {
    locale: 'sv' as Locale,
    controllers: twoControllers,
    selectedControllerId: 'other',
    values: {
      type: 'access',
      email: 'ada@example.org',
      name: 'Ada',
      rectifyAttribute: 'phone',
      inaccurate: 'Old number\n070-1',
      corrected: '070-2',
      objectionScope: 'other',
      objectionGrounds: 'I moved',
      consentPurposes: ['photos'],
      transmitTo: 'receiver',
      viaCustomer: 'Branch North',
      message: 'Thanks',
    },
    errors: {
      email: 'email is invalid',
      type: 'type is required',
      name: 'name is too long',
      controller: 'unknown',
      locale: 'bad',
      body: 'unreadable',
      inaccurate: 'inaccurate is required',
    },
  },
  singleForm: {
    locale: 'en' as Locale,
    controllers,
    values: { email: 'ada@example.org', name: 'Ada' },
    errors: { email: 'email is invalid', controller: 'unknown' },
  },
  accepted: { locale: 'en' as Locale, controllerName: 'Demo Association', address: 'ada@example.org' },
  confirm: {
    locale: 'en' as Locale,
    requestId: '6f1c1a2e-2a8b-4c1d-9c1e-1d2e3f4a5b6c',
    token: 'tok_abc',
    type: 'erasure' as const,
    controllerName: 'Demo Association',
  },
  confirmed: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'access' as const,
    dueAt: '2026-04-05T10:00:00.000Z',
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
  },
  linkProblem: { locale: 'en' as Locale, reason: 'used' as const },
  status: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    requestId: 'r1',
    type: 'erasure',
    status: 'in_progress',
    receivedAt: '2026-03-05T10:00:00.000Z',
    dueAt: '2026-04-05T10:00:00.000Z',
    completedAt: '2026-03-06T10:00:00.000Z',
    processors: [
      { name: 'Membership register', status: 'completed' },
      { name: 'Event participation', status: 'failed' },
    ],
    dpoEmail: 'dpo@demo.example',
  },
  verification: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'access' as const,
    requestReference: 'r1',
    verifyUrl: 'https://dsr.example/v1/requests/r1/verify?token=tok_abc',
    expiresAt: '2026-03-12T10:00:00.000Z',
  },
  completion: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'access' as const,
    requestReference: 'r1',
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
    onTime: true,
    downloadUrl: 'https://dsr.example/v1/requests/r1/package?token=d',
    downloadExpiresAt: '2026-03-12T10:00:00.000Z',
    outcomes: [{ processorName: 'Membership register', status: 'completed' as const, action: 'export' as const, recordCount: 4 }],
    supervisoryAuthority: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
    dpoEmail: 'dpo@demo.example',
  },
  vendor: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    processorName: 'Newsletter service',
    type: 'erasure' as const,
    requestReference: '6f1c1a2e-2a8b-4c1d-9c1e-1d2e3f4a5b6c',
    identities: { email: 'ada@example.org', name: 'Ada Lovelace' },
    taskUrl: 'https://dsr.example/v1/tasks/6f1c1a2e-2a8b-4c1d-9c1e-1d2e3f4a5b6c/newsletter?token=t_vendor',
    dueAt: '2026-03-20T10:00:00.000Z',
  },
  staff: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    processorName: 'Shared mailbox',
    type: 'access' as const,
    requestReference: 'r1',
    instructions: 'Search info@demo.example for the address.\nLook in the archive folder too.\n\nAsk the office if unsure.',
    identities: { email: 'ada@example.org', name: 'Ada Lovelace' },
    taskUrl: 'https://dsr.example/v1/tasks/r1/mailbox?token=t_staff',
    dueAt: '2026-03-20T10:00:00.000Z',
  },
  escalation: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    processorName: 'Newsletter service',
    kind: 'email' as const,
    requestReference: 'r1',
    reason: 'no_answer' as const,
    dueAt: '2026-04-05T10:00:00.000Z',
    taskUrl: 'https://dsr.example/v1/tasks/r1/newsletter?token=t_dpo',
  },
  task: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    processorName: 'Newsletter service',
    kind: 'email' as const,
    type: 'access' as const,
    requestReference: 'r1',
    identities: { email: 'ada@example.org', name: 'Ada Lovelace' },
    instructions: 'Export the subscriber record.\nInclude the send log.',
    actionUrl: '/v1/tasks/r1/newsletter?token=tok_task',
    acceptedExtensions: ['pdf', 'csv'],
    dueAt: '2026-03-20T10:00:00.000Z',
    allowUpload: true,
  },
  statusOpenQuestion: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    requestId: 'r1',
    type: 'rectification',
    status: 'in_review',
    receivedAt: '2026-03-05T10:00:00.000Z',
    dueAt: '2026-06-05T10:00:00.000Z',
    processors: [],
    extension: { months: 2, reasons: 'Many systems.\nA vendor is slow.', newDueAt: '2026-06-05T10:00:00.000Z' },
    denial: { text: 'Not possible.' },
    infoRequest: { question: 'Which address did you use?\nBefore 2024?', pausesClock: true, replyUrl: '/v1/requests/r1/reply', statusKey: 'k1' },
    values: { answer: 'The old one' },
    errors: { answer: 'answer must be at most 4000 characters' },
  },
  denial: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'objection' as const,
    requestReference: 'r1',
    reasonText: 'We weighed your objection.\n\nOur grounds: the membership contract.',
    supervisoryAuthority: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
    dpoEmail: 'dpo@demo.example',
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
  },
  extension: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'access' as const,
    requestReference: 'r1',
    months: 2,
    reasons: 'Your request covers twelve systems.\nOne vendor needs more time.',
    newDueAt: '2026-06-05T10:00:00.000Z',
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
  },
  infoRequest: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    type: 'erasure' as const,
    requestReference: 'r1',
    question: 'Which email address did you use as a member?\nWe found two.',
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
    pausesClock: true,
    dueAt: '2026-04-05T10:00:00.000Z',
  },
  restrictionLift: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    requestReference: 'r1',
    liftAt: '2026-04-20T10:00:00.000Z',
    processorNames: ['Membership register', 'Event participation'],
    statusUrl: 'https://dsr.example/v1/requests/r1/status?key=k',
  },
  reviewWaiting: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    requestReference: 'r1',
    type: 'objection' as const,
    reasons: ['objection_weighing', 'repeat_request'] as ('objection_weighing' | 'repeat_request')[],
    dueAt: '2026-04-05T10:00:00.000Z',
    consoleUrl: 'https://dsr.example/console?request=r1',
  },
  correction: { attribute: 'phone', inaccurate: '070-111 <old>', corrected: '070-222\nmobile' },
  packageSummary: {
    locale: 'en' as Locale,
    controllerName: 'Demo Association',
    requestId: 'r1',
    generatedAt: '2026-03-06T10:00:00.000Z',
    processors: [
      {
        id: 'members',
        name: 'Membership register',
        recordCount: 2,
        status: 'completed' as const,
        dataCategories: ['contact details'],
        purposes: ['membership administration'],
        legalBasis: 'Art. 6(1)(b) contract (membership)',
        retention: 'while a member and 2 years after',
        source: 'the member, when joining',
        recipients: [{ name: 'Demo Hosting AB', country: 'SE', safeguard: 'within the EU/EEA' }],
      },
      {
        id: 'events',
        name: 'Event participation',
        recordCount: 0,
        status: 'failed' as const,
        dataCategories: ['event attendance'],
        purposes: ['organising events'],
        legalBasis: 'Art. 6(1)(f)',
        retention: '3 years',
        recipients: [],
      },
    ],
    supervisoryAuthority: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
    dpoEmail: 'dpo@demo.example',
  },
};

/** Each page and email, its sample input, and every field whose value ends up in the output. */
const renderers: { name: string; render: (input: any) => string; input: object; fields: string[] }[] = [
  {
    name: 'the request form (several organisations, Swedish, with errors)',
    render: renderRequestForm,
    input: samples.form,
    fields: [
      'controllers.1.id',
      'controllers.1.name',
      'controllers.1.consentPurposes.0.id',
      'controllers.1.consentPurposes.0.name',
      'controllers.1.portabilityTargets.0.id',
      'controllers.1.portabilityTargets.0.name',
      'controllers.1.rectifiableAttributes.0',
      'controllers.1.actsAsProcessorFor.description',
      'values.type',
      'values.email',
      'values.name',
      'values.rectifyAttribute',
      'values.inaccurate',
      'values.corrected',
      'values.objectionScope',
      'values.objectionGrounds',
      'values.consentPurposes.0',
      'values.transmitTo',
      'values.viaCustomer',
      'values.message',
      'errors.email',
      'errors.type',
      'errors.name',
      'errors.controller',
      'errors.locale',
      'errors.body',
      'errors.inaccurate',
    ],
  },
  {
    name: 'the request form (one organisation)',
    render: renderRequestForm,
    input: samples.singleForm,
    fields: [
      'controllers.0.id',
      'controllers.0.name',
      'controllers.0.dpoEmail',
      'controllers.0.privacyPolicyUrl',
      'values.email',
      'values.name',
      'errors.email',
      'errors.controller',
    ],
  },
  { name: 'the check-your-email page', render: renderRequestAccepted, input: samples.accepted, fields: ['controllerName', 'address'] },
  { name: 'the confirm page', render: renderConfirmPage, input: samples.confirm, fields: ['requestId', 'token', 'controllerName', 'type'] },
  { name: 'the confirmed page', render: renderConfirmed, input: samples.confirmed, fields: ['controllerName', 'dueAt', 'statusUrl', 'type'] },
  { name: 'the link problem page', render: renderLinkProblem, input: samples.linkProblem, fields: ['reason'] },
  {
    name: 'the status page',
    render: renderStatusPage,
    input: samples.status,
    fields: ['controllerName', 'requestId', 'type', 'status', 'receivedAt', 'dueAt', 'completedAt', 'processors.0.name', 'processors.0.status', 'dpoEmail'],
  },
  { name: 'the download-expired page', render: renderPackageExpired, input: { locale: 'en' }, fields: ['locale'] },
  { name: 'the not-found page', render: renderNotFound, input: { locale: 'en' }, fields: ['locale'] },
  {
    name: 'the verification email (HTML part)',
    render: (i) => verificationEmail(i).html,
    input: samples.verification,
    fields: ['controllerName', 'verifyUrl', 'expiresAt', 'type', 'locale'],
  },
  {
    name: 'the completion email for access (HTML part)',
    render: (i) => completionEmail(i).html,
    input: samples.completion,
    fields: [
      'controllerName',
      'statusUrl',
      'downloadUrl',
      'downloadExpiresAt',
      'outcomes.0.processorName',
      'supervisoryAuthority.name',
      'supervisoryAuthority.url',
      'dpoEmail',
    ],
  },
  {
    name: 'the completion email for erasure (HTML part)',
    render: (i) => completionEmail(i).html,
    input: { ...samples.completion, type: 'erasure', downloadUrl: undefined, downloadExpiresAt: undefined, outcomes },
    fields: [
      'controllerName',
      'statusUrl',
      'outcomes.0.processorName',
      'outcomes.3.processorName',
      'supervisoryAuthority.name',
      'supervisoryAuthority.url',
      'dpoEmail',
    ],
  },
  {
    name: 'the completion email for erasure with kept data and recipients told (HTML part)',
    render: (i) => completionEmail(i).html,
    input: {
      ...samples.completion,
      type: 'erasure',
      downloadUrl: undefined,
      downloadExpiresAt: undefined,
      outcomes: keptOutcomes,
      recipientsTold: ['Newsletter service', 'Ticketing'],
    },
    fields: [
      'outcomes.0.processorName',
      'outcomes.0.holdBasis',
      'outcomes.0.holdUntil',
      'outcomes.1.suppressedUntil',
      'outcomes.2.processorName',
      'recipientsTold.0',
      'recipientsTold.1',
    ],
  },
  {
    name: 'the vendor request email (HTML part)',
    render: (i) => vendorRequestEmail(i).html,
    input: samples.vendor,
    fields: ['controllerName', 'processorName', 'type', 'requestReference', 'identities.email', 'identities.name', 'taskUrl', 'dueAt', 'locale'],
  },
  {
    name: 'the vendor reminder email (HTML part)',
    render: (i) => vendorRequestEmail(i).html,
    input: { ...samples.vendor, type: 'access', reminder: true },
    fields: ['controllerName', 'processorName', 'requestReference', 'identities.email', 'identities.name', 'taskUrl', 'dueAt'],
  },
  {
    name: 'the staff task email (HTML part)',
    render: (i) => staffTaskEmail(i).html,
    input: samples.staff,
    fields: [
      'controllerName',
      'processorName',
      'type',
      'requestReference',
      'instructions',
      'identities.email',
      'identities.name',
      'taskUrl',
      'dueAt',
      'locale',
    ],
  },
  {
    name: 'the escalation email (HTML part)',
    render: (i) => escalationEmail(i).html,
    input: samples.escalation,
    fields: ['controllerName', 'processorName', 'kind', 'requestReference', 'reason', 'dueAt', 'taskUrl', 'locale'],
  },
  {
    name: 'the task page (vendor, access, with upload)',
    render: renderTaskPage,
    input: samples.task,
    fields: [
      'controllerName',
      'processorName',
      'kind',
      'type',
      'requestReference',
      'identities.email',
      'identities.name',
      'instructions',
      'token',
      'actionUrl',
      'dueAt',
      'locale',
    ],
  },
  {
    name: 'the task page (staff, erasure)',
    render: renderTaskPage,
    input: { ...samples.task, kind: 'manual', type: 'erasure', allowUpload: false, instructions: samples.staff.instructions },
    fields: ['controllerName', 'processorName', 'requestReference', 'identities.email', 'identities.name', 'instructions', 'token', 'actionUrl', 'dueAt'],
  },
  {
    name: 'the status page with an extension, a refusal and an open question',
    render: renderStatusPage,
    input: samples.statusOpenQuestion,
    fields: [
      'extension.reasons',
      'extension.newDueAt',
      'denial.text',
      'infoRequest.question',
      'infoRequest.replyUrl',
      'infoRequest.statusKey',
      'values.answer',
      'errors.answer',
    ],
  },
  {
    name: 'the reply-received page',
    render: renderReplyReceived,
    input: { locale: 'en' as Locale, statusUrl: '/v1/requests/r1/status?key=k' },
    fields: ['locale', 'statusUrl'],
  },
  {
    name: 'the refusal email (HTML part)',
    render: (i) => denialEmail(i).html,
    input: samples.denial,
    fields: ['controllerName', 'type', 'reasonText', 'supervisoryAuthority.name', 'supervisoryAuthority.url', 'dpoEmail', 'statusUrl'],
  },
  {
    name: 'the extension email (HTML part)',
    render: (i) => extensionEmail(i).html,
    input: samples.extension,
    fields: ['controllerName', 'type', 'reasons', 'newDueAt', 'statusUrl'],
  },
  {
    name: 'the information request email (HTML part)',
    render: (i) => informationRequestEmail(i).html,
    input: samples.infoRequest,
    fields: ['controllerName', 'type', 'question', 'statusUrl', 'dueAt'],
  },
  {
    name: 'the restriction-lift notice (HTML part)',
    render: (i) => restrictionLiftNoticeEmail(i).html,
    input: samples.restrictionLift,
    fields: ['controllerName', 'liftAt', 'processorNames.0', 'statusUrl'],
  },
  {
    name: 'the review-waiting email to staff (HTML part)',
    render: (i) => reviewWaitingEmail(i).html,
    input: samples.reviewWaiting,
    fields: ['controllerName', 'requestReference', 'type', 'reasons.0', 'dueAt', 'consoleUrl'],
  },
  {
    name: 'the subject-answered email to staff (HTML part)',
    render: (i) => subjectAnsweredEmail(i).html,
    input: { locale: 'en', controllerName: 'Demo Association', requestReference: 'r1', consoleUrl: 'https://dsr.example/console?request=r1' },
    fields: ['controllerName', 'requestReference', 'consoleUrl'],
  },
  {
    name: 'the vendor email for a correction (HTML part)',
    render: (i) => vendorRequestEmail(i).html,
    input: { ...samples.vendor, type: 'rectification', action: 'rectify', correction: samples.correction },
    fields: ['correction.attribute', 'correction.inaccurate', 'correction.corrected', 'action'],
  },
  {
    name: 'the staff task email for a correction (HTML part)',
    render: (i) => staffTaskEmail(i).html,
    input: { ...samples.staff, type: 'rectification', action: 'rectify', correction: samples.correction },
    fields: ['correction.attribute', 'correction.inaccurate', 'correction.corrected'],
  },
  {
    name: 'the task page for a correction',
    render: renderTaskPage,
    input: { ...samples.task, kind: 'manual', type: 'rectification', action: 'rectify', allowUpload: false, correction: samples.correction },
    fields: ['correction.attribute', 'correction.inaccurate', 'correction.corrected', 'action'],
  },
  {
    name: 'the completion email for portability sent on, and for withdrawn consent (HTML part)',
    render: (i) => completionEmail(i).html,
    input: { ...samples.completion, type: 'portability', transmittedTo: 'Receiving Club', consentPurposes: ['The newsletter'] },
    fields: ['transmittedTo'],
  },
  {
    name: 'the completion email for withdrawn consent (HTML part)',
    render: (i) => completionEmail(i).html,
    input: { ...samples.completion, type: 'withdraw_consent', downloadUrl: undefined, consentPurposes: ['The newsletter'], outcomes: keptOutcomes },
    fields: ['consentPurposes.0'],
  },
  { name: 'the task done page', render: renderTaskDone, input: { locale: 'en', alreadyDone: false }, fields: ['locale', 'alreadyDone'] },
  { name: 'the task link problem page', render: renderTaskLinkInvalid, input: { locale: 'en' }, fields: ['locale'] },
  {
    name: 'the access package summary with a file a vendor sent',
    render: accessPackageSummary,
    input: {
      ...samples.packageSummary,
      processors: [{ ...samples.packageSummary.processors[0]!, id: 'vendor', attachmentName: 'subscriber export.zip', records: false }],
    },
    fields: ['processors.0.id', 'processors.0.name', 'processors.0.attachmentName'],
  },
  {
    name: 'the access package summary',
    render: accessPackageSummary,
    input: samples.packageSummary,
    fields: [
      'controllerName',
      'requestId',
      'generatedAt',
      'processors.0.id',
      'processors.0.name',
      'processors.0.dataCategories.0',
      'processors.0.purposes.0',
      'processors.0.legalBasis',
      'processors.0.retention',
      'processors.0.source',
      'processors.0.recipients.0.name',
      'processors.0.recipients.0.country',
      'processors.0.recipients.0.safeguard',
      'processors.1.name',
      'supervisoryAuthority.name',
      'supervisoryAuthority.url',
      'dpoEmail',
    ],
  },
];

// ---------------------------------------------------------------- texts

describe('texts', () => {
  const english = new Map(leaves(texts.en));

  it('gives every locale exactly the keys English has, none of them empty', () => {
    for (const locale of LOCALES) {
      const own = leaves(texts[locale]);
      expect(own.map(([k]) => k)).toEqual([...english.keys()]);
      for (const [key, value] of own) expect(value.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('translates every text into Swedish and Slovenian instead of copying the English', () => {
    for (const locale of ['sv', 'sl'] as const) {
      const copied = leaves(texts[locale])
        .filter(([k, v]) => v === english.get(k))
        .map(([k]) => k);
      expect(copied, `${locale} texts identical to English`).toEqual([]);
    }
  });

  it('explains all seven rights in every language, with the article they come from', () => {
    expect(RIGHTS).toHaveLength(7);
    for (const locale of LOCALES) {
      for (const right of RIGHTS) {
        expect(texts[locale].rights[right].title).toMatch(/\d/);
        expect(texts[locale].rights[right].summary.length).toBeGreaterThan(40);
      }
    }
  });

  it('names every request status and every processor status in every language', () => {
    for (const locale of LOCALES) {
      for (const s of REQUEST_STATUSES) expect(texts[locale].status.requestStatus[s].label).toBeTruthy();
      for (const s of BRANCH_STATUSES) expect(texts[locale].status.branchStatus[s]).toBeTruthy();
    }
  });

  it('uses the vocabulary of Swedish and Slovenian privacy policies', () => {
    expect(texts.sv.form.title).toContain('personuppgifter');
    expect(texts.sv.form.typeLabel.access).toContain('registerutdrag');
    expect(texts.sv.rights.erasure.title).toContain('radering');
    expect(texts.sl.form.title).toContain('osebnih podatkov');
    expect(texts.sl.rights.erasure.title).toContain('izbrisa');
    expect(texts.sl.rights.access.title).toContain('dostopa');
  });

  it('writes dates the way each language does', () => {
    const due = '2026-04-05T10:00:00.000Z';
    expect(formatDate(due, 'en')).toBe('5 April 2026');
    expect(formatDate(due, 'sv')).toBe('5 april 2026');
    expect(formatDate(due, 'sl')).toBe('5. april 2026');
  });

  it('counts records and days with the plural forms of each language', () => {
    const o = (l: Locale) => texts[l].email.completion.outcome;
    expect(o('en').deleted({ count: 1 })).toBe('deleted 1 record');
    expect(o('en').deleted({ count: 3 })).toBe('deleted 3 records');
    expect(o('sv').deleted({ count: 1 })).toBe('1 post raderades');
    expect(o('sv').deleted({ count: 3 })).toBe('3 poster raderades');
    expect([1, 2, 3, 5, 101].map((count) => o('sl').deleted({ count }))).toEqual([
      'izbrisali smo 1 zapis',
      'izbrisali smo 2 zapisa',
      'izbrisali smo 3 zapise',
      'izbrisali smo 5 zapisov',
      'izbrisali smo 101 zapis',
    ]);
    expect(texts.sl.accepted.expires({ days: 7 })).toContain('7 dni');
    expect(texts.sl.accepted.expires({ days: 2 })).toContain('2 dneva');
    expect(texts.sv.accepted.expires({ days: 1 })).toContain('1 dag');
  });
});

// ---------------------------------------------------------------- escaping

describe('escapeHtml', () => {
  it('escapes the characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>\`&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&#96;&amp;');
  });

  it('renders nothing for null and undefined, and text for other values', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('every page and email', () => {
  for (const r of renderers) {
    it(`escapes markup in every field of ${r.name}`, () => {
      const plain = r.render(r.input);
      expectSafe(plain);
      for (const field of r.fields) {
        const html = r.render(withValue(r.input, field, HOSTILE));
        expectSafe(html);
        // The hostile value adds text, never elements or attributes.
        expect(
          tags(html).map((t) => t.name),
          field,
        ).toEqual(tags(r.render(withValue(r.input, field, 'benign'))).map((t) => t.name));
      }
    });
  }

  it('escapes markup in the controller name on every page', () => {
    const name = HOSTILE;
    const pages = [
      renderRequestForm({ locale: 'en', controllers: [{ id: 'x', name }] }),
      renderRequestAccepted({ locale: 'sv', controllerName: name }),
      renderConfirmPage({ ...samples.confirm, locale: 'sl', controllerName: name }),
      renderConfirmed({ ...samples.confirmed, controllerName: name }),
      renderStatusPage({ ...samples.status, controllerName: name }),
    ];
    for (const html of pages) {
      expectSafe(html);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2)');
    }
  });

  it('never links to a javascript: URL taken from data', () => {
    const js = 'javascript:alert(1)';
    for (const html of [
      renderConfirmed({ ...samples.confirmed, statusUrl: js }),
      verificationEmail({ ...samples.verification, verifyUrl: js }).html,
      completionEmail({ ...samples.completion, statusUrl: js, downloadUrl: js, supervisoryAuthority: { name: 'SA', url: js } }).html,
      accessPackageSummary({ ...samples.packageSummary, supervisoryAuthority: { name: 'SA', url: js } }),
    ]) {
      expect(html).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('falls back to English when given a locale that is not one of ours', () => {
    const html = renderNotFound({ locale: HOSTILE as Locale });
    expectSafe(html);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(texts.en.notFound.title);
  });

  it('uses no JavaScript and no external assets, and declares the language', () => {
    for (const r of renderers) {
      for (const locale of LOCALES) {
        const html = r.render({ ...r.input, locale });
        expect(html, r.name).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
        expect(html.startsWith('<!doctype html>'), r.name).toBe(true);
        expect(html, r.name).toContain(`<html lang="${locale}">`);
      }
    }
  });
});

// ---------------------------------------------------------------- the form

describe('the request form', () => {
  const html = renderRequestForm(samples.form);
  const all = tags(html);
  const ids = new Set(all.map((t) => t.attrs.id).filter(Boolean));

  it('posts to /v1/requests as an ordinary form (multipart, for a mandate), so it works without JavaScript', () => {
    const form = all.filter((t) => t.name === 'form');
    expect(form).toHaveLength(1);
    expect(form[0]!.attrs).toMatchObject({ method: 'post', action: '/v1/requests', enctype: 'multipart/form-data' });
    expect(html).not.toContain('<script');
    expect(all.some((t) => t.name === 'button' && t.attrs.type === 'submit')).toBe(true);
  });

  it('has a label for every visible input and select', () => {
    const labelled = new Set(all.filter((t) => t.name === 'label').map((t) => t.attrs.for));
    const controls = all.filter((t) => (t.name === 'input' && t.attrs.type !== 'hidden') || t.name === 'select');
    expect(controls.length).toBeGreaterThanOrEqual(5);
    for (const c of controls) {
      expect(c.attrs.id, c.attrs.name).toBeTruthy();
      expect(labelled.has(c.attrs.id), c.attrs.id).toBe(true);
    }
  });

  it('groups the choice of right in a fieldset with a legend, each of the seven rights explained', () => {
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend>Vad vill du begära\?<\/legend>/);
    const radios = all.filter((t) => t.name === 'input' && t.attrs.type === 'radio' && t.attrs.name === 'type');
    expect(radios.map((r) => r.attrs.value)).toEqual([...RIGHTS]);
    expect(radios[0]!.attrs.checked).toBeDefined();
    for (const right of RIGHTS) expect(html).toContain(escapeHtml(texts.sv.rights[right].summary));
    for (const r of radios) expect(ids.has(r.attrs['aria-describedby'])).toBe(true);
    expect(html).toContain(escapeHtml(texts.sv.rights.erasure.summary));
  });

  it('asks for the email with type=email, required and autocomplete, and keeps what was typed', () => {
    const email = all.find((t) => t.attrs.name === 'email')!;
    expect(email.attrs).toMatchObject({ type: 'email', autocomplete: 'email', value: 'ada@example.org' });
    expect(email.attrs.required).toBeDefined();
    const name = all.find((t) => t.attrs.name === 'name')!;
    expect(name.attrs.required).toBeUndefined();
    expect(name.attrs.value).toBe('Ada');
  });

  it('sends the language as a hidden field', () => {
    expect(all.find((t) => t.attrs.name === 'locale')?.attrs).toMatchObject({ type: 'hidden', value: 'sv' });
  });

  it("is the chosen organisation's form when there are several, and lists them with links to their forms when none is chosen", () => {
    expect(all.find((t) => t.attrs.name === 'controller')?.attrs).toMatchObject({ type: 'hidden', value: 'other' });
    expect(html).not.toContain('Demo Association');
    const list = renderRequestForm({ locale: 'sv', controllers: twoControllers });
    expect(list).not.toContain('<form');
    expect(
      tags(list)
        .filter((t) => t.name === 'a' && t.attrs.href?.startsWith('/c/'))
        .map((t) => t.attrs.href),
    ).toEqual(['/c/demo/sv', '/c/other/sv']);
    expect(list).toContain('>Other Club</a>');
  });

  it('sends the only organisation as a hidden field and names it', () => {
    const single = renderRequestForm({ locale: 'en', controllers });
    expect(tags(single).find((t) => t.attrs.name === 'controller')?.attrs).toMatchObject({ type: 'hidden', value: 'demo' });
    expect(single).not.toContain('<select');
    expect(single).toContain('Your request goes to Demo Association.');
    expect(single).toContain('href="mailto:dpo@demo.example"');
  });

  it('starts with a summary of the errors, linking to each visible field', () => {
    expect(html.indexOf('class="error-summary"')).toBeLessThan(html.indexOf('<form'));
    expect(html).toContain('Något behöver rättas');
    for (const [field, target] of [
      ['email', 'email'],
      ['type', 'type-access'],
      ['name', 'name'],
      ['inaccurate', 'inaccurate'],
    ]) {
      expect(html, field).toContain(`href="#${target}"`);
      expect(ids.has(target), target).toBe(true);
    }
    expect(html).toMatch(/<title>Fel: /);
  });

  it('ties each field error to its field with aria-describedby and marks the field invalid', () => {
    const email = all.find((t) => t.attrs.name === 'email')!;
    expect(email.attrs['aria-describedby']!.split(' ')).toContain('email-error');
    expect(email.attrs['aria-invalid']).toBe('true');
    expect(ids.has('email-error')).toBe(true);
    expect(all.find((t) => t.name === 'fieldset')!.attrs['aria-describedby']).toBe('type-error');
    for (const t of all) {
      for (const id of (t.attrs['aria-describedby'] ?? '').split(' ').filter(Boolean)) expect(ids.has(id), id).toBe(true);
    }
  });

  it("explains each error in plain words in the reader's language, never in the API's English", () => {
    expect(html).toContain('Ange din e-postadress, till exempel namn@example.org.');
    expect(html).not.toContain('email is invalid');
    expect(html).not.toContain('På engelska');
    const english = renderRequestForm({ ...samples.form, locale: 'en' });
    expect(english).toContain(escapeHtml(texts.en.form.fieldErrors.email));
    expect(english).not.toContain('email is invalid');
    // A field the page has no words of its own for still gets the reader's language.
    for (const locale of LOCALES) {
      const page = renderRequestForm({ ...samples.form, locale, errors: { region: 'region must be one of: north, south' } });
      expect(page).toContain(escapeHtml(texts[locale].common.checkField));
      expect(page).not.toContain('must be one of');
    }
  });

  it('explains the process, and offers withdrawal of consent only where the organisation relies on consent', () => {
    const en = renderRequestForm({ locale: 'en', controllers });
    expect(en).toContain('We email you a link. The link works for 7 days.');
    expect(en).toContain('We only use your email address to answer this request.');
    const offered = tags(en)
      .filter((t) => t.attrs.name === 'type')
      .map((t) => t.attrs.value);
    expect(offered).toEqual(RIGHTS.filter((r) => r !== 'withdraw_consent'));
    expect(en).not.toContain('consentPurposes[]');
  });

  it('has no error summary when there are no errors', () => {
    expect(renderRequestForm({ locale: 'en', controllers })).not.toContain('class="error-summary"');
  });

  it('links to itself in every language', () => {
    const en = renderRequestForm({ locale: 'en', controllers });
    expect(en).toContain('<a href="/sv" lang="sv" hreflang="sv">Svenska</a>');
    expect(en).toContain('<a href="/sl" lang="sl" hreflang="sl">Slovenščina</a>');
    expect(en).toContain('aria-current="true">English</a>');
  });
});

// ---------------------------------------------------------------- other pages

describe('the confirm page', () => {
  const html = renderConfirmPage(samples.confirm);
  const all = tags(html);

  it('confirms only through one POST form that carries the token as a hidden field', () => {
    const forms = all.filter((t) => t.name === 'form');
    expect(forms).toHaveLength(1);
    expect(forms[0]!.attrs).toMatchObject({ method: 'post', action: `/v1/requests/${samples.confirm.requestId}/verify` });
    expect(all.find((t) => t.attrs.name === 'token')?.attrs).toMatchObject({ type: 'hidden', value: 'tok_abc' });
    expect(all.filter((t) => t.name === 'button')).toHaveLength(1);
  });

  it('does not submit itself: no script, no refresh, no autofocus on the button', () => {
    expect(html).not.toMatch(/<script|http-equiv|onload|autofocus/i);
  });

  it('warns that erasure cannot be undone, and not for access', () => {
    expect(html).toContain('This cannot be undone');
    expect(renderConfirmPage({ ...samples.confirm, type: 'access' })).not.toContain('cannot be undone');
  });

  it('keeps the token out of search engines and referrers', () => {
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('noindex');
  });
});

describe('the pages after the form', () => {
  it('asks the person to check their email without saying whether data exists, with the 7-day limit', () => {
    const html = renderRequestAccepted(samples.accepted);
    expect(html).toContain('Check your email');
    expect(html).toContain('7 days');
    expect(html).toContain('neither this page nor the email says whether the organisation holds any data about you');
  });

  it('gives the deadline in the reader’s language and the status link once confirmed', () => {
    const html = renderConfirmed({ ...samples.confirmed, locale: 'sv' });
    expect(html).toContain('5 april 2026');
    expect(html).toContain(`href="${escapeHtml(samples.confirmed.statusUrl)}"`);
  });

  it('explains each link problem and points to a new request', () => {
    for (const reason of ['expired', 'used', 'invalid'] as const) {
      for (const locale of LOCALES) {
        const html = renderLinkProblem({ locale, reason });
        expect(html).toContain(escapeHtml(texts[locale].linkProblem[reason].title));
        expect(html).toContain(`href="/${locale}"`);
      }
    }
    // A used link never shows the status link again; it says where the link was given.
    for (const locale of LOCALES) {
      const used = renderLinkProblem({ locale, reason: 'used' });
      expect(used).not.toMatch(/status\?key=/);
      expect(used).toContain(escapeHtml(texts[locale].linkProblem.used.statusShownOnce));
    }
  });

  it('translates every request and processor status on the status page', () => {
    for (const locale of LOCALES) {
      for (const status of REQUEST_STATUSES) {
        const html = renderStatusPage({ ...samples.status, locale, status });
        expect(html).toContain(escapeHtml(texts[locale].status.requestStatus[status].label));
      }
      const html = renderStatusPage({ ...samples.status, locale, processors: BRANCH_STATUSES.map((s) => ({ name: s, status: s })) });
      for (const s of BRANCH_STATUSES) expect(html).toContain(escapeHtml(texts[locale].status.branchStatus[s]));
    }
  });

  it('offers withdrawal as a form to the page that asks to confirm, carrying the status key, only when the caller allows it, in every language', () => {
    expect(renderStatusPage(samples.status)).not.toContain('/cancel');
    for (const locale of LOCALES) {
      const html = renderStatusPage({ ...samples.status, locale, withdraw: { actionUrl: '/v1/requests/r-1/cancel', statusKey: 'k"<y' } });
      expect(html).toContain('<form method="get" action="/v1/requests/r-1/cancel">');
      expect(html).toContain('name="key" value="k&quot;&lt;y"');
      expect(html).toContain(`name="lang" value="${locale}"`);
      expect(html).not.toContain('<script');
    }
  });

  it('shows an unknown status as it is rather than failing', () => {
    expect(renderStatusPage({ ...samples.status, status: 'on_hold' })).toContain('on_hold');
  });

  it('says in every language that a package was deleted after its link expired, on the download page and the status page', () => {
    for (const locale of LOCALES) {
      const gone = renderPackageExpired({ locale, deletedAt: '2026-03-17T12:00:00.000Z' });
      expect(gone).toContain(escapeHtml(texts[locale].packageExpired.deletedTitle));
      expect(gone).not.toContain(escapeHtml(texts[locale].packageExpired.title));
      const status = renderStatusPage({
        ...samples.status,
        locale,
        packageDeletedAt: '2026-03-17T12:00:00.000Z',
        personalDataErasedAt: '2026-04-09T12:00:00.000Z',
      });
      expect(status).toContain('id="retention"');
      expect(status).toContain(escapeHtml(texts[locale].status.packageDeleted({ date: formatDate('2026-03-17T12:00:00.000Z', locale) })));
      expect(status).toContain(escapeHtml(texts[locale].status.personalDataErased({ date: formatDate('2026-04-09T12:00:00.000Z', locale) })));
    }
    expect(renderStatusPage(samples.status)).not.toContain('id="retention"');
  });

  it('sends people with an expired download link to a new request', () => {
    expect(renderPackageExpired({ locale: 'sl' })).toContain('href="/sl"');
    expect(renderNotFound({ locale: 'sv' })).toContain('Sidan hittades inte');
  });

  it('offers a language switcher only where the caller says where the other versions are', () => {
    expect(renderStatusPage(samples.status)).not.toContain('class="lang"');
    const html = layout({ locale: 'sv', title: 't', body: '', alternates: { en: '/x?lang=en', sv: '/x?lang=sv' } });
    expect(html).toContain('<a href="/x?lang=en" lang="en" hreflang="en">English</a>');
  });
});

// ---------------------------------------------------------------- emails

describe('emails', () => {
  const hostileName = 'Demo\r\nBcc: evil@example.org\u2028X\u0000';
  const all = (locale: Locale): Email[] => [
    verificationEmail({ ...samples.verification, locale, controllerName: hostileName }),
    verificationEmail({ ...samples.verification, locale, type: 'erasure', controllerName: hostileName }),
    completionEmail({ ...samples.completion, locale, controllerName: hostileName }),
    completionEmail({ ...samples.completion, locale, downloadUrl: undefined, controllerName: hostileName }),
    completionEmail({ ...samples.completion, locale, type: 'erasure', outcomes, controllerName: hostileName }),
  ];

  it('never puts a line break or control character in a subject, even from the controller name', () => {
    for (const locale of LOCALES) {
      for (const mail of all(locale)) {
        expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029\u0000-\u001f]/);
        expect(mail.subject).toContain('Demo Bcc: evil@example.org X');
      }
    }
  });

  it('always has a plain-text and an HTML part in the same language', () => {
    for (const locale of LOCALES) {
      for (const mail of all(locale)) {
        expect(mail.text.length).toBeGreaterThan(100);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.text).not.toContain('<');
      }
    }
  });

  it('puts exactly one link in the verification email: the confirm page', () => {
    for (const locale of LOCALES) {
      const mail = verificationEmail({ ...samples.verification, locale });
      const links = tags(mail.html).filter((t) => t.name === 'a');
      expect(links).toHaveLength(1);
      expect(links[0]!.attrs.href).toBe(escapeHtml(samples.verification.verifyUrl));
      expect(count(mail.text, samples.verification.verifyUrl)).toBe(1);
      expect(mail.text.match(/https?:\/\//g)).toHaveLength(1);
    }
  });

  it('tells the reader to ignore the verification email if they did not ask, and when the link expires', () => {
    const mail = verificationEmail(samples.verification);
    expect(mail.text).toContain('If you did not ask for this, ignore this email. Nothing will happen.');
    expect(mail.text).toContain('12 March 2026');
    expect(verificationEmail({ ...samples.verification, locale: 'sv' }).text).toContain('Om du inte har begärt detta');
  });

  it('gives the download link and its expiry once, and lists the systems searched', () => {
    const mail = completionEmail(samples.completion);
    expect(mail.subject).toBe('Your personal data from Demo Association is ready to download (ref. r1)');
    expect(count(mail.text, samples.completion.downloadUrl)).toBe(1);
    expect(count(mail.html, `href="${escapeHtml(samples.completion.downloadUrl)}"`)).toBe(1);
    expect(mail.text).toContain('12 March 2026');
    expect(mail.text).toContain('- Membership register: 4 records found');
  });

  it('says per system what erasure did, and that staff follow up on failures', () => {
    const mail = completionEmail({ ...samples.completion, type: 'erasure', downloadUrl: undefined, outcomes });
    expect(mail.text).toContain('Membership register: deleted 3 records');
    expect(mail.text).toContain('Event participation: removed identifying details from 2 records, kept the rest for statistics');
    expect(mail.text).toContain('Newsletter: held no data about you');
    expect(mail.text).toContain('Old archive: not finished yet – our staff will follow up');
    expect(mail.html).not.toContain('Download your data');
  });

  it('always gives the status link, the DPO and the right to complain to the supervisory authority', () => {
    for (const locale of LOCALES) {
      for (const type of ['access', 'erasure'] as const) {
        const mail = completionEmail({ ...samples.completion, locale, type });
        for (const part of [mail.text, mail.html]) {
          expect(part).toContain(escapeHtml(samples.completion.statusUrl).replace(/&amp;/g, part === mail.text ? '&' : '&amp;'));
          expect(part).toContain('dpo@demo.example');
          expect(part).toContain('https://www.imy.se');
        }
        expect(mail.html).toContain('href="mailto:dpo@demo.example"');
      }
    }
  });

  it('offers the access package as a page for a phone, and only for access', () => {
    const viewUrl = 'https://dsr.example/v1/requests/r1/package/view?token=t';
    const access = completionEmail({ ...samples.completion, type: 'access', downloadUrl: 'https://dsr.example/d', viewUrl });
    expect(access.text).toContain(viewUrl);
    expect(access.html).toContain(escapeHtml(texts.en.email.completion.viewLinkText));
    expect(completionEmail({ ...samples.completion, type: 'portability', downloadUrl: 'https://dsr.example/d', viewUrl }).text).not.toContain(viewUrl);
  });

  it('apologises when the answer is late', () => {
    expect(completionEmail({ ...samples.completion, onTime: false }).text).toContain('later than the deadline');
    expect(completionEmail(samples.completion).text).not.toContain('later than the deadline');
  });
});

describe('the access package summary', () => {
  const html = accessPackageSummary(samples.packageSummary);

  it('lists each system with its files and its Article 15 information', () => {
    expect(html).toContain('<a href="members.json"><code>members.json</code></a>');
    expect(html).toContain('<a href="members.csv"><code>members.csv</code></a>');
    for (const fact of [
      'contact details',
      'membership administration',
      'Art. 6(1)(b) contract (membership)',
      'while a member and 2 years after',
      'the member, when joining',
      'Demo Hosting AB (Sweden) – within the EU/EEA',
    ]) {
      expect(html).toContain(escapeHtml(fact));
    }
  });

  it('says when a system could not be exported instead of listing files for it', () => {
    expect(html).toContain(texts.en.package.failed);
    expect(html).not.toContain('events.json');
  });

  it('explains all the rights and the complaint to the supervisory authority', () => {
    for (const right of RIGHTS) expect(html).toContain(escapeHtml(texts.en.rights[right].title));
    expect(html).toContain('Integritetsskyddsmyndigheten (IMY)');
    expect(html).toContain('href="https://www.imy.se"');
    expect(html).toContain('href="mailto:dpo@demo.example"');
  });

  it('names recipient countries in the reader’s language', () => {
    expect(accessPackageSummary({ ...samples.packageSummary, locale: 'sl' })).toContain('Demo Hosting AB (Švedska)');
  });

  it('says per system what a vendor kept or left out and why, or that it held nothing', () => {
    const vendor = { ...samples.packageSummary.processors[0]!, id: 'bookkeeping', name: 'Bookkeeping firm', recordCount: 0, records: false };
    for (const locale of LOCALES) {
      const k = texts[locale].package;
      const page = accessPackageSummary({
        ...samples.packageSummary,
        locale,
        processors: [
          { ...vendor, answer: { outcome: 'retained', basis: 'Bookkeeping Act 7:2', until: '2033-12-31T00:00:00.000Z' } },
          { ...vendor, id: 'mailbox', answer: { outcome: 'partly', kept: 'Invoices <2024>', reason: 'Tax law' } },
          { ...vendor, id: 'crm', answer: { outcome: 'not_found' } },
        ],
      });
      const date = formatDate('2033-12-31', locale);
      expect(page).toContain(escapeHtml(k.retained({ basis: 'Bookkeeping Act 7:2', date })));
      expect(page).toContain(escapeHtml(k.partly({ kept: 'Invoices <2024>', reason: 'Tax law' })));
      expect(page).toContain(escapeHtml(k.noData));
    }
  });
});

describe('the records in the access package summary', () => {
  const members = samples.packageSummary.processors[0]!;
  const preview = {
    columns: ['email', 'phone', 'notes', 'tags'],
    rows: [{ email: 'ada@example.org', phone: '+46 70 123 45 67', notes: '<b>vip</b>', tags: ['a', 'b'] }],
  };

  it('shows the records themselves in a table a person can read, escaped', () => {
    const html = accessPackageSummary({ ...samples.packageSummary, processors: [{ ...members, recordCount: 1, preview }] });
    expect(html).toContain(`<caption id="records-members">${escapeHtml(texts.en.package.recordsTitle({ system: 'Membership register' }))}</caption>`);
    expect(html).toContain('<th scope="col">phone</th>');
    expect(html).toContain('<td>+46 70 123 45 67</td>');
    expect(html).toContain('<td>&lt;b&gt;vip&lt;/b&gt;</td>');
    expect(html).toContain(`<td>${escapeHtml('["a","b"]')}</td>`);
    // The table scrolls in its own box, which a keyboard can reach, so the page reflows on a phone.
    expect(html).toMatch(/<div class="records" role="region" tabindex="0" aria-labelledby="records-members">/);
    expect(html).not.toContain(texts.en.package.previewNote({ shown: '1', total: '1' }));
  });

  it('says when the table shows only the first records, in every language', () => {
    for (const locale of LOCALES) {
      const html = accessPackageSummary({ ...samples.packageSummary, locale, processors: [{ ...members, recordCount: 2500, preview }] });
      expect(html).toContain(escapeHtml(texts[locale].package.previewNote({ shown: formatNumber(1, locale), total: formatNumber(2500, locale) })));
    }
  });

  it('names the files without linking them on the web, and links the download instead', () => {
    const web = accessPackageSummary({ ...samples.packageSummary, processors: [{ ...members, preview }], web: true });
    expect(web).toContain('<code>members.json</code>');
    expect(web).not.toContain('href="members.json"');
    expect(web).toContain(`<a href="${DOWNLOAD_HREF}">${escapeHtml(texts.en.package.webDownload)}</a>`);
    expect(accessPackageSummary(samples.packageSummary)).not.toContain(DOWNLOAD_HREF);
  });
});

// ---------------------------------------------------------------- processors, staff and the DPO

describe('the emails to vendors, staff and the DPO', () => {
  const hostile = 'Demo\r\nBcc: evil@example.org\u2028X\u0000';
  const mails = (locale: Locale): Email[] => [
    vendorRequestEmail({ ...samples.vendor, locale, controllerName: hostile, processorName: hostile, requestReference: hostile }),
    vendorRequestEmail({
      ...samples.vendor,
      locale,
      type: 'access',
      reminder: true,
      controllerName: hostile,
      processorName: hostile,
      requestReference: hostile,
    }),
    staffTaskEmail({ ...samples.staff, locale, controllerName: hostile, processorName: hostile, requestReference: hostile }),
    staffTaskEmail({ ...samples.staff, locale, type: 'erasure', controllerName: hostile, processorName: hostile, requestReference: hostile }),
    ...(['no_answer', 'failed', 'timed_out'] as const).map((reason) =>
      escalationEmail({ ...samples.escalation, locale, reason, controllerName: hostile, processorName: hostile, requestReference: hostile }),
    ),
  ];

  it('keeps every subject on one line, whatever the names and the reference hold', () => {
    for (const locale of LOCALES) {
      for (const mail of mails(locale)) {
        expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029\u0000-\u001f]/);
        expect(mail.subject).toContain('Demo Bcc: evil@example.org X');
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028]/);
      }
    }
  });

  it('gives the vendor exactly one link, the one-time task link, with the deadline', () => {
    for (const locale of LOCALES) {
      for (const variant of [{}, { type: 'access' as const }, { reminder: true }]) {
        const mail = vendorRequestEmail({ ...samples.vendor, ...variant, locale });
        const links = tags(mail.html).filter((t) => t.name === 'a');
        expect(links).toHaveLength(1);
        expect(links[0]!.attrs.href).toBe(escapeHtml(samples.vendor.taskUrl));
        expect(count(mail.text, samples.vendor.taskUrl)).toBe(1);
        expect(mail.text.match(/https?:\/\//g)).toHaveLength(1);
        expect(mail.text).toContain(texts[locale].email.task.linkOnce);
        expect(mail.text).toContain(formatDate(samples.vendor.dueAt, locale));
      }
    }
  });

  it('tells the vendor who asks, on what legal basis, about whom and what to do', () => {
    const erasure = vendorRequestEmail(samples.vendor);
    expect(erasure.subject).toBe(`Request to erase personal data from Demo Association (ref. ${samples.vendor.requestReference})`);
    for (const fact of [
      'Demo Association',
      '“Newsletter service”',
      'Article 17 GDPR',
      'Article 28(3)(e) GDPR',
      'ada@example.org',
      'Ada Lovelace',
      'sub-processors',
      'Please answer by 20 March 2026',
    ]) {
      expect(erasure.text, fact).toContain(fact);
    }
    const access = vendorRequestEmail({ ...samples.vendor, type: 'access', identities: { email: 'ada@example.org' } });
    expect(access.text).toContain('Article 15 GDPR');
    expect(access.text).toContain('attach the data as one file');
    expect(access.text).not.toContain('Name:');
    expect(access.text).not.toContain(texts.en.email.vendor.reminderIntro);
  });

  it('says "reminder" in the subject and the first line of a reminder', () => {
    for (const locale of LOCALES) {
      const v = texts[locale].email.vendor;
      const mail = vendorRequestEmail({ ...samples.vendor, locale, reminder: true });
      expect(mail.subject.startsWith(`${v.reminder}: `)).toBe(true);
      expect(mail.text.split('\n\n')[1]).toBe(v.reminderIntro);
    }
    expect(vendorRequestEmail({ ...samples.vendor, locale: 'sv', reminder: true }).subject).toMatch(/^Påminnelse: /);
    expect(vendorRequestEmail({ ...samples.vendor, locale: 'sl', reminder: true }).subject).toMatch(/^Opomnik: /);
  });

  it("gives staff the register's instructions with their line breaks, the person and one link", () => {
    const mail = staffTaskEmail(samples.staff);
    expect(mail.subject).toBe('Task: Shared mailbox – request for access r1');
    expect(mail.text).toContain('What to do\nSearch info@demo.example for the address.\nLook in the archive folder too.\n\nAsk the office if unsure.');
    expect(mail.html).toContain('<p style="margin:0 0 16px">Search info@demo.example for the address.<br>Look in the archive folder too.</p>');
    expect(mail.text).toContain('Email address: ada@example.org');
    expect(tags(mail.html).filter((t) => t.name === 'a')).toHaveLength(1);
    expect(mail.text.match(/https?:\/\//g)).toHaveLength(1);
  });

  it('shows staff the identifiers the form asked for, labelled in their language, in the email and on the task page', () => {
    const identities = { email: 'ada@example.org', name: 'Ada Lovelace', phone: '+46701234567', customerNumber: 'C-1001' };
    for (const locale of LOCALES) {
      const labels = texts[locale].task.identity;
      const mail = staffTaskEmail({ ...samples.staff, locale, identities });
      expect(mail.text).toContain(`${labels.phone}: +46701234567`);
      expect(mail.text).toContain(`${labels.customerNumber}: C-1001`);
      expect(mail.text).not.toContain(labels.username);
      const page = renderTaskPage({ ...samples.task, locale, identities });
      expect(page).toContain(labels.phone);
      expect(page).toContain('+46701234567');
      expect(page).toContain('C-1001');
    }
  });

  it('heads the identities as the person the request is about, not the one who asks (a parent, a representative)', () => {
    const identities = { email: 'child@example.org', name: 'Ada Junior' };
    const mail = staffTaskEmail({ ...samples.staff, locale: 'en', identities });
    const page = renderTaskPage({ ...samples.task, locale: 'en', identities });
    for (const shown of [mail.text, page]) {
      expect(shown).toContain('The person the request is about');
      expect(shown).not.toContain('making the request');
    }
  });

  it('never puts personal data of the subject in the escalation email, only the reference', () => {
    const identities = { email: 'ada.lovelace@example.org', name: 'Ada Lovelace' };
    for (const locale of LOCALES) {
      for (const kind of ['opendsr', 'email', 'manual', 'dynamodb'] as const) {
        for (const reason of ['no_answer', 'failed', 'timed_out'] as const) {
          // Even a caller that hands over the identities by mistake gets an email without them.
          const input = { ...samples.escalation, locale, kind, reason, identities, email: identities.email, name: identities.name };
          const mail = escalationEmail(input as Parameters<typeof escalationEmail>[0]);
          for (const part of [mail.subject, mail.text, mail.html]) {
            expect(part).not.toContain(identities.email);
            expect(part).not.toContain(identities.name);
            expect(part).not.toContain('@');
            expect(part).toContain('r1');
          }
          expect(mail.text).toContain(texts[locale].email.escalation.reason[reason]);
          expect(mail.text).toContain(texts[locale].email.escalation.advice[kind]);
        }
      }
    }
  });

  it('links the DPO to the task page only when there is one', () => {
    const withLink = escalationEmail(samples.escalation);
    expect(
      tags(withLink.html)
        .filter((t) => t.name === 'a')
        .map((t) => t.attrs.href),
    ).toEqual([escapeHtml(samples.escalation.taskUrl)]);
    expect(withLink.text).toContain('The person must be answered by 5 April 2026 at 10:00 UTC (Article 12(3) GDPR).');
    const without = escalationEmail({ ...samples.escalation, kind: 'opendsr', taskUrl: undefined });
    expect(tags(without.html).filter((t) => t.name === 'a')).toEqual([]);
    expect(without.text).not.toMatch(/https?:\/\//);
    expect(without.subject).toBe('Needs attention: no answer from Newsletter service (request r1)');
  });
});

describe('an email sent again after a crash', () => {
  it('says first, in the subject and the body of its own language, that it may be a second copy, and keeps the rest', () => {
    for (const locale of LOCALES) {
      const email = { ...vendorRequestEmail({ ...samples.vendor, locale }), attachments: [{ fileName: 'a.csv', contentType: 'text/csv', content: 'x' }] };
      const again = asRepeat(email, locale);
      const { repeat } = texts[locale].email;
      expect(again.subject).toBe(`${repeat.subjectPrefix}: ${email.subject}`);
      expect(again.text).toBe(`${repeat.notice}\n\n${email.text}`);
      const body = again.html.slice(again.html.indexOf('<body'));
      expect(body.indexOf(escapeHtml(repeat.notice))).toBeLessThan(body.indexOf(escapeHtml(texts[locale].email.greeting)));
      expect(again.html.replace(/\n<p[^>]*><strong>[^<]*<\/strong><\/p>/, '')).toBe(email.html);
      expect(again.attachments).toEqual(email.attachments);
    }
  });
});

describe('the completion email after erasure with kept data', () => {
  const input = { ...samples.completion, type: 'erasure' as const, downloadUrl: undefined, downloadExpiresAt: undefined, outcomes: keptOutcomes };

  it('says what a legal hold kept, until when, why, and that it is restricted and deleted then', () => {
    const mail = completionEmail(input);
    expect(mail.text).toContain(
      '- Invoices: kept 3 records until 6 March 2033 because the law requires it (Bookkeeping Act, 7 years); they are restricted: used for nothing else, and deleted then',
    );
    expect(completionEmail({ ...input, locale: 'sv' }).text).toContain(
      '3 poster sparas till den 6 mars 2033 eftersom lagen kräver det (Bookkeeping Act, 7 years)',
    );
    expect(completionEmail({ ...input, locale: 'sl' }).text).toContain('hranimo 3 zapise, ker to zahteva zakon (Bookkeeping Act, 7 years)');
    expect(completionEmail({ ...input, locale: 'sl' }).text).toContain('po izteku roka hrambe (6. marec 2033)');
  });

  it('explains the suppression list: deleted, and a keyed hash kept until a date', () => {
    expect(completionEmail(input).text).toContain(
      '- Mailing list: deleted 1 record; to make sure you are not added again by mistake, we keep a scrambled (keyed hash) form of your email address until 6 March 2028, from which the address cannot be read',
    );
  });

  it('says an external processor confirmed the erasure, or held nothing', () => {
    const text = completionEmail(input).text;
    expect(text).toContain('- Newsletter service: erased at our request; the erasure is confirmed');
    expect(text).toContain('- Ticketing: held no data about you');
  });

  it('says what a vendor kept, on what basis and until when, and never that its erasure was confirmed then', () => {
    const answered = (answer: Outcome['answer']) =>
      completionEmail({ ...input, outcomes: [{ processorName: 'Bookkeeping firm', status: 'completed', action: 'erase', answer }] });
    const retained = answered({ outcome: 'retained', basis: 'Bookkeeping Act 7:2', until: '2033-12-31' });
    expect(retained.text).toContain(
      '- Bookkeeping firm: kept your data, which was not erased or changed – legal basis: Bookkeeping Act 7:2; until 31 December 2033',
    );
    const partly = answered({ outcome: 'partly', kept: 'Invoices <2024>', reason: 'Tax law' });
    expect(partly.text).toContain('- Bookkeeping firm: done only in part – kept: Invoices <2024>; why: Tax law');
    expect(partly.html).toContain('Invoices &lt;2024&gt;');
    for (const mail of [retained, partly]) {
      expect(mail.text).not.toContain('confirmed');
      expect(mail.text).not.toContain('erased at our request');
    }
    expect(answered({ outcome: 'not_found' }).text).toContain('- Bookkeeping firm: held no data about you');
    expect(answered({ outcome: 'done' }).text).toContain('- Bookkeeping firm: erased at our request; the erasure is confirmed');
    for (const locale of ['sv', 'sl'] as const) {
      const mail = completionEmail({
        ...input,
        locale,
        outcomes: [{ processorName: 'Bokföring', status: 'completed', action: 'erase', answer: { outcome: 'retained', basis: 'Bokföringslagen' } }],
      });
      expect(mail.text).toContain(texts[locale].email.completion.outcome.retained({ basis: 'Bokföringslagen' }));
    }
  });

  it('names the recipients told of the erasure (Art. 19) in a section of its own, for erasure only', () => {
    const told = ['Newsletter service', 'Partner <b>club</b>'];
    for (const locale of LOCALES) {
      const c = texts[locale].email.completion;
      const mail = completionEmail({ ...input, locale, recipientsTold: told });
      expect(mail.text).toContain(`${c.recipientsTitle}\n${c.recipientsIntro}\n- Newsletter service\n- Partner <b>club</b>`);
      expect(mail.html).toContain(escapeHtml(c.recipientsTitle));
      expect(mail.html).toContain('<li>Partner &lt;b&gt;club&lt;/b&gt;</li>');
    }
    expect(completionEmail(input).text).not.toContain(texts.en.email.completion.recipientsTitle);
    expect(completionEmail({ ...samples.completion, recipientsTold: told }).text).not.toContain(texts.en.email.completion.recipientsTitle);
  });
});

describe('the task page', () => {
  const html = renderTaskPage(samples.task);
  const all = tags(html);
  const ids = new Set(all.map((t) => t.attrs.id).filter(Boolean));

  it('answers through one POST form to the link itself, the token in its query (checked before the body is read)', () => {
    const forms = all.filter((t) => t.name === 'form');
    expect(forms).toHaveLength(1);
    expect(forms[0]!.attrs).toMatchObject({ method: 'post', action: '/v1/tasks/r1/newsletter?token=tok_task', enctype: 'multipart/form-data' });
    expect(all.find((t) => t.attrs.name === 'token')).toBeUndefined();
    expect(all.find((t) => t.attrs.name === 'export')?.attrs).toMatchObject({ type: 'file', accept: '.pdf,.csv' });
    expect(all.filter((t) => t.name === 'button')).toEqual([{ name: 'button', attrs: { type: 'submit' } }]);
  });

  it('offers the four outcomes as required radios, a note of at most 2000 characters and, for access, the file', () => {
    const radios = all.filter((t) => t.name === 'input' && t.attrs.type === 'radio');
    expect(radios.map((r) => [r.attrs.name, r.attrs.value])).toEqual([
      ['outcome', 'done'],
      ['outcome', 'not_found'],
      ['outcome', 'retained'],
      ['outcome', 'partly'],
    ]);
    for (const r of radios) expect(r.attrs.required).toBeDefined();
    const note = all.find((t) => t.name === 'textarea' && t.attrs.name === 'note');
    expect(note?.attrs).toMatchObject({ name: 'note', maxlength: '2000' });
    expect(note?.attrs.required).toBeUndefined();
    // What was kept, on what basis, why and until when: none required by the browser (only the outcome decides).
    const kept = all.filter((t) => ['basis', 'kept', 'reason', 'until'].includes(t.attrs.name ?? ''));
    expect(kept.map((t) => [t.attrs.name, t.attrs.required])).toEqual([
      ['basis', undefined],
      ['kept', undefined],
      ['reason', undefined],
      ['until', undefined],
    ]);
    expect(all.find((t) => t.attrs.name === 'until')?.attrs.type).toBe('date');
    expect(all.find((t) => t.attrs.type === 'file')?.attrs.name).toBe('export');
    expect(html).toContain('Done as asked');
    expect(html).toContain('We hold no data on this person');
  });

  it('has a label for every visible control, and every description it points to exists', () => {
    for (const page of [html, renderTaskPage({ ...samples.task, kind: 'manual', type: 'erasure', allowUpload: false, locale: 'sl' })]) {
      const t = tags(page);
      const labelled = new Set(t.filter((x) => x.name === 'label').map((x) => x.attrs.for));
      const pageIds = new Set(t.map((x) => x.attrs.id).filter(Boolean));
      const controls = t.filter((x) => (x.name === 'input' && x.attrs.type !== 'hidden') || x.name === 'select' || x.name === 'textarea');
      expect(controls.length).toBeGreaterThanOrEqual(3);
      for (const c of controls) expect(labelled.has(c.attrs.id), c.attrs.name).toBe(true);
      for (const x of t) for (const id of (x.attrs['aria-describedby'] ?? '').split(' ').filter(Boolean)) expect(pageIds.has(id), id).toBe(true);
    }
    expect(all.find((t) => t.name === 'fieldset')).toBeDefined();
    expect(ids.has('outcome-done-hint')).toBe(true);
  });

  it('shows a refused answer again with each error next to its field and what was sent kept, in the page language', () => {
    for (const locale of LOCALES) {
      const page = renderTaskPage({
        ...samples.task,
        locale,
        errors: { basis: 'basis is required when outcome is retained', until: 'until must be a date in the future' },
        values: { outcome: 'retained', basis: '', until: '2020-01-01', note: 'Kept <the> ledger' },
      });
      const t = tags(page);
      expect(t.find((x) => x.attrs.value === 'retained')?.attrs.checked).toBeDefined();
      expect(t.find((x) => x.attrs.value === 'done')?.attrs.checked).toBeUndefined();
      expect(t.find((x) => x.attrs.name === 'until')?.attrs).toMatchObject({
        value: '2020-01-01',
        'aria-invalid': 'true',
        'aria-describedby': 'until-hint until-error',
      });
      expect(t.find((x) => x.attrs.name === 'basis')?.attrs['aria-describedby']).toBe('basis-hint basis-error');
      expect(page).toContain(texts[locale].task.errors.basis);
      expect(page).toContain(texts[locale].task.errors.until);
      expect(page).toContain(texts[locale].task.errorTitle);
      expect(page).toContain('Kept &lt;the&gt; ledger');
      expect(page).not.toContain('basis is required');
    }
  });

  it('posts urlencoded and asks for no file when uploads are not allowed', () => {
    const page = renderTaskPage({ ...samples.task, type: 'erasure', allowUpload: false });
    expect(tags(page).find((t) => t.name === 'form')?.attrs.enctype).toBe('application/x-www-form-urlencoded');
    expect(page).not.toContain('type="file"');
    expect(page).toContain(texts.en.task.doneHint.erasure);
  });

  it('shows the person, the instructions and the deadline, and uses no JavaScript', () => {
    expect(html).toContain('ada@example.org');
    expect(html).toContain('Ada Lovelace');
    expect(html).toContain('Export the subscriber record.<br>Include the send log.');
    expect(html).toContain('20 March 2026');
    expect(html).not.toMatch(/<script|http-equiv|onload|onclick|autofocus/i);
    expect(html).toContain('noindex');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('leaves out a name the register does not send', () => {
    const page = renderTaskPage({ ...samples.task, identities: { email: 'ada@example.org' } });
    expect(page).not.toContain(`<dt>${texts.en.task.identity.name}</dt>`);
  });

  it('is titled by the request for a vendor and by the task for staff, in every language', () => {
    for (const locale of LOCALES) {
      const k = texts[locale].task;
      expect(renderTaskPage({ ...samples.task, locale })).toContain(`<h1>${escapeHtml(k.title({ what: texts[locale].email.requestWhat.access }))}</h1>`);
      const staff = renderTaskPage({ ...samples.task, locale, kind: 'manual', processorName: 'Shared mailbox' });
      expect(staff).toContain(`<h1>${escapeHtml(k.taskTitle({ controller: '', processor: 'Shared mailbox', reference: '' }))}</h1>`);
      expect(staff).toContain(escapeHtml(k.siteName));
    }
  });

  it('thanks once, says when it was already answered, and explains a link that does not work', () => {
    for (const locale of LOCALES) {
      const k = texts[locale].task;
      expect(renderTaskDone({ locale, alreadyDone: false })).toContain(escapeHtml(k.done.title));
      expect(renderTaskDone({ locale, alreadyDone: true })).toContain(escapeHtml(k.alreadyDone.title));
      const invalid = renderTaskLinkInvalid({ locale });
      expect(invalid).toContain(escapeHtml(k.invalid.title));
      expect(invalid).toContain('noindex');
    }
  });
});

describe('waiting branches and vendor files', () => {
  it('shows a waiting processor as waiting for an answer', () => {
    const html = renderStatusPage({ ...samples.status, processors: [{ name: 'Newsletter service', status: 'waiting' }] });
    expect(html).toContain('<span class="tag waiting">Waiting for an answer</span>');
    expect(texts.sv.status.branchStatus.waiting).toBe('Väntar på svar');
    expect(texts.sl.status.branchStatus.waiting).toBe('Čaka na odgovor');
  });

  it('lists the file a vendor sent in its folder, next to or instead of the JSON and CSV', () => {
    const processors = samples.packageSummary.processors;
    const html = accessPackageSummary({
      ...samples.packageSummary,
      processors: [
        { ...processors[0]!, attachmentName: 'results.json' },
        { ...processors[0]!, id: 'vendor', name: 'Newsletter service', recordCount: 0, attachmentName: 'subscriber export.zip', records: false },
      ],
    });
    expect(html).toContain('<a href="members.json"><code>members.json</code></a>');
    expect(html).toContain('<a href="members/results.json"><code>members/results.json</code></a> (as the provider sent it)');
    expect(html).toContain('<a href="vendor/subscriber%20export.zip"><code>vendor/subscriber export.zip</code></a>');
    expect(html).not.toContain('vendor.json');
    expect(html).not.toContain(texts.en.package.noData);
    expect(html).toContain(texts.en.package.attachmentNote);
    expect(accessPackageSummary(samples.packageSummary)).not.toContain(texts.en.package.attachmentNote);
  });
});

describe('the deadline reminders to the DPO', () => {
  it('name the stage in one line, escape the controller, and exist in every language', () => {
    for (const locale of LOCALES) {
      const subjects = (['in_7_days', 'in_2_days', 'overdue'] as const).map((stage) => {
        const mail = deadlineEmail({ locale, controllerName: 'A <b>\r\nB', requestReference: 'r-1', stage, dueAt: '2026-12-22T23:59:59.999Z' });
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).not.toContain('<b>');
        expect(mail.text).toContain('r-1');
        return mail.subject;
      });
      expect(new Set(subjects).size).toBe(3);
    }
  });
});

// ---------------------------------------------------------------- every right

describe('the form for every right', () => {
  const html = renderRequestForm({ ...samples.form, errors: {} });
  const all = tags(html);
  const legendOf = (right: string) =>
    html.match(new RegExp(`<fieldset class="right-fields[^"]*" data-right="${right}"[^>]*>\\s*<legend>([^<]*)</legend>`))?.[1];

  it("puts each right's own fields in a fieldset whose legend names that right", () => {
    expect(legendOf('rectification')).toBe(texts.sv.form.fieldsLegend.rectification);
    expect(legendOf('objection')).toBe(texts.sv.form.fieldsLegend.objection);
    expect(legendOf('withdraw_consent')).toBe(texts.sv.form.fieldsLegend.withdraw_consent);
    expect(legendOf('portability')).toBe(texts.sv.form.fieldsLegend.portability);
    const rectification = html.slice(html.indexOf('data-right="rectification"'), html.indexOf('data-right="objection"'));
    for (const name of ['rectifyAttribute', 'inaccurate', 'corrected']) expect(rectification).toContain(`name="${name}"`);
  });

  it('offers the declared attributes to correct, with "something else" sent as empty, and keeps the chosen one', () => {
    const select = html.match(/<select id="rectifyAttribute"[\s\S]*?<\/select>/)?.[0] ?? '';
    expect(all.filter((t) => t.name === 'select').map((t) => t.attrs.name)).toEqual(['transmitTo', 'rectifyAttribute']);
    expect(
      tags(select)
        .filter((t) => t.name === 'option')
        .map((o) => o.attrs.value),
    ).toEqual(['name', 'phone', '']);
    expect(html).toMatch(/<option value="phone" selected>phone<\/option>/);
    expect(html).toContain(`<option value="">${escapeHtml(texts.sv.form.rectifyAttributeOther)}</option>`);
    expect(html).toContain('>Old number\n070-1</textarea>');
  });

  it('asks what an objection is to with two radios, and withdrawal of consent with a checkbox per declared purpose', () => {
    const scopes = all.filter((t) => t.attrs.name === 'objectionScope');
    expect(scopes.map((t) => [t.attrs.type, t.attrs.value])).toEqual([
      ['radio', 'direct_marketing'],
      ['radio', 'other'],
    ]);
    expect(scopes[1]!.attrs.checked).toBeDefined();
    const purposes = all.filter((t) => t.attrs.name === 'consentPurposes[]');
    expect(purposes.map((t) => [t.attrs.type, t.attrs.value, t.attrs.checked !== undefined])).toEqual([
      ['checkbox', 'newsletter', false],
      ['checkbox', 'photos', true],
    ]);
  });

  it('offers the portability targets with "download it myself" first, and asks about customers only where the organisation has them', () => {
    expect(html).toContain(`<option value="">${escapeHtml(texts.sv.form.transmitToNone)}</option>`);
    expect(html).toMatch(/<option value="receiver" selected>Receiving Club<\/option>/);
    expect(all.find((t) => t.attrs.name === 'viaCustomer')?.attrs).toMatchObject({ type: 'text', value: 'Branch North', maxlength: '200' });
    expect(html).toContain('the local branches using our membership platform');
    const plain = renderRequestForm({ locale: 'en', controllers });
    for (const name of ['viaCustomer', 'transmitTo', 'rectifyAttribute', 'consentPurposes[]']) expect(plain).not.toContain(`name="${name}"`);
    expect(plain).toContain('name="inaccurate"');
  });

  it("puts an error next to its field inside the right's fieldset, which stays visible, and keeps every value", () => {
    const withError = renderRequestForm(samples.form);
    const fieldset = withError.match(/<fieldset class="right-fields invalid" data-right="rectification"[\s\S]*?<\/fieldset>/)?.[0] ?? '';
    expect(fieldset).toContain('id="inaccurate-error"');
    expect(fieldset).toMatch(
      /<textarea id="inaccurate" name="inaccurate" aria-invalid="true" aria-describedby="inaccurate-hint inaccurate-error" maxlength="2000"/,
    );
    expect(withError).toContain(escapeHtml(texts.sv.form.fieldErrors.inaccurate));
    expect(withError).toContain('>Thanks</textarea>');
    expect(withError).toContain('>I moved</textarea>');
  });

  it("hides the other rights' fieldsets in CSS once a right is chosen, since the page allows no script", () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('form:has(input[name=type]:checked) .right-fields:not(.invalid){display:none}');
    expect(html).toContain('form:has(#type-withdraw_consent:checked) .right-fields[data-right=withdraw_consent]');
  });

  it("shows the organisation's https logo and accent colour, and ignores a logo or colour that is not safe", () => {
    const branded = renderRequestForm({
      locale: 'en',
      controllers: [{ ...richController, branding: { accentColour: '#ffdd00', logoUrl: 'https://cdn.example/logo.png' } }],
    });
    expect(tags(branded).find((t) => t.name === 'img')?.attrs).toMatchObject({ src: 'https://cdn.example/logo.png', alt: 'Other Club' });
    // A light accent gets dark button text, so the button stays readable.
    expect(branded).toContain('button,.button,button:hover,.button:hover{background:#ffdd00;border-color:#ffdd00;color:#1b1b1b}');
    expect(renderRequestForm({ locale: 'en', controllers: [{ ...richController, branding: { accentColour: '#0b4f8a' } }] })).toContain('color:#fff}');
    const unsafe = renderRequestForm({
      locale: 'en',
      controllers: [{ ...richController, branding: { accentColour: 'red;}body{display:none', logoUrl: 'http://cdn.example/logo.png' } }],
    });
    expect(unsafe).not.toContain('<img');
    expect(unsafe).not.toContain('display:none}body');
    expect(unsafe).not.toContain('red;');
  });

  it("switches language on the same organisation's form, in the languages it offers", () => {
    const page = renderRequestForm({ locale: 'sv', controllers: [{ ...richController, locales: ['sv', 'en'] }] });
    const switcher = tags(page)
      .filter((t) => t.name === 'a' && t.attrs.hreflang)
      .map((t) => t.attrs.href);
    expect(switcher).toEqual(['/c/other/en', '/c/other/sv']);
  });
});

describe('pages and emails for every right in every language', () => {
  for (const locale of LOCALES) {
    it(`name and explain each of the seven rights in ${locale}`, () => {
      const t = texts[locale];
      const subjects = new Set<string>();
      for (const type of RIGHTS) {
        const confirm = renderConfirmPage({ ...samples.confirm, locale, type });
        expect(confirm).toContain(escapeHtml(t.confirm.title[type]));
        expect(confirm).toContain(escapeHtml(t.confirm.what[type]({ controller: 'Demo Association' })));
        expect(renderConfirmed({ ...samples.confirmed, locale, type })).toContain(escapeHtml(t.confirmed.next[type]));
        expect(renderStatusPage({ ...samples.status, locale, type })).toContain(escapeHtml(t.requestType[type]));
        const verify = verificationEmail({ ...samples.verification, locale, type });
        expect(verify.text).toContain(t.email.verify.intro[type]({ controller: 'Demo Association' }));
        const done = completionEmail({ ...samples.completion, locale, type, downloadUrl: undefined });
        expect(done.text).toContain(t.email.completion.intro[type]({ controller: 'Demo Association' }));
        subjects.add(done.subject);
        expect(vendorRequestEmail({ ...samples.vendor, locale, type }).subject).toContain(t.email.requestWhat[type]);
        expect(staffTaskEmail({ ...samples.staff, locale, type }).subject).toContain(t.email.requestShort[type]);
      }
      expect(subjects.size).toBe(RIGHTS.length);
    });
  }

  it('gives a portability download as machine-readable files, and names the organisation it was sent to', () => {
    const mail = completionEmail({ ...samples.completion, type: 'portability', transmittedTo: 'Receiving <Club>' });
    expect(mail.subject).toBe('Your data from Demo Association is ready to download in a machine-readable format (ref. r1)');
    expect(mail.text).toContain(texts.en.email.completion.portabilityDownloadIntro);
    expect(mail.text).toContain('As you asked, we have also sent the data directly to Receiving <Club>.');
    expect(mail.html).toContain('directly to Receiving &lt;Club&gt;.');
    expect(completionEmail({ ...samples.completion, type: 'portability' }).text).not.toContain('sent the data directly');
    expect(completionEmail({ ...samples.completion, type: 'access', transmittedTo: 'Receiving Club' }).text).not.toContain('Receiving Club');
  });

  it('says where data was corrected, by the store or by staff', () => {
    const mail = completionEmail({
      ...samples.completion,
      type: 'rectification',
      downloadUrl: undefined,
      recipientsTold: ['Newsletter service'],
      outcomes: [
        { processorName: 'Membership register', status: 'completed', action: 'rectify', recordCount: 2 },
        { processorName: 'Shared mailbox', status: 'completed', action: 'rectify', staffTask: true },
        { processorName: 'Invoices', status: 'completed', action: 'rectify', recordCount: 0 },
      ],
    });
    expect(mail.text).toContain(
      'Where your data was corrected\n- Membership register: corrected in 2 records\n- Shared mailbox: corrected by our staff\n- Invoices: held no data about you',
    );
    expect(mail.text).toContain(
      `${texts.en.email.completion.recipientsTitleCorrection}\n${texts.en.email.completion.recipientsIntroCorrection}\n- Newsletter service`,
    );
    expect(mail.text).not.toContain('Download');
  });

  it('says where the use of data is restricted and what that means, for a restriction and an upheld objection', () => {
    const outcomes = [{ processorName: 'Membership register', status: 'completed' as const, action: 'restrict' as const, recordCount: 1 }];
    const restriction = completionEmail({ ...samples.completion, type: 'restriction', downloadUrl: undefined, outcomes });
    expect(restriction.text).toContain('Where the use of your data is now restricted\n- Membership register: 1 record restricted: kept, but not used');
    expect(restriction.text).toContain('Article 18(2) GDPR');
    const upheld = completionEmail({ ...samples.completion, type: 'objection', objectionScope: 'other', downloadUrl: undefined, outcomes });
    expect(upheld.text).toContain(texts.en.email.completion.objectionUpheld);
    expect(upheld.text).toContain('Article 18(2) GDPR');
    const marketing = completionEmail({
      ...samples.completion,
      type: 'objection',
      objectionScope: 'direct_marketing',
      downloadUrl: undefined,
      outcomes: keptOutcomes,
    });
    expect(marketing.text).toContain(texts.en.email.completion.objectionDirectMarketing);
    expect(marketing.text).toContain('Mailing list: deleted 1 record; to make sure you are not added again by mistake');
    expect(marketing.text).not.toContain('Article 18(2) GDPR');
  });

  it('names the consents withdrawn and what happened to the data held for them', () => {
    for (const locale of LOCALES) {
      const mail = completionEmail({
        ...samples.completion,
        locale,
        type: 'withdraw_consent',
        downloadUrl: undefined,
        consentPurposes: ['The newsletter', 'Photos'],
        outcomes: keptOutcomes,
        recipientsTold: ['Newsletter service'],
      });
      const c = texts[locale].email.completion;
      expect(mail.text).toContain(c.consentWithdrawn({ purposes: 'The newsletter, Photos' }));
      expect(mail.text).toContain(`${c.consentTitle}\n- Invoices: `);
      // Withdrawing consent erased data, so the recipients were told of an erasure (Art. 19).
      expect(mail.text).toContain(`${c.recipientsIntro}\n- Newsletter service`);
    }
  });
});

describe('the refusal', () => {
  it("carries staff's reasons with their line breaks, escaped, and the Article 12(4) remedies naming the authority, in every language", () => {
    for (const locale of LOCALES) {
      const mail = denialEmail({ ...samples.denial, locale, reasonText: 'First <b>reason</b>.\nSecond line.' });
      const d = texts[locale].email.denial;
      const k = texts[locale].email.complaints;
      const lead = k.lead({ authority: 'Integritetsskyddsmyndigheten (IMY)' });
      expect(mail.text).toContain(`${d.reasonsTitle}\nFirst <b>reason</b>.\nSecond line.`);
      expect(mail.html).toContain('First &lt;b&gt;reason&lt;/b&gt;.<br>Second line.');
      for (const remedies of [k.denialIntro, lead]) {
        expect(mail.text).toContain(remedies);
        expect(mail.html).toContain(escapeHtml(remedies));
      }
      expect(mail.html).toContain('href="https://www.imy.se"');
      expect(mail.text).toContain('https://www.imy.se');
      expect(lead).toContain('Integritetsskyddsmyndigheten (IMY)');
      expect(k.denialIntro).toMatch(/12\(4\)|12\.4|četrti odstavek 12\. člena|Artikel 12 Absatz 4/);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
    expect(texts.en.email.complaints.denialIntro).toMatch(/lodge a complaint with a data protection supervisory authority and to seek a judicial remedy/);
    expect(texts.sv.email.complaints.denialIntro).toMatch(/klagomål till en tillsynsmyndighet för dataskydd och att få saken prövad av domstol/);
    expect(texts.sl.email.complaints.denialIntro).toMatch(/pritožbo pri nadzornem organu za varstvo podatkov in uveljavljati pravno sredstvo pred sodiščem/);
  });

  it('has a default text for every template in every language, except "other", which staff write', () => {
    for (const locale of LOCALES) {
      const textsOf = DENIAL_REASONS.filter((r) => r !== 'other').map((r) => denialReasonText(r, locale, { controllerName: 'Demo Association' }));
      for (const text of textsOf) expect(text.length).toBeGreaterThan(60);
      expect(new Set(textsOf).size).toBe(textsOf.length);
      expect(denialReasonText('other', locale, { controllerName: 'Demo Association' })).toBe('');
    }
    expect(denialReasonText('data_accurate', 'sv', { controllerName: 'X' })).not.toBe(denialReasonText('data_accurate', 'en', { controllerName: 'X' }));
  });

  it('points a processor-only refusal to the customer the subject named, or to the organisation they are registered with', () => {
    for (const locale of LOCALES) {
      const named = denialReasonText('processor_only', locale, { controllerName: 'Zetkin Foundation', viaCustomer: 'Vänsterpartiet Malmö\r\n' });
      expect(named).toContain('Zetkin Foundation');
      expect(named.split('Vänsterpartiet Malmö').length - 1).toBeGreaterThanOrEqual(2);
      expect(named).not.toMatch(/[\r\n]/);
      const unnamed = denialReasonText('processor_only', locale, { controllerName: 'Zetkin Foundation' });
      expect(unnamed).not.toContain('undefined');
      expect(unnamed).toMatch(/registered with|registrerad hos|registrirani|bei der Sie registriert sind/);
    }
  });
});

describe('the extension, the question and the restriction notice', () => {
  it("gives the new deadline, the months and staff's reasons under Article 12(3), in every language", () => {
    for (const locale of LOCALES) {
      const mail = extensionEmail({ ...samples.extension, locale });
      expect(mail.text).toContain(formatDate(samples.extension.newDueAt, locale));
      expect(mail.text).toMatch(/12\(3\)|12\.3|tretji odstavek 12\. člena|Artikel 12 Absatz 3/);
      expect(mail.text).toContain('Your request covers twelve systems.\nOne vendor needs more time.');
      expect(mail.html).toContain('Your request covers twelve systems.<br>One vendor needs more time.');
    }
    expect(extensionEmail(samples.extension).text).toContain('extended it by 2 months');
    expect(extensionEmail({ ...samples.extension, locale: 'sl', months: 1 }).text).toContain('za 1 mesec');
    expect(extensionEmail({ ...samples.extension, locale: 'sl' }).text).toContain('za 2 meseca');
    expect(extensionEmail({ ...samples.extension, locale: 'de', months: 1 }).text).toContain('um 1 Monat verlängert');
    expect(extensionEmail({ ...samples.extension, locale: 'de' }).text).toContain('um 2 Monate verlängert');
  });

  it('asks the question, sends the subject to the status page to answer, and says whether the deadline waits', () => {
    for (const locale of LOCALES) {
      const x = texts[locale].email.infoRequest;
      const paused = informationRequestEmail({ ...samples.infoRequest, locale });
      expect(paused.text).toContain('Which email address did you use as a member?\nWe found two.');
      expect(paused.text).toContain(x.pauses);
      expect(
        tags(paused.html)
          .filter((t) => t.name === 'a')
          .map((t) => t.attrs.href),
      ).toEqual([escapeHtml(samples.infoRequest.statusUrl)]);
      const running = informationRequestEmail({ ...samples.infoRequest, locale, pausesClock: false });
      expect(running.text).toContain(x.runs({ date: formatDate(samples.infoRequest.dueAt, locale) }));
      expect(running.text).not.toContain(x.pauses);
    }
  });

  it('tells the subject in advance when and where a restriction will be lifted (Article 18(3))', () => {
    for (const locale of LOCALES) {
      const mail = restrictionLiftNoticeEmail({ ...samples.restrictionLift, locale });
      expect(mail.text).toContain(formatDate(samples.restrictionLift.liftAt, locale));
      expect(mail.text).toContain('- Membership register\n- Event participation');
      expect(mail.text).toMatch(/18\(3\)|18\.3|tretji odstavek 18\. člena|Artikel 18 Absatz 3/);
    }
  });
});

describe('the emails to staff about reviews', () => {
  it('say why a request waits, by when, and link the console, with no personal data of the subject', () => {
    for (const locale of LOCALES) {
      const x = texts[locale].email.reviewWaiting;
      for (const reason of REVIEW_REASONS) expect(x.reasons[reason].length).toBeGreaterThan(20);
      const mail = reviewWaitingEmail({ ...samples.reviewWaiting, locale, reasons: [...REVIEW_REASONS] });
      for (const reason of REVIEW_REASONS) expect(mail.text).toContain(x.reasons[reason]);
      expect(mail.text).toContain('r1');
      expect(mail.text).toContain(texts[locale].email.escalation.noPersonalData);
      expect(
        tags(mail.html)
          .filter((t) => t.name === 'a')
          .map((t) => t.attrs.href),
      ).toEqual([escapeHtml(samples.reviewWaiting.consoleUrl)]);
      // Even a caller that passes the subject's details by mistake sends none of them.
      const careless = reviewWaitingEmail({ ...samples.reviewWaiting, locale, email: 'ada@example.org', name: 'Ada Lovelace' } as Parameters<
        typeof reviewWaitingEmail
      >[0]);
      expect(JSON.stringify(careless)).not.toMatch(/ada@example\.org|Ada Lovelace/);
      const answered = subjectAnsweredEmail({
        locale,
        controllerName: 'Demo Association',
        requestReference: 'r1',
        consoleUrl: 'https://dsr.example/console?request=r1',
      });
      expect(answered.subject).toContain('r1');
      expect(answered.text).not.toContain('@');
    }
  });
});

describe('what vendors and staff are asked to do, by action', () => {
  it('says what to do for every action, and shows the correction only for a correction', () => {
    const todo = texts.en.email.vendor.todo;
    const cases = [
      ['access', 'export', todo.export],
      ['portability', 'export', todo.exportPortable],
      ['erasure', 'delete', todo.erase],
      ['withdraw_consent', 'erase', todo.erase],
      ['objection', 'suppress', todo.erase],
      ['rectification', 'rectify', todo.rectify],
      ['restriction', 'restrict', todo.restrict],
      ['objection', 'restrict', todo.restrict],
    ] as const;
    for (const [type, action, expected] of cases) {
      const mail = vendorRequestEmail({ ...samples.vendor, type, action, correction: samples.correction });
      expect(mail.text, `${type}/${action}`).toContain(expected);
      expect(mail.text.includes('070-222'), `${type}/${action}`).toBe(action === 'rectify');
    }
    const mail = vendorRequestEmail({ ...samples.vendor, type: 'rectification', action: 'rectify', correction: samples.correction });
    expect(mail.text).toContain('The correction\nData:\nphone\nWhat is wrong:\n070-111 <old>\nWhat it should be:\n070-222\nmobile');
    expect(mail.html).toContain('070-222<br>mobile');
    expect(mail.html).toContain('070-111 &lt;old&gt;');
  });

  it('keeps working for callers that give only access or erasure', () => {
    expect(vendorRequestEmail(samples.vendor).text).toContain(texts.en.email.vendor.todo.erase);
    expect(staffTaskEmail(samples.staff).text).toContain(texts.en.email.staff.action.export);
    expect(staffTaskEmail({ ...samples.staff, instructions: undefined }).text).not.toContain(texts.en.email.staff.instructionsTitle);
  });

  it('shows staff the correction and a matching outcome hint on the task page', () => {
    const page = renderTaskPage({
      ...samples.task,
      locale: 'sv',
      kind: 'manual',
      type: 'rectification',
      action: 'rectify',
      allowUpload: false,
      correction: samples.correction,
    });
    expect(page).toContain(escapeHtml(texts.sv.email.correction.title));
    expect(page).toContain('070-222<br>mobile');
    expect(page).toContain(escapeHtml(texts.sv.task.doneHint.rectify));
    expect(page).toContain(escapeHtml(texts.sv.email.staff.action.rectify));
    const restrict = renderTaskPage({ ...samples.task, type: 'restriction', action: 'restrict', allowUpload: false, correction: samples.correction });
    expect(restrict).not.toContain('070-222');
    expect(restrict).toContain(escapeHtml(texts.en.task.doneHint.restrict));
  });
});

describe('the status page for reviewed requests', () => {
  it('offers the reply form only while a question is open, posting the status key and a required answer of at most 4000 characters', () => {
    for (const locale of LOCALES) {
      const open = renderStatusPage({ ...samples.statusOpenQuestion, locale, errors: {}, values: {} });
      const form = tags(open).find((t) => t.name === 'form');
      expect(form?.attrs).toMatchObject({ method: 'post', action: '/v1/requests/r1/reply' });
      expect(tags(open).find((t) => t.attrs.name === 'key')?.attrs).toMatchObject({ type: 'hidden', value: 'k1' });
      expect(tags(open).find((t) => t.name === 'textarea')?.attrs).toMatchObject({ name: 'answer', maxlength: '4000' });
      expect(tags(open).find((t) => t.name === 'textarea')?.attrs.required).toBeDefined();
      expect(open).toContain('Which address did you use?<br>Before 2024?');
      expect(open).toContain(escapeHtml(texts[locale].status.clockPaused));
      const answered = renderStatusPage({
        ...samples.statusOpenQuestion,
        locale,
        infoRequest: { ...samples.statusOpenQuestion.infoRequest, answeredAt: '2026-03-07T10:00:00.000Z' },
      });
      expect(answered).not.toContain('/reply');
      expect(answered).not.toContain('Which address did you use?');
      expect(renderStatusPage({ ...samples.status, locale })).not.toContain('name="answer"');
    }
  });

  it('re-renders a refused answer with the error next to it and what was typed', () => {
    const html = renderStatusPage(samples.statusOpenQuestion);
    expect(html).toContain('<p class="field-error" id="answer-error">');
    expect(html).toMatch(/<textarea id="answer"[^>]*aria-invalid="true" aria-describedby="answer-hint answer-error">The old one<\/textarea>/);
    expect(html).toMatch(/<title>Error: /);
    const sv = renderStatusPage({ ...samples.statusOpenQuestion, locale: 'sv' });
    expect(sv).toContain(escapeHtml(texts.sv.status.answerError));
  });

  it('shows the extension with its new deadline and reasons, and the refusal text', () => {
    const html = renderStatusPage(samples.statusOpenQuestion);
    expect(html).toContain('We have extended it by 2 months; the new deadline is 5 June 2026.');
    expect(html).toContain('Many systems.<br>A vendor is slow.');
    expect(html).toContain(escapeHtml(texts.en.status.denialTitle));
    expect(html).toContain('<p>Not possible.</p>');
    expect(renderStatusPage(samples.status)).not.toContain(texts.en.status.extensionTitle);
  });

  it('thanks the subject for the answer and links back to the status page, in every language', () => {
    for (const locale of LOCALES) {
      const html = renderReplyReceived({ locale, statusUrl: '/v1/requests/r1/status?key=k&lang=sv' });
      expect(html).toContain(escapeHtml(texts[locale].replyReceived.title));
      expect(html).toContain(`<a href="/v1/requests/r1/status?key=k&amp;lang=sv">${escapeHtml(texts[locale].common.statusLink)}</a>`);
    }
  });
});
