import middy from '@middy/core';
import { isRequestId } from '../../domain/validation';
import { auditRecord } from '../../platform/audit-chain';
import { configure } from '../../platform/config';
import { listAudit } from '../../platform/data/audit';
import { getRequestWithBranches, openRequests, settleOwedOfRequest } from '../../platform/data/requests';
import { type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { register } from '../../platform/register';
import { attachmentLink, recordAttachmentOpened, recordAuditExported, recordRequestViewed } from '../../staff/reads';
import {
  byDueDate,
  claimsOf,
  dueBefore,
  type ListItem,
  listItem,
  matchesFilters,
  mayAccess,
  parseListFilters,
  requestDetail,
  requireRole,
  type Staff,
  visibleControllers,
} from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET');

const DECLARED = register.controllers.map((c) => c.id);

/**
 * GET /v1/staff/requests: open requests of the controllers the caller may see, earliest deadline
 * first, read from the `open-by-due` index one controller at a time (no Scan).
 */
async function list(event: HttpEvent): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const filters = parseListFilters(event.queryStringParameters, DECLARED);
  const now = new Date();
  // The index's sort key is the deadline (for unconfirmed requests the link's expiry), so this bound
  // is a first cut; matchesFilters decides.
  const bound = filters.dueWithinDays === undefined ? undefined : dueBefore(filters.dueWithinDays, now);
  const items: ListItem[] = [];
  for (const controllerId of visibleControllers(staff, DECLARED, filters.controller)) {
    for await (const open of openRequests(controllerId, bound)) {
      const item = listItem(open, now);
      if (matchesFilters(item, filters, now)) items.push(item);
    }
  }
  return json(200, { requests: items.sort(byDueDate) });
}

/** The 404 for an unknown request and for one the caller may not see: the same, so ids cannot be probed. */
const notFound = () => json(404, { message: 'No request with this id', errors: { requestId: 'unknown' } });

/** A request with its branches, if the id is well-formed, it exists and the caller may see its controller; its owed events recorded. */
async function visibleRequest(staff: Staff, requestId: string) {
  if (!isRequestId(requestId)) return undefined;
  const found = await getRequestWithBranches(requestId);
  if (!found.request || !mayAccess(staff, found.request.controllerId)) return undefined;
  // A change whose event a crash kept off the trail is recorded before the trail is shown (and
  // taken off the item by the next settle: this function only appends to trails).
  await settleOwedOfRequest(found, { recordOnly: true });
  return { request: found.request, branches: found.branches };
}

/**
 * GET /v1/staff/requests/{requestId}: one request with the subject's address and name, what they
 * asked, its branches, its audit timeline and the decisions open to the caller (none for a viewer).
 * Unknown and not-yours get the same 404.
 */
async function detail(event: HttpEvent, requestId: string): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const found = await visibleRequest(staff, requestId);
  if (!found) return notFound();
  // Recorded first: the timeline shown includes this view, and a view that cannot be recorded is not served.
  await recordRequestViewed(staff, requestId);
  return json(200, requestDetail(found.request, found.branches, await listAudit(requestId), new Date(), staff));
}

/**
 * GET /v1/staff/requests/{requestId}/audit: the request's audit trail as a hash-chained JSON record
 * to keep or hand over (ids and counts only, no personal data), as a download. Same access as the
 * request itself; the export is itself an event of the trail it exports.
 */
async function auditTrail(event: HttpEvent, requestId: string): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const found = await visibleRequest(staff, requestId);
  if (!found) return notFound();
  await recordAuditExported(staff, requestId);
  const record = auditRecord(requestId, found.request.controllerId, await listAudit(requestId), new Date());
  const res = json(200, record);
  // The id passed the UUID pattern above, so it is safe in the header as it is.
  res.headers = { ...res.headers, 'content-disposition': `attachment; filename="audit-${requestId}.json"` };
  return res;
}

/**
 * GET /v1/staff/requests/{requestId}/attachments/{file}: a link, good for a minute, to one of the
 * request's files (a representative's mandate, a letter staff recorded), numbered from 1 as the
 * detail lists them. Same access as the request itself; opening one is an audit event first.
 */
async function attachment(event: HttpEvent, requestId: string): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const found = await visibleRequest(staff, requestId);
  if (!found) return notFound();
  const number = event.pathParameters?.file ?? '';
  const file = /^[1-9]\d{0,2}$/.test(number) ? found.request.attachments?.[Number(number) - 1] : undefined;
  if (!file) return json(404, { message: 'The request has no such file', errors: { file: 'unknown' } });
  await recordAttachmentOpened(staff, requestId, Number(number));
  return json(200, { ...(await attachmentLink(file)), name: file.name, contentType: file.contentType, bytes: file.bytes });
}

/** The routes of the audit export and of a file, as API Gateway names them in `routeKey`. */
const AUDIT_ROUTE = 'GET /v1/staff/requests/{requestId}/audit';
const ATTACHMENT_ROUTE = 'GET /v1/staff/requests/{requestId}/attachments/{file}';

/** One Lambda for the staff API's read routes: the route key tells them apart. */
async function requests(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId;
  if (requestId === undefined) return list(event);
  if (event.routeKey === ATTACHMENT_ROUTE) return attachment(event, requestId);
  return event.routeKey === AUDIT_ROUTE ? auditTrail(event, requestId) : detail(event, requestId);
}

export const handler = middy().use(httpMiddleware()).handler(requests);
