import type { Branch } from '../domain/request';
import { MODES } from '../domain/rights';
import type { Processor } from '../platform/register';
import { emailProcessor } from './email/adapter';
import { httpProcessor } from './http/adapter';
import { lambdaProcessor } from './lambda/adapter';
import { manualProcessor } from './manual/adapter';
import { opendsrProcessor } from './opendsr/adapter';
import type { AsyncProcessorKind } from './port';
import { staffTask } from './staff-task/adapter';
import { webhookProcessor } from './webhook/adapter';

/** The kinds that answer later, for `AwaitProcessor` and the sweep that watches them. */
const kinds = {
  opendsr: opendsrProcessor,
  email: emailProcessor,
  manual: manualProcessor,
  http: httpProcessor,
  lambda: lambdaProcessor,
  webhook: webhookProcessor,
} as const;

/**
 * How a waiting branch is answered: a staff task goes to the controller's staff whatever the
 * processor's kind; otherwise the processor's own kind. Pass the branch wherever there is one.
 */
export function asyncKind(p: Processor, branch?: Pick<Branch, 'staffTask'>): AsyncProcessorKind {
  if (branch?.staffTask) return staffTask;
  if (MODES[p.kind] !== 'async' || !(p.kind in kinds)) throw new Error(`processor kind ${p.kind} does not answer later`);
  return kinds[p.kind as keyof typeof kinds] as AsyncProcessorKind;
}
