/**
 * Telling a processor the subject withdrew a request it was sent and has not answered. One module
 * for every kind rather than each adapter's `cancel`, because the status function runs it: loading
 * every adapter would bring what they answer with (exports, package bucket) into a function that
 * only tells; for the same reason a vendor job (the connector engine and catalogue) is told by the
 * sweep only. Each notice goes once, through the outbox on the branch: emails, webhook notices,
 * Lambda invocations and a vendor job's cancel are marked told; an OpenDSR `DELETE` too (it could
 * simply be sent again, but the mark is what says it was). A notice that fails throws, leaving it
 * unmarked for the sweep's retry (`workflow/withdrawal-retry.ts`).
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { asRepeat } from '../../web/emails/email';
import { taskWithdrawnEmail } from '../../web/emails/withdrawal';
import { type HttpProcessor, inLocale, staffEmailOf } from '../domain/register-schema';
import type { Branch, DsrRequest } from '../domain/request';
import { lambda } from '../platform/aws/lambda';
import { getBranch } from '../platform/data/branches';
import { logger } from '../platform/log';
import { branchMail, sendEmail } from '../platform/mailer';
import { branchOwner, CLAIM_TIMEOUT_MS, type OutboxMessage, sendOnce } from '../platform/outbox';
import type { Controller, Processor, WebhookProcessor } from '../platform/register';
import { inhouseWithdrawal } from './inhouse/event';
import { cancelRequest } from './opendsr/client';
import { ProcessorError } from './port';
import { postSigned } from './webhook/post';

/**
 * How telling one branch's processor went: `told` (now or before), `nothing_to_tell` (it never had
 * the request, or runs nothing that could be stopped), `under_way` (another attempt is telling it
 * now, or it is left to the sweep), `cannot_tell` (its vendor documents no way to stop the job it
 * runs: recorded for staff, never claimed told).
 */
export type WithdrawalNotice = 'told' | 'nothing_to_tell' | 'under_way' | 'cannot_tell';

/** Sends a notice once through the branch's outbox, and says how that went. */
export type SendNoticeOnce = (send: () => Promise<unknown>) => Promise<WithdrawalNotice>;

/**
 * How an `http` connector's vendor job is told (`http/withdrawal.ts`). Given by the sweep only: the
 * connector engine and catalogue stay out of the status function, which leaves the job to the
 * sweep's next run (within 15 minutes; the branch has ended, so the job is never polled or run on).
 */
export type VendorJobTeller = (ctx: { controller: Controller; branch: Branch }, p: HttpProcessor, now: Date, once: SendNoticeOnce) => Promise<WithdrawalNotice>;

/** A Lambda's notice gives up after this long; the retry tells it later. */
const INVOKE_TIMEOUT_MS = 20_000;

/** Whether the branch's processor was sent the request, so has something to be told. */
export const wasSent = (branch: Pick<Branch, 'submittedAt' | 'submitStartedAt' | 'externalId'>): boolean =>
  !!(branch.submittedAt || branch.submitStartedAt || branch.externalId);

/**
 * Tells the processor of one branch, if it was sent the request: a staff task's or a manual
 * processor's staff and an email vendor by email, a webhook by a signed notice, a `lambda`
 * processor by invoking it with the withdrawal event (both `inhouse/event.ts`), an OpenDSR processor
 * by `DELETE /requests/{id}`, and an `http` connector waiting on a vendor job by `vendorJobs`
 * (the sweep's; without it the job is left for the sweep). A kind that answers at
 * once (a store, a database) has nothing running to stop. Throws when the notice fails.
 */
export async function tellOfWithdrawal(
  ctx: { request: DsrRequest; controller: Controller; branch: Branch },
  p: Processor,
  withdrawnAt: string,
  now = new Date(),
  vendorJobs?: VendorJobTeller,
): Promise<WithdrawalNotice> {
  const { request, controller, branch } = ctx;
  const { requestId, processorId } = branch;
  // Nobody is told of a request that never went out to them.
  if (!wasSent(branch)) return 'nothing_to_tell';
  const message: OutboxMessage = { owner: branchOwner(requestId, processorId), startedAt: 'withdrawalNoticeStartedAt', sentAt: 'withdrawalNoticedAt' };
  const once = async (send: (again: boolean) => Promise<unknown>): Promise<WithdrawalNotice> => {
    const event = { event: 'processor_told_of_withdrawal', actor: 'system' as const, detail: { processorId } };
    const { outcome } = await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, at: now, send, event });
    if (outcome !== 'skipped') return 'told';
    return (await getBranch(requestId, processorId))?.withdrawalNoticedAt ? 'told' : 'under_way';
  };
  if (branch.staffTask || p.kind === 'manual' || p.kind === 'email') {
    const to = branch.staffTask ? staffEmailOf(controller) : p.kind === 'manual' ? p.assigneeEmail : p.kind === 'email' ? p.contactEmail : '';
    const locale = controller.locales[0]!;
    const email = taskWithdrawnEmail({
      locale,
      controllerName: inLocale(controller.name, locale, controller).text,
      processorName: inLocale(p.name, locale, controller).text,
      requestReference: request.requestId,
    });
    return once((again) => sendEmail(to, again ? asRepeat(email, locale) : email, branchMail('withdrawal_notice', request, branch)));
  }
  if (p.kind === 'opendsr') {
    const externalId = branch.externalId;
    if (!externalId) return 'nothing_to_tell';
    return once(async () => {
      const known = await cancelRequest(p, externalId);
      logger.info('OpenDSR request withdrawn', { requestId, processorId, known });
    });
  }
  if (p.kind === 'webhook') {
    const body = JSON.stringify(inhouseWithdrawal(request, branch, withdrawnAt));
    return once(async () => {
      const res = await postSigned(p as WebhookProcessor, body);
      await res.body?.cancel().catch(() => undefined);
    });
  }
  if (p.kind === 'lambda') {
    const event = inhouseWithdrawal(request, branch, withdrawnAt);
    return once(async () => {
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: p.functionArn, InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify(event)) }),
        { abortSignal: AbortSignal.timeout(INVOKE_TIMEOUT_MS) },
      );
      // Its error message may quote the subject: only that it failed is kept.
      if (out.FunctionError)
        throw new ProcessorError('LambdaFunctionFailed', `Lambda processor ${processorId} failed the withdrawal notice (${out.FunctionError})`);
    });
  }
  if (p.kind === 'http') {
    if (!branch.externalId) return 'nothing_to_tell';
    return vendorJobs ? vendorJobs(ctx, p, now, once) : 'under_way';
  }
  return 'nothing_to_tell';
}
