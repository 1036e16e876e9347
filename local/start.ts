/**
 * `npm start`: the whole service on this machine, no AWS account needed.
 * Prints where to go; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
import { readDemoData } from './provision.ts';
import { startLocalRuntime } from './runtime.ts';

const started = Date.now();
console.log('[local] synthesizing the CDK stack and starting the emulators…');
const runtime = await startLocalRuntime().catch((e: unknown) => {
  console.error(`[local] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

// The demo subjects are fixed, fictitious addresses: the only personal-looking data ever printed.
const subjects = readDemoData().subjects;
const width = Math.max(...subjects.map((s) => s.email.length));
console.log(`
GDPR data-subject requests, running locally (started in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Request form        ${runtime.urls.gateway}/
  Staff console       ${runtime.staffAuth.consoleUrl}
  Staff sign-in       from the console's Sign in button (local only: no password, pick a role)
  Mailbox (SES)       ${runtime.urls.ses}/
  Requests by email   ${runtime.urls.smtp}  (SMTP to the privacy addresses: requests@demo-association.example)
  DynamoDB            ${runtime.urls.dynamodb}
  S3                  ${runtime.urls.s3}
  Step Functions      ${runtime.urls.sfn}${runtime.urls.lambda ? `\n  Lambda Invoke API   ${runtime.urls.lambda}  (for your Step Functions endpoint)` : ''}
  Demo OpenDSR vendor ${runtime.urls.newsletter}/discovery
  Mailchimp (fake)    ${runtime.urls.mailchimp}/3.0  (the demo organising platform's mailing tool, by connector)
  Course database     ${runtime.urls.courses}  (the demo course platform's PostgreSQL, PGlite)
  In-house systems    ${runtime.urls.inhouseWebhook}, ${runtime.urls.inhouseLambda}  (the demo campaign office's own webhook and Lambda)

  Try a request as one of the demo data subjects (their data is in the demo stores):
${subjects.map((s) => `    ${s.email.padEnd(width)}  ${s.holds}`).join('\n')}

  Verification and result emails appear in the mailbox page, and so do the emails to the
  email-only vendor (privacy@bookkeeping.example) and the staff task (office@demo-association.example):
  open their links to answer for them. The demo newsletter answers by itself over OpenDSR.
  Requests that wait for a staff decision (a rectification, an objection, a repeat) email the
  DPO (dpo@demo-association.example, dpo@demo-organising-platform.example) a console link.
  Press Ctrl-C to stop.
`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) {
    console.log('[local] forced exit');
    process.exit(1);
  }
  stopping = true;
  console.log(`[local] ${signal}: stopping…`);
  runtime.stop().then(
    () => {
      console.log('[local] stopped');
      process.exit(0);
    },
    (e: unknown) => {
      console.error(`[local] stop failed: ${e instanceof Error ? e.name : 'Error'}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
