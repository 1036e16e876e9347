/**
 * The benchmarks' register, derived from the demo register so every processor is one the demo
 * runs for real: ten and one copies of the demo OpenDSR processor (the local demo service answers
 * after a delay the benchmark sets), five of the demo DynamoDB stores under one controller, and the
 * demo's Mailchimp processor (the http kind, against the runtime's Mailchimp fake) alone under one.
 * No review (no repeat check, no identity check), so requests go straight to the fan-out.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FANOUT = 'bench-fanout';
export const SINGLE = 'bench-single';
export const STORES = 'bench-stores';
export const CONNECTOR = 'bench-connector';
/** The one processor of CONNECTOR: the demo's Mailchimp audience, reached through its connector. */
export const CONNECTOR_PROCESSOR = 'campaign-mailing';
/** How many slow processors the fan-out benchmark declares. */
export const FANOUT_WIDTH = 10;

type Json = Record<string, any>;

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export function benchRegister(): Json {
  const demo: Json = JSON.parse(readFileSync(join(REPO_ROOT, 'config', 'register.json'), 'utf8'));
  const byId = (id: string) => demo.controllers.find((c: Json) => c.id === id);
  const association = byId('demo-association');
  const platform = byId('demo-organising-platform');
  const processor = (c: Json, id: string) => c.processors.find((p: Json) => p.id === id);
  const newsletter = processor(association, 'newsletter');
  // What a controller needs beyond its processors; no digest, consent purposes, mailing tools, targets
  // or privacy addresses (each address may belong to one controller only).
  const { digest, transparency, consentPurposes, mailingTools, suppressionCheck, portabilityTargets, privacyEmails, processors, ...base } = association;
  void digest;
  void transparency;
  void consentPurposes;
  void mailingTools;
  void suppressionCheck;
  void portabilityTargets;
  void privacyEmails;
  void processors;
  const controller = (id: string, name: string, procs: Json[]) => ({
    ...base,
    id,
    name,
    review: { repeatWindowDays: 0, identityCheckRights: [], clockPausesForInformation: true, legalHoldNeedsApproval: false },
    processors: procs,
  });
  const slow = (n: number) => ({ ...newsletter, id: `slow-${String(n).padStart(2, '0')}`, name: `Slow processor ${n}` });
  return {
    controllers: [
      controller(
        FANOUT,
        'Bench: ten slow processors',
        Array.from({ length: FANOUT_WIDTH }, (_, i) => slow(i + 1)),
      ),
      controller(SINGLE, 'Bench: one slow processor', [slow(1)]),
      controller(STORES, 'Bench: five stores', [
        processor(association, 'members'),
        processor(association, 'event-participation'),
        processor(platform, 'accounts'),
        processor(platform, 'participation'),
        processor(platform, 'usage-statistics'),
      ]),
      controller(CONNECTOR, 'Bench: one vendor API', [processor(platform, CONNECTOR_PROCESSOR)]),
    ],
  };
}

/** Writes the bench register to a temporary file and returns its path. */
export function writeBenchRegister(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dsr-bench-register-')), 'register.json');
  writeFileSync(file, JSON.stringify(benchRegister(), null, 2));
  return file;
}
