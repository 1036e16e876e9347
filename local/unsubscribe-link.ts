/**
 * Prints a one-click unsubscribe link for the local runtime, signed the way a controller's mailer
 * signs it: `npm run unsubscribe-link -- <controllerId> <purposeId> <address>`. The key is the value
 * of the runtime's unsubscribe secret that `npm start` keeps in the data folder (or UNSUBSCRIBE_KEY),
 * read through a Secrets Manager endpoint of its own as a function reads it. In AWS the mailer reads
 * the stack's UnsubscribeKey secret and computes the same HMAC (functions/intake/unsubscribe.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalSecretsManager, localSecretArn } from './secrets-endpoint.ts';

const [controllerId, purposeId, address] = process.argv.slice(2);
if (!controllerId || !purposeId || !address) {
  console.error('usage: npm run unsubscribe-link -- <controllerId> <purposeId> <address>');
  process.exit(2);
}
const keyFile = join(resolve(process.env.DATA_DIR ?? '.data'), 'unsubscribe.key');
if (!process.env.UNSUBSCRIBE_KEY && !existsSync(keyFile)) {
  console.error(`no key: run npm start once (it creates ${keyFile}) or set UNSUBSCRIBE_KEY`);
  process.exit(1);
}
const key = process.env.UNSUBSCRIBE_KEY ?? readFileSync(keyFile, 'utf8').trim();
const secrets = new LocalSecretsManager([{ arn: localSecretArn('UnsubscribeKey'), name: 'UnsubscribeKey', value: key }]);
Object.assign(process.env, {
  AWS_ENDPOINT_URL_SECRETS_MANAGER: await secrets.start(0),
  UNSUBSCRIBE_KEY_SECRET: localSecretArn('UnsubscribeKey'),
  AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
});
process.env.REQUESTS_TABLE ??= 'dsr-requests';
process.env.STATE_MACHINE_ARN ??= 'arn:aws:states:local:000000000000:stateMachine:unused';

const { configure } = await import('../functions/platform/config');
await configure((await import('../functions/platform/aws/secrets')).secrets, 'UNSUBSCRIBE_KEY_SECRET');
await secrets.stop();
const { unsubscribePath } = await import('../functions/intake/unsubscribe');
const base = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const url = `${base}${unsubscribePath(controllerId, purposeId, address)}`;
console.log(`List-Unsubscribe: <${url}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\n${url}`);
