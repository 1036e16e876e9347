/**
 * One client must not exhaust the API: every route has its group's own throttle (public, staff,
 * processors), and CloudFront with a WAF rate rule per client IP address is a stack option.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { DEFAULT_ROUTE_THROTTLES, routeGroup } from '../../infra/constructs/api-protection';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };
const outdirs: string[] = [];

function synth(context: Record<string, unknown> = {}, region?: string): Record<string, Resource> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'dsr-edge-'));
  outdirs.push(outdir);
  const { app, stack } = buildApp({
    nag: false,
    appProps: { outdir, context: { ...SKIP_BUNDLING, ...context } },
    ...(region ? { stackProps: { env: { region, account: '123456789012' } } } : {}),
  });
  return app.synth().getStackByName(stack.stackName).template.Resources;
}

const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('per-route throttles', () => {
  let resources: Record<string, Resource>;
  beforeAll(() => {
    resources = synth();
  });

  it('sorts routes into public, staff and processors', () => {
    expect(routeGroup('POST /v1/requests')).toBe('public');
    expect(routeGroup('GET /c/{controllerId}')).toBe('public');
    expect(routeGroup('GET /v1/requests/{requestId}/status')).toBe('public');
    expect(routeGroup('GET /console')).toBe('staff');
    expect(routeGroup('POST /v1/staff/requests/{requestId}/decisions')).toBe('staff');
    expect(routeGroup('POST /v1/opendsr/callback')).toBe('processors');
    expect(routeGroup('POST /v1/tasks/{requestId}/{processorId}')).toBe('processors');
    // A signup form asks like the public does; a mailing tool reports like a processor.
    expect(routeGroup('POST /v1/suppression/check')).toBe('public');
    expect(routeGroup('POST /v1/mailing-tools/{controllerId}/{toolId}')).toBe('processors');
  });

  it('gives every route of the API its own throttle, by its group, and the groups differ', () => {
    const [[stageId, stage]] = ofType(resources, 'AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const routes = ofType(resources, 'AWS::ApiGatewayV2::Route');
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(Object.keys(settings).sort()).toEqual(routes.map(([, r]) => r.Properties.RouteKey as string).sort());
    for (const [key, s] of Object.entries(settings)) {
      const expected = DEFAULT_ROUTE_THROTTLES[routeGroup(key)];
      expect(s, key).toEqual({ ThrottlingRateLimit: expected.rateLimit, ThrottlingBurstLimit: expected.burstLimit });
    }
    const groups = new Set(Object.keys(settings).map(routeGroup));
    expect([...groups].sort()).toEqual(['processors', 'public', 'staff']);
    expect(DEFAULT_ROUTE_THROTTLES.processors).not.toEqual(DEFAULT_ROUTE_THROTTLES.public);
    // CloudFormation refuses route settings for a route not yet created.
    for (const [routeId] of routes) expect(resources[stageId]!.DependsOn, routeId).toContain(routeId);
    // The stage's default stays as the floor for a route added without settings.
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
  });

  it('puts no CloudFront or WAF in front of the API unless asked', () => {
    expect(ofType(resources, 'AWS::CloudFront::Distribution')).toEqual([]);
    expect(ofType(resources, 'AWS::WAFv2::WebACL')).toEqual([]);
  });
});

describe('the edge option (-c edge=true)', () => {
  it('creates CloudFront with a CLOUDFRONT web ACL limiting each client IP address, in us-east-1', () => {
    const resources = synth({ edge: 'true', edgeRateLimit: '300' }, 'us-east-1');
    const [[aclId, acl]] = ofType(resources, 'AWS::WAFv2::WebACL') as [[string, Resource]];
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl.Properties.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Properties.Rules).toHaveLength(1);
    expect(acl.Properties.Rules[0]).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 300 } },
      VisibilityConfig: { SampledRequestsEnabled: false },
    });
    const [[distributionId, distribution]] = ofType(resources, 'AWS::CloudFront::Distribution') as [[string, Resource]];
    const config = distribution.Properties.DistributionConfig;
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    // Nothing cached: every answer is personal or carries a token.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(JSON.stringify(config.Origins[0].DomainName)).toContain('ApiEndpoint');
    // Links in emails and pages point at the edge, not at the API behind it.
    const form = ofType(resources, 'AWS::Lambda::Function').find(([, r]) => (r as any).Metadata?.['dsr:entry'] === 'functions/handlers/subject-api/form.ts')!;
    expect(JSON.stringify(form[1].Properties.Environment.Variables.PUBLIC_BASE_URL)).toContain(distributionId);
  });

  it('refuses to build one outside us-east-1 without an existing web ACL, saying why', () => {
    expect(() => synth({ edge: 'true' }, 'eu-north-1')).toThrow(/CLOUDFRONT.*us-east-1.*edgeWebAclArn/s);
    expect(() => synth({ edge: 'true' })).toThrow(/edgeWebAclArn/);
  });

  it('uses an existing web ACL anywhere, creating none', () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/dsr/11111111-2222-3333-4444-555555555555';
    const resources = synth({ edge: 'true', edgeWebAclArn: arn }, 'eu-north-1');
    expect(ofType(resources, 'AWS::WAFv2::WebACL')).toEqual([]);
    const [[, distribution]] = ofType(resources, 'AWS::CloudFront::Distribution') as [[string, Resource]];
    expect(distribution.Properties.DistributionConfig.WebACLId).toBe(arn);
  });

  it('passes the cdk-nag checks with the edge on', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'dsr-edge-nag-'));
    outdirs.push(outdir);
    const { app } = buildApp({
      nag: false,
      appProps: { outdir, context: { ...SKIP_BUNDLING, edge: 'true' } },
      stackProps: { env: { region: 'us-east-1', account: '123456789012' } },
    });
    for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
      const report = pack.validateScope(app);
      expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
    }
  });
});
