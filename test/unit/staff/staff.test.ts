import { describe, expect, it } from 'vitest';
import { type AuditEvent, type Branch, DENIAL_REASONS, type DsrRequest, REQUEST_STATUSES, RIGHTS } from '../../../functions/domain/request';
import {
  byDueDate,
  type Claims,
  claimsOf,
  controllersClaim,
  listClaim,
  listItem,
  matchesFilters,
  mayAccess,
  mayDo,
  parseListFilters,
  requestDetail,
  requireRole,
  staffFrom,
  visibleControllers,
} from '../../../functions/staff/staff';

/** The error middy's error handler turns into a response: status and the JSON body. */
function refusal(fn: () => unknown): { statusCode: number; body: { message: string; errors?: Record<string, string> } } {
  try {
    fn();
  } catch (err) {
    const e = err as { statusCode: number; message: string };
    return { statusCode: e.statusCode, body: JSON.parse(e.message) };
  }
  throw new Error('expected a refusal');
}

const claims = (over: Claims = {}): Claims => ({
  sub: '5b1e7c1e-0000-4000-8000-000000000001',
  'cognito:username': 'ada',
  'cognito:groups': ['viewer'],
  'custom:controllers': 'demo-association',
  token_use: 'id',
  ...over,
});

describe('claims', () => {
  it('reads the claims an HTTP API JWT authorizer hands over, and none when there are none', () => {
    const c = claims();
    expect(claimsOf({ requestContext: { authorizer: { jwt: { claims: c, scopes: [] } } } })).toBe(c);
    expect(claimsOf({ requestContext: {} })).toBeUndefined();
    expect(claimsOf({ requestContext: { authorizer: { jwt: { claims: {} } } } })).toBeUndefined();
    expect(claimsOf(undefined)).toBeUndefined();
  });

  it('takes groups as an array or flattened the way API Gateway does', () => {
    expect(listClaim(['viewer', 'approver'])).toEqual(['viewer', 'approver']);
    expect(listClaim('[viewer approver]')).toEqual(['viewer', 'approver']);
    expect(listClaim('[approver]')).toEqual(['approver']);
    expect(listClaim('viewer')).toEqual(['viewer']);
    expect(listClaim('[]')).toEqual([]);
    expect(listClaim(undefined)).toEqual([]);
    expect(listClaim(42)).toEqual([]);
    expect(staffFrom(claims({ 'cognito:groups': '[viewer approver]' })).roles).toEqual(['viewer', 'approver']);
    expect(staffFrom(claims({ 'cognito:groups': ['approver', 'admins'] })).roles).toEqual(['approver']);
  });

  it('takes controllers as * or a comma list; none when missing', () => {
    expect(controllersClaim('*')).toBe('*');
    expect(controllersClaim('demo-association, other ,demo-association')).toEqual(['demo-association', 'other']);
    expect(controllersClaim(undefined)).toEqual([]);
    expect(controllersClaim('')).toEqual([]);
  });

  it('names the caller by cognito:username, else sub', () => {
    expect(staffFrom(claims()).username).toBe('ada');
    const { 'cognito:username': _u, ...rest } = claims();
    expect(staffFrom(rest).username).toBe('5b1e7c1e-0000-4000-8000-000000000001');
  });
});

describe('roles', () => {
  it('lets a viewer read but not decide', () => {
    expect(requireRole(claims(), 'read').username).toBe('ada');
    const r = refusal(() => requireRole(claims(), 'decide'));
    expect(r.statusCode).toBe(403);
    expect(r.body.errors).toEqual({ role: 'approver' });
    expect(r.body.message).toContain('approver');
  });

  it('lets an approver read and decide, also when groups arrive flattened', () => {
    const c = claims({ 'cognito:groups': '[approver]' });
    expect(requireRole(c, 'read').roles).toEqual(['approver']);
    expect(requireRole(c, 'decide').roles).toEqual(['approver']);
  });

  it('refuses a token without a staff role with 403 naming the roles that read', () => {
    for (const groups of [undefined, [], '[]', ['none'], 'none']) {
      const r = refusal(() => requireRole(claims({ 'cognito:groups': groups }), 'read'));
      expect(r.statusCode).toBe(403);
      expect(r.body.errors).toEqual({ role: 'viewer or approver' });
    }
  });

  it('refuses an access token (which the JWT authorizer admits by client_id) with 401: only id tokens say who and where', () => {
    for (const token_use of ['access', undefined, 'ID']) {
      const r = refusal(() => requireRole(claims({ token_use, 'cognito:groups': ['approver'] }), 'read'));
      expect(r.statusCode).toBe(401);
      expect(r.body.errors).toEqual({ authorization: 'not an id token' });
    }
  });

  it('refuses no claims at all with 401', () => {
    expect(refusal(() => requireRole(undefined, 'read')).statusCode).toBe(401);
    expect(refusal(() => requireRole({ 'cognito:groups': ['approver'] }, 'read')).statusCode).toBe(401);
  });

  it('mayDo follows the same rule', () => {
    expect(mayDo(staffFrom(claims()), 'read')).toBe(true);
    expect(mayDo(staffFrom(claims()), 'decide')).toBe(false);
  });
});

describe('controller access', () => {
  it('gives * every controller and a list only its own', () => {
    expect(mayAccess({ controllers: '*' }, 'anything')).toBe(true);
    expect(mayAccess({ controllers: ['a', 'b'] }, 'b')).toBe(true);
    expect(mayAccess({ controllers: ['a', 'b'] }, 'c')).toBe(false);
    expect(mayAccess({ controllers: [] }, 'a')).toBe(false);
    expect(mayAccess(staffFrom(claims({ 'custom:controllers': undefined })), 'demo-association')).toBe(false);
  });

  it('lists the declared controllers the caller may see, maybe narrowed to one', () => {
    const declared = ['a', 'b', 'c'];
    expect(visibleControllers({ controllers: '*' }, declared)).toEqual(['a', 'b', 'c']);
    expect(visibleControllers({ controllers: ['c', 'x'] }, declared)).toEqual(['c']);
    expect(visibleControllers({ controllers: '*' }, declared, 'b')).toEqual(['b']);
    expect(visibleControllers({ controllers: ['a'] }, declared, 'b')).toEqual([]);
  });
});

describe('list filters', () => {
  const declared = ['demo-association'];

  it('accepts the documented filters', () => {
    expect(parseListFilters(undefined, declared)).toEqual({});
    expect(
      parseListFilters({ status: 'in_progress', type: 'erasure', controller: 'demo-association', dueWithinDays: '30', overdue: 'true' }, declared),
    ).toEqual({ status: 'in_progress', type: 'erasure', controller: 'demo-association', dueWithinDays: 30, overdue: true });
  });

  it.each([
    ['status', 'open'],
    ['type', 'everything'],
    ['controller', 'nobody'],
    ['dueWithinDays', '0'],
    ['dueWithinDays', '366'],
    ['dueWithinDays', '1.5'],
    ['dueWithinDays', 'soon'],
    ['overdue', 'yes'],
    ['sort', 'name'],
  ])('refuses %s=%s with 400 naming the field', (field, value) => {
    const r = refusal(() => parseListFilters({ [field]: value }, declared));
    expect(r.statusCode).toBe(400);
    expect(Object.keys(r.body.errors ?? {})).toEqual([field]);
    expect(r.body.message).toContain(field);
  });

  const now = new Date('2026-05-01T00:00:00Z');
  const item = (over: Partial<DsrRequest>) => listItem({ requestId: 'r', controllerId: 'c', status: 'in_progress', type: 'access', ...over }, now);

  it('marks a request overdue when its deadline passed and it is not final', () => {
    expect(item({ dueAt: '2026-04-30T00:00:00Z' }).overdue).toBe(true);
    expect(item({ dueAt: '2026-05-02T00:00:00Z' }).overdue).toBe(false);
    expect(item({ dueAt: '2026-04-30T00:00:00Z', status: 'completed' }).overdue).toBe(false);
    expect(item({}).overdue).toBe(false);
  });

  it('leaves unconfirmed requests out unless asked for, and filters by type, due and overdue', () => {
    const unconfirmed = item({ status: 'awaiting_verification' });
    expect(matchesFilters(unconfirmed, {}, now)).toBe(false);
    expect(matchesFilters(unconfirmed, { status: 'awaiting_verification' }, now)).toBe(true);
    const soon = item({ dueAt: '2026-05-05T00:00:00Z' });
    expect(matchesFilters(soon, {}, now)).toBe(true);
    expect(matchesFilters(soon, { type: 'erasure' }, now)).toBe(false);
    expect(matchesFilters(soon, { dueWithinDays: 4 }, now)).toBe(true);
    expect(matchesFilters(soon, { dueWithinDays: 3 }, now)).toBe(false);
    expect(matchesFilters(soon, { overdue: true }, now)).toBe(false);
    expect(matchesFilters(item({ dueAt: '2026-04-05T00:00:00Z' }), { overdue: true }, now)).toBe(true);
  });

  it('sorts by deadline, undated last', () => {
    const list = [item({ requestId: 'x' }), item({ requestId: 'b', dueAt: '2026-06-01T00:00:00Z' }), item({ requestId: 'a', dueAt: '2026-05-10T00:00:00Z' })];
    expect(list.sort(byDueDate).map((i) => i.requestId)).toEqual(['a', 'b', 'x']);
  });
});

/** A confirmed access request as the table holds it, with the secrets staff must never see. */
const request: DsrRequest = {
  requestId: '00000000-0000-4000-8000-000000000001',
  controllerId: 'demo-association',
  type: 'access',
  locale: 'en',
  email: 'ada@example.org',
  name: 'Ada',
  status: 'in_progress',
  version: 3,
  createdAt: '2026-04-01T10:00:00.000Z',
  verifyTokenUsedHash: 'HASH-USED',
  verifyExpiresAt: '2026-04-08T10:00:00.000Z',
  statusKey: 'STATUS-KEY',
  receivedAt: '2026-04-01T10:05:00.000Z',
  dueAt: '2026-05-01T23:59:59.999Z',
  history: [{ status: 'received', at: '2026-04-01T10:05:00.000Z' }],
  openCtl: 'demo-association',
  openDue: '2026-05-01T23:59:59.999Z',
  downloadTokenHash: 'HASH-DOWNLOAD',
  packageKey: 'packages/x.zip',
};

describe('request detail', () => {
  const branches: Branch[] = [
    {
      requestId: request.requestId,
      processorId: 'bookkeeping',
      kind: 'email',
      action: 'export',
      status: 'waiting',
      attempts: 1,
      taskToken: 'TASK-TOKEN',
      linkTokenHash: 'HASH-LINK',
    },
    {
      requestId: request.requestId,
      processorId: 'members',
      kind: 'dynamodb',
      action: 'export',
      status: 'failed',
      attempts: 3,
      errorClass: 'ResourceNotFoundException',
      exportKey: 'exports/x.json',
    },
  ];
  const events: AuditEvent[] = [
    { event: 'confirmed', at: '2026-04-01T10:05:00.000Z', actor: 'subject' },
    { event: 'submitted', at: '2026-04-01T10:00:00.000Z', actor: 'subject', detail: { controllerId: 'demo-association' } },
  ];

  it('shows staff the address and name, branches in the register order, events oldest first, and no secrets', () => {
    const d = requestDetail(request, branches, events, new Date('2026-04-10T00:00:00Z'));
    expect(d.request).toMatchObject({ email: 'ada@example.org', name: 'Ada', controllerName: 'Demo Association', overdue: false });
    expect(d.branches.map((b) => b.processorId)).toEqual(['members', 'bookkeeping']);
    expect(d.branches[0]).toMatchObject({ status: 'failed', errorClass: 'ResourceNotFoundException' });
    expect(d.timeline.map((e) => e.event)).toEqual(['submitted', 'confirmed']);
    const text = JSON.stringify(d);
    for (const secret of ['HASH-', 'STATUS-KEY', 'TASK-TOKEN', 'statusKey', 'taskToken', 'TokenHash', 'TokenUsedHash', 'packageKey', 'exportKey', 'openCtl']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('what staff need to decide', () => {
  const now = new Date('2026-04-10T00:00:00Z');
  const rectification: DsrRequest = {
    ...request,
    requestId: '00000000-0000-4000-8000-000000000002',
    type: 'rectification',
    locale: 'sv',
    name: undefined,
    status: 'in_review',
    version: 4,
    history: [
      { status: 'received', at: '2026-04-01T10:05:00.000Z' },
      { status: 'in_review', at: '2026-04-01T10:05:01.000Z' },
    ],
    details: { rectification: { attribute: 'phone', inaccurate: 'Old number 070-1', corrected: '070-2\nnot 070-1' }, message: 'Thanks <b>!' },
    reviewStage: 'screening',
    reviewReasons: ['rectification'],
    reviewOpenedAt: '2026-04-01T10:05:01.000Z',
    reviewTaskToken: 'REVIEW-TASK-TOKEN',
    reviewNotifiedAt: '2026-04-01T10:05:02.000Z',
  };
  const approver = { roles: ['approver' as const] };
  const viewer = { roles: ['viewer' as const] };

  it("shows the subject's details, the open review and the decisions an approver may make now", () => {
    const d = requestDetail(rectification, [], [], now, approver);
    expect(d.request.details).toEqual({
      rectification: { attribute: 'phone', inaccurate: 'Old number 070-1', corrected: '070-2\nnot 070-1' },
      message: 'Thanks <b>!',
    });
    expect(d.review).toEqual({ stage: 'screening', reasons: ['rectification'], openedAt: '2026-04-01T10:05:01.000Z' });
    expect(d.request.waitsForStaff).toBe(true);
    expect(d.mayDecide).toBe(true);
    expect(d.allowedDecisions).toMatchObject({ approve: true, deny: true, request_info: true, retry_branch: [], complete_task: [], lift_restriction: false });
    expect(d.allowedDecisions.extend).toEqual({ maxMonths: 2 });
    expect(d.request).toMatchObject({ denial: null, extension: null, infoRequest: null });
  });

  it("offers a refusal template for every reason, in the subject's language", () => {
    const sv = requestDetail(rectification, [], [], now).denialTemplates;
    const en = requestDetail({ ...rectification, locale: 'en' }, [], [], now).denialTemplates;
    expect(sv.map((t) => t.reason)).toEqual([...DENIAL_REASONS]);
    // 'other' is for staff to write from scratch; every other reason comes with a text in Swedish.
    for (const [i, template] of sv.entries()) {
      if (template.reason === 'other') continue;
      expect(template.text.trim()).not.toBe('');
      expect(template.text).not.toBe(en[i]!.text);
    }
  });

  it('gives every template in every language, says which fit the right, and which the review points to', () => {
    const d = requestDetail(rectification, [], [], now);
    const accurate = d.denialTemplates.find((t) => t.reason === 'data_accurate')!;
    expect(accurate.fits).toBe(true);
    expect(accurate.texts.sv).toBe(accurate.text);
    expect(accurate.texts.en).toBe(
      requestDetail({ ...rectification, locale: 'en' }, [], [], now).denialTemplates.find((t) => t.reason === 'data_accurate')!.text,
    );
    expect(accurate.texts.sl).not.toBe(accurate.texts.en);
    // "Authority not shown" is only for a request made for someone else.
    expect(d.denialTemplates.filter((t) => !t.fits).map((t) => t.reason)).toEqual(['authority_not_shown', 'legal_obligation', 'compelling_grounds']);
    expect(d.suggestedDenialReason).toBe('data_accurate');
    expect(requestDetail({ ...rectification, reviewReasons: ['branch_failed'] }, [], [], now).suggestedDenialReason).toBeNull();
  });

  it('shows a viewer the review and the details but offers no decision', () => {
    const d = requestDetail(rectification, [], [], now, viewer);
    expect(d.mayDecide).toBe(false);
    expect(d.review?.reasons).toEqual(['rectification']);
    expect(d.request.details.rectification?.corrected).toContain('070-2');
    expect(d.allowedDecisions).toEqual({
      approve: false,
      deny: false,
      extend: false,
      request_info: false,
      retry_branch: [],
      complete_task: [],
      correct_answer: [],
      lift_restriction: false,
      charge_fee: false,
      record_fee_payment: false,
    });
  });

  it("shows earlier decisions (refusal, extension, question and the subject's answer) and each branch's staff task and note", () => {
    const decided: DsrRequest = {
      ...rectification,
      status: 'in_progress',
      reviewStage: undefined,
      reviewReasons: undefined,
      reviewTaskToken: undefined,
      extension: { months: 1, reasons: 'Many systems', by: 'staff-1', at: '2026-04-02T00:00:00.000Z', originalDueAt: '2026-05-01T23:59:59.999Z' },
      infoRequest: {
        text: 'Which phone?',
        by: 'staff-1',
        at: '2026-04-02T00:00:00.000Z',
        pausesClock: true,
        answeredAt: '2026-04-03T00:00:00.000Z',
        answer: 'The mobile',
      },
    };
    const branches: Branch[] = [
      {
        requestId: decided.requestId,
        processorId: 'members',
        kind: 'dynamodb',
        action: 'rectify',
        status: 'waiting',
        attempts: 1,
        staffTask: true,
        taskToken: 'TASK-TOKEN',
        linkTokenHash: 'HASH-LINK',
      },
      {
        requestId: decided.requestId,
        processorId: 'event-participation',
        kind: 'dynamodb',
        action: 'rectify',
        status: 'completed',
        attempts: 1,
        note: 'Fixed by hand',
      },
    ];
    const d = requestDetail(decided, branches, [], now);
    expect(d.review).toBeNull();
    expect(d.request.waitsForStaff).toBe(false);
    expect(d.request.extension).toEqual(decided.extension);
    expect(d.request.infoRequest).toEqual(decided.infoRequest);
    expect(d.branches.find((b) => b.processorId === 'members')).toMatchObject({ staffTask: true, action: 'rectify', processorName: 'Membership register' });
    expect(d.branches.find((b) => b.processorId === 'event-participation')!.note).toBe('Fixed by hand');
    expect(d.allowedDecisions.complete_task).toEqual(['members']);

    const denied = requestDetail(
      { ...rectification, status: 'denied', denial: { reason: 'data_accurate', text: 'Your number is right.', by: 'staff-2', at: '2026-04-04T00:00:00.000Z' } },
      [],
      [],
      now,
    );
    expect(denied.request.denial).toEqual({ reason: 'data_accurate', text: 'Your number is right.', by: 'staff-2', at: '2026-04-04T00:00:00.000Z' });
  });

  it('names the consent purposes and the receiving organisation the subject chose', () => {
    const withdrawal = requestDetail({ ...rectification, type: 'withdraw_consent', details: { consentPurposes: ['newsletter'] } }, [], [], now);
    expect(withdrawal.request.details).toEqual({ consentPurposes: [{ id: 'newsletter', name: 'The newsletter and member mailings' }] });
    const portability = requestDetail({ ...rectification, type: 'portability', details: { transmitTo: 'demo-receiver' } }, [], [], now);
    expect(portability.request.details.transmitTo).toEqual({ id: 'demo-receiver', name: 'Demo Receiving Association' });
  });

  it("never lets the review's task token, token hashes, the status key or unlisted fields leave the table", () => {
    const stored = {
      ...rectification,
      details: { ...rectification.details, smuggled: 'SMUGGLED' } as DsrRequest['details'],
      denial: { reason: 'other', text: 'No.', by: 'staff-1', at: '2026-04-04T00:00:00.000Z', draftKey: 'SMUGGLED' } as DsrRequest['denial'],
      openCtl: 'demo-association',
    } as DsrRequest;
    const branches: Branch[] = [
      {
        requestId: stored.requestId,
        processorId: 'members',
        kind: 'dynamodb',
        action: 'rectify',
        status: 'waiting',
        attempts: 1,
        staffTask: true,
        taskToken: 'TASK-TOKEN',
        linkTokenHash: 'HASH-LINK',
        attachmentKey: 'uploads/x',
      },
    ];
    for (const caller of [approver, viewer, undefined]) {
      const text = JSON.stringify(requestDetail(stored, branches, [], now, caller));
      for (const secret of [
        'REVIEW-TASK-TOKEN',
        'TASK-TOKEN',
        'HASH-',
        'STATUS-KEY',
        'SMUGGLED',
        'reviewTaskToken',
        'taskToken',
        'TokenHash',
        'statusKey',
        'attachmentKey',
        'openCtl',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe('the list marks requests that wait for staff', () => {
  const now = new Date('2026-04-10T00:00:00Z');
  const item = (over: Partial<DsrRequest>) =>
    listItem({ requestId: 'r', controllerId: 'demo-association', status: 'in_progress', type: 'access', ...over }, now);

  it('names the organisation as the register does, or by its id when the register no longer declares it', () => {
    expect(item({}).controllerName).toBe('Demo Association');
    expect(listItem({ requestId: 'r', controllerId: 'gone', status: 'in_progress', type: 'access' }, now).controllerName).toBe('gone');
  });

  it('marks a request in review, or with a closing review open, and not others', () => {
    expect(item({ status: 'in_review', reviewStage: 'screening' }).waitsForStaff).toBe(true);
    expect(item({ status: 'in_review' }).waitsForStaff).toBe(true);
    expect(item({ status: 'in_progress' }).waitsForStaff).toBe(false);
    expect(item({ status: 'completed', reviewStage: 'closing' }).waitsForStaff).toBe(false);
  });

  it('filters by every right and by every status, in review among them', () => {
    for (const type of RIGHTS) expect(parseListFilters({ type }, ['demo-association'])).toEqual({ type });
    for (const status of REQUEST_STATUSES) expect(parseListFilters({ status }, ['demo-association'])).toEqual({ status });
    const inReview = item({ status: 'in_review', type: 'rectification', dueAt: '2026-05-01T00:00:00Z' });
    expect(matchesFilters(inReview, { status: 'in_review' }, now)).toBe(true);
    expect(matchesFilters(inReview, { type: 'rectification' }, now)).toBe(true);
    expect(matchesFilters(item({ dueAt: '2026-05-01T00:00:00Z' }), { status: 'in_review' }, now)).toBe(false);
  });
});
