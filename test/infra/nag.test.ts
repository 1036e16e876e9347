import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type App, type CfnResource, Validations } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import type { DsrStackProps } from '../../infra/stack';

const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };
const outdirs: string[] = [];

/** The demo as deployed by default, and placed in a database network (the functions that reach its SQL database in a VPC). */
const VARIANTS: Record<string, DsrStackProps> = {
  demo: {},
  'demo in a database network': {
    databaseNetwork: {
      vpcId: 'vpc-0a1b2c3d',
      subnetIds: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
      securityGroupIds: ['sg-0a1b2c3d'],
      gatewayEndpointRouteTableIds: ['rtb-0a1b2c3d'],
    },
  },
};
let stackProps: DsrStackProps = {};

function app(nag: boolean): App {
  const outdir = mkdtempSync(path.join(tmpdir(), 'dsr-nag-'));
  outdirs.push(outdir);
  return buildApp({ nag, appProps: { outdir, context: SKIP_BUNDLING }, stackProps }).app;
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Every acknowledgement recorded with `Validations.of(...).acknowledge`, with where it was made. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))),
    );
}

/** The packs the app is checked with (infra/app.ts). */
const PACKS: (() => NagPack)[] = [() => new AwsSolutionsChecks(), () => new ServerlessChecks()];

describe.each(Object.entries(VARIANTS))('cdk-nag AWS Solutions and Serverless checks (%s)', (_variant, props) => {
  beforeAll(() => {
    stackProps = props;
  });

  it.each(PACKS.map((pack) => [pack().readPackName, pack] as const))('report no unacknowledged %s finding', (_name, pack) => {
    const report = pack().validateScope(app(false));
    const findings = report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}: ${v.description}`));
    expect(findings).toEqual([]);
  });

  it('let the app synthesize with the checks registered as a validation plugin', () => {
    // In memory, CDK throws the validation report when a plugin reports a violation.
    expect(() => app(true).synth()).not.toThrow();
  });

  it('are acknowledged only with a specific reason', () => {
    const acks = acknowledgements(app(false));
    expect(acks.length).toBeGreaterThan(0);
    const vague = acks.filter((a) => a.reason.trim().length < 40 || a.reason.trim().split(/\s+/).length < 8);
    expect(vague).toEqual([]);
  });

  it('leave the routes behind an authorizer without any APIG4 acknowledgement, so removing it would be reported', () => {
    const root = app(false);
    const routes = root.node.findAll().filter((c): c is CfnRoute => c instanceof CfnRoute);
    const authorized = routes.filter((r) => r.authorizationType === 'JWT');
    expect(authorized.map((r) => r.routeKey).sort()).toEqual([
      'GET /v1/staff/inbound',
      'GET /v1/staff/inbound/{draftId}',
      'GET /v1/staff/reports',
      'GET /v1/staff/reports/requests.csv',
      'GET /v1/staff/requests',
      'GET /v1/staff/requests/{requestId}',
      'GET /v1/staff/requests/{requestId}/attachments/{file}',
      'GET /v1/staff/requests/{requestId}/audit',
      'POST /v1/staff/inbound/{draftId}',
      'POST /v1/staff/requests',
      'POST /v1/staff/requests/{requestId}/decisions',
    ]);
    const acknowledgedApig4 = (c: IConstruct): boolean =>
      c.node.scopes.some((s) =>
        s.node.metadata.some(
          (m) =>
            m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && Object.keys(m.data).some((k) => k.replace(/^annotation::/i, '') === 'AwsSolutions-APIG4'),
        ),
      );
    expect(authorized.filter(acknowledgedApig4).map((r) => r.routeKey)).toEqual([]);
    // ...while every public route carries one (with its own reason, checked above).
    expect(routes.filter((r) => r.authorizationType !== 'JWT' && !acknowledgedApig4(r)).map((r) => r.routeKey)).toEqual([]);
  });

  it('are acknowledged only where a finding would otherwise be reported', () => {
    // A stale acknowledgement would silently hide a future finding of the same rule there.
    // cdk-nag 3 answers "is this acknowledged?" through isAcknowledged(resource, ruleId); count which acks it used.
    const root = app(false);
    const used = new Set<string>();
    for (const make of PACKS) {
      const pack = make() as unknown as { isAcknowledged: (r: CfnResource, id: string) => boolean };
      expect(typeof pack.isAcknowledged, 'cdk-nag internals changed; rewrite this check').toBe('function');
      const original = pack.isAcknowledged.bind(pack);
      pack.isAcknowledged = (resource, ruleId) => {
        const acknowledged = original(resource, ruleId);
        if (acknowledged) {
          for (let c: IConstruct | undefined = resource; c; c = c.node.scope) {
            const here = c.node.metadata.some(
              (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && Object.keys(m.data).some((k) => k.replace(/^annotation::/i, '') === ruleId),
            );
            if (here) used.add(`${ruleId} @ ${c.node.path}`);
          }
        }
        return acknowledged;
      };
      (pack as unknown as NagPack).validateScope(root);
    }
    const unused = acknowledgements(root)
      .map((a) => `${a.id.replace(/^annotation::/i, '')} @ ${a.path}`)
      .filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });
});
