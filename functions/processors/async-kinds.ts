import type { Processor } from '../lib/register';
import { emailProcessor } from './email';
import { manualProcessor } from './manual';
import { MODES } from './modes';
import { opendsrProcessor } from './opendsr';
import type { AsyncProcessorKind } from './types';

/** The kinds that answer later, for `AwaitProcessor` and the sweep that watches them. */
const kinds = { opendsr: opendsrProcessor, email: emailProcessor, manual: manualProcessor } as const;

export function asyncKind(p: Processor): AsyncProcessorKind {
  if (MODES[p.kind] !== 'async' || !(p.kind in kinds)) throw new Error(`processor kind ${p.kind} does not answer later`);
  return kinds[p.kind as keyof typeof kinds] as AsyncProcessorKind;
}
