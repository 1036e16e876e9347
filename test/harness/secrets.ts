/**
 * Secrets for code that runs a handler's configuration outside the local runtime (unit tests, a
 * suite calling step code itself): the local Secrets Manager endpoint serving the given values,
 * and the variables naming them set as a deployed function has them. Real reads over the SDK, as
 * at a cold start.
 */
import { LocalSecretsManager, localSecretArn } from '../../local/secrets-endpoint.ts';

/** The variables that name a secret (functions/platform/config.ts). */
export type SecretVariable = 'SUPPRESSION_KEY_SECRET' | 'UNSUBSCRIBE_KEY_SECRET';

/** Serves `values` by variable, points the SDK at the endpoint and sets each variable to its secret's ARN. */
export async function serveSecrets(values: Partial<Record<SecretVariable, string>>): Promise<{ url: string; stop(): Promise<void> }> {
  const secrets = Object.entries(values).map(([variable, value]) => ({ variable, arn: localSecretArn(variable), name: variable, value: value! }));
  const endpoint = new LocalSecretsManager(secrets);
  const url = await endpoint.start(0);
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = url;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  for (const s of secrets) process.env[s.variable] = s.arn;
  return { url, stop: () => endpoint.stop() };
}
