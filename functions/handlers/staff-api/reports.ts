import middy from '@middy/core';
import { staffText } from '../../domain/register-schema';
import { configure } from '../../platform/config';
import { type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { findController, register } from '../../platform/register';
import { requestsCsv } from '../../reporting/compliance-csv';
import { complianceFigures, openByDue, weeklySeries } from '../../reporting/compliance-figures';
import { reportRows, requestsReceived } from '../../reporting/compliance-report';
import { parseReportQuery } from '../../reporting/report-query';
import { recordRequestsExported } from '../../staff/reads';
import { claimsOf, mayAccess, requireRole } from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE');

const DECLARED = register.controllers.map((c) => c.id);

/**
 * GET /v1/staff/reports?controller=&from=&to=: the dashboard's figures for a period (the digest's,
 * plus weekly series and open work by deadline), from the report indexes: no Scan.
 */
async function figures(event: HttpEvent): Promise<HttpResult> {
  const now = new Date();
  const staff = requireRole(claimsOf(event), 'read');
  const { controllerId, period } = parseReportQuery(event.queryStringParameters, staff, DECLARED, now);
  const rows = await reportRows(controllerId, period);
  const controller = findController(controllerId)!;
  return json(200, {
    controllers: register.controllers.filter((c) => mayAccess(staff, c.id)).map((c) => ({ id: c.id, name: staffText(c, c.name) })),
    figures: complianceFigures(controllerId, period, rows, now),
    weeks: weeklySeries(rows, period),
    openByDue: openByDue(rows.open, now),
    processorNames: Object.fromEntries(controller.processors.map((p) => [p.id, staffText(controller, p.name)])),
  });
}

/** GET /v1/staff/reports/requests.csv?controller=&from=&to=: the requests received in the period, no personal data. */
async function requestsExport(event: HttpEvent): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'read');
  const { controllerId, period } = parseReportQuery(event.queryStringParameters, staff, DECLARED, new Date());
  const rows = [];
  for await (const r of requestsReceived(controllerId, period)) rows.push(r);
  await recordRequestsExported(staff, controllerId, period, rows.length);
  const days = `${period.from.toISOString().slice(0, 10)}_${new Date(period.to.getTime() - 1).toISOString().slice(0, 10)}`;
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="requests-${controllerId}-${days}.csv"`,
      'cache-control': 'no-store',
    },
    body: requestsCsv(rows),
  };
}

/** One Lambda for the dashboard's routes: the path tells them apart. */
async function reports(event: HttpEvent): Promise<HttpResult> {
  return event.routeKey === 'GET /v1/staff/reports/requests.csv' ? requestsExport(event) : figures(event);
}

export const handler = middy().use(httpMiddleware()).handler(reports);
