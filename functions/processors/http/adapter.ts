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
import { missingIdentities } from '../../domain/identifiers';
import type { HttpProcessor } from '../../domain/register-schema';
import { type Right, subjectOf } from '../../domain/request';
import { claimJobWatch, endJobWatch, updateBranch } from '../../platform/data/branches';
import { logger } from '../../platform/log';
import { CLAIM_TIMEOUT_MS } from '../../platform/outbox';
import { ExportWriter, exportKey } from '../../platform/package-bucket';
import type { AsyncProcessorKind, BranchContext } from '../port';
import { connectorFor } from './catalogue';
import { type ActionJobs, type ActionRun, actionFor, resumeAction, runAction } from './engine';
import { ConnectorFailure, misconfigured } from './errors';

/** What a waiting branch remembers of the jobs it started and where its action goes on (ids the vendor gave, no personal data). */
interface JobState extends ActionJobs {
  action: Right;
}

async function failed(ctx: BranchContext, err: unknown): Promise<void> {
  const { requestId, processorId } = ctx.branch;
  if (!(err instanceof ConnectorFailure)) throw err;
  logger.warn('connector branch failed', { requestId, processorId, errorClass: err.name });
  await completeBranch(requestId, processorId, { status: 'failed', errorClass: err.name });
}

/** The run of `action` for the branch's subject (and correction), without an export. */
function runOf(p: HttpProcessor, ctx: BranchContext, action: Right): ActionRun {
  const wanted = ctx.request.details?.rectification;
  return {
    connector: connectorFor(p),
    processor: p,
    controllerId: ctx.controller.id,
    requestId: ctx.request.requestId,
    action,
    // The request's identifiers too (a phone number): the connector's lookups by them run, those by one it lacks are skipped.
    subject: subjectOf(ctx.request),
    ...(wanted?.attribute ? { correction: { attribute: wanted.attribute, value: wanted.corrected ?? '' } } : {}),
  };
}

export const httpProcessor: AsyncProcessorKind<HttpProcessor> = {
  mode: 'async',

  async submit(p, ctx) {
    const { request, branch } = ctx;
    const { requestId, processorId } = branch;
    try {
      const connector = connectorFor(p);
      const action = actionFor(connector, request.type, branch.action);
      if (!action) throw misconfigured(p.id, `the definition has no action for ${request.type}`);
      // A vendor asked only by identities the request lacks is not asked at all, and the branch says so.
      const missing = missingIdentities(
        Object.values(connector.identities).map((i) => i.from),
        runOf(p, ctx, action).subject,
      );
      if (missing.length) {
        await completeBranch(requestId, processorId, { status: 'completed', recordCount: 0, notLookedUp: missing });
        logger.info('connector branch not looked up', { requestId, processorId, notLookedUp: missing.join(',') });
        return;
      }
      // Each attempt writes an export of its own: a retry never appends to a cut-short one.
      const out = action === 'access' || action === 'portability' ? new ExportWriter(exportKey(requestId, processorId, randomUUID())) : undefined;
      let result: Awaited<ReturnType<typeof runAction>>;
      try {
        result = await runAction({ ...runOf(p, ctx, action), ...(out ? { records: out } : {}) });
      } finally {
        await out?.close();
      }
      if (result.state === 'job') {
        const { state: _, ...jobs } = result;
        const state: JobState = { ...jobs, action };
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
    const { branch } = ctx;
    if (branch.status !== 'waiting' || !branch.externalId || !branch.submittedAt) return;
    const { requestId, processorId } = branch;
    const at = now.toISOString();
    let claimed = false;
    try {
      const connector = connectorFor(p);
      const state = JSON.parse(branch.externalId) as JobState;
      const every = (connector.steps[state.step]?.job?.pollEveryMinutes ?? 15) * 60_000;
      if (branch.lastPolledAt && now.getTime() - Date.parse(branch.lastPolledAt) < every) return;
      // One watch at a time runs the later steps (two sweeps may overlap): a claim on the job state
      // read, held until the next state is recorded; a crash's runs out after any Lambda would have.
      const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
      if (!(await claimJobWatch(requestId, processorId, branch.externalId, at, staleBefore))) return;
      claimed = true;
      // Done jobs let the action go on: its later steps run here, and may start the next job.
      const result = await resumeAction(runOf(p, ctx, state.action), state);
      if (result.state === 'waiting') {
        await endJobWatch(requestId, processorId, at);
        return;
      }
      if (result.state === 'job') {
        const { state: _, ...jobs } = result;
        await endJobWatch(requestId, processorId, at, JSON.stringify({ ...jobs, action: state.action } satisfies JobState));
        logger.info('connector job started', { requestId, processorId, jobs: result.jobIds.length });
        return;
      }
      await completeBranch(requestId, processorId, { status: 'completed', answer: result.answer, recordCount: result.recordCount }, now);
      logger.info('connector job done', { requestId, processorId, outcome: result.answer.outcome });
    } catch (err) {
      // What may pass later (a 429, a vendor down) gives the claim back: the next sweep polls again.
      if (claimed && !(err instanceof ConnectorFailure)) await endJobWatch(requestId, processorId, at).catch(() => undefined);
      await failed(ctx, err);
    }
  },
};
