/**
 * The register's http processors in AWS: the functions that call the vendors (AwaitProcessor's
 * submit, the sweep's job polls) may read each connector secret the register names, and no other
 * function may; the rate limit's schedule is an item of the requests table they already write.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../functions/domain/register-schema';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';
import type { DsrFunctions } from '../../infra/stack';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown };

const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };
const SENDER = 'privacy@acme-association.eu';

const production = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'production-register.json'), 'utf8'));
production.controllers[0].processors.push({
  id: 'newsletter-mailchimp',
  kind: 'http',
  name: 'Newsletter',
  connector: 'mailchimp',
  settings: { dc: 'us21', listId: 'abc123' },
  secrets: { apiKey: 'acme/mailchimp-api-key' },
  dataCategories: ['email address'],
  purposes: ['newsletter'],
  legalBasis: 'Art. 6(1)(a) consent',
  retention: 'until unsubscribed',
});
const register = parseRegister(production);

function synth() {
  const { app, stack } = buildApp({ nag: false, appProps: { context: SKIP_BUNDLING }, stackProps: { senderEmail: SENDER, register, demo: false } });
  const resources = app.synth().getStackByName(stack.stackName).template.Resources as Record<string, Resource>;
  return { app, stack, resources };
}

const lambdaOf = (resources: Record<string, Resource>, entry: string) =>
  Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'] === entry)!;

function statementsOf(resources: Record<string, Resource>, fn: Resource): Statement[] {
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref?: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

describe('a register with an http processor', () => {
  const { stack, resources } = synth();
  const byName = {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:acme/mailchimp-api-key-??????'],
    ],
  };

  it('lets AwaitProcessor and the sweep read its connector secret, and no other function', () => {
    const readers = (Object.keys(stack.functions) as (keyof DsrFunctions)[]).filter((k) =>
      statementsOf(resources, lambdaOf(resources, stack.functions[k].entry)).some((s) => JSON.stringify(s.Resource).includes('mailchimp-api-key')),
    );
    expect(readers.sort()).toEqual(['awaitProcessor', 'sweep']);
    const reads = statementsOf(resources, lambdaOf(resources, stack.functions.awaitProcessor.entry)).filter((s) =>
      JSON.stringify(s.Resource).includes('mailchimp-api-key'),
    );
    expect(reads).toEqual([expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: byName })]);
  });

  it('gives no function the local runtime’s connector origins', () => {
    const given = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .flatMap((r) => Object.keys(r.Properties.Environment?.Variables ?? {}));
    expect(given).not.toContain('CONNECTOR_LOCAL_ORIGINS');
  });

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ] as [string, () => NagPack][])('leaves no unacknowledged %s finding', (_name, pack) => {
    const { app } = synth();
    const report = pack().validateScope(app);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
  });
});
