import type { Processor } from '../lib/register';
import { MODES } from './modes';
import { dynamodbProcessor } from './dynamodb';
import { emailProcessor } from './email';
import { manualProcessor } from './manual';
import { opendsrProcessor } from './opendsr';
import type { ProcessorKind } from './types';

/** Every processor kind the service can act on, by the `kind` the register declares. */
const kinds: { [K in Processor['kind']]: ProcessorKind<Extract<Processor, { kind: K }>> } = {
  dynamodb: dynamodbProcessor,
  opendsr: opendsrProcessor,
  email: emailProcessor,
  manual: manualProcessor,
};

export function processorKind(p: Processor): ProcessorKind {
  const kind = kinds[p.kind] as ProcessorKind;
  // The light table Plan reads must agree with the kinds themselves.
  if (kind.mode !== MODES[p.kind]) throw new Error(`processor kind ${p.kind} is ${kind.mode}, MODES says ${MODES[p.kind]}`);
  return kind;
}
