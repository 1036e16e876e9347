/**
 * Which refusal reasons (Art. 12(4)) fit a request, and which one its review points to. Some
 * reasons rest on one right's own article (17(3) for erasure, 21(1) for a weighed objection, 16 for
 * rectification); offering them for another right would put a false legal ground in the
 * subject's refusal, so the console offers only what fits and preselects only a fitting reason.
 */
import { DENIAL_REASONS, type DenialReason, type DsrRequest, type ReviewReason } from './request';

/** What the rules read of a request. */
export type RefusalContext = Pick<DsrRequest, 'type'> & Partial<Pick<DsrRequest, 'details' | 'reviewReasons' | 'onBehalfOf'>>;

/** Reasons tied to one right's article; every other reason fits every right. */
const OWN_ARTICLE: Partial<Record<DenialReason, (r: RefusalContext) => boolean>> = {
  // 17(3)(b) and (e) are exceptions to erasure only.
  legal_obligation: (r) => r.type === 'erasure',
  // 21(1) weighs grounds; an objection to direct marketing is absolute (21(3)).
  compelling_grounds: (r) => r.type === 'objection' && r.details?.objection?.scope !== 'direct_marketing',
  data_accurate: (r) => r.type === 'rectification',
  // Only someone who asked for another person can have failed to show they may.
  authority_not_shown: (r) => r.onBehalfOf !== undefined,
};

/** Whether a refusal reason may be given for this request. */
export function reasonFits(reason: DenialReason, request: RefusalContext): boolean {
  const own = OWN_ARTICLE[reason];
  return own ? own(request) : true;
}

/** The refusal reasons that fit the request, in the declared order. */
export function fittingReasons(request: RefusalContext): DenialReason[] {
  return DENIAL_REASONS.filter((reason) => reasonFits(reason, request));
}

/** The refusal reason each review reason points to, if any. */
const POINTS_TO: Record<ReviewReason, DenialReason | undefined> = {
  repeat_request: 'excessive',
  identity_check: 'identity_not_confirmed',
  objection_weighing: 'compelling_grounds',
  rectification: 'data_accurate',
  controller_as_processor: 'processor_only',
  representation: 'authority_not_shown',
  legal_hold_partial: 'legal_obligation',
  branch_failed: undefined,
};

/**
 * The reason to preselect: the one the review's reasons point to, when they point to exactly one
 * and it fits the right. Otherwise none, and staff choose (a guess would be sent as a legal ground).
 */
export function suggestedReason(request: RefusalContext): DenialReason | undefined {
  const pointed = new Set((request.reviewReasons ?? []).map((r) => POINTS_TO[r]).filter((r): r is DenialReason => r !== undefined));
  if (pointed.size !== 1) return undefined;
  const [reason] = [...pointed] as [DenialReason];
  return reasonFits(reason, request) ? reason : undefined;
}
