/**
 * The grants of the organisations' own systems (`lambda` and `webhook` processors): invoking
 * exactly the Lambda functions the register declares, and reading each webhook's signing secret.
 */
import type { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { LambdaProcessor, Register, WebhookProcessor } from '../../functions/domain/register-schema';
import { secretArnOf } from './database-network';
import type { HouseFunction } from './house-function';

const processorsOf = <K extends 'lambda' | 'webhook'>(register: Register, kind: K) =>
  register.controllers.flatMap((c) => c.processors.filter((p) => p.kind === kind)) as (K extends 'lambda' ? LambdaProcessor : WebhookProcessor)[];

/**
 * `lambda:InvokeFunction` on each declared function ARN, exactly as declared (a qualified ARN
 * grants that version or alias only), for the function that submits and those that tell of a
 * withdrawal (the status function at once, the sweep on a retry); each webhook processor's secret
 * for the functions that sign (the same) and the one that verifies (the callback).
 */
export function grantInhouseProcessors(
  stack: Stack,
  register: Register,
  fns: { submit: HouseFunction; callback: HouseFunction; withdraw?: HouseFunction[] },
): void {
  const telling = [fns.submit, ...(fns.withdraw ?? [])];
  const functionArns = [...new Set(processorsOf(register, 'lambda').map((p) => p.functionArn))];
  if (functionArns.length > 0) {
    for (const fn of telling) {
      fn.bindStatement(
        "lambda:InvokeFunction on each lambda processor's declared function",
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: functionArns }),
      );
    }
  }
  const secretArns = [...new Set(processorsOf(register, 'webhook').map((p) => secretArnOf(stack, p.secret)))];
  if (secretArns.length > 0) {
    for (const fn of [...telling, fns.callback]) {
      fn.bindStatement(
        "secretsmanager:GetSecretValue on each webhook processor's signing secret",
        new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secretArns }),
      );
    }
  }
}
