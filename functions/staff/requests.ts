import middy from '@middy/core';
import { httpMiddleware, json, type HttpEvent, type HttpResult } from '../lib/http';
import { register } from '../lib/register';
import {
  byDueDate, claimsOf, dueBefore, listItem, matchesFilters, mayAccess, parseListFilters, requestDetail, requireRole, visibleControllers,
  type ListItem,
} from '../lib/staff';
import { getRequestWithBranches, listAudit, openRequests } from '../lib/store';

const DECLARED = register.controllers.map((c) => c.id);
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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

/**
 * GET /v1/staff/requests/{requestId}: one request with the subject's address and name, what they
 * asked, its branches, its audit timeline and the decisions open to the caller (none for a viewer).
 * Unknown and not-yours get the same 404.
 */
async function detail(event: HttpEvent, requestId: string): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const notFound = () => json(404, { message: 'No request with this id', errors: { requestId: 'unknown' } });
  if (!REQUEST_ID.test(requestId)) return notFound();
  const { request, branches } = await getRequestWithBranches(requestId);
  if (!request || !mayAccess(staff, request.controllerId)) return notFound();
  return json(200, requestDetail(request, branches, await listAudit(requestId), new Date(), staff));
}

/** One Lambda for the staff API's read routes: the path parameter tells them apart. */
async function requests(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId;
  return requestId === undefined ? list(event) : detail(event, requestId);
}

export const handler = middy().use(httpMiddleware()).handler(requests);
