/**
 * The `http` kind: a vendor's API reached through a connector definition.
 *
 * Async in the port's terms (MODES): the calls run in `submit`, inside `AwaitProcessor`, which
 * records the task token first, so a run that waits for its rate-limit slot, honours a
 * `Retry-After` or starts a vendor job holds no `RunProcessor` retry budget and the branch can
 * stay open for days. Most runs answer at once: `submit` completes the branch with its answer
 * (and the access export). A vendor job leaves the branch waiting, and the sweep's `watch` polls it.
 * A failure retrying cannot mend (an unmapped status, a page limit, a host off the list, a body
 * too large or not JSON) ends the branch failed, with its class, so staff review it; one that may
 * pass later (429s, 5xx, a long queue) is thrown for the workflow to retry.
 */
import { randomUUID } from 'node:crypto';
import { completeBranch } from '../../branches/outcome';
import type { HttpProcessor } from '../../domain/register-schema';
import type { Right } from '../../domain/request';
import { updateBranch } from '../../platform/data/branches';
import { logger } from '../../platform/log';
import { ExportWriter, exportKey } from '../../platform/package-bucket';
import type { AsyncProcessorKind, BranchContext } from '../port';
import { connectorFor } from './catalogue';
import { actionFor, pollJobs, runAction } from './engine';
import { ConnectorFailure, misconfigured } from './errors';

/** What a waiting branch remembers of the jobs it started (ids the vendor gave, no personal data). */
interface JobState {
  step: string;
  jobIds: string[];
  action: Right;
}

async function failed(ctx: BranchContext, err: unknown): Promise<void> {
  const { requestId, processorId } = ctx.branch;
  if (!(err instanceof ConnectorFailure)) throw err;
  logger.warn('connector branch failed', { requestId, processorId, errorClass: err.name });
  await completeBranch(requestId, processorId, { status: 'failed', errorClass: err.name });
}

export const httpProcessor: AsyncProcessorKind<HttpProcessor> = {
  mode: 'async',

  async submit(p, ctx) {
    const { request, controller, branch } = ctx;
    const { requestId, processorId } = branch;
    try {
      const connector = connectorFor(p);
      const action = actionFor(connector, request.type, branch.action);
      if (!action) throw misconfigured(p.id, `the definition has no action for ${request.type}`);
      const wanted = request.details?.rectification;
      // Each attempt writes an export of its own: a retry never appends to a cut-short one.
      const out = action === 'access' || action === 'portability' ? new ExportWriter(exportKey(requestId, processorId, randomUUID())) : undefined;
      let result: Awaited<ReturnType<typeof runAction>>;
      try {
        result = await runAction({
          connector,
          processor: p,
          controllerId: controller.id,
          action,
          subject: { email: request.email },
          ...(wanted?.attribute ? { correction: { attribute: wanted.attribute, value: wanted.corrected ?? '' } } : {}),
          ...(out ? { records: out } : {}),
        });
      } finally {
        await out?.close();
      }
      if (result.state === 'job') {
        const state: JobState = { step: result.step, jobIds: result.jobIds, action };
        await updateBranch(requestId, processorId, { externalId: JSON.stringify(state), lastPolledAt: new Date().toISOString() });
        logger.info('connector job started', { requestId, processorId, jobs: result.jobIds.length });
        return;
      }
      await completeBranch(requestId, processorId, {
        status: 'completed',
        answer: result.answer,
        recordCount: result.recordCount,
        ...(out ? { exportKey: out.key } : {}),
      });
      logger.info('connector branch answered', { requestId, processorId, outcome: result.answer.outcome, recordCount: result.recordCount });
    } catch (err) {
      await failed(ctx, err);
    }
  },

  async watch(p, ctx, now) {
    const { branch, controller } = ctx;
    if (branch.status !== 'waiting' || !branch.externalId || !branch.submittedAt) return;
    const { requestId, processorId } = branch;
    try {
      const connector = connectorFor(p);
      const state = JSON.parse(branch.externalId) as JobState;
      const every = (connector.steps[state.step]?.job?.pollEveryMinutes ?? 15) * 60_000;
      if (branch.lastPolledAt && now.getTime() - Date.parse(branch.lastPolledAt) < every) return;
      const polled = await updateBranch(requestId, processorId, { lastPolledAt: now.toISOString() });
      if (!polled) return; // answered meanwhile
      const status = await pollJobs({ connector, processor: p, controllerId: controller.id, action: state.action }, state.step, state.jobIds);
      if (status === 'waiting') return;
      await completeBranch(requestId, processorId, { status: 'completed', answer: { outcome: 'done' }, recordCount: 0 }, now);
      logger.info('connector job done', { requestId, processorId });
    } catch (err) {
      await failed(ctx, err);
    }
  },
};
