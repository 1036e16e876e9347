import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The functions behind each route group of {@link SubjectApi}. */
export interface SubjectApiProps {
  /** `GET /`, `GET /{locale}`, `GET /c/{controllerId}[/{locale}]`: the request form, per controller. */
  readonly form: IFunction;
  /** `POST /v1/requests`: a data subject's request; `GET /v1/requests/{requestId}/sent`: the page after it. */
  readonly intake: IFunction;
  /** `GET`/`POST /v1/requests/{requestId}/verify`: proof of control of the email address. */
  readonly verify: IFunction;
  /** `GET /v1/requests/{requestId}/status`, and `GET`/`POST /v1/requests/{requestId}/cancel` (the subject confirms, and withdraws). */
  readonly status: IFunction;
  /** `POST /v1/requests/{requestId}/reply`: the subject answers staff's request for information (Art. 12(6)). */
  readonly reply: IFunction;
  /** `GET`/`POST /v1/unsubscribe/{controllerId}/{purposeId}`: one-click unsubscribe links (RFC 8058). */
  readonly unsubscribe: IFunction;
  /** `GET`/`POST /v1/mailing-tools/{controllerId}/{toolId}`: a mailing tool's webhook (Mailchimp's unsubscribe events). */
  readonly mailingToolWebhook: IFunction;
  /** `POST /v1/suppression/check`: a signup form asks whether an address may be added again. */
  readonly suppressionCheck: IFunction;
  /** `GET /v1/requests/{requestId}/package` and `…/package/view`: the copy of the data (Art. 15(3)), and its index as a page. */
  readonly download: IFunction;
  /** `POST /v1/opendsr/callback`: signed status callbacks of OpenDSR processors. */
  readonly opendsrCallback: IFunction;
  /** `POST /v1/webhooks/callback/{requestId}/{processorId}`: the later answers of the organisations' own Lambdas and webhooks. */
  readonly processorCallback?: IFunction;
  /** `GET`/`POST /v1/tasks/{requestId}/{processorId}`: vendors' and staff members' one-time links. */
  readonly task: IFunction;
  /** GET /transparency/{controllerId}: published aggregate figures. */
  readonly transparency: IFunction;
  /** GET /v1/openapi.json: the API's OpenAPI 3.1 document. */
  readonly openApi: IFunction;
  /** The stage's default throttle, for a route without settings of its own (each has its group's: see `api-protection.ts`). @default 20 */
  readonly rateLimit?: number;
  /** @default 40 */
  readonly burstLimit?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly accessLogRetention?: RetentionDays;
  /** The customer-managed key the access log group is encrypted with. */
  readonly logEncryptionKey?: IKey;
}

/**
 * Every line of the access log. Tokens travel in query strings, so neither the path with its query
 * nor the request line is logged; the route key names the route without them. The source IP stays:
 * it is what lets abuse of the intake (verification mail to strangers) be traced, for one month.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The public HTTP API the data subject uses without an account: the form, intake, verification,
 * status and download; and what answers waiting branches: OpenDSR callbacks and the one-time task
 * links of vendors and staff. One Lambda per route group; a `$default` stage with throttling and access logs.
 */
export class SubjectApi extends Construct {
  public readonly httpApi: HttpApi;
  public readonly stage: HttpStage;
  public readonly accessLogGroup: LogGroup;
  /** Base URL without trailing slash, e.g. `https://abc.execute-api.eu-north-1.amazonaws.com`. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: SubjectApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Data-subject requests: form, intake, verification, status, download, processor callbacks and tasks',
      // Our own $default stage below carries throttling and access logs.
      createDefaultStage: false,
    });

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      encryptionKey: props.logEncryptionKey,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 20, burstLimit: props.burstLimit ?? 40 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.url = this.httpApi.apiEndpoint;

    // Every route here is public: data subjects have no account (GDPR Art. 12(2): do not make
    // exercising rights harder). Each route is acknowledged on its own, with how it is protected,
    // so that a route added to this API later (the staff routes) is checked by cdk-nag.
    const route = (path: string, methods: HttpMethod[], integration: HttpLambdaIntegration, reason: string) => {
      for (const r of this.httpApi.addRoutes({ path, methods, integration })) {
        Validations.of(r).acknowledge({ id: 'AwsSolutions-APIG4', reason });
      }
    };
    const lambda = (name: string, fn: IFunction) => new HttpLambdaIntegration(`${name}Integration`, fn);

    const form = lambda('Form', props.form);
    const formReason = 'The request form is public by design: data subjects have no account (GDPR Art. 12(2)); it shows no stored data.';
    route('/', [HttpMethod.GET], form, formReason);
    route('/{locale}', [HttpMethod.GET], form, formReason);
    route('/c/{controllerId}', [HttpMethod.GET], form, formReason);
    route('/c/{controllerId}/{locale}', [HttpMethod.GET], form, formReason);
    const intake = lambda('Intake', props.intake);
    route(
      '/v1/requests',
      [HttpMethod.POST],
      intake,
      'Intake is public by design (no accounts for data subjects, GDPR Art. 12(2)); a request does nothing until the emailed single-use link confirms it, and the stage is throttled.',
    );
    route(
      '/v1/requests/{requestId}/sent',
      [HttpMethod.GET],
      intake,
      'The page after the form is authorised by a 256-bit key the form post redirected to, checked against its stored hash in the handler; it shows the address typed for an hour at most, and changes nothing.',
    );
    route(
      '/v1/requests/{requestId}/verify',
      [HttpMethod.GET, HttpMethod.POST],
      lambda('Verify', props.verify),
      'Verification is authorised by the single-use 256-bit token of the emailed link, checked against its stored hash in the handler.',
    );
    route(
      '/v1/requests/{requestId}/status',
      [HttpMethod.GET],
      lambda('Status', props.status),
      'Status is authorised by the per-request status key from the emailed link, checked in the handler; it shows ids, dates and statuses only.',
    );
    route(
      '/v1/requests/{requestId}/cancel',
      [HttpMethod.GET, HttpMethod.POST],
      lambda('Withdraw', props.status),
      'Withdrawal is authorised by the per-request status key from the emailed link, checked in the handler before the guarded write; GET only shows the page asking to confirm.',
    );
    route(
      '/v1/requests/{requestId}/reply',
      [HttpMethod.POST],
      lambda('Reply', props.reply),
      "The subject's answer to a request for information is authorised by the per-request status key from the emailed link, checked in the handler before the guarded write.",
    );
    route(
      '/v1/unsubscribe/{controllerId}/{purposeId}',
      [HttpMethod.GET, HttpMethod.POST],
      lambda('Unsubscribe', props.unsubscribe),
      "A one-click unsubscribe link is authorised by its HMAC over the controller, the consent purpose and the address, made with the key the controller's mailer signs with, checked in the handler; GET only shows a button.",
    );
    route(
      '/v1/mailing-tools/{controllerId}/{toolId}',
      [HttpMethod.GET, HttpMethod.POST],
      lambda('MailingToolWebhook', props.mailingToolWebhook),
      "A mailing tool's webhook is authorised by the key in its URL (the tool signs nothing), compared in the handler with the secret the register names for that tool, before the body is read.",
    );
    route(
      '/v1/suppression/check',
      [HttpMethod.POST],
      lambda('SuppressionCheck', props.suppressionCheck),
      "The suppression check is authorised by the controller's API key (Authorization: Bearer), compared in the handler with the secret the register names, before the body is read; it answers yes or no only.",
    );
    route(
      '/v1/requests/{requestId}/package',
      [HttpMethod.GET],
      lambda('Download', props.download),
      'Download is authorised by the 256-bit download token of the emailed link, checked against its stored hash and expiry in the handler.',
    );
    route(
      '/v1/requests/{requestId}/package/view',
      [HttpMethod.GET],
      lambda('DownloadView', props.download),
      "The package's page is authorised by the same download token, checked against its stored hash and expiry in the handler.",
    );
    route(
      '/v1/opendsr/callback',
      [HttpMethod.POST],
      lambda('OpendsrCallback', props.opendsrCallback),
      "OpenDSR callbacks are authenticated by their signature against the processor's declared certificate trust roots, checked in the handler.",
    );
    if (props.processorCallback) {
      route(
        '/v1/webhooks/callback/{requestId}/{processorId}',
        [HttpMethod.POST],
        lambda('ProcessorCallback', props.processorCallback),
        "An in-house system's callback is authenticated in the handler: a webhook's HMAC signature with its secret inside the replay window, a Lambda's one-time token.",
      );
    }
    route(
      '/v1/tasks/{requestId}/{processorId}',
      [HttpMethod.GET, HttpMethod.POST],
      lambda('Task', props.task),
      "A vendor's or staff member's task link is authorised by its one-time token, checked against the branch's stored hash in the handler.",
    );
    route(
      '/transparency/{controllerId}',
      [HttpMethod.GET],
      lambda('Transparency', props.transparency),
      'Transparency figures are public by design: aggregate counts only, read from one stored item, for controllers that publish them.',
    );
    route('/v1/openapi.json', [HttpMethod.GET], lambda('OpenApi', props.openApi), "The API's description is public by design: routes and schemas, no data.");
  }
}
