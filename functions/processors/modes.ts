import type { Processor } from '../lib/register';
import type { BranchAction, ServedRight } from '../lib/request';

/**
 * How each kind answers, known without loading the kinds themselves (which bring SES, HTTP and
 * their configuration): Plan only needs to know which branches wait.
 */
export const MODES: Record<Processor['kind'], 'sync' | 'async'> = {
  dynamodb: 'sync',
  opendsr: 'async',
  email: 'async',
  manual: 'async',
};

/** What a request of this type does at this processor. */
export function actionFor(p: Processor, type: ServedRight): BranchAction {
  if (type === 'access') return 'export';
  return p.kind === 'dynamodb' ? p.erasure.mode : 'erase';
}
