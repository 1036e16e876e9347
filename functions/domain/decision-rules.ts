import type { Controller } from './register-schema';
import { type Branch, DENIAL_REASONS, type DsrRequest, FINAL_STATUSES, WITHDRAWN } from './request';
import * as z from './validation';

/*
 * What staff may decide and how a decision is posted: pure rules, so the read-only staff API can
 * offer the decisions without loading what carries them out (functions/staff/decisions.ts).
 */

// Staff's words go to the subject as they are (escaped in the email), so only control characters are refused.
const prose = (field: string, max: number) =>
  z.string({ error: `${field} is required` }).check(
    z.trim(),
    z.minLength(1, `${field} is required`),
    z.maxLength(max, `${field} must be at most ${max} characters`),
    z.refine((s: string) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${field} must not contain control characters`),
  );
const processorId = z.string({ error: 'processorId is required' }).check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'processorId must be a processor id'));

/** ISO 4217 currency codes the runtime knows (ICU's list), e.g. EUR, SEK. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Art. 12(5)(a): a positive amount with at most two decimals, as a JSON number or a string; kept as a string. */
const feeAmount = z
  .pipe(
    z.union([z.number(), z.string()], { error: 'amount is required' }),
    z.transform((v: number | string) => String(v).trim()),
  )
  .check(z.refine((v: string) => /^\d{1,9}(\.\d{1,2})?$/.test(v) && Number(v) > 0, 'amount must be a positive number with at most two decimals, e.g. 25.00'));
const feeCurrency = z
  .string({ error: 'currency is required' })
  .check(z.refine((v: string) => /^[A-Z]{3}$/.test(v) && CURRENCIES.has(v), 'currency must be an ISO 4217 code, e.g. EUR or SEK'));

/** A staff decision as the console posts it; every message names its field. */
export const decisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('approve') }),
    z.strictObject({
      decision: z.literal('deny'),
      reason: z.enum(DENIAL_REASONS, { error: `reason must be one of: ${DENIAL_REASONS.join(', ')}` }),
      text: prose('text', 4000),
    }),
    z.strictObject({
      decision: z.literal('extend'),
      months: z.union([z.literal(1), z.literal(2)], { error: 'months must be 1 or 2' }),
      reasons: prose('reasons', 4000),
    }),
    z.strictObject({ decision: z.literal('request_info'), text: prose('text', 4000) }),
    z.strictObject({ decision: z.literal('retry_branch'), processorId }),
    z.strictObject({ decision: z.literal('complete_task'), processorId, note: prose('note', 4000) }),
    z.strictObject({ decision: z.literal('lift_restriction') }),
    z.strictObject({ decision: z.literal('charge_fee'), amount: feeAmount, currency: feeCurrency, reason: prose('reason', 2000) }),
    z.strictObject({ decision: z.literal('record_fee_payment') }),
    // The answer's own fields are checked by readProcessorAnswer, which names each one.
    z.strictObject({
      decision: z.literal('correct_answer'),
      processorId,
      outcome: z.string({ error: 'outcome is required' }),
      basis: z.optional(z.string()),
      until: z.optional(z.string()),
      kept: z.optional(z.string()),
      reason: z.optional(z.string()),
      why: prose('why', 2000),
    }),
  ],
  {
    error:
      'decision must be one of: approve, deny, extend, request_info, retry_branch, complete_task, lift_restriction, correct_answer, charge_fee, record_fee_payment',
  },
);
export type DecisionInput = z.infer<typeof decisionSchema>;

/** A decision that does not fit the request as it stands now (409): the message says why. */
export class DecisionConflict extends Error {
  override name = 'DecisionConflict';
}

/** Which decisions the console offers now; `retry_branch` and `complete_task` list processor ids. */
export interface AllowedDecisions {
  approve: boolean;
  deny: boolean;
  extend: { maxMonths: number } | false;
  request_info: boolean;
  retry_branch: string[];
  complete_task: string[];
  /** Art. 18(3): a restriction in place may be lifted, the subject told first. */
  lift_restriction: boolean;
  /** The completed branches whose answer staff may correct (audited; the subject told if they had the result). */
  correct_answer: string[];
  /** Art. 12(5)(a): a reasonable fee, once, during the first review and with no question open. */
  charge_fee: boolean;
  /** The fee charged was paid: the clock runs again and the request goes on. */
  record_fee_payment: boolean;
}

const MONTHS_OF_EXTENSION = 2;

const failedBranches = (branches: Branch[]) => branches.filter((b) => b.status === 'failed' && b.errorClass !== WITHDRAWN);
/** A waiting branch staff themselves answer: a manual task, or a task staff do for a processor. */
const staffWaiting = (branches: Branch[]) => branches.filter((b) => b.status === 'waiting' && (b.kind === 'manual' || b.staffTask));

/** The first month's end: the deadline before any extension. */
export const firstMonthEnd = (request: DsrRequest) => request.extension?.originalDueAt ?? request.dueAt;

/** What staff may decide about a request now (the console shows only these; `decide` checks again). */
export function allowedDecisions(request: DsrRequest, branches: Branch[], _controller: Controller, now = new Date()): AllowedDecisions {
  const open = !FINAL_STATUSES.includes(request.status) && request.status !== 'awaiting_verification';
  const inReview = request.status === 'in_review';
  const screening = inReview && request.reviewStage === 'screening';
  const closing = inReview && request.reviewStage === 'closing';
  const firstEnd = firstMonthEnd(request);
  const monthsLeft = MONTHS_OF_EXTENSION - (request.extension?.months ?? 0);
  const questionOpen = !!request.infoRequest && !request.infoRequest.answeredAt;
  // While a fee waits, the request goes on only by its payment (or is refused, or withdrawn).
  const feeWaits = !!request.fee && !request.fee.paidAt;
  return {
    approve: inReview && !feeWaits,
    deny: screening,
    // 12(3): extended only within the first month, by two months at most in all.
    extend: open && firstEnd && now.toISOString() < firstEnd && monthsLeft > 0 ? { maxMonths: monthsLeft } : false,
    request_info: screening && !questionOpen && !feeWaits,
    retry_branch: closing ? failedBranches(branches).map((b) => b.processorId) : [],
    complete_task: open ? [...(closing ? failedBranches(branches) : []), ...staffWaiting(branches)].map((b) => b.processorId) : [],
    // The subject must be told first (18(3)): not once their address has been erased.
    lift_restriction:
      request.status === 'completed' &&
      !request.restrictionLift &&
      !request.personalDataErasedAt &&
      branches.some((b) => b.action === 'restrict' && b.status === 'completed' && (b.recordCount ?? 0) > 0),
    // A request that was answered or is under way, while the subject's address is still there to tell them.
    correct_answer:
      ['in_progress', 'in_review', 'completed'].includes(request.status) && !request.personalDataErasedAt
        ? branches.filter((b) => b.status === 'completed').map((b) => b.processorId)
        : [],
    charge_fee: screening && !request.fee && !questionOpen,
    record_fee_payment: screening && feeWaits,
  };
}
