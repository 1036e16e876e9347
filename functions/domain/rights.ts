import { type Controller, type Processor, rectifiableOf } from './register-schema';
import type { BranchAction, DsrRequest } from './request';

/**
 * How each kind answers, known without loading the kinds themselves (which bring SES, HTTP and
 * their configuration): Plan only needs to know which branches wait.
 */
export const MODES: Record<Processor['kind'], 'sync' | 'async'> = {
  dynamodb: 'sync',
  sql: 'sync',
  opendsr: 'async',
  email: 'async',
  manual: 'async',
  http: 'async',
  // The organisation's own Lambda or endpoint may answer at once; the branch waits either way, and is answered before the step ends.
  lambda: 'async',
  webhook: 'async',
};

/** Whether the processor restricts processing itself (Art. 18); elsewhere staff do it as a task. */
function restrictable(p: Processor): boolean {
  if (p.kind === 'sql') return p.tables.some((t) => t.restriction);
  return p.kind !== 'opendsr';
}

/** What a request does at one processor, and whether staff do it as a task because the processor cannot. */
export interface PlannedAction {
  action: BranchAction;
  staffTask: boolean;
}

/**
 * The task a planned branch runs in, which the workflow's `ByMode` chooses by: `sync` in
 * `RunProcessor`, `database` in `RunDatabaseProcessor`, `async` waits in `AwaitProcessor`.
 */
export type BranchMode = 'sync' | 'database' | 'async';

/**
 * The kinds that answer at once from a database: a task of their own, so only that function
 * carries the SQL drivers and runs in the databases' VPC.
 */
const DATABASE_KINDS: ReadonlySet<Processor['kind']> = new Set(['sql']);

/** The mode a planned branch runs in: a staff task always waits. */
export const modeOf = (p: Processor, planned: PlannedAction): BranchMode => {
  if (planned.staffTask) return 'async';
  return MODES[p.kind] === 'sync' && DATABASE_KINDS.has(p.kind) ? 'database' : MODES[p.kind];
};

/**
 * What a request of this right does at this processor; undefined when the processor has no part
 * in it (e.g. a store that is not portable, a purpose the subject did not withdraw consent from).
 */
export function actionFor(p: Processor, request: Pick<DsrRequest, 'type' | 'details'>, controller: Controller): PlannedAction | undefined {
  // A connector acts on the rights the register lets it; the others are staff tasks there.
  const at = (action: BranchAction, staffTask = false): PlannedAction => ({
    action,
    staffTask: staffTask || (p.kind === 'http' && !p.rights.includes(request.type)),
  });
  // A database's tables erase each as declared: counted as deleted, masked and held.
  const erase = at(p.kind === 'dynamodb' ? p.erasure.mode : p.kind === 'sql' ? 'delete' : 'erase');
  switch (request.type) {
    case 'access':
      return at('export');
    case 'portability':
      return p.portable ? at('export') : undefined;
    case 'erasure':
      return erase;
    case 'rectification': {
      const attribute = request.details?.rectification?.attribute;
      if (MODES[p.kind] !== 'sync') return at('rectify', p.kind === 'opendsr');
      // A store corrects what it declares; without a named attribute staff do it by hand.
      if (!attribute) return at('rectify', true);
      return rectifiableOf(p).includes(attribute) ? at('rectify') : undefined;
    }
    case 'restriction':
      return at('restrict', !restrictable(p));
    case 'objection':
      // 21(3): direct marketing stops at once wherever it happens. 21(1): an upheld objection stops the processing.
      if (request.details?.objection?.scope === 'direct_marketing') return p.directMarketing ? erase : undefined;
      return at('restrict', !restrictable(p));
    case 'withdraw_consent': {
      // Art. 7(3): the data held for the withdrawn purposes goes, as each store declares its erasure.
      const chosen = new Set(request.details?.consentPurposes ?? []);
      return controller.consentPurposes.some((c) => chosen.has(c.id) && c.processors.includes(p.id)) ? erase : undefined;
    }
  }
}
