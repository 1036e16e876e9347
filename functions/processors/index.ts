import type { Processor } from '../lib/register';
import type { BranchAction, ServedRight } from '../lib/request';
import { dynamodbProcessor } from './dynamodb';
import type { ProcessorKind } from './types';

/** Every processor kind the service can act on, by the `kind` the register declares. */
const kinds: { [K in Processor['kind']]: ProcessorKind<Extract<Processor, { kind: K }>> } = {
  dynamodb: dynamodbProcessor,
};

export function processorKind(p: Processor): ProcessorKind {
  return kinds[p.kind] as ProcessorKind;
}

/** What a request of this type does at this processor. */
export function actionFor(p: Processor, type: ServedRight): BranchAction {
  return type === 'access' ? 'export' : p.erasure.mode;
}
