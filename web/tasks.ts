/** What a processor's or staff member's task asks: shared by the task emails and the task page. */
import { IDENTIFIERS, type Identifiers } from '../functions/domain/identifiers';
import type { BranchAction } from '../functions/domain/request';
import type { Right } from './locale.ts';

/** What a subject asked to have corrected, for whoever corrects it (personal data: only in their email or page). */
export interface Correction {
  attribute?: string;
  inaccurate: string;
  corrected: string;
}

/** What is asked of a vendor or staff member, by action; a caller that names no action gets the right's usual one. */
export type TaskTodo = 'export' | 'exportPortable' | 'erase' | 'rectify' | 'restrict';

/** The to-do for a branch's action: every erasure mode is an erasure for whoever does it by hand. */
export function taskTodo(type: Right, action?: BranchAction): TaskTodo {
  const a =
    action ??
    (
      { access: 'export', portability: 'export', rectification: 'rectify', restriction: 'restrict', objection: 'restrict' } as Partial<
        Record<Right, BranchAction>
      >
    )[type] ??
    'erase';
  if (a === 'export') return type === 'portability' ? 'exportPortable' : 'export';
  if (a === 'rectify' || a === 'restrict') return a;
  return 'erase';
}

/** What a vendor or staff member is shown to find the subject by: the address, the name, and for staff the identifiers the form asked for. */
export type TaskIdentities = { email?: string; name?: string } & Identifiers;

/** The identities in the order they are shown: address, name, then the identifiers (a phone number, a customer number). */
export const TASK_IDENTITIES = ['email', 'name', ...IDENTIFIERS] as const;
