import { MODES } from '../domain/rights';
import type { Processor } from '../platform/register';
import { dynamodbProcessor } from './dynamodb/adapter';
import type { SyncProcessorKind } from './port';
import { sqlProcessor } from './sql/adapter';

/**
 * The kinds that answer at once, for `RunProcessor`. Apart from the async kinds, so the function
 * that runs them loads none of their email, HTTP and configuration.
 */
const kinds = { dynamodb: dynamodbProcessor, sql: sqlProcessor } as const;

export function syncKind(p: Processor): SyncProcessorKind {
  if (MODES[p.kind] !== 'sync' || !(p.kind in kinds)) throw new Error(`processor kind ${p.kind} does not answer at once`);
  return kinds[p.kind as keyof typeof kinds] as SyncProcessorKind;
}
