/**
 * Staff reads are accountable too (Art. 5(2)): viewing a request (the subject's address, name and
 * what they asked), exporting its audit trail and exporting a period's requests as CSV are each an
 * audit event naming the staff member, recorded before the answer goes out, so a read that
 * cannot be recorded is not served. Events hold ids, the staff username and counts: no personal
 * data of the subject.
 */
import { audit } from '../platform/data/audit';
import { staffExportTrail } from '../platform/data/keys';
import type { Staff } from './staff';

/** A staff member opened a request's detail. */
export async function recordRequestViewed(staff: Staff, requestId: string, at = new Date()): Promise<void> {
  await audit(requestId, 'staff_viewed_request', 'staff', { by: staff.username }, at);
}

/** A staff member exported a request's audit trail. */
export async function recordAuditExported(staff: Staff, requestId: string, at = new Date()): Promise<void> {
  await audit(requestId, 'staff_exported_audit_trail', 'staff', { by: staff.username }, at);
}

/** A staff member exported the CSV of a controller's requests received in a period. */
export async function recordRequestsExported(
  staff: Staff,
  controllerId: string,
  period: { from: Date; to: Date },
  rows: number,
  at = new Date(),
): Promise<void> {
  await audit(
    staffExportTrail(controllerId),
    'staff_exported_requests_csv',
    'staff',
    { by: staff.username, controllerId, from: period.from.toISOString(), to: period.to.toISOString(), rows },
    at,
  );
}
