/**
 * What processors said they kept, for the DPO: the `retained` and `partly` answers of the branches
 * that finished in a report's period, per request and processor. The report indexes project ids
 * and outcomes only, so the answers are read by key for the period's completed branches: the cost
 * follows the period's activity, never all history. The free text is the processor's: shown to
 * staff as it is shown to the subject, never logged.
 */
import type { ProcessorAnswer } from '../domain/request';
import { branchAnswers } from '../platform/data/branches';
import type { ReportedBranch } from './compliance-figures';

/** One processor's answer that something was kept, at one request. */
export interface KeptAnswer {
  requestId: string;
  processorId: string;
  finishedAt: string;
  answer: Extract<ProcessorAnswer, { outcome: 'retained' | 'partly' }>;
}

/** The kept answers among the period's finished branches, in the order they finished. */
export async function keptAnswers(branches: readonly ReportedBranch[]): Promise<KeptAnswer[]> {
  const completed = branches.filter((b) => b.status === 'completed');
  const finished = new Map(completed.map((b) => [`${b.requestId}/${b.processorId}`, b.finishedAt ?? '']));
  const kept: KeptAnswer[] = [];
  for (const { requestId, processorId, answer } of await branchAnswers(completed)) {
    if (answer.outcome !== 'retained' && answer.outcome !== 'partly') continue;
    kept.push({ requestId, processorId, finishedAt: finished.get(`${requestId}/${processorId}`) ?? '', answer });
  }
  return kept.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.requestId.localeCompare(b.requestId));
}
