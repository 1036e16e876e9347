/** Sparse index of open requests by controller and due date. */
export const OPEN_INDEX = 'open-by-due';
/** Sparse index of closed requests still holding a package or personal data, by controller and purge time. */
export const PURGE_INDEX = 'purge-by-due';

/**
 * The sparse indexes the compliance reports read (docs/ARCHITECTURE.md, "Compliance reporting"):
 * a controller's requests by when they were received, by when they were answered, and its
 * processor branches by when they finished. Each is keyed on attributes the item gets in the very
 * write that changes its state, so no second write can go missing, and a period's figures are one
 * bounded query per index: their cost follows the period's activity, never all history.
 * The CDK table (infra/constructs/requests-table.ts) builds them from these names.
 */
export const RECEIVED_INDEX = 'received-by-controller';
export const ANSWERED_INDEX = 'answered-by-controller';
export const BRANCH_OUTCOMES_INDEX = 'branch-outcomes-by-controller';
/** What the reports read of a request: ids, right, dates and outcome, never the subject's personal data. */
export const REPORTED_REQUEST_ATTRIBUTES = ['requestId', 'type', 'status', 'receivedAt', 'dueAt', 'completedAt', 'onTime', 'extension', 'denial'] as const;
/** What the reports read of a branch. */
export const REPORTED_BRANCH_ATTRIBUTES = [
  'requestId',
  'processorId',
  'kind',
  'action',
  'status',
  'attempts',
  'startedAt',
  'finishedAt',
  'errorClass',
  'staffTask',
] as const;
