import { describe, expect, it } from 'vitest';
import type { AuditEvent, Branch, DsrRequest } from '../../functions/lib/request';
import {
  byDueDate, claimsOf, controllersClaim, listClaim, listItem, matchesFilters, mayAccess, mayDo, parseListFilters, requestDetail,
  requireRole, staffFrom, visibleControllers, type Claims,
} from '../../functions/lib/staff';

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
    expect(parseListFilters({ status: 'in_progress', type: 'erasure', controller: 'demo-association', dueWithinDays: '30', overdue: 'true' }, declared))
      .toEqual({ status: 'in_progress', type: 'erasure', controller: 'demo-association', dueWithinDays: 30, overdue: true });
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

describe('request detail', () => {
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
  const branches: Branch[] = [
    { requestId: request.requestId, processorId: 'bookkeeping', kind: 'email', action: 'export', status: 'waiting', attempts: 1, taskToken: 'TASK-TOKEN', linkTokenHash: 'HASH-LINK' },
    { requestId: request.requestId, processorId: 'members', kind: 'dynamodb', action: 'export', status: 'failed', attempts: 3, errorClass: 'ResourceNotFoundException', exportKey: 'exports/x.json' },
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
