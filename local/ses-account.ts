/**
 * What aws-ses-v2-local leaves out of SES and a deployment meets: identities, configuration sets
 * and the sandbox. A small server in front of the emulator answers the SESv2 identity and
 * configuration-set calls and checks every SendEmail as SES does before handing it on:
 *
 * - the From address must be a verified identity (the address or its domain), else `MessageRejected`;
 * - a named configuration set must exist, else `NotFoundException`;
 * - in the sandbox (`sandbox: true`), every recipient must be a verified identity too, else
 *   `MessageRejected`, and at most `maxSendRate` messages (one a second) go out per second, else
 *   429 `TooManyRequestsException` "Maximum sending rate exceeded." (what SESv2 answers; the v1
 *   Query API calls it `Throttling`).
 *
 * An email-address identity is verified as in SES: the address is sent a link (into the mailbox)
 * and is verified once the link is followed. A domain is verified once its DKIM records are
 * published: locally, `POST /local/identities/{domain}/dkim-published` stands for that.
 * Everything else (the mailbox page, `/store`) is the emulator's, passed through.
 *
 * A send SES accepted through a configuration set with an EventBridge event destination, to one of
 * the mailbox simulator's addresses, is handed to `onFeedback` as the bounce or complaint event SES
 * would publish (local/ses-feedback.ts), a moment after the send's answer, as SES's come later too.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen, urlFor } from './http-util.ts';
import { feedbackEvents, isSimulatorAddress, type SentMessage, type SesEventType } from './ses-feedback.ts';

/** An SES identity as GetEmailIdentity describes it. */
interface Identity {
  type: 'EMAIL_ADDRESS' | 'DOMAIN';
  verified: boolean;
  /** The token of the verification link of a pending address. */
  token?: string;
  configurationSetName?: string;
}

/** Options of {@link LocalSesAccount}. */
export interface SesAccountOptions {
  /** Emulate the sandbox: verified recipients only, `maxSendRate` a second. @default false */
  sandbox?: boolean;
  /** Messages a second in the sandbox. @default 1 */
  maxSendRate?: number;
  /** Identities verified from the start (what a deployment and its DNS records give), e.g. the sender's domain. */
  verifiedIdentities?: string[];
  /** Configuration sets that exist from the start (the stack's). */
  configurationSets?: string[];
  /** The region named in refusals, as SES names it. @default us-east-1 */
  region?: string;
  /** The SES event types each configuration set publishes to EventBridge (the template's event destinations). */
  eventDestinations?: Map<string, Set<SesEventType>>;
}

/** The SES account state the front checks sends against. */
export class LocalSesAccount {
  readonly sandbox: boolean;
  readonly maxSendRate: number;
  private readonly identities = new Map<string, Identity>();
  private readonly configurationSets = new Set<string>();
  private readonly region: string;
  /** When each recent message went out, for the sandbox's rate. */
  private recentSends: number[] = [];
  /** How many sends were refused, by SES's error name. */
  readonly refused: Record<string, number> = {};
  private readonly eventDestinations: Map<string, Set<SesEventType>>;
  /** Where the bounce and complaint events of the simulator's addresses go (the runtime's default event bus). */
  onFeedback?: (event: Record<string, unknown>) => void;

  constructor(opts: SesAccountOptions = {}) {
    this.sandbox = opts.sandbox ?? false;
    this.maxSendRate = opts.maxSendRate ?? 1;
    this.region = (opts.region ?? 'us-east-1').toUpperCase();
    for (const id of opts.verifiedIdentities ?? [])
      this.identities.set(id.toLowerCase(), { type: id.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN', verified: true });
    for (const name of opts.configurationSets ?? []) this.configurationSets.add(name);
    this.eventDestinations = opts.eventDestinations ?? new Map();
  }

  /** A message SES took: the simulator's feedback, if any, is published shortly after. */
  accepted(message: SentMessage): void {
    const wanted = message.configurationSetName ? this.eventDestinations.get(message.configurationSetName) : undefined;
    const listener = this.onFeedback;
    if (!wanted?.size || !listener) return;
    const events = feedbackEvents(message, wanted, { region: this.region.toLowerCase(), accountId: '000000000000' });
    for (const event of events) setTimeout(() => listener(event), FEEDBACK_DELAY_MS).unref();
  }

  /** Whether an address may be used: it, or its domain (or a parent domain), is a verified identity. */
  isVerified(address: string): boolean {
    const lower = address.trim().toLowerCase();
    if (this.identities.get(lower)?.verified) return true;
    const domain = lower.split('@')[1] ?? '';
    const labels = domain.split('.');
    for (let i = 0; i < labels.length - 1; i++) if (this.identities.get(labels.slice(i).join('.'))?.verified) return true;
    return false;
  }

  /** Why SES would refuse a send, as its error; undefined when it goes out. */
  checkSend(from: string, recipients: string[], configurationSetName: string | undefined, now = Date.now()): SesError | undefined {
    const refusal = this.refusal(from, recipients, configurationSetName, now);
    if (refusal) this.refused[refusal.type] = (this.refused[refusal.type] ?? 0) + 1;
    return refusal;
  }

  private refusal(from: string, recipients: string[], configurationSetName: string | undefined, now: number): SesError | undefined {
    if (configurationSetName !== undefined && !this.configurationSets.has(configurationSetName)) {
      return new SesError(404, 'NotFoundException', `Configuration set <${configurationSetName}> does not exist.`);
    }
    // The sandbox lets mail go to the mailbox simulator's addresses too.
    const checkedRecipients = this.sandbox ? recipients.map(bareAddress).filter((a) => !isSimulatorAddress(a)) : [];
    const failed = [bareAddress(from), ...checkedRecipients].filter((a) => !this.isVerified(a));
    if (failed.length) {
      return new SesError(
        400,
        'MessageRejected',
        `Email address is not verified. The following identities failed the check in region ${this.region}: ${failed.join(', ')}`,
      );
    }
    if (this.sandbox) {
      this.recentSends = this.recentSends.filter((t) => now - t < 1000);
      // Each recipient counts as a message towards the sending rate.
      if (this.recentSends.length + recipients.length > this.maxSendRate)
        return new SesError(429, 'TooManyRequestsException', 'Maximum sending rate exceeded.');
      for (const _ of recipients) this.recentSends.push(now);
    }
    return undefined;
  }

  createIdentity(name: string, configurationSetName?: string): Identity | SesError {
    const key = name.trim().toLowerCase();
    if (this.identities.has(key)) return new SesError(400, 'AlreadyExistsException', `Email identity ${name} already exist.`);
    const identity: Identity = {
      type: key.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN',
      verified: false,
      ...(key.includes('@') ? { token: randomBytes(16).toString('hex') } : {}),
      ...(configurationSetName ? { configurationSetName } : {}),
    };
    this.identities.set(key, identity);
    return identity;
  }

  getIdentity(name: string): Identity | undefined {
    return this.identities.get(name.trim().toLowerCase());
  }

  listIdentities(): [string, Identity][] {
    return [...this.identities];
  }

  deleteIdentity(name: string): boolean {
    return this.identities.delete(name.trim().toLowerCase());
  }

  /** The address's verification link was followed, or the domain's DKIM records were published. */
  verify(name: string, token?: string): boolean {
    const identity = this.identities.get(name.trim().toLowerCase());
    if (!identity || (identity.type === 'EMAIL_ADDRESS' && identity.token !== token)) return false;
    identity.verified = true;
    delete identity.token;
    return true;
  }

  createConfigurationSet(name: string): SesError | undefined {
    if (this.configurationSets.has(name)) return new SesError(400, 'AlreadyExistsException', `Configuration set <${name}> already exists.`);
    this.configurationSets.add(name);
    return undefined;
  }

  hasConfigurationSet(name: string): boolean {
    return this.configurationSets.has(name);
  }
}

/** How long after SES took a message its simulated feedback arrives (SES's own take seconds). */
const FEEDBACK_DELAY_MS = 50;

/** An SES error answer: status, `x-amzn-ErrorType` and message, as SESv2's REST API gives them. */
export class SesError {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly message: string,
  ) {}
}

/** `Name <a@b>` → `a@b`. */
function bareAddress(address: string): string {
  return (address.match(/<([^>]+)>/)?.[1] ?? address).trim();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
  res.end(JSON.stringify(body));
}

const fail = (res: ServerResponse, e: SesError) => answer(res, e.status, { message: e.message }, e.type);

function describeIdentity(identity: Identity) {
  return {
    IdentityType: identity.type,
    VerifiedForSendingStatus: identity.verified,
    VerificationStatus: identity.verified ? 'SUCCESS' : 'PENDING',
    FeedbackForwardingStatus: true,
    DkimAttributes:
      identity.type === 'DOMAIN'
        ? { SigningEnabled: true, Status: identity.verified ? 'SUCCESS' : 'PENDING', SigningAttributesOrigin: 'AWS_SES', NextSigningKeyLength: 'RSA_2048_BIT' }
        : { SigningEnabled: false, Status: 'NOT_STARTED' },
    Policies: {},
    Tags: [],
    ...(identity.configurationSetName ? { ConfigurationSetName: identity.configurationSetName } : {}),
  };
}

/** A running front: its URL is the SES endpoint the handlers and tests use. */
export interface SesFront {
  url: string;
  port: number;
  account: LocalSesAccount;
  server: Server;
}

/**
 * Starts the front on `port`, checking sends against `account` and handing everything else to the
 * emulator at `upstream`.
 */
export async function startSesFront(account: LocalSesAccount, upstream: string, port: number, host: string): Promise<SesFront> {
  const up = new URL(upstream);
  let selfUrl = '';
  /** Hands a request on to the emulator; `answered`, if given, sees the emulator's answer once it is complete. */
  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer, answered?: (status: number, body: Buffer) => void) => {
    const out = httpRequest(
      {
        host: up.hostname,
        port: up.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: up.host, 'content-length': String(body.length) },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        if (!answered) return void r.pipe(res);
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => {
          chunks.push(c);
          res.write(c);
        });
        r.on('end', () => {
          res.end();
          try {
            answered(r.statusCode ?? 502, Buffer.concat(chunks));
          } catch {
            // an answer that is not JSON: nothing to publish
          }
        });
      },
    );
    out.on('error', () => answer(res, 502, { message: 'SES emulator unavailable' }));
    out.end(body);
  };
  /** Puts a message into the emulator's mailbox, as SES sends its own (verification) mail. */
  const deliver = (to: string, subject: string, text: string) =>
    new Promise<void>((resolve) => {
      const body = Buffer.from(
        JSON.stringify({
          FromEmailAddress: 'no-reply-aws@amazon.com',
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: text } } } },
        }),
      );
      const out = httpRequest(
        {
          host: up.hostname,
          port: up.port,
          method: 'POST',
          path: '/v2/email/outbound-emails',
          headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 local', 'content-length': String(body.length) },
        },
        (r) => r.resume().on('end', () => resolve()),
      );
      out.on('error', () => resolve());
      out.end(body);
    });

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://local');
      const path = url.pathname;
      const json = () => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : {});

      if (req.method === 'POST' && (path === '/v2/email/outbound-emails' || path === '/v2/email/outbound-bulk-emails')) {
        const input = json();
        const d = input.Destination ?? {};
        const recipients = [...(d.ToAddresses ?? []), ...(d.CcAddresses ?? []), ...(d.BccAddresses ?? [])] as string[];
        const refusal = account.checkSend(String(input.FromEmailAddress ?? ''), recipients, input.ConfigurationSetName);
        if (refusal) return fail(res, refusal);
        return pass(req, res, body, (status, answered) => {
          if (status !== 200) return;
          const messageId = (JSON.parse(answered.toString('utf8') || '{}') as { MessageId?: string }).MessageId;
          if (!messageId) return;
          account.accepted({
            messageId,
            from: String(input.FromEmailAddress ?? ''),
            recipients,
            subject: input.Content?.Simple?.Subject?.Data,
            configurationSetName: input.ConfigurationSetName,
            tags: Array.isArray(input.EmailTags) ? input.EmailTags : [],
          });
        });
      }
      if (req.method === 'GET' && path === '/v2/email/account') {
        return answer(res, 200, {
          ProductionAccessEnabled: !account.sandbox,
          SendingEnabled: true,
          EnforcementStatus: 'HEALTHY',
          SendQuota: account.sandbox
            ? { Max24HourSend: 200, MaxSendRate: account.maxSendRate, SentLast24Hours: 0 }
            : { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
        });
      }
      if (path === '/v2/email/identities' && req.method === 'POST') {
        const input = json();
        const name = String(input.EmailIdentity ?? '');
        if (!name) return fail(res, new SesError(400, 'BadRequestException', 'EmailIdentity is required.'));
        const created = account.createIdentity(name, input.ConfigurationSetName);
        if (created instanceof SesError) return fail(res, created);
        if (created.token) {
          const link = `${selfUrl}/local/identities/${encodeURIComponent(name)}/verify?token=${created.token}`;
          await deliver(
            name,
            'Amazon Web Services – Email Address Verification Request',
            `To verify ${name} for sending with Amazon SES, follow this link:\n${link}\n`,
          );
        }
        return answer(res, 200, { IdentityType: created.type, VerifiedForSendingStatus: false, DkimAttributes: describeIdentity(created).DkimAttributes });
      }
      if (path === '/v2/email/identities' && req.method === 'GET') {
        return answer(res, 200, {
          EmailIdentities: account.listIdentities().map(([IdentityName, i]) => ({
            IdentityName,
            IdentityType: i.type,
            SendingEnabled: i.verified,
            VerificationStatus: i.verified ? 'SUCCESS' : 'PENDING',
          })),
        });
      }
      const identityPath = path.match(/^\/v2\/email\/identities\/([^/]+)$/);
      if (identityPath) {
        const name = decodeURIComponent(identityPath[1]!);
        if (req.method === 'DELETE') return account.deleteIdentity(name) ? answer(res, 200, {}) : fail(res, notFoundIdentity(name));
        const identity = account.getIdentity(name);
        return identity ? answer(res, 200, describeIdentity(identity)) : fail(res, notFoundIdentity(name));
      }
      if (path === '/v2/email/configuration-sets' && req.method === 'POST') {
        const refusal = account.createConfigurationSet(String(json().ConfigurationSetName ?? ''));
        return refusal ? fail(res, refusal) : answer(res, 200, {});
      }
      const setPath = path.match(/^\/v2\/email\/configuration-sets\/([^/]+)$/);
      if (setPath && req.method === 'GET') {
        const name = decodeURIComponent(setPath[1]!);
        return account.hasConfigurationSet(name)
          ? answer(res, 200, { ConfigurationSetName: name, SendingOptions: { SendingEnabled: true }, DeliveryOptions: { TlsPolicy: 'REQUIRE' } })
          : fail(res, new SesError(404, 'NotFoundException', `Configuration set <${name}> does not exist.`));
      }
      // The local stand-ins for following a verification link and publishing DKIM records.
      const verifyPath = path.match(/^\/local\/identities\/([^/]+)\/(verify|dkim-published)$/);
      if (verifyPath) {
        const ok = account.verify(decodeURIComponent(verifyPath[1]!), url.searchParams.get('token') ?? undefined);
        return answer(res, ok ? 200 : 404, { verified: ok });
      }
      return pass(req, res, body);
    })().catch(() => answer(res, 500, { message: 'local SES front failed' }));
  });
  const bound = await listen(server, port, host);
  selfUrl = urlFor(host, bound);
  return { url: selfUrl, port: bound, account, server };
}

const notFoundIdentity = (name: string) => new SesError(404, 'NotFoundException', `Email identity <${name}> does not exist.`);
