/**
 * Checks an exported audit trail (`GET /v1/staff/requests/{requestId}/audit`, the console's
 * "Export audit trail (JSON)"): `npm run verify-audit -- <file.json> [--against <earlier.json>]`.
 * Recomputes every event's hash and link (functions/platform/audit-chain.ts) and prints `valid` or
 * where the chain breaks. With `--against`, an earlier export of the same request must be a prefix
 * of this one: that also catches events dropped from the end with count and head rewritten.
 * Needs no AWS access and no running service. Exit code: 0 valid, 1 broken, 2 unusable input.
 */
import { readFileSync } from 'node:fs';
import { type AuditRecord, verifyAuditChain } from '../functions/platform/audit-chain';

const USAGE = 'usage: npm run verify-audit -- <file.json> [--against <earlier-export.json>]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readRecord(path: string): Partial<AuditRecord> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(`cannot read ${path}`);
  }
  try {
    return JSON.parse(text) as Partial<AuditRecord>;
  } catch {
    fail(`${path} is not JSON`);
  }
}

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const earlierPath = againstAt === -1 ? undefined : args[againstAt + 1];
const files = args.filter((_, i) => againstAt === -1 || (i !== againstAt && i !== againstAt + 1));
if (files.length !== 1 || (againstAt !== -1 && !earlierPath)) fail(USAGE);

const record = readRecord(files[0]!);
let anchor: { count: number; head: string } | undefined;
if (earlierPath) {
  const earlier = readRecord(earlierPath);
  const verdict = verifyAuditChain(earlier);
  if (!verdict.valid) fail(`the earlier export does not verify itself (event ${verdict.brokenAt}: ${verdict.reason})`);
  if (earlier.requestId !== record.requestId) fail('the two exports are of different requests');
  if (typeof earlier.count !== 'number' || typeof earlier.head !== 'string') fail('the earlier export has no count and head');
  anchor = { count: earlier.count, head: earlier.head };
}

const verdict = verifyAuditChain(record, anchor);
if (verdict.valid) {
  console.log(`valid: ${record.events?.length ?? 0} events of request ${record.requestId}, head ${record.head}`);
} else {
  console.log(`broken at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.explanation})`);
  process.exitCode = 1;
}
