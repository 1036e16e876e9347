import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { DsrStack, type DsrStackProps } from './stack';

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Passed to the App, e.g. `{ context: { 'aws:cdk:bundling-stacks': [] } }` to skip bundling. */
  readonly appProps?: AppProps;
  readonly stackProps?: DsrStackProps;
  /** Run the cdk-nag AWS Solutions and Serverless checks at synthesis. @default true */
  readonly nag?: boolean;
}

/** Builds the CDK app with the one stack, `GdprDsr`, checked by cdk-nag unless told otherwise. */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: DsrStack } {
  const app = new App(options.appProps);
  const stack = new DsrStack(app, 'GdprDsr', {
    description: 'GDPR data-subject requests: intake, verification, workflow, access packages',
    ...options.stackProps,
  });
  // cdk-nag v3 packs are CDK validation plugins: an unacknowledged finding fails synthesis.
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}

// Run as the CDK app (cdk.json: `npx tsx infra/app.ts`), not when imported by tests.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildApp().app.synth();
}
