/**
 * The organisations' own systems in AWS: the submitting function and those telling of a withdrawal
 * may invoke exactly the Lambda functions the register declares (nothing wider, no wildcard), and
 * only they and the callback function read the webhooks' signing secrets.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../functions/domain/register-schema';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown };

const ARNS = ['arn:aws:lambda:eu-north-1:111122223333:function:campaign-dsr', 'arn:aws:lambda:eu-north-1:111122223333:function:members-dsr:live'];
const SECRET = 'arn:aws:secretsmanager:eu-north-1:111122223333:secret:portal/dsr-webhook-AbCdEf';

function synth() {
  const production = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'production-register.json'), 'utf8'));
  const art15 = { dataCategories: ['contact details'], purposes: ['organising'], legalBasis: 'Art. 6(1)(f)', retention: 'two years' };
  production.controllers[0].processors.push(
    ...ARNS.map((functionArn, i) => ({ ...art15, id: `inhouse-${i}`, kind: 'lambda', name: `In-house ${i}`, functionArn })),
    { ...art15, id: 'portal', kind: 'webhook', name: 'Portal', url: 'https://portal.acme-association.eu/dsr', secret: SECRET },
  );
  const { app, stack } = buildApp({
    nag: false,
    appProps: { context: { 'aws:cdk:bundling-stacks': [] } },
    stackProps: { senderEmail: 'privacy@acme-association.eu', register: parseRegister(production) },
  });
  return app.synth().getStackByName(stack.stackName).template.Resources as Record<string, Resource>;
}

const resources = synth();
function statementsOf(entry: string): Statement[] {
  const fn = Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'] === entry)!;
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref?: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}
const granting = (action: string) => (s: Statement) => [s.Action].flat().includes(action);

describe('lambda and webhook processors in AWS', () => {
  it('let AwaitProcessor and the withdrawal notice (Status, and the Sweep retrying it) invoke exactly the declared function ARNs, and nothing else those', () => {
    const telling = ['functions/handlers/workflow/await-processor.ts', 'functions/handlers/subject-api/status.ts', 'functions/handlers/scheduled/sweep.ts'];
    const invoke = telling.flatMap((entry) => statementsOf(entry).filter(granting('lambda:InvokeFunction')));
    expect(invoke).toHaveLength(3);
    for (const statement of invoke) {
      expect(statement.Action).toBe('lambda:InvokeFunction');
      expect([statement.Resource].flat().sort()).toEqual([...ARNS].sort());
    }
    const elsewhere = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[])
      .filter((st) => granting('lambda:InvokeFunction')(st) && ARNS.some((arn) => JSON.stringify(st.Resource).includes(arn)));
    // The state machine and the schedules invoke the service's own functions; only those three an organisation's.
    expect(elsewhere).toEqual(invoke);
  });

  it('give the webhook secret to the signing and the callback functions', () => {
    for (const entry of [
      'functions/handlers/workflow/await-processor.ts',
      'functions/handlers/processor-api/processor-callback.ts',
      'functions/handlers/subject-api/status.ts',
      'functions/handlers/scheduled/sweep.ts',
    ]) {
      const read = statementsOf(entry).filter((s) => granting('secretsmanager:GetSecretValue')(s) && JSON.stringify(s.Resource).includes('portal/dsr-webhook'));
      expect(read, entry).toHaveLength(1);
      expect(read[0]!.Resource).toBe(SECRET);
    }
  });

  it('route the callback as a processors’ route', () => {
    const routes = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties.RouteKey);
    expect(routes).toContain('POST /v1/webhooks/callback/{requestId}/{processorId}');
  });
});
