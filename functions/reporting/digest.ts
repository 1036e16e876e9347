/**
 * The DPO's scheduled compliance digest: the figures of the controller's period, as an HTML email
 * with the same figures attached as CSV, to the DPO (or the digest's recipients). When the
 * controller publishes transparency figures, they are refreshed at the same time.
 */

import { digestEmail } from '../../web/emails/digest';
import { staffText } from '../domain/register-schema';
import { latestRetentionRuns, type RetentionRun } from '../platform/data/retention-runs';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import { findController } from '../platform/register';
import { figuresCsv } from './compliance-csv';
import { complianceFigures } from './compliance-figures';
import { lastDays, reportRows } from './compliance-report';
import { keptAnswers } from './processor-answers';
import { refreshTransparency } from './transparency';

/** A digest for an unknown controller, or one that declares none: a configuration error. */
export class NoDigestDeclared extends Error {
  override name = 'NoDigestDeclared';
}

/** Computes and sends one controller's digest as of `now`; returns how many were sent. */
export async function sendDigest(controllerId: string, now = new Date()): Promise<{ sent: number }> {
  const controller = findController(controllerId);
  if (!controller?.digest) throw new NoDigestDeclared(`controller ${controllerId} declares no digest`);
  const { digest } = controller;
  const period = lastDays(digest.periodDays, now);
  const rows = await reportRows(controllerId, period);
  const figures = complianceFigures(controllerId, period, rows, now);
  const retentionRuns = latestOfEachRule(await latestRetentionRuns(controllerId, period.from.toISOString()));
  const email = digestEmail({
    figures,
    locale: controller.locales[0]!,
    controllerName: staffText(controller, controller.name),
    timezone: digest.timezone,
    processorNames: Object.fromEntries(controller.processors.map((p) => [p.id, staffText(controller, p.name)])),
    consoleUrl: links.console,
    consoleHome: links.consoleHome(),
    retentionRuns,
    keptAnswers: await keptAnswers(rows.branches),
  });
  const day = now.toISOString().slice(0, 10);
  const attachments = [
    { fileName: `compliance-${controllerId}-${day}.csv`, contentType: 'text/csv; charset=utf-8', content: figuresCsv(figures, retentionRuns) },
  ];
  let sent = 0;
  for (const to of digest.recipients ?? [controller.dpoEmail]) {
    await sendEmail(to, { ...email, attachments }, { kind: 'dpo', controllerId });
    sent += 1;
  }
  if (controller.transparency?.publish) await refreshTransparency(controllerId, now);
  return { sent };
}

/** The newest run of each rule (runs come newest first), in rule order. */
function latestOfEachRule(runs: RetentionRun[]): RetentionRun[] {
  const latest = new Map<string, RetentionRun>();
  for (const run of runs) if (!latest.has(run.ruleId)) latest.set(run.ruleId, run);
  return [...latest.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}
