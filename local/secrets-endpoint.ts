/**
 * A local Secrets Manager endpoint (AWS JSON 1.1 protocol) that answers `GetSecretValue`, and
 * nothing else, for the secrets it is given: what functions read their keys from at cold start
 * (`functions/platform/config.ts`), reached through `AWS_ENDPOINT_URL_SECRETS_MANAGER` as any
 * SDK client reaches an emulator. As AWS: a secret is found by its ARN or its name, an unknown one
 * is `ResourceNotFoundException`, an unsigned request is refused, other operations are unknown.
 * Not emulated: IAM (locally every function may read every secret), versions other than
 * AWSCURRENT, rotation. Logs name the operation and outcome, never a secret id or value.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { closeServer, DEFAULT_HOST, listen, readBody, urlFor } from './http-util.ts';

/** One secret the endpoint serves. */
export interface LocalSecret {
  arn: string;
  name: string;
  value: string;
}

/** The ARN a secret of the template has locally, named by its logical id. */
export const localSecretArn = (logicalId: string) => `arn:aws:secretsmanager:us-east-1:000000000000:secret:${logicalId}-local`;

export class LocalSecretsManager {
  private server?: Server;
  private readonly created = Math.floor(Date.now() / 1000);
  private readonly versions = new Map<string, string>();
  url?: string;

  constructor(private readonly secrets: readonly LocalSecret[]) {
    for (const s of secrets) this.versions.set(s.arn, randomUUID());
  }

  async start(port = 0, host = DEFAULT_HOST): Promise<string> {
    this.server = createServer((req, res) => {
      const send = (status: number, body: unknown, errorType?: string) => {
        const text = JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': randomUUID(),
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      };
      const fail = (status: number, type: string, message: string) => send(status, { __type: type, message }, type);
      void readBody(req, 1024 * 1024)
        .then((raw) => {
          const target = String(req.headers['x-amz-target'] ?? '');
          if (req.method !== 'POST' || !target.startsWith('secretsmanager.')) return fail(404, 'UnknownOperationException', 'Unknown operation');
          if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
            return fail(400, 'MissingAuthenticationTokenException', 'Request is missing Authentication Token');
          }
          if (target !== 'secretsmanager.GetSecretValue') return fail(400, 'UnknownOperationException', `${target.slice(15)} is not served locally`);
          let input: { SecretId?: unknown; VersionStage?: unknown; VersionId?: unknown };
          try {
            input = JSON.parse(raw.toString('utf8') || '{}');
          } catch {
            return fail(400, 'SerializationException', 'Malformed request body');
          }
          if (typeof input.SecretId !== 'string' || input.SecretId === '') return fail(400, 'ValidationException', 'SecretId is required');
          const secret = this.secrets.find((s) => s.arn === input.SecretId || s.name === input.SecretId);
          const version = secret ? this.versions.get(secret.arn) : undefined;
          const stageOk = input.VersionStage === undefined || input.VersionStage === 'AWSCURRENT';
          const versionOk = input.VersionId === undefined || input.VersionId === version;
          if (!secret || !stageOk || !versionOk) return fail(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
          send(200, {
            ARN: secret.arn,
            Name: secret.name,
            VersionId: version,
            SecretString: secret.value,
            VersionStages: ['AWSCURRENT'],
            CreatedDate: this.created,
          });
        })
        .catch(() => fail(500, 'InternalServiceError', 'Internal error'));
    });
    this.url = urlFor(host === DEFAULT_HOST ? 'localhost' : host, await listen(this.server, port, host));
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }
}
