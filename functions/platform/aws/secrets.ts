import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The one Secrets Manager client of a function (locally the runtime's endpoint, through
 * AWS_ENDPOINT_URL_SECRETS_MANAGER), behind Powertools Parameters. Read once, at cold start, by
 * `configure` (functions/platform/config.ts).
 */
export const secrets = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({}) });
